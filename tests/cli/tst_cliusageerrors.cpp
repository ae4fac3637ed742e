#include "CliOptionsTest.h"

// deepart-cli's refusals of bad flags and values, for one run and for batches, before anything is
// loaded.
class TestCliUsageErrors : public CliOptionsTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("size text") << QStringList{"--size", "big"} << "--size: 'big'";
        QTest::newRow("size small") << QStringList{"--size", "8"} << "from 16 to 16384";
        QTest::newRow("iterations 0") << QStringList{"--iterations", "0"} << "--iterations";
        QTest::newRow("lr 0") << QStringList{"--learning-rate", "0"} << "--learning-rate";
        QTest::newRow("weight nan") << QStringList{"--style-weight", "nan"} << "--style-weight";
        QTest::newRow("weight negative") << QStringList{"--tv-weight", "-1"} << "--tv-weight";
        QTest::newRow("ratio") << QStringList{"--noise-ratio", "1.5"} << "--noise-ratio";
        QTest::newRow("seed") << QStringList{"--seed", "-3"} << "--seed";
        QTest::newRow("init") << QStringList{"--init", "random"}
                              << "allowed: content, noise, blend, image";
        QTest::newRow("init image without file")
            << QStringList{"--init", "image"} << "--init image needs --init-image FILE";
        QTest::newRow("init image with another init")
            << QStringList{"--init-image", "x.png", "--init", "noise"}
            << "--init-image starts from an image; it cannot go with --init noise";
        QTest::newRow("blend count")
            << QStringList{"--style", "b.jpg", "--style-blend", "1"} << "1 weight for 2 styles";
        QTest::newRow("blend negative")
            << QStringList{"--style-blend", "-1"} << "--style-blend: '-1' is not valid";
        QTest::newRow("blend all zero") << QStringList{"--style-blend", "0"} << "all 0";
        QTest::newRow("scale zero")
            << QStringList{"--style-scale", "0"} << "--style-scale: '0' is not valid";
        QTest::newRow("scale count")
            << QStringList{"--style-scale", "1,2"} << "2 scales for 1 style";
        QTest::newRow("too many masks")
            << QStringList{"--style-mask", "a.png", "--style-mask", "b.png"}
            << "2 masks for 1 style";
        QTest::newRow("colours") << QStringList{"--preserve-colors", "sepia"}
                                 << "allowed: none, luminance, match";
        QTest::newRow("look") << QStringList{"--look", "noir"}
                              << "allowed: painting-colors, photo-colors, photo-palette";
        QTest::newRow("pooling") << QStringList{"--pooling", "min"} << "allowed: max, avg";
        QTest::newRow("optimizer") << QStringList{"--optimizer", "sgd"} << "allowed: adam, lbfgs";
        QTest::newRow("preset") << QStringList{"--preset", "quick"}
                                << "allowed: seed, fast, fine, print";
        QTest::newRow("tile small")
            << QStringList{"--tile", "32"} << "--tile: 32 is too small; use 0 (automatic) or 64 px";
        QTest::newRow("tile text") << QStringList{"--tile", "big"} << "--tile: 'big'";
        QTest::newRow("bit depth")
            << QStringList{"--bit-depth", "12"} << "--bit-depth: '12' is not valid; allowed: 8, 16";
        QTest::newRow("dpi zero") << QStringList{"--dpi", "0"} << "--dpi: '0' is not valid";
        QTest::newRow("scales text") << QStringList{"--scales", "128,big"} << "--scales";
        QTest::newRow("scales order") << QStringList{"--scales", "256,128"} << "must increase";
        QTest::newRow("scales vs size")
            << QStringList{"--scales", "128,256", "--size", "512"} << "must be the --size";
        QTest::newRow("scale counts")
            << QStringList{"--scales", "128,256", "--scale-iterations", "5"}
            << "1 counts for 2 scales";
        QTest::newRow("counts alone") << QStringList{"--scale-iterations", "5"} << "needs --scales";
        QTest::newRow("history") << QStringList{"--lbfgs-history", "0"} << "--lbfgs-history";
        QTest::newRow("line search")
            << QStringList{"--line-search", "armijo"} << "allowed: none, strong-wolfe";
        QTest::newRow("device") << QStringList{"--device", "tpu"} << "allowed: auto, cpu, cuda";
        QTest::newRow("precision")
            << QStringList{"--precision", "int8"} << "allowed: auto, fp32, tf32, bf16, fp16";
        QTest::newRow("output type") << QStringList{"--output", "x.gif"} << "unsupported file type";
        QTest::newRow("unknown flag") << QStringList{"--colour"} << "Unknown option 'colour'";
        QTest::newRow("stray") << QStringList{"extra.jpg"} << "unexpected argument 'extra.jpg'";
        QTest::newRow("timelapse type") << QStringList{"--timelapse", "run.gif"}
                                        << "--timelapse: 'run.gif' has an unsupported video type; "
                                           "use .mp4, .webm, .webp or .avi";
        QTest::newRow("timelapse every 0")
            << QStringList{"--timelapse", "t.mp4", "--timelapse-every", "0"}
            << "--timelapse-every: '0' is not valid; expected a whole number from 1";
        QTest::newRow("timelapse fps 0")
            << QStringList{"--timelapse", "t.mp4", "--timelapse-fps", "0"}
            << "--timelapse-fps: '0' is not valid";
        QTest::newRow("timelapse fps huge")
            << QStringList{"--timelapse", "t.mp4", "--timelapse-fps", "1000"} << "<= 240";
        QTest::newRow("every without timelapse")
            << QStringList{"--timelapse-every", "5"} << "--timelapse-every needs --timelapse FILE";
        QTest::newRow("fps without timelapse")
            << QStringList{"--timelapse-fps", "5"} << "--timelapse-fps needs --timelapse FILE";
        QTest::newRow("side by side without timelapse")
            << QStringList{"--timelapse-side-by-side"}
            << "--timelapse-side-by-side needs --timelapse FILE";
    }

    void usageErrors() {
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        const auto r = parse(required() + extra);
        QVERIFY(!r.options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromStdString(r.message).contains(expected), r.message.c_str());
    }

    void batchUsageErrors_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("expected");
        const QString jobs = batchDir_.filePath(QStringLiteral("jobs.json"));
        const QString images = batchDir_.filePath(QStringLiteral("content"));
        const QString styles = batchDir_.filePath(QStringLiteral("styles"));
        const QString none = batchDir_.filePath(QStringLiteral("none"));
        QTest::newRow("both kinds") << QStringList{"--batch", jobs, "--content-dir", images}
                                    << "--batch cannot go with --content-dir";
        const QStringList folders = {"--content-dir", images,         "--style-dir",
                                     styles,          "--output-dir", none};
        for (const char* bad : {"0/3", "4/3", "2", "a/b", "1/0", "-1/2"})
            QTest::newRow(qPrintable(QStringLiteral("shard %1").arg(QLatin1String(bad))))
                << folders + QStringList{"--shard", bad}
                << "--shard: '" + QString(bad) + "' is not valid";
        QTest::newRow("folders alone")
            << QStringList{"--content-dir", images, "--style-dir", styles}
            << "--content-dir, --style-dir and --output-dir go together";
        QTest::newRow("output") << QStringList{"--batch", jobs, "--output", "x.png"}
                                << "--output is for a single run; it cannot go with --batch";
        QTest::newRow("content")
            << QStringList{"--content-dir", images, "--style-dir", styles,
                           "--output-dir",  none,   "--content",   "c.jpg"}
            << "--content is for a single run; it cannot go with --content-dir";
        QTest::newRow("style mask") << QStringList{"--batch", jobs, "--style-mask", "m.png"}
                                    << "--style-mask is for a single run";
        QTest::newRow("timelapse") << QStringList{"--batch", jobs, "--timelapse", "t.mp4"}
                                   << "--timelapse is for a single run";
        QTest::newRow("log") << QStringList{"--batch", jobs, "--log-json", "l.jsonl"}
                             << "--log-json is for a single run";
        QTest::newRow("print") << QStringList{"--batch", jobs, "--print-settings"}
                               << "--print-settings is for a single run";
        QTest::newRow("settings") << QStringList{"--batch", jobs, "--settings", "s.json"}
                                  << "--settings cannot go with --batch: each job has its settings";
        QTest::newRow("bad flag") << QStringList{"--batch", jobs, "--size", "big"}
                                  << "--size: 'big' is not valid";
        QTest::newRow("one style per folder job")
            << QStringList{"--content-dir", images, "--style-dir",   styles,
                           "--output-dir",  none,   "--style-blend", "1,2"}
            << "--style-blend: 2 weights for 1 style";
        QTest::newRow("missing jobs file")
            << QStringList{"--batch", batchDir_.filePath(QStringLiteral("nowhere.json"))}
            << "jobs file '" + batchDir_.filePath(QStringLiteral("nowhere.json")) +
                   "': file not found";
        QTest::newRow("not json") << QStringList{"--batch",
                                                 batchFile("broken.json", "{\"jobs\": [")}
                                  << "is not valid JSON";
        QTest::newRow("no jobs") << QStringList{"--batch",
                                                batchFile("empty.json", "{\"jobs\": []}")}
                                 << "has no jobs";
        QTest::newRow("unknown key")
            << QStringList{"--batch", batchFile("typo.json", "{\"jbos\": []}")}
            << "unknown key 'jbos'";
        QTest::newRow("not a jobs file")
            << QStringList{"--batch", batchFile("array.json", "[]")} << "expected {\"jobs\": [";
        QTest::newRow("missing folder")
            << QStringList{"--content-dir", none, "--style-dir", styles, "--output-dir", none}
            << "--content-dir '" + none + "' does not exist";
        QTest::newRow("folder without images")
            << QStringList{"--content-dir", images,
                           "--style-dir",   batchDir_.filePath(QStringLiteral("no-images")),
                           "--output-dir",  none}
            << "has no images";
    }

    // Batch-only flags say so on a single run.
    void batchFlagsNeedABatch() {
        for (const char* flag : {"--shard", "--skip-existing"}) {
            QStringList args = required();
            args << QLatin1String(flag);
            if (QLatin1String(flag) == QLatin1String("--shard"))
                args << QStringLiteral("1/2");
            const auto r = parse(args);
            QVERIFY(!r.options);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(QString::fromStdString(r.message).contains(QStringLiteral("is for batches")),
                     r.message.c_str());
        }
    }

    void batchUsageErrors() {
        QFETCH(QStringList, args);
        QFETCH(QString, expected);
        const auto r = parse(args);
        QVERIFY(!r.options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromStdString(r.message).startsWith(QStringLiteral("deepart-cli: ")),
                 r.message.c_str());
        QVERIFY2(QString::fromStdString(r.message).contains(expected), r.message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestCliUsageErrors)
#include "tst_cliusageerrors.moc"
