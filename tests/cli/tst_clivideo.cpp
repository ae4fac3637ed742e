#include "CliOptions.h"
#include "CliProcessTest.h"
#include "TimelapseWriter.h"

#include <QCryptographicHash>

// deepart-cli --video: a clip made here (a picture panned across 4 frames) stylized end to end,
// resumed from the frames folder, stopped, and the flags it refuses.
class TestCliVideo : public CliProcessTest {
    Q_OBJECT
private:
    QString clip_;

    QStringList videoArgs(const QString& output) const {
        return {QStringLiteral("--video"),      clip_,
                QStringLiteral("--style"),      style_,
                QStringLiteral("--weights"),    weights_,
                QStringLiteral("--output"),     output,
                QStringLiteral("--size"),       QStringLiteral("48"),
                QStringLiteral("--iterations"), QStringLiteral("4"),
                QStringLiteral("--device"),     QStringLiteral("cpu"),
                QStringLiteral("--threads"),    QStringLiteral("1")};
    }

    static QByteArray digest(const QString& file) {
        QFile f(file);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }

    QString frameFile(const QString& folder, int frame) const {
        return QDir(path(folder))
            .filePath(QStringLiteral("frame-%1.png").arg(frame, 5, 10, QLatin1Char('0')));
    }

private Q_SLOTS:
    void initTestCase() {
        setUpTestCase();
        // Four frames of 64 x 48 px cut from a wider picture, 3 px further right each time.
        clip_ = test::writePannedClip(path(QStringLiteral("clip.avi")));
    }

