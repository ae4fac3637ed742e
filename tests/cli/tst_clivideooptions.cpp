#include "CliOptionsTest.h"

#include <QJsonDocument>
#include <QJsonObject>

// A video run on the command line is its settings, as an image run is: --video and the video
// flags make the settings' "video" section, --print-settings writes it, and a settings file with
// one runs as a video (flags layered over it). Batches make images and refuse video settings.
class TestCliVideoOptions : public CliOptionsTest {
    Q_OBJECT
private:
    static QStringList videoArgs() {
        return {QStringLiteral("--video"),
                QStringLiteral("clip.mp4"),
                QStringLiteral("--style"),
                QStringLiteral("s.jpg"),
                QStringLiteral("--temporal-weight"),
                QStringLiteral("20"),
                QStringLiteral("--long-term"),
                QStringLiteral("--frame-iterations"),
                QStringLiteral("7"),
                QStringLiteral("--first-frame"),
                QStringLiteral("3"),
                QStringLiteral("--frame-count"),
                QStringLiteral("5"),
                QStringLiteral("--frames-dir"),
                QStringLiteral("kept")};
    }

private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void videoFlagsMakeTheVideoSection() {
        const auto r = parse(videoArgs());
        QVERIFY2(r.options, r.message.c_str());
        const RunSettings& run = r.options->run;
        QCOMPARE(run.contentPath, std::string("clip.mp4"));
        QVERIFY(run.video);
        VideoSettings expected;
        expected.temporalWeight = 20.0;
        expected.longTerm = true;
        expected.frameIterations = 7;
        expected.firstFrame = 3;
        expected.frameCount = 5;
        expected.framesFolder = "kept";
        QVERIFY(*run.video == expected);
        QCOMPARE(r.options->outputPath, std::string("deepart.mp4"));

        // An image run has none.
        const auto image = parse(required());
        QVERIFY(image.options && !image.options->run.video);
    }

    void printedVideoSettingsRunAsTheSameVideo() {
        const auto printed = parse(videoArgs() << QStringLiteral("--print-settings"));
        QCOMPARE(printed.exitCode, 0);
        const QJsonObject json =
            QJsonDocument::fromJson(QByteArray::fromStdString(printed.message)).object();
        QCOMPARE(json.value("video").toObject().value("temporal_weight").toDouble(), 20.0);
        QCOMPARE(json.value("inputs").toObject().value("content").toString(),
                 QStringLiteral("clip.mp4"));

        const QString file =
            batchFile("video-run.json", QByteArray::fromStdString(printed.message));
        const auto fromFile = parse({QStringLiteral("--settings"), file});
        QVERIFY2(fromFile.options, fromFile.message.c_str());
        QCOMPARE(fromFile.options->run, parse(videoArgs()).options->run);
        QCOMPARE(fromFile.options->outputPath, std::string("deepart.mp4"));

        // Flags over the file's: another clip, another frame count; the rest stays.
        const auto layered =
            parse({QStringLiteral("--settings"), file, QStringLiteral("--video"),
                   QStringLiteral("other.webm"), QStringLiteral("--frame-count"),
                   QStringLiteral("9"), QStringLiteral("--output"), QStringLiteral("out.webm")});
        QVERIFY2(layered.options, layered.message.c_str());
        QCOMPARE(layered.options->run.contentPath, std::string("other.webm"));
        QCOMPARE(layered.options->run.video->frameCount, 9);
        QCOMPARE(layered.options->run.video->temporalWeight, 20.0);
        QVERIFY(layered.options->run.video->longTerm);
        QCOMPARE(layered.options->outputPath, std::string("out.webm"));
    }

    void aVideoRunsSettingsRefuseWhatAVideoCannotTake() {
        const auto printed = parse(videoArgs() << QStringLiteral("--print-settings"));
        const QString file =
            batchFile("video-refusals.json", QByteArray::fromStdString(printed.message));
        const auto expectUsageError = [this](const QStringList& args, const QString& mentions) {
            const auto r = parse(args);
            QVERIFY(!r.options);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(QString::fromStdString(r.message).contains(mentions), r.message.c_str());
        };
        expectUsageError(
            {QStringLiteral("--settings"), file, QStringLiteral("--content"),
             QStringLiteral("c.jpg")},
            QStringLiteral("--content cannot go with a video run's --settings; give the clip with "
                           "--video"));
        expectUsageError({QStringLiteral("--settings"), file, QStringLiteral("--output"),
                          QStringLiteral("still.png")},
                         QStringLiteral("is not a video type"));
        // A batch makes images.
        expectUsageError(
            {QStringLiteral("--settings"), file, QStringLiteral("--content-dir"),
             batchDir_.filePath(QStringLiteral("content")), QStringLiteral("--style-dir"),
             batchDir_.filePath(QStringLiteral("styles")), QStringLiteral("--output-dir"),
             batchDir_.filePath(QStringLiteral("out"))},
            QStringLiteral("a video run's settings cannot make a batch of images"));
        expectUsageError({QStringLiteral("--batch"),
                          batchDir_.filePath(QStringLiteral("jobs.json")),
                          QStringLiteral("--temporal-weight"), QStringLiteral("3")},
                         QStringLiteral("--temporal-weight is for a single run"));
        const QString jobs =
            batchFile("video-jobs.json",
                      R"({"jobs": [{"settings": "video-refusals.json", "output": "a.png"},
                         {"settings": {"inputs": {"content": "c.jpg", "styles": [{"path": "s.jpg"}]}},
                          "output": "b.png"}]})");
        const auto batch = parse({QStringLiteral("--batch"), jobs});
        QVERIFY2(batch.options, batch.message.c_str());
        QVERIFY2(QString::fromStdString(batch.options->jobs[0].error)
                     .contains(QStringLiteral("the settings are a video run's")),
                 batch.options->jobs[0].error.c_str());
        QCOMPARE(batch.options->jobs[1].error, std::string());
    }
};

QTEST_GUILESS_MAIN(TestCliVideoOptions)
#include "tst_clivideooptions.moc"
