#include "CliOptions.h"

#include <QtTest>

using namespace deepart;

class TestCliOptions : public QObject {
    Q_OBJECT
private:
    static CliParseResult parse(QStringList args) {
        args.prepend(QStringLiteral("deepart-cli"));
        return parseCliArguments(args);
    }
    static QStringList required() {
        return {QStringLiteral("--content"), QStringLiteral("c.jpg"), QStringLiteral("--style"),
                QStringLiteral("s.jpg")};
    }

private Q_SLOTS:
    void seedDefaults() {
        const auto r = parse(required());
        QVERIFY(r.options);
        const auto& o = *r.options;
        QCOMPARE(o.size, 512);
        QCOMPARE(o.outputPath, std::string("deepart.png"));
        QCOMPARE(o.transfer.iterations, 1000);
        QCOMPARE(o.transfer.saveEvery, 200);
        QCOMPARE(o.transfer.learningRate, 0.02);
        QCOMPARE(o.transfer.lossWeights.content, 1e4);
        QCOMPARE(o.transfer.lossWeights.style, 1e-2);
        QCOMPARE(o.transfer.lossWeights.tv, 7.5);
        QCOMPARE(o.transfer.noiseRatio, 0.6);
        QCOMPARE(o.transfer.init, InitMode::Content);
        QCOMPARE(o.transfer.pooling, Pooling::Max);
        QCOMPARE(o.device, DeviceChoice::Auto);
        QCOMPARE(o.threads, 0);
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
             << QStringLiteral("--weights=w.h5");
        const auto r = parse(args);
        QVERIFY2(r.options, r.message.c_str());
        const auto& o = *r.options;
        QCOMPARE(o.outputPath, std::string("out.jpg"));
        QCOMPARE(o.size, 64);
        QCOMPARE(o.transfer.iterations, 7);
        QCOMPARE(o.transfer.learningRate, 0.5);
        QCOMPARE(o.transfer.lossWeights.content, 2.0);
        QCOMPARE(o.transfer.lossWeights.style, 3.0);
        QCOMPARE(o.transfer.lossWeights.tv, 0.0);
        QCOMPARE(o.transfer.init, InitMode::Blend);
        QCOMPARE(o.transfer.noiseRatio, 0.25);
        QCOMPARE(o.transfer.seed, std::uint64_t(99));
        QCOMPARE(o.transfer.pooling, Pooling::Average);
        QCOMPARE(o.device, DeviceChoice::Cpu);
        QCOMPARE(o.threads, 3);
        QCOMPARE(o.transfer.saveEvery, 0);
        QCOMPARE(o.snapshotDir, std::string("snaps"));
        QCOMPARE(o.logJsonPath, std::string("log.jsonl"));
        QCOMPARE(o.weightsPath, std::string("w.h5"));
        QVERIFY(o.quiet);
    }

    void usageErrors_data() {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("expected");
        QTest::newRow("size text") << QStringList{"--size", "big"} << "--size: 'big'";
        QTest::newRow("size small") << QStringList{"--size", "8"} << "from 16 to 8192";
        QTest::newRow("iterations 0") << QStringList{"--iterations", "0"} << "--iterations";
        QTest::newRow("lr 0") << QStringList{"--learning-rate", "0"} << "--learning-rate";
        QTest::newRow("weight nan") << QStringList{"--style-weight", "nan"} << "--style-weight";
        QTest::newRow("weight negative") << QStringList{"--tv-weight", "-1"} << "--tv-weight";
        QTest::newRow("ratio") << QStringList{"--noise-ratio", "1.5"} << "--noise-ratio";
        QTest::newRow("seed") << QStringList{"--seed", "-3"} << "--seed";
        QTest::newRow("init") << QStringList{"--init", "random"}
                              << "allowed: content, noise, blend";
        QTest::newRow("pooling") << QStringList{"--pooling", "min"} << "allowed: max, avg";
        QTest::newRow("optimizer") << QStringList{"--optimizer", "sgd"} << "allowed: adam";
        QTest::newRow("device") << QStringList{"--device", "tpu"} << "allowed: auto, cpu, cuda";
        QTest::newRow("output type") << QStringList{"--output", "x.gif"} << "unsupported file type";
        QTest::newRow("unknown flag") << QStringList{"--colour"} << "Unknown option 'colour'";
        QTest::newRow("stray") << QStringList{"extra.jpg"} << "unexpected argument 'extra.jpg'";
    }

    void usageErrors() {
        QFETCH(QStringList, extra);
        QFETCH(QString, expected);
        const auto r = parse(required() + extra);
        QVERIFY(!r.options);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromStdString(r.message).contains(expected), r.message.c_str());
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
        for (const char* flag :
             {"--content",      "--style",      "--output",        "--weights",
              "--size",         "--iterations", "--learning-rate", "--content-weight",
              "--style-weight", "--tv-weight",  "--init",          "--noise-ratio",
              "--seed",         "--pooling",    "--optimizer",     "--device",
              "--threads",      "--save-every", "--snapshot-dir",  "--log-json",
              "--quiet",        "--version"})
            QVERIFY2(QString::fromStdString(help.message).contains(QLatin1String(flag)), flag);
        const auto version = parse({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QVERIFY(QString::fromStdString(version.message).startsWith(QStringLiteral("deepart-cli ")));
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