    void aClipBecomesAStylizedVideo() {
        const QString output = path(QStringLiteral("art.mp4"));
        auto args = videoArgs(output);
        args << QStringLiteral("--log-json") << path(QStringLiteral("art.jsonl"));
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const auto frames = videoFrames(output);
        QCOMPARE(int(frames.size()), 4);
        for (const cv::Mat& frame : frames)
            QCOMPARE(frame.size(), cv::Size(48, 36));
        for (int k = 1; k <= 4; ++k)
            QVERIFY(QFile::exists(frameFile(QStringLiteral("art-frames"), k)));
        QVERIFY2(r.err.contains(QStringLiteral("frame 2 (2 of 4): 2 iterations, from the frame "
                                               "before")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("wrote '%1': 4 frames, no sound").arg(output)),
                 qPrintable(r.err));
        // 4 iterations for the first frame, 2 for each later one, which has the temporal term.
        QFile log(path(QStringLiteral("art.jsonl")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().trimmed().split('\n');
        QCOMPARE(lines.size(), 4 + 3 * 2);
        for (int k = 0; k < lines.size(); ++k) {
            const QJsonObject line = QJsonDocument::fromJson(lines[k]).object();
            QCOMPARE(line.contains(QStringLiteral("temporal")), k >= 4);
            QCOMPARE(line.value(QStringLiteral("frame")).toInt(), k < 4 ? 1 : 2 + (k - 4) / 2);
            QVERIFY(std::isfinite(line.value(QStringLiteral("total")).toDouble()));
        }
    }

    // Frames already in the folder are taken as they are: the rest is run, the video is whole.
    void aSecondRunGoesOnFromTheKeptFrames() {
        const QString output = path(QStringLiteral("resumed.webm"));
        auto first = videoArgs(output);
        first << QStringLiteral("--frame-count") << QStringLiteral("2");
        const auto r1 = run(first);
        QVERIFY2(r1.exitCode == 0, qPrintable(r1.err));
        QCOMPARE(int(videoFrames(output).size()), 2);
        const QByteArray one = digest(frameFile(QStringLiteral("resumed-frames"), 1));
        const QByteArray two = digest(frameFile(QStringLiteral("resumed-frames"), 2));
        QVERIFY(!one.isEmpty() && !two.isEmpty());

        const auto r2 = run(videoArgs(output));
        QVERIFY2(r2.exitCode == 0, qPrintable(r2.err));
        QVERIFY2(r2.err.contains(QStringLiteral("frame 2 (2 of 4) kept from an earlier run")),
                 qPrintable(r2.err));
        QVERIFY2(r2.err.contains(QStringLiteral("4 frames (2 kept from an earlier run)")),
                 qPrintable(r2.err));
        QCOMPARE(digest(frameFile(QStringLiteral("resumed-frames"), 1)), one);
        QCOMPARE(digest(frameFile(QStringLiteral("resumed-frames"), 2)), two);
        QVERIFY(QFile::exists(frameFile(QStringLiteral("resumed-frames"), 4)));
        QCOMPARE(int(videoFrames(output).size()), 4);
    }

    // Ctrl-C during a frame: what is done stays, the video is not written, the message says how
    // to go on.
    void anInterruptKeepsTheFramesDone() {
        const QString output = path(QStringLiteral("stopped.mp4"));
        auto args = videoArgs(output);
        args << QStringLiteral("--iterations") << QStringLiteral("100000")
             << QStringLiteral("--log-json") << path(QStringLiteral("stopped.jsonl"));
        const auto r = interruptOnceLogged(args, path(QStringLiteral("stopped.jsonl")));
        const QString& err = r.err;
        QCOMPARE(r.exitCode, 130);
        QVERIFY2(err.contains(QStringLiteral("stopped at frame 1; 0 frames are kept in")) &&
                     err.contains(QStringLiteral("run the same command again")),
                 qPrintable(err));
        QVERIFY(!QFile::exists(output));
        QVERIFY(!QFile::exists(frameFile(QStringLiteral("stopped-frames"), 1)));
        QVERIFY(
            QDir(path(QStringLiteral("."))).entryList({QStringLiteral("stopped.part*")}).isEmpty());
    }

    // The settings --print-settings writes for a video are the video: run from the file, its
    // frames are the ones the flags make (the second run takes them all as its own).
    void aVideoRunsSettingsFileIsTheSameVideo() {
        const QString output = path(QStringLiteral("from-settings.webm"));
        QStringList args = videoArgs(output);
        args << QStringLiteral("--frame-count") << QStringLiteral("2")
             << QStringLiteral("--temporal-weight") << QStringLiteral("20");
        const CliParseResult printed =
            parseCliArguments(QStringList{QStringLiteral("deepart-cli")} + args +
                              QStringList{QStringLiteral("--print-settings")});
        QCOMPARE(printed.exitCode, 0);
        const QString settings =
            writeText(QStringLiteral("video-run.json"), QByteArray::fromStdString(printed.message));

        const auto fromFile = run(
            {QStringLiteral("--settings"), settings, QStringLiteral("--weights"), weights_,
             QStringLiteral("--output"), output, QStringLiteral("--threads"), QStringLiteral("1")});
        QVERIFY2(fromFile.exitCode == 0, qPrintable(fromFile.err));
        QCOMPARE(int(videoFrames(output).size()), 2);

        const auto fromFlags = run(args);
        QVERIFY2(fromFlags.exitCode == 0, qPrintable(fromFlags.err));
        QVERIFY2(fromFlags.err.contains(QStringLiteral("2 frames (2 kept from an earlier run)")),
                 qPrintable(fromFlags.err));
    }

    void refusesWhatAVideoCannotTake() {
        const QString output = path(QStringLiteral("refused.mp4"));
        auto withContent = videoArgs(output);
        withContent << QStringLiteral("--content") << content_;
        expectFailure(withContent, 2, QStringLiteral("--content cannot go with --video"), output);
        auto image = videoArgs(path(QStringLiteral("refused.png")));
        expectFailure(image, 2, QStringLiteral("is not a video type for --video"),
                      path(QStringLiteral("refused.png")));
        auto alone = tiny(output);
        alone << QStringLiteral("--temporal-weight") << QStringLiteral("100");
        expectFailure(alone, 2, QStringLiteral("--temporal-weight needs --video FILE"), output);
        auto missing = videoArgs(output);
        missing[1] = path(QStringLiteral("no-such-clip.mp4"));
        expectFailure(missing, 1, QStringLiteral("does not exist"), output);
        auto notAVideo = videoArgs(output);
        notAVideo[1] = writeText(QStringLiteral("fake.mp4"), "not a video at all");
        expectFailure(notAVideo, 1, QStringLiteral("cannot be read as a video"), output);
    }
};

QTEST_GUILESS_MAIN(TestCliVideo)
#include "tst_clivideo.moc"
