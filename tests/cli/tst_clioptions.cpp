#include "CliOptionsTest.h"

// deepart-cli's flags read into one run: layers, presets, settings files, output.
class TestCliOptions : public CliOptionsTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

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
