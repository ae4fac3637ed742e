#include "Presets.h"
#include "SettingsJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdint>
#include <limits>

namespace deepart {
// QCOMPARE shows a mismatch as the JSON form (found by argument-dependent lookup).
char* toString(const RunSettings& settings) {
    return qstrdup(runSettingsToJsonText(settings).constData());
}
} // namespace deepart

using namespace deepart;

namespace {

// Every field away from its default, with doubles whose shortest form is long or unusual.
RunSettings everythingChanged() {
    RunSettings s;
    s.contentPath = "photos/Größe ü/portrait \"1\".jpg";
    s.styles = {{"/abs/painting.png", 0.1 + 0.6, 1.0 / 3.0, "masks/sky.png"},
                {"second.jpg", 2.5, 0.75, ""}};
    s.initImagePath = "earlier/result 12.png";
    TransferSettings& t = s.transfer;
    t.lossWeights.content = 0.1 + 0.2;
    t.lossWeights.style = 1e-300;
    t.lossWeights.tv = 123456.789e10;
    t.scales = {{128, 50}, {300, 77}, {777, 123}};
    t.optimizer = OptimizerKind::Lbfgs;
    t.adam.learningRate = 1.0 / 3.0;
    t.adam.finalLearningRate = 2e-7;
    t.adam.warmupIterations = 37;
    t.adam.beta1 = 0.1 + 0.7;
    t.adam.beta2 = 0.9999999999999999;
    t.adam.epsilon = 5e-324; // the smallest subnormal
    t.lbfgs.learningRate = 0.7;
    t.lbfgs.historySize = 7;
    t.lbfgs.strongWolfe = true;
    t.saveEvery = 33;
    t.init = InitMode::Image;
    t.colors = ColorMode::Luminance;
    t.noiseRatio = 0.123456789012345;
    t.seed = (std::uint64_t{1} << 60) + 3;
    t.pooling = Pooling::Average;
    t.contentLayer = "block4_conv2";
    t.styleLayers = {{"block1_conv2", 0.3 + 0.6}, {"block3_conv4", 1.0 / 7.0}, {"block5_conv3", 0}};
    t.device = DeviceChoice::Cpu;
    t.precision = Precision::Bf16;
    t.tileSize = 256;
    return s;
}

QString messageOf(const QByteArray& text) {
    try {
        runSettingsFromJsonText(text);
    } catch (const SettingsError& e) {
        return QString::fromStdString(e.what());
    }
    return QString();
}

} // namespace

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
        QCOMPARE(json.value("version").toInt(), 4);
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

    void refusals_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected"); // a part of the message

        QTest::newRow("unknown top-level key")
            << QByteArray(R"({"colour": 1})") << "colour: unknown key";
        QTest::newRow("unknown loss key")
            << QByteArray(R"({"loss": {"colour_weight": 1}})") << "loss.colour_weight: unknown key";
        QTest::newRow("unknown scale key")
            << QByteArray(R"({"scales": [{"size": 64, "iterations": 1, "foo": 2}]})")
            << "scales[0].foo: unknown key";
        QTest::newRow("unknown style layer key")
            << QByteArray(R"({"loss": {"style_layers": [{"name": "block1_conv1", "weight": 1,
                             "bar": 0}]}})")
            << "loss.style_layers[0].bar: unknown key";
        QTest::newRow("style and styles")
            << QByteArray(R"({"inputs": {"style": "a.jpg", "styles": [{"path": "b.jpg"}]}})")
            << "inputs.style: give either 'style' (one image) or 'styles', not both";
        QTest::newRow("style without path")
            << QByteArray(R"({"inputs": {"styles": [{"weight": 1}]}})")
            << "inputs.styles[0].path: missing";
        QTest::newRow("negative blend weight")
            << QByteArray(R"({"inputs": {"styles": [{"path": "a.jpg", "weight": -1}]}})")
            << "inputs.styles[0].weight: -1";
        QTest::newRow("zero style scale")
            << QByteArray(R"({"inputs": {"styles": [{"path": "a.jpg", "scale": 0}]}})")
            << "inputs.styles[0].scale: 0";
        QTest::newRow("unknown style key")
            << QByteArray(R"({"inputs": {"styles": [{"path": "a.jpg", "colour": 1}]}})")
            << "inputs.styles[0].colour: unknown key";
        QTest::newRow("bad colour mode")
            << QByteArray(R"({"preserve_colors": "sepia"})")
            << "preserve_colors: 'sepia' is not valid; allowed: none, luminance, match";
        QTest::newRow("unknown adam key")
            << QByteArray(R"({"optimizer": {"adam": {"momentum": 0.9}}})")
            << "optimizer.adam.momentum: unknown key";
        QTest::newRow("string for a size")
            << QByteArray(R"({"size": "big"})") << "size: 'big' is not a number";
        QTest::newRow("string for a weight")
            << QByteArray(R"({"loss": {"style_weight": "1"}})") << "loss.style_weight: '1' is not";
        QTest::newRow("object expected")
            << QByteArray(R"({"loss": [1]})") << "loss: [1] is not an object";
        QTest::newRow("fractional integer") << QByteArray(R"({"snapshot_every": 1.5})")
                                            << "snapshot_every: 1.5 is not a whole number";
        QTest::newRow("beta1 out of range")
            << QByteArray(R"({"optimizer": {"adam": {"beta1": 1.5}}})")
            << "optimizer.adam.beta1: 1.5 is out of range; expected a number from 0 to below 1";
        QTest::newRow("noise ratio out of range") << QByteArray(R"({"init": {"noise_ratio": 2}})")
                                                  << "init.noise_ratio: 2 is out of range";
        QTest::newRow("negative weight")
            << QByteArray(R"({"loss": {"tv_weight": -1}})") << "loss.tv_weight: -1 is out of range";
        QTest::newRow("zero learning rate")
            << QByteArray(R"({"optimizer": {"lbfgs": {"learning_rate": 0}}})")
            << "optimizer.lbfgs.learning_rate: 0 is out of range";
        QTest::newRow("history size")
            << QByteArray(R"({"optimizer": {"lbfgs": {"history_size": 0}}})")
            << "optimizer.lbfgs.history_size: 0 is out of range";
        QTest::newRow("size too small")
            << QByteArray(R"({"size": 8})") << "size: 8 is out of range";
        QTest::newRow("unknown pooling") << QByteArray(R"({"pooling": "mean"})")
                                         << "pooling: 'mean' is not valid; allowed: max, avg";
        QTest::newRow("unknown precision")
            << QByteArray(R"({"precision": "int8"})") << "precision: 'int8' is not valid";
        QTest::newRow("unknown device")
            << QByteArray(R"({"device": "tpu"})") << "device: 'tpu' is not valid";
        QTest::newRow("unknown optimizer") << QByteArray(R"({"optimizer": {"name": "sgd"}})")
                                           << "optimizer.name: 'sgd' is not valid";
        QTest::newRow("unknown line search")
            << QByteArray(R"({"optimizer": {"lbfgs": {"line_search": "armijo"}}})")
            << "optimizer.lbfgs.line_search: 'armijo' is not valid";
        QTest::newRow("unknown init mode")
            << QByteArray(R"({"init": {"mode": "zeros"}})") << "init.mode: 'zeros' is not valid";
        QTest::newRow("unknown preset")
            << QByteArray(R"({"preset": "turbo"})") << "preset: 'turbo' is not valid";
        QTest::newRow("unknown content layer")
            << QByteArray(R"({"loss": {"content_layer": "block6_conv1"}})")
            << "loss.content_layer: 'block6_conv1' is not a VGG-19 layer";
        QTest::newRow("unknown style layer")
            << QByteArray(R"({"loss": {"style_layers": [{"name": "block1_conv1", "weight": 1},
                             {"name": "pool1", "weight": 1}]}})")
            << "loss.style_layers[1].name: 'pool1' is not a VGG-19 layer";
        QTest::newRow("empty style layers") << QByteArray(R"({"loss": {"style_layers": []}})")
                                            << "loss.style_layers: the list is empty";
        QTest::newRow("style layer without weight")
            << QByteArray(R"({"loss": {"style_layers": [{"name": "block1_conv1"}]}})")
            << "loss.style_layers[0].weight: missing";
        QTest::newRow("empty scales")
            << QByteArray(R"({"scales": []})") << "scales: the list is empty";
        QTest::newRow("decreasing scales")
            << QByteArray(R"({"scales": [{"size": 512, "iterations": 10},
                             {"size": 256, "iterations": 10}]})")
            << "scales[1].size: sizes must increase (256 after 512)";
        QTest::newRow("size mismatching last scale")
            << QByteArray(R"({"size": 1024, "scales": [{"size": 512, "iterations": 10}]})")
            << "size: 1024 does not match the last scale's size (512)";
        QTest::newRow("zero iterations")
            << QByteArray(R"({"scales": [{"size": 512, "iterations": 0}]})")
            << "scales[0].iterations: 0 is out of range";
        QTest::newRow("seed beyond 2^53 as a number")
            << QByteArray(R"({"init": {"seed": 9007199254740993}})")
            << "init.seed: 9007199254740993 is too large";
        QTest::newRow("negative seed string")
            << QByteArray(R"({"init": {"seed": "-1"}})") << "init.seed: '-1' is not a whole number";
        QTest::newRow("seed string beyond 64 bits")
            << QByteArray(R"({"init": {"seed": "18446744073709551616"}})")
            << "init.seed: '18446744073709551616' is out of range";
        QTest::newRow("fractional seed")
            << QByteArray(R"({"init": {"seed": 2.5}})") << "init.seed: 2.5 is not a whole number";
        QTest::newRow("newer version")
            << QByteArray(R"({"version": 5, "program": "deepart 9.0", "shiny": true})")
            << "version: 5 is newer than this program reads (4); the file is from a newer Deep Art "
               "Gallery (deepart 9.0)";
        QTest::newRow("version zero")
            << QByteArray(R"({"version": 0})") << "version: 0 is out of range";
        QTest::newRow("other format")
            << QByteArray(R"({"format": "other"})") << "format: 'other' is not valid";
        QTest::newRow("program not a string")
            << QByteArray(R"({"program": 3})") << "program: 3 is not a string";
        QTest::newRow("null value")
            << QByteArray(R"({"device": null})") << "device: null is not a string";
        QTest::newRow("newline in a value")
            << QByteArray(R"({"device": "c\npu"})") << "device: 'c\\npu' is not valid";
        QTest::newRow("invalid JSON")
            << QByteArray(R"({"size": 512,})") << "not valid JSON at offset ";
        QTest::newRow("top-level array") << QByteArray("[1, 2]") << "expected a JSON object";
        QTest::newRow("tile too small")
            << QByteArray(R"({"tile": 8})")
            << "tile: 8 is too small; expected 0 (automatic) or 64 to 16384 px";
        QTest::newRow("negative tile")
            << QByteArray(R"({"tile": -1})") << "tile: -1 is out of range";
    }

    void refusals() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        const QString message = messageOf(text);
        QVERIFY2(!message.isEmpty(), "accepted");
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(!message.contains('\n'), qPrintable(message));
    }

    void missingFileNamesThePath() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("nowhere/settings.json");
        try {
            loadRunSettingsFile(path);
            QFAIL("a missing file was read");
        } catch (const SettingsError& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.startsWith("'" + path + "': cannot be read: "), qPrintable(message));
        }
    }

    void fileErrorsNameThePath() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath("bad.json");
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"pooling": "mean"})");
        file.close();
        try {
            loadRunSettingsFile(path);
            QFAIL("a bad file was read");
        } catch (const SettingsError& e) {
            QCOMPARE(QString::fromStdString(e.what()),
                     "'" + path + "': pooling: 'mean' is not valid; allowed: max, avg");
        }
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
