#include "SettingsJsonTest.h"

// The settings schema's JSON form: every field round trips, the documented shape, versions,
// presets.
class TestSettingsJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripOfEveryField() {
        const RunSettings original = everythingChanged();
        // Guards the test itself: a field left at its default would not be checked.
        const RunSettings defaults;
        const TransferSettings& o = original.transfer;
        const TransferSettings& d = defaults.transfer;
        QVERIFY(original.contentPath != defaults.contentPath);
        QVERIFY(original.styles != defaults.styles);
        QVERIFY(original.initImagePath != defaults.initImagePath);
        QVERIFY(o.colors != d.colors);
        QVERIFY(o.lossWeights.content != d.lossWeights.content);
        QVERIFY(o.lossWeights.style != d.lossWeights.style);
        QVERIFY(o.lossWeights.tv != d.lossWeights.tv);
        QVERIFY(!(o.adam.learningRate == d.adam.learningRate ||
                  o.adam.finalLearningRate == d.adam.finalLearningRate ||
                  o.adam.warmupIterations == d.adam.warmupIterations ||
                  o.adam.beta1 == d.adam.beta1 || o.adam.beta2 == d.adam.beta2 ||
                  o.adam.epsilon == d.adam.epsilon));
        QVERIFY(!(o.lbfgs.learningRate == d.lbfgs.learningRate ||
                  o.lbfgs.historySize == d.lbfgs.historySize ||
                  o.lbfgs.strongWolfe == d.lbfgs.strongWolfe));
        QVERIFY(o.saveEvery != d.saveEvery && o.init != d.init && o.noiseRatio != d.noiseRatio &&
                o.seed != d.seed && o.pooling != d.pooling && o.device != d.device &&
                o.precision != d.precision && o.optimizer != d.optimizer &&
                o.contentLayer != d.contentLayer && o.tileSize != d.tileSize);
        const VideoSettings& ov = *original.video;
        const VideoSettings dv;
        QVERIFY(!defaults.video);
        QVERIFY(ov.temporalWeight != dv.temporalWeight && ov.longTerm != dv.longTerm &&
                ov.frameIterations != dv.frameIterations && ov.firstFrame != dv.firstFrame &&
                ov.frameCount != dv.frameCount && ov.framesFolder != dv.framesFolder);

        const QByteArray text = runSettingsToJsonText(original);
        const RunSettings back = runSettingsFromJsonText(text);
        QCOMPARE(back.contentPath, original.contentPath);
        QVERIFY(back.styles == original.styles);
        QCOMPARE(back.initImagePath, original.initImagePath);
        QCOMPARE(back.transfer.colors, o.colors);
        QCOMPARE(back.transfer.lossWeights.content, o.lossWeights.content);
        QCOMPARE(back.transfer.lossWeights.style, o.lossWeights.style);
        QCOMPARE(back.transfer.lossWeights.tv, o.lossWeights.tv);
        QCOMPARE(back.transfer.adam.epsilon, o.adam.epsilon);
        QCOMPARE(back.transfer.seed, o.seed);
        QVERIFY(back == original);

