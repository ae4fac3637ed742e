#include "SettingsJsonTest.h"

// What the settings schema refuses, each with a message naming the key, and file errors naming the
// path.
class TestSettingsJsonRefusals : public QObject {
    Q_OBJECT
private Q_SLOTS:
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
            << QByteArray(R"({"version": 6, "program": "deepart 9.0", "shiny": true})")
            << "version: 6 is newer than this program reads (5); the file is from a newer Deep Art "
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
        QTest::newRow("video not an object")
            << QByteArray(R"({"video": true})") << "video: true is not an object";
        QTest::newRow("video key misspelt")
            << QByteArray(R"({"video": {"temporal": 2}})") << "video.temporal: unknown key";
        QTest::newRow("negative temporal weight")
            << QByteArray(R"({"video": {"temporal_weight": -1}})")
            << "video.temporal_weight: -1 is out of range";
        QTest::newRow("huge temporal weight")
            << QByteArray(R"({"video": {"temporal_weight": 1e12}})")
            << "video.temporal_weight: 1e+12 is too large; expected 0 to 1e+09";
        QTest::newRow("long term as a string") << QByteArray(R"({"video": {"long_term": "yes"}})")
                                               << "video.long_term: 'yes' is not true or false";
        QTest::newRow("frame zero") << QByteArray(R"({"video": {"first_frame": 0}})")
                                    << "video.first_frame: 0 is out of range";
        QTest::newRow("negative frame count") << QByteArray(R"({"video": {"frame_count": -2}})")
                                              << "video.frame_count: -2 is out of range";
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
};

QTEST_GUILESS_MAIN(TestSettingsJsonRefusals)
#include "tst_settingsjsonrefusals.moc"
