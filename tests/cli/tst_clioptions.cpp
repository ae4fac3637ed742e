#include "CliOptions.h"
#include "Looks.h"
#include "Presets.h"
#include "SettingsJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

class TestCliOptions : public QObject {
    Q_OBJECT
private:
    // Jobs files and image folders for the batch cases (only names: nothing is decoded while
    // parsing).
    QTemporaryDir batchDir_;

    QString batchFile(const char* name, const QByteArray& text) {
        const QString path = batchDir_.filePath(QLatin1String(name));
        QDir().mkpath(QFileInfo(path).path());
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    static CliParseResult parse(QStringList args) {
        args.prepend(QStringLiteral("deepart-cli"));
        return parseCliArguments(args);
    }
    static QStringList required() {
        return {QStringLiteral("--content"), QStringLiteral("c.jpg"), QStringLiteral("--style"),
                QStringLiteral("s.jpg")};
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(batchDir_.isValid());
        batchFile("jobs.json", R"({"jobs": [{"settings": {}, "output": "x.png"}]})");
        batchFile("content/b.jpg", "");
        batchFile("content/a.png", "");
        batchFile("content/notes.txt", "");
        batchFile("styles/s2.PNG", "");
        batchFile("styles/s1.jpg", "");
        batchFile("no-images/readme.md", "");
    }

    void seedDefaults() {
        const auto r = parse(required());
        QVERIFY(r.options);
        const auto& o = *r.options;
        const auto& t = o.run.transfer;
        QCOMPARE(t.outputSize(), 512);
        QCOMPARE(o.outputPath, std::string("deepart.png"));
        QCOMPARE(t.scales, (std::vector<ScaleStep>{{512, 1000}}));
        QCOMPARE(t.saveEvery, 200);
        QCOMPARE(t.optimizer, OptimizerKind::Adam);
        QCOMPARE(t.adam.learningRate, 0.02);
        QCOMPARE(t.adam.finalLearningRate, 0.02);
        QCOMPARE(t.lossWeights.content, 1e4);
        QCOMPARE(t.lossWeights.style, 1e-2);
        QCOMPARE(t.lossWeights.tv, 7.5);
        QCOMPARE(t.noiseRatio, 0.6);
        QCOMPARE(t.init, InitMode::Content);
        QCOMPARE(t.pooling, Pooling::Max);
        QCOMPARE(t.device, DeviceChoice::Auto);
        QCOMPARE(o.threads, 0);
        QCOMPARE(matchingPreset(t), Preset::Seed);
        QCOMPARE(o.run.contentPath, std::string("c.jpg"));
    }

    void readsEveryFlag() {
        auto args = required();
        args << QStringLiteral("--output=out.jpg") << QStringLiteral("--size=64")
             << QStringLiteral("--iterations=7") << QStringLiteral("--learning-rate=0.5")
             << QStringLiteral("--content-weight=2") << QStringLiteral("--style-weight=3")
             << QStringLiteral("--tv-weight=0") << QStringLiteral("--init=blend")
             << QStringLiteral("--noise-ratio=0.25") << QStringLiteral("--seed=99")
             << QStringLiteral("--pooling=avg") << QStringLiteral("--optimizer=adam")
             << QStringLiteral("--device=cpu") << QStringLiteral("--threads=3")
             << QStringLiteral("--save-every=0") << QStringLiteral("--snapshot-dir=snaps")
             << QStringLiteral("--log-json=log.jsonl") << QStringLiteral("--quiet")
             << QStringLiteral("--weights=w.h5") << QStringLiteral("--tile=512");
        const auto r = parse(args);
        QVERIFY2(r.options, r.message.c_str());
        const auto& o = *r.options;
        const auto& t = o.run.transfer;
        QCOMPARE(t.tileSize, 512);
        QCOMPARE(o.outputPath, std::string("out.jpg"));
        QCOMPARE(t.scales, (std::vector<ScaleStep>{{64, 7}}));
        QCOMPARE(t.adam.learningRate, 0.5);
        QCOMPARE(t.adam.finalLearningRate, 0.5); // a constant rate stays constant
        QCOMPARE(t.lossWeights.content, 2.0);
        QCOMPARE(t.lossWeights.style, 3.0);
        QCOMPARE(t.lossWeights.tv, 0.0);
        QCOMPARE(t.init, InitMode::Blend);
        QCOMPARE(t.noiseRatio, 0.25);
        QCOMPARE(t.seed, std::uint64_t(99));
        QCOMPARE(t.pooling, Pooling::Average);
        QCOMPARE(t.device, DeviceChoice::Cpu);
        QCOMPARE(o.threads, 3);
        QCOMPARE(t.saveEvery, 0);
        QCOMPARE(o.snapshotDir, std::string("snaps"));
        QCOMPARE(o.logJsonPath, std::string("log.jsonl"));
        QCOMPARE(o.weightsPath, std::string("w.h5"));
        QVERIFY(o.quiet);
    }

    void printOutputFlags() {
        const auto r =
            parse(required() << QStringLiteral("--output=big.tif")
                             << QStringLiteral("--bit-depth=16") << QStringLiteral("--dpi=300")
                             << QStringLiteral("--size=4096") << QStringLiteral("--preset=print"));
        QVERIFY2(r.options, r.message.c_str());
        QCOMPARE(r.options->outputFormat.bitDepth, 16);
        QCOMPARE(r.options->outputFormat.dpi, 300.0);
        // print: 512 px with 400 iterations, a third as many at each doubling up to the output.
        QCOMPARE(r.options->run.transfer.scales,
                 (std::vector<ScaleStep>{{512, 400}, {1024, 133}, {2048, 44}, {4096, 14}}));
        QCOMPARE(r.options->run.transfer.precision, Precision::Auto);
        QCOMPARE(r.options->run.transfer.tileSize, 0);
    }

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
        QTest::newRow("timelapse type")
            << QStringList{"--timelapse", "run.gif"}
            << "--timelapse: 'run.gif' has an unsupported video type; use .mp4 or .avi";
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

    void severalStylesWithBlendScaleMasks() {
        const auto r =
            parse({"--content", "c.jpg", "--style", "a.jpg", "--style", "b.jpg", "--style", "c.jpg",
                   "--style-blend", "0.5,0.3,0.2", "--style-scale", "0.5,1,2", "--style-mask",
                   "sky.png", "--style-mask", "-", "--preserve-colors", "match"});
        QVERIFY2(r.options, r.message.c_str());
        const RunSettings& run = r.options->run;
        QCOMPARE(int(run.styles.size()), 3);
        QVERIFY(run.styles[0] == StyleSource("a.jpg", 0.5, 0.5, "sky.png"));
        QVERIFY(run.styles[1] == StyleSource("b.jpg", 0.3, 1.0, ""));
        QVERIFY(run.styles[2] == StyleSource("c.jpg", 0.2, 2.0, "")); // no mask given: whole
        QCOMPARE(run.transfer.colors, ColorMode::Match);
    }

    void oneScaleForAllAndDefaults() {
        const auto r = parse(
            {"--content", "c.jpg", "--style", "a.jpg", "--style", "b.jpg", "--style-scale", "1.5"});
        QVERIFY2(r.options, r.message.c_str());
        const auto& styles = r.options->run.styles;
        QCOMPARE(styles[0].scale, 1.5);
        QCOMPARE(styles[1].scale, 1.5);
        QCOMPARE(styles[0].weight, 1.0); // equal weights by default
        QCOMPARE(styles[1].weight, 1.0);
        QCOMPARE(r.options->run.transfer.colors, ColorMode::None);
    }

    void lookThenFlags() {
        auto r = parse(required() + QStringList{"--look", "bold-strokes"});
        QVERIFY(r.options);
        QCOMPARE(r.options->run.styles[0].scale, 0.5);
        QCOMPARE(matchingLook(r.options->run), Look::BoldStrokes);
        r = parse(required() + QStringList{"--look", "photo-colors"});
        QCOMPARE(r.options->run.transfer.colors, ColorMode::Luminance);
        // A flag given as well wins over the look.
        r = parse(required() + QStringList{"--look", "photo-colors", "--preserve-colors", "none",
                                           "--style-scale", "2"});
        QCOMPARE(r.options->run.transfer.colors, ColorMode::None);
        QCOMPARE(matchingLook(r.options->run), Look::FineStrokes);
    }

    void initImageImpliesImageMode() {
        const auto r = parse(required() + QStringList{"--init-image", "earlier.png"});
        QVERIFY(r.options);
        QCOMPARE(r.options->run.transfer.init, InitMode::Image);
        QCOMPARE(r.options->run.initImagePath, std::string("earlier.png"));
    }

    void styleFlagsReplaceTheSettingsFileStyles() {
        QTemporaryDir dir;
        RunSettings file;
        file.contentPath = "c.jpg";
        file.styles = {StyleSource("x.jpg", 2.0, 0.5, "m.png"), StyleSource("y.jpg")};
        const QString path = dir.filePath(QStringLiteral("s.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(runSettingsToJsonText(file));
        out.close();
        // Without --style the file's styles stay, and --style-blend adjusts them.
        auto r = parse({"--settings", path, "--style-blend", "1,3"});
        QVERIFY2(r.options, r.message.c_str());
        QCOMPARE(int(r.options->run.styles.size()), 2);
        QVERIFY(r.options->run.styles[0] == StyleSource("x.jpg", 1.0, 0.5, "m.png"));
        QCOMPARE(r.options->run.styles[1].weight, 3.0);
        // --style replaces them.
        r = parse({"--settings", path, "--style", "z.jpg"});
        QVERIFY(r.options);
        QCOMPARE(int(r.options->run.styles.size()), 1);
        QVERIFY(r.options->run.styles[0] == StyleSource("z.jpg"));
    }

    void usageErrors() {
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        const auto r = parse(required() + extra);
        QVERIFY(!r.options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromStdString(r.message).contains(expected), r.message.c_str());
    }

    void scalesAndOptimizer() {
        auto args = required();
        args << QStringLiteral("--scales=128,256,512")
             << QStringLiteral("--scale-iterations=300,200,100")
             << QStringLiteral("--optimizer=lbfgs") << QStringLiteral("--learning-rate=0.8")
             << QStringLiteral("--lbfgs-history=20") << QStringLiteral("--line-search=strong-wolfe")
             << QStringLiteral("--warmup=5");
        const auto r = parse(args);
        QVERIFY2(r.options, r.message.c_str());
        const auto& t = r.options->run.transfer;
        QCOMPARE(t.scales, (std::vector<ScaleStep>{{128, 300}, {256, 200}, {512, 100}}));
        QCOMPARE(t.optimizer, OptimizerKind::Lbfgs);
        QCOMPARE(t.lbfgs.learningRate, 0.8);
        QCOMPARE(t.adam.learningRate, 0.02); // Adam's untouched
        QCOMPARE(t.lbfgs.historySize, 20);
        QVERIFY(t.lbfgs.strongWolfe);
        QCOMPARE(t.adam.warmupIterations, 5);

        // Without --scale-iterations, --iterations applies to each scale.
        const auto each = parse(required() << QStringLiteral("--scales=64,128")
                                           << QStringLiteral("--iterations=9"));
        QVERIFY2(each.options, each.message.c_str());
        QCOMPARE(each.options->run.transfer.scales, (std::vector<ScaleStep>{{64, 9}, {128, 9}}));
    }

    void presetThenFlags() {
        // The preset sets the route for the output size; flags given as well override it.
        auto args = required();
        args << QStringLiteral("--preset=fine") << QStringLiteral("--size=1024");
        const auto fine = parse(args);
        QVERIFY2(fine.options, fine.message.c_str());
        TransferSettings expected;
        expected.setOutputSize(1024);
        applyPreset(expected, Preset::Fine);
        QCOMPARE(fine.options->run.transfer, expected);

        args << QStringLiteral("--iterations=5") << QStringLiteral("--learning-rate=0.3");
        const auto overridden = parse(args);
        QVERIFY2(overridden.options, overridden.message.c_str());
        const auto& t = overridden.options->run.transfer;
        for (const auto& scale : t.scales)
            QCOMPARE(scale.iterations, 5);
        QCOMPARE(t.scales.size(), expected.scales.size());
        QCOMPARE(t.adam.learningRate, 0.3);
        QCOMPARE(t.adam.finalLearningRate, expected.adam.finalLearningRate); // schedule kept
        QCOMPARE(matchingPreset(t), Preset::Custom);
    }

    void precisionFollowsThePresetUnlessGiven() {
        const auto seed = parse(required());
        QVERIFY2(seed.options, seed.message.c_str());
        QCOMPARE(seed.options->run.transfer.precision, Precision::Fp32);
        const auto fast = parse(required() << QStringLiteral("--preset=fast"));
        QVERIFY2(fast.options, fast.message.c_str());
        QCOMPARE(fast.options->run.transfer.precision, Precision::Auto);
        // Given after or before the preset, the flag wins (flags are layered on the preset).
        for (const QStringList& order : {QStringList{"--preset=fast", "--precision=fp32"},
                                         QStringList{"--precision=fp32", "--preset=fast"}}) {
            const auto r = parse(required() + order);
            QVERIFY2(r.options, r.message.c_str());
            QCOMPARE(r.options->run.transfer.precision, Precision::Fp32);
            QCOMPARE(matchingPreset(r.options->run.transfer), Preset::Custom);
        }
        const auto bf16 =
            parse(required() << QStringLiteral("--precision") << QStringLiteral("bf16"));
        QVERIFY2(bf16.options, bf16.message.c_str());
        QCOMPARE(bf16.options->run.transfer.precision, Precision::Bf16);
        // fp16 parses anywhere: whether the device can run it is known when the run starts.
        const auto fp16 = parse(required() << QStringLiteral("--precision=fp16"));
        QVERIFY2(fp16.options, fp16.message.c_str());
        QCOMPARE(fp16.options->run.transfer.precision, Precision::Fp16);
    }

    void settingsFileThenFlags() {
        QTemporaryDir dir;
        RunSettings file;
        file.contentPath = "from-file.jpg";
        file.styles = {StyleSource{"style-from-file.jpg"}};
        file.transfer.lossWeights.tv = 1.25;
        file.transfer.pooling = Pooling::Average;
        file.transfer.scales = {{100, 10}, {200, 20}};
        const QString path = dir.filePath(QStringLiteral("s.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(runSettingsToJsonText(file));
        out.close();

        const auto r = parse({QStringLiteral("--settings"), path, QStringLiteral("--tv-weight=3"),
                              QStringLiteral("--content=given.jpg")});
        QVERIFY2(r.options, r.message.c_str());
        RunSettings expected = file;
        expected.contentPath = "given.jpg";
        expected.transfer.lossWeights.tv = 3.0;
        QCOMPARE(r.options->run, expected);

        // --size scales the file's scales in proportion.
        const auto sized =
            parse({QStringLiteral("--settings"), path, QStringLiteral("--size=400")});
        QVERIFY2(sized.options, sized.message.c_str());
        QCOMPARE(sized.options->run.transfer.scales,
                 (std::vector<ScaleStep>{{200, 10}, {400, 20}}));
    }

    void badSettingsFileNamesTheKey() {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.json"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"loss": {"tv_weight": "lots"}})");
        out.close();
        const auto r = parse(required() << QStringLiteral("--settings") << path);
        QVERIFY(!r.options);
        QCOMPARE(r.exitCode, 2);
        const QString message = QString::fromStdString(r.message);
        QVERIFY2(message.contains(QStringLiteral("loss.tv_weight")) && message.contains(path),
                 r.message.c_str());
        QCOMPARE(message.count(QLatin1Char('\n')), 0);
    }

    void printSettingsReadsBackAsTheSameRun() {
        auto args = required();
        args << QStringLiteral("--print-settings") << QStringLiteral("--preset=fast")
             << QStringLiteral("--size=300") << QStringLiteral("--style-weight=0.5")
             << QStringLiteral("--seed=12");
        const auto printed = parse(args);
        QCOMPARE(printed.exitCode, 0);
        QVERIFY(!printed.options);
        const RunSettings read =
            runSettingsFromJsonText(QByteArray::fromStdString(printed.message));
        args.removeAll(QStringLiteral("--print-settings"));
        const auto direct = parse(args);
        QVERIFY2(direct.options, direct.message.c_str());
        QCOMPARE(read, direct.options->run);
        QCOMPARE(read.transfer.lossWeights.style, 0.5);
        // Loss weights are not part of a preset's route: it is still the fast preset.
        QCOMPARE(matchingPreset(read.transfer), Preset::Fast);
    }

    void timelapseFlags() {
        auto r = parse(required());
        QVERIFY(r.options);
        QCOMPARE(r.options->timelapsePath, std::string());
        QCOMPARE(r.options->timelapseEvery, 10);
        QCOMPARE(r.options->timelapseFps, 10.0);
        QVERIFY(!r.options->timelapseSideBySide);
        r = parse(required() + QStringList{"--timelapse", "run.MP4", "--timelapse-every", "25",
                                           "--timelapse-fps", "24", "--timelapse-side-by-side"});
        QVERIFY2(r.options, r.message.c_str());
        QCOMPARE(r.options->timelapsePath, std::string("run.MP4"));
        QCOMPARE(r.options->timelapseEvery, 25);
        QCOMPARE(r.options->timelapseFps, 24.0);
        QVERIFY(r.options->timelapseSideBySide);
        QVERIFY(!r.options->batch);
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

    void batchJobsTakeTheFlagsOverTheirSettings() {
        RunSettings fromFile;
        fromFile.contentPath = "/abs/c.jpg";
        fromFile.styles = {StyleSource("/abs/s.jpg", 1.0, 0.5)};
        fromFile.transfer.lossWeights.tv = 1.25;
        batchFile("sub/job.json", runSettingsToJsonText(fromFile));
        const QString jobs = batchFile("jobs/../layered.json", R"({"jobs": [
            {"settings": "sub/job.json", "output": "out/one.png"},
            {"settings": {"size": 256, "inputs": {"content": "c2.jpg",
                          "styles": [{"path": "a.jpg"}, {"path": "/abs/b.jpg", "mask": "m.png"}]}},
             "output": "two.jpg"},
            {"settings": {"loss": {"tv_weight": "lots"}}, "output": "three.png"},
            {"settings": {"size": 64}, "output": "four.png"},
            {"settings": "sub/job.json", "output": "five.gif"},
            {"settings": "sub/job.json", "output": "out/one.png"},
            "not a job"
        ]})");
        const auto r = parse({"--batch", jobs, "--iterations", "7", "--tv-weight", "3"});
        QVERIFY2(r.options, r.message.c_str());
        const CliOptions& o = *r.options;
        QVERIFY(o.batch);
        QCOMPARE(int(o.jobs.size()), 7);
        const QDir folder(batchDir_.path());
        const auto at = [&](const char* name) {
            return folder.filePath(QLatin1String(name)).toStdString();
        };

        const BatchJob& one = o.jobs[0];
        QCOMPARE(one.error, std::string());
        QCOMPARE(one.outputPath, at("out/one.png"));
        RunSettings expected = fromFile;
        expected.transfer.setIterationsPerScale(7);
        expected.transfer.lossWeights.tv = 3.0;
        QCOMPARE(one.run, expected); // the file's own paths as written

        const BatchJob& two = o.jobs[1];
        QCOMPARE(two.error, std::string());
        QCOMPARE(two.outputPath, at("two.jpg"));
        QCOMPARE(two.run.contentPath, at("c2.jpg")); // relative to the jobs file
        QCOMPARE(int(two.run.styles.size()), 2);
        QCOMPARE(two.run.styles[0].path, at("a.jpg"));
        QCOMPARE(two.run.styles[1].path, std::string("/abs/b.jpg"));
        QCOMPARE(two.run.styles[1].maskPath, at("m.png"));
        QCOMPARE(two.run.transfer.scales, (std::vector<ScaleStep>{{256, 7}}));
        QCOMPARE(two.run.transfer.lossWeights.tv, 3.0);

        const auto errorOf = [&](size_t k) { return QString::fromStdString(o.jobs[k].error); };
        QVERIFY2(errorOf(2).contains(QStringLiteral("settings: loss.tv_weight")),
                 qPrintable(errorOf(2)));
        QVERIFY2(errorOf(3).contains(QStringLiteral("no content image")), qPrintable(errorOf(3)));
        QVERIFY2(errorOf(4).contains(QStringLiteral("unsupported file type")),
                 qPrintable(errorOf(4)));
        QVERIFY2(errorOf(5).contains(QStringLiteral("is also job 1's")), qPrintable(errorOf(5)));
        QVERIFY2(errorOf(6).contains(QStringLiteral("expected {\"settings\"")),
                 qPrintable(errorOf(6)));

        // A flag that does not fit one job fails that job only.
        const auto blended = parse({"--batch", jobs, "--style-blend", "1,3"});
        QVERIFY2(blended.options, blended.message.c_str());
        QVERIFY(QString::fromStdString(blended.options->jobs[0].error)
                    .contains(QStringLiteral("--style-blend: 2 weights for 1 style")));
        QCOMPARE(blended.options->jobs[1].error, std::string());
        QCOMPARE(blended.options->jobs[1].run.styles[1].weight, 3.0);
    }

    void folderBatchPairsEveryContentWithEveryStyle() {
        const QString out = batchDir_.filePath(QStringLiteral("results"));
        RunSettings base;
        base.transfer.lossWeights.style = 7.0;
        const QString settings = batchFile("base.json", runSettingsToJsonText(base));
        const auto r = parse({"--content-dir", batchDir_.filePath(QStringLiteral("content")),
                              "--style-dir", batchDir_.filePath(QStringLiteral("styles")),
                              "--output-dir", out, "--settings", settings, "--size", "64"});
        QVERIFY2(r.options, r.message.c_str());
        const CliOptions& o = *r.options;
        QVERIFY(o.batch);
        QCOMPARE(o.outputDir, out.toStdString());
        QStringList outputs, pairs;
        for (const BatchJob& job : o.jobs) {
            QCOMPARE(job.error, std::string());
            outputs << QString::fromStdString(job.outputPath);
            pairs << QFileInfo(QString::fromStdString(job.run.contentPath)).fileName() + "+" +
                         QFileInfo(QString::fromStdString(job.run.styles.at(0).path)).fileName();
            QCOMPARE(int(job.run.styles.size()), 1);
            QCOMPARE(job.run.transfer.lossWeights.style, 7.0); // the --settings base
            QCOMPARE(job.run.transfer.outputSize(), 64);       // and the flags over it
        }
        // Images only (notes.txt is not one), in name order.
        QCOMPARE(pairs,
                 (QStringList{"a.png+s1.jpg", "a.png+s2.PNG", "b.jpg+s1.jpg", "b.jpg+s2.PNG"}));
        QCOMPARE(outputs, (QStringList{out + "/a-s1.png", out + "/a-s2.png", out + "/b-s1.png",
                                       out + "/b-s2.png"}));
    }

    void contentAndStyleRequired() {
        const auto r = parse({QStringLiteral("--content"), QStringLiteral("c.jpg")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(QString::fromStdString(r.message).contains(QStringLiteral("--style")));
    }

    void helpAndVersion() {
        const auto help = parse({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(!help.options);
        for (const char* flag : {"--content",
                                 "--style",
                                 "--output",
                                 "--weights",
                                 "--size",
                                 "--iterations",
                                 "--learning-rate",
                                 "--content-weight",
                                 "--style-weight",
                                 "--tv-weight",
                                 "--init",
                                 "--noise-ratio",
                                 "--seed",
                                 "--pooling",
                                 "--optimizer",
                                 "--device",
                                 "--threads",
                                 "--save-every",
                                 "--snapshot-dir",
                                 "--log-json",
                                 "--quiet",
                                 "--version",
                                 "--preset",
                                 "--scales",
                                 "--scale-iterations",
                                 "--settings",
                                 "--print-settings",
                                 "--lbfgs-history",
                                 "--line-search",
                                 "--final-learning-rate",
                                 "--timelapse",
                                 "--timelapse-every",
                                 "--timelapse-fps",
                                 "--timelapse-side-by-side",
                                 "--batch",
                                 "--content-dir",
                                 "--style-dir",
                                 "--output-dir"})
            QVERIFY2(QString::fromStdString(help.message).contains(QLatin1String(flag)), flag);
        const auto version = parse({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(QString::fromStdString(version.message).startsWith(QStringLiteral("deepart-cli ")));
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