        QCOMPARE(runSettingsToJsonText(runSettingsFromJsonText(text)), text);
    }

    void documentedShape() {
        const QJsonObject json = runSettingsToJson(everythingChanged());
        QCOMPARE(json.value("format").toString(), QStringLiteral("deepart-settings"));
        QCOMPARE(json.value("version").toInt(), 5);
        const QJsonObject inputs = json.value("inputs").toObject();
        const QJsonArray styles = inputs.value("styles").toArray();
        QCOMPARE(styles.size(), 2);
        QCOMPARE(styles[0].toObject().value("path").toString(),
                 QStringLiteral("/abs/painting.png"));
        QCOMPARE(styles[0].toObject().value("mask").toString(), QStringLiteral("masks/sky.png"));
        QCOMPARE(styles[1].toObject().value("scale").toDouble(), 0.75);
        QCOMPARE(inputs.value("init_image").toString(), QStringLiteral("earlier/result 12.png"));
        QCOMPARE(json.value("preserve_colors").toString(), QStringLiteral("luminance"));
        QCOMPARE(json.value("init").toObject().value("mode").toString(), QStringLiteral("image"));
        QVERIFY(json.value("program").toString().startsWith("deepart "));
        QCOMPARE(json.value("size").toInt(), 777);
        QCOMPARE(json.value("scales").toArray().size(), 3);
        QCOMPARE(json.value("optimizer").toObject().value("name").toString(),
                 QStringLiteral("lbfgs"));
        QCOMPARE(json.value("optimizer")
                     .toObject()
                     .value("lbfgs")
                     .toObject()
                     .value("line_search")
                     .toString(),
                 QStringLiteral("strong_wolfe"));
        QCOMPARE(json.value("pooling").toString(), QStringLiteral("avg"));
        QCOMPARE(json.value("device").toString(), QStringLiteral("cpu"));
        QCOMPARE(json.value("precision").toString(), QStringLiteral("bf16"));
        QCOMPARE(json.value("inputs").toObject().value("content").toString(),
                 QString::fromUtf8("photos/Größe ü/portrait \"1\".jpg"));
        const QJsonObject video = json.value("video").toObject();
        QCOMPARE(video.value("temporal_weight").toDouble(), 0.1 + 0.2);
        QCOMPARE(video.value("long_term").toBool(), true);
        QCOMPARE(video.value("frame_iterations").toInt(), 17);
        QCOMPARE(video.value("first_frame").toInt(), 5);
        QCOMPARE(video.value("frame_count").toInt(), 12);
        QCOMPARE(video.value("frames_folder").toString(), QString::fromUtf8("frames/Größe \"2\""));
        QCOMPARE(video.size(), 6);
        // An image run has no "video" section.
        QVERIFY(!runSettingsToJson(RunSettings{}).contains("video"));
        // 2^60 + 3 is beyond what a double holds exactly, so it travels as a string.
        QCOMPARE(json.value("init").toObject().value("seed").toString(),
                 QStringLiteral("1152921504606846979"));
    }

    void seedAsNumberUpTo2To53() {
        RunSettings s;
        s.transfer.seed = std::uint64_t{1} << 53;
        QJsonValue seed = runSettingsToJson(s).value("init").toObject().value("seed");
        QVERIFY(seed.isDouble());
        QCOMPARE(seed.toInteger(), qint64{1} << 53);
        QCOMPARE(runSettingsFromJson(runSettingsToJson(s)), s);

        s.transfer.seed += 1;
        seed = runSettingsToJson(s).value("init").toObject().value("seed");
        QVERIFY(seed.isString());
        QCOMPARE(runSettingsFromJson(runSettingsToJson(s)), s);

        s.transfer.seed = std::numeric_limits<std::uint64_t>::max();
        QCOMPARE(runSettingsFromJsonText(runSettingsToJsonText(s)), s);
        QCOMPARE(
            runSettingsFromJsonText(R"({"init": {"seed": "18446744073709551615"}})").transfer.seed,
            std::numeric_limits<std::uint64_t>::max());
        QCOMPARE(runSettingsFromJsonText(R"({"init": {"seed": 42}})").transfer.seed,
                 std::uint64_t{42});
    }

    void versionOneReadsAsOneStyle() {
        const RunSettings s = runSettingsFromJsonText(
            R"({"format": "deepart-settings", "version": 1,
                "inputs": {"content": "c.jpg", "style": "s.jpg"}})");
        QCOMPARE(s.contentPath, std::string("c.jpg"));
        QCOMPARE(int(s.styles.size()), 1);
        QCOMPARE(s.styles[0].path, std::string("s.jpg"));
        QCOMPARE(s.styles[0].weight, 1.0);
        QCOMPARE(s.styles[0].scale, 1.0);
        QVERIFY(s.styles[0].maskPath.empty());
        QCOMPARE(s.transfer.colors, ColorMode::None);
    }

    void noStylesYetIsValid() {
        RunSettings s;
        s.contentPath = "c.jpg";
        QVERIFY(runSettingsFromJsonText(runSettingsToJsonText(s)) == s);
    }

    void emptyObjectIsDefaults() {
        QCOMPARE(runSettingsFromJsonText("{}"), RunSettings{});
        QCOMPARE(runSettingsFromJson(QJsonObject{}), RunSettings{});
    }

    void oneKeyChangesOneField() {
        RunSettings expected;
        expected.transfer.lossWeights.tv = 3;
        const RunSettings read = runSettingsFromJsonText(R"({"loss": {"tv_weight": 3}})");
        QCOMPARE(read, expected);
        QVERIFY(read != RunSettings{});
    }

    void presetAndSizeMakeAWholeFile() {
        RunSettings expected;
        expected.transfer.setOutputSize(1024);
        applyPreset(expected.transfer, Preset::Fast);
        const RunSettings read = runSettingsFromJsonText(R"({"preset": "fast", "size": 1024})");
        QCOMPARE(read, expected);
        QCOMPARE(read.transfer.outputSize(), 1024);
        QCOMPARE(matchingPreset(read.transfer), Preset::Fast);
        QVERIFY(read != RunSettings{});
    }

    void fineUsesTheSizeGivenBeforeIt() {
        RunSettings expected;
        expected.transfer.setOutputSize(2000);
        applyPreset(expected.transfer, Preset::Fine);
        // The preset's scales are made for the size, wherever "size" stands in the file.
        QCOMPARE(runSettingsFromJsonText(R"({"preset": "fine", "size": 2000})"), expected);
        QCOMPARE(expected.transfer.outputSize(), 2000);
    }

    void explicitKeyOverridesPreset() {
        const RunSettings read = runSettingsFromJsonText(
            R"({"preset": "fast", "optimizer": {"adam": {"learning_rate": 0.3}}})");
        RunSettings expected;
        applyPreset(expected.transfer, Preset::Fast);
        QVERIFY(expected.transfer.adam.learningRate != 0.3);
        expected.transfer.adam.learningRate = 0.3;
        QCOMPARE(read, expected);
        QCOMPARE(matchingPreset(read.transfer), Preset::Custom);
    }

    // The seed stays strict fp32; fast and fine take auto; an explicit precision after a preset
    // wins and makes the settings custom; a version 2 file (no precision) reads as its preset.
    void precisionFollowsPresetUnlessGiven() {
        QCOMPARE(RunSettings{}.transfer.precision, Precision::Fp32);
        QCOMPARE(runSettingsFromJsonText(R"({"preset": "seed"})").transfer.precision,
                 Precision::Fp32);
        QCOMPARE(runSettingsFromJsonText(R"({"preset": "fine"})").transfer.precision,
                 Precision::Auto);
        const RunSettings old =
            runSettingsFromJsonText(R"({"version": 2, "preset": "fast", "size": 256})");
        QCOMPARE(old.transfer.precision, Precision::Auto);
        QCOMPARE(matchingPreset(old.transfer), Preset::Fast);
        const RunSettings strict =
            runSettingsFromJsonText(R"({"preset": "fast", "precision": "fp32"})");
        QCOMPARE(strict.transfer.precision, Precision::Fp32);
        QCOMPARE(matchingPreset(strict.transfer), Preset::Custom);
        for (const char* name : {"auto", "fp32", "tf32", "bf16", "fp16"}) {
            const QByteArray text = QByteArray(R"({"precision": ")") + name + "\"}";
            const RunSettings read = runSettingsFromJsonText(text);
            QCOMPARE(QString::fromLatin1(toString(read.transfer.precision)),
                     QString::fromLatin1(name));
            QCOMPARE(runSettingsFromJsonText(runSettingsToJsonText(read)), read);
        }
    }

    void presetWritten() {
        RunSettings s;
        QCOMPARE(runSettingsToJson(s).value("preset").toString(), QStringLiteral("seed"));
        applyPreset(s.transfer, Preset::Fast);
        QCOMPARE(runSettingsToJson(s).value("preset").toString(), QStringLiteral("fast"));
        s = RunSettings{};
        s.transfer.adam.beta1 = 0.9;
        QCOMPARE(runSettingsToJson(s).value("preset").toString(), QStringLiteral("custom"));
    }

    void writtenFileReadsBack() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("settings.json");
        const RunSettings original = everythingChanged();
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(runSettingsToJsonText(original)) > 0);
        file.close();
        QCOMPARE(loadRunSettingsFile(path), original);
    }
};

QTEST_GUILESS_MAIN(TestSettingsJson)
#include "tst_settingsjson.moc"
