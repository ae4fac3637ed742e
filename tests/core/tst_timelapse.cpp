#include "Error.h"
#include "ImageTensor.h"
#include "TestData.h"
#include "TimelapseWriter.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSize>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/videoio.hpp>

#include <webp/demux.h>

#include <vector>

using namespace deepart;

// The time-lapse writer: frames read back with OpenCV's VideoCapture, codecs asked of ffprobe,
// animated WebP decoded with libwebp's demuxer.
class TestTimelapse : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    std::string path(const char* name) const {
        return dir_.filePath(QLatin1String(name)).toStdString();
    }

    static cv::Mat solid(int width, int height, cv::Scalar rgb) {
        return cv::Mat(height, width, CV_8UC3, rgb);
    }

    // Every frame of a video, decoded (BGR).
    static std::vector<cv::Mat> readFrames(const std::string& file) {
        cv::VideoCapture capture(file);
        std::vector<cv::Mat> frames;
        cv::Mat frame;
        while (capture.read(frame))
            frames.push_back(frame.clone());
        return frames;
    }

    // The mean BGR of a region of a decoded frame.
    static cv::Scalar meanOf(const cv::Mat& frame, cv::Rect region) {
        return cv::mean(frame(region));
    }

    static bool near(const cv::Scalar& bgr, const cv::Scalar& expectedBgr, double tolerance = 12) {
        for (int c = 0; c < 3; ++c)
            if (std::abs(bgr[c] - expectedBgr[c]) > tolerance)
                return false;
        return true;
    }

    // Names in the temporary folder's subfolder `sub` (to see what a writer left behind).
    QStringList filesIn(const QString& sub) const {
        return QDir(dir_.filePath(sub)).entryList(QDir::Files);
    }

    QString freshFolder(const QString& name) const {
        QDir(dir_.path()).mkpath(name);
        return dir_.filePath(name);
    }

    static void expectError(const std::function<void()>& action, const QString& mentions) {
        try {
            action();
        } catch (const Error& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(mentions), e.what());
            return;
        }
        QFAIL(qPrintable(QStringLiteral("no error; expected one mentioning '%1'").arg(mentions)));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void framesAndHeldFramesAreWritten_data() {
        QTest::addColumn<QString>("name");
        QTest::newRow("mp4") << QStringLiteral("frames.mp4");
        QTest::newRow("webm") << QStringLiteral("frames.webm");
        QTest::newRow("avi") << QStringLiteral("frames.avi");
    }

    void framesAndHeldFramesAreWritten() {
        QFETCH(QString, name);
        const std::string file = dir_.filePath(name).toStdString();
        TimelapseOptions options;
        options.framesPerSecond = 10;
        options.holdFirstSeconds = 0.3; // 3 extra frames
        options.holdLastSeconds = 0.5;  // 5 extra frames
        {
            TimelapseWriter writer(file, cv::Size(64, 48), options);
            QCOMPARE(writer.frameSize(), cv::Size(64, 48));
            // Five frames of increasing gray, so that order and holds can be told apart.
            for (int k = 0; k < 5; ++k)
                writer.addFrame(solid(64, 48, cv::Scalar::all(40 + 40 * k)));
            QCOMPARE(writer.framesAdded(), 5);
            QCOMPARE(writer.framesWritten(), 5 + 3);
            QVERIFY(!QFile::exists(QString::fromStdString(file))); // not before finish()
            writer.finish();
            QCOMPARE(writer.framesWritten(), 5 + 3 + 5);
        }
        const auto frames = readFrames(file);
        QCOMPARE(int(frames.size()), 5 + 3 + 5);
        const std::vector<int> expectedGray = {40,  40,  40,  40,  80,  120, 160,
                                               200, 200, 200, 200, 200, 200};
        for (size_t k = 0; k < frames.size(); ++k) {
            QCOMPARE(frames[k].cols, 64);
            QCOMPARE(frames[k].rows, 48);
            const auto m = meanOf(frames[k], cv::Rect(0, 0, 64, 48));
            QVERIFY2(near(m, cv::Scalar::all(expectedGray[k])),
                     qPrintable(QStringLiteral("frame %1: %2, expected %3")
                                    .arg(k)
                                    .arg(m[0])
                                    .arg(expectedGray[k])));
        }
        // Only the finished video is left: no partial file beside it.
        QCOMPARE(QDir(dir_.path()).entryList({QStringLiteral("frames.part.*")}, QDir::Files),
                 QStringList());
    }

    // H.264 and VP9 need even sides: an odd picture gets a copy of its last column and row,
    // never loses one; Motion JPEG and WebP keep it as it is.
    void oddSizesArePaddedToEven_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QSize>("frame");
        QTest::newRow("mp4") << QStringLiteral("odd.mp4") << QSize(66, 50);
        QTest::newRow("webm") << QStringLiteral("odd.webm") << QSize(66, 50);
        QTest::newRow("avi") << QStringLiteral("odd.avi") << QSize(65, 49);
    }

    void oddSizesArePaddedToEven() {
        QFETCH(QString, name);
        QFETCH(QSize, frame);
        const std::string file = dir_.filePath(name).toStdString();
        TimelapseOptions options;
        options.holdFirstSeconds = 0;
        options.holdLastSeconds = 0;
        TimelapseWriter writer(file, cv::Size(65, 49), options);
        QCOMPARE(writer.frameSize(), cv::Size(frame.width(), frame.height()));
        // Left half red, right half blue (RGB): the padding repeats the blue edge.
        cv::Mat picture = solid(65, 49, cv::Scalar(220, 30, 30));
        picture(cv::Rect(33, 0, 32, 49)).setTo(cv::Scalar(30, 30, 220));
        writer.addFrame(picture);
        writer.finish();
        const auto frames = readFrames(file);
        QCOMPARE(int(frames.size()), 1);
        QCOMPARE(frames[0].size(), cv::Size(frame.width(), frame.height()));
        QVERIFY(near(meanOf(frames[0], cv::Rect(4, 4, 24, 40)), cv::Scalar(30, 30, 220)));
        const cv::Scalar edge = meanOf(frames[0], cv::Rect(frame.width() - 12, 4, 12, 40));
        QVERIFY2(near(edge, cv::Scalar(220, 30, 30), 20), // chroma at an odd edge is coarse
                 qPrintable(QStringLiteral("%1 %2 %3").arg(edge[0]).arg(edge[1]).arg(edge[2])));
    }

    // What players see, asked of ffprobe (FFmpeg's own reader, not OpenCV's): H.264 in .mp4, VP9
    // in .webm, Motion JPEG in .avi, with the frame size and count written.
    void codecsAreWhatPlayersPlay_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("codec");
        QTest::newRow("mp4") << QStringLiteral("players.mp4") << QStringLiteral("h264");
        QTest::newRow("webm") << QStringLiteral("players.webm") << QStringLiteral("vp9");
        QTest::newRow("avi") << QStringLiteral("players.avi") << QStringLiteral("mjpeg");
    }

    void codecsAreWhatPlayersPlay() {
        QFETCH(QString, name);
        QFETCH(QString, codec);
        const QString ffprobe = QStandardPaths::findExecutable(QStringLiteral("ffprobe"));
        QVERIFY2(!ffprobe.isEmpty(), "ffprobe is missing: packaging/install-deps.sh installs it");
        const std::string file = dir_.filePath(name).toStdString();
        TimelapseOptions options;
        options.framesPerSecond = 10;
        options.holdFirstSeconds = 0.2; // 2 extra frames
        options.holdLastSeconds = 0.3;  // 3 extra frames
        {
            TimelapseWriter writer(file, cv::Size(81, 45), options); // odd: padded for H.264, VP9
            for (int k = 0; k < 4; ++k)
                writer.addFrame(test::testPicture(81, 45, k));
            writer.finish();
        }
        QProcess probe;
        probe.start(ffprobe, {QStringLiteral("-v"), QStringLiteral("error"),
                              QStringLiteral("-select_streams"), QStringLiteral("v:0"),
                              QStringLiteral("-count_frames"), QStringLiteral("-show_entries"),
                              QStringLiteral("stream=codec_name,width,height,nb_read_frames"),
                              QStringLiteral("-of"), QStringLiteral("csv=p=0"),
                              QString::fromStdString(file)});
        QVERIFY(probe.waitForFinished(60000));
        const QString out = QString::fromUtf8(probe.readAllStandardOutput()).trimmed();
        const QString size =
            codec == QLatin1String("mjpeg") ? QStringLiteral("81,45") : QStringLiteral("82,46");
        QCOMPARE(out, QStringLiteral("%1,%2,%3").arg(codec, size).arg(4 + 2 + 3));
    }

    // An animated WebP: every frame's time (identical frames are merged into a longer one),
    // looping forever, at the picture's own size.
    void animatedWebpLoopsAtTheFramesTimes() {
        const std::string file = path("loop.webp");
        TimelapseOptions options;
        options.framesPerSecond = 10;
        options.holdFirstSeconds = 0.3; // 3 extra frames
        options.holdLastSeconds = 0.5;  // 5 extra frames
        {
            TimelapseWriter writer(file, cv::Size(65, 49), options);
            QCOMPARE(writer.frameSize(), cv::Size(65, 49));
            for (int k = 0; k < 5; ++k)
                writer.addFrame(solid(65, 49, cv::Scalar::all(40 + 40 * k)));
            writer.finish();
        }
        QFile in(QString::fromStdString(file));
        QVERIFY(in.open(QIODevice::ReadOnly));
        const QByteArray bytes = in.readAll();
        WebPData data{reinterpret_cast<const uint8_t*>(bytes.constData()),
                      static_cast<size_t>(bytes.size())};
        WebPAnimDecoderOptions decoderOptions;
        QVERIFY(WebPAnimDecoderOptionsInit(&decoderOptions));
        decoderOptions.color_mode = MODE_BGRA;
        WebPAnimDecoder* decoder = WebPAnimDecoderNew(&data, &decoderOptions);
        QVERIFY(decoder);
        WebPAnimInfo info;
        QVERIFY(WebPAnimDecoderGetInfo(decoder, &info));
        QCOMPARE(int(info.canvas_width), 65);
        QCOMPARE(int(info.canvas_height), 49);
        QCOMPARE(int(info.loop_count), 0);         // forever
        std::vector<std::pair<int, double>> shown; // (start ms, gray)
        int previousEnd = 0;
        while (WebPAnimDecoderHasMoreFrames(decoder)) {
            uint8_t* pixels = nullptr;
            int end = 0;
            QVERIFY(WebPAnimDecoderGetNext(decoder, &pixels, &end));
            const cv::Mat bgra(49, 65, CV_8UC4, pixels);
            shown.emplace_back(previousEnd, cv::mean(bgra)[1]);
            previousEnd = end;
        }
        WebPAnimDecoderDelete(decoder);
        QCOMPARE(previousEnd, (5 + 3 + 5) * 100); // the whole animation's time
        QVERIFY(shown.size() >= 5);
        QVERIFY(near(cv::Scalar::all(shown.front().second), cv::Scalar::all(40)));
        QVERIFY(near(cv::Scalar::all(shown.back().second), cv::Scalar::all(200)));
        // The held first frame lasts 4 frames (400 ms), whatever the encoder merged.
        QVERIFY(shown.size() >= 2);
        QCOMPARE(shown[1].first, 400);
    }

    void sideBySideDoublesTheWidth() {
        const std::string file = path("side.avi");
        TimelapseOptions options;
        options.holdFirstSeconds = 0;
        options.holdLastSeconds = 0.2;
        // A content image of another size and aspect: scaled to the result's panel.
        options.content = solid(100, 40, cv::Scalar(220, 30, 30)); // red (RGB)
        TimelapseWriter writer(file, cv::Size(64, 48), options);
        QCOMPARE(writer.frameSize(), cv::Size(128, 48));
        writer.addFrame(solid(64, 48, cv::Scalar(30, 30, 220))); // blue (RGB)
        writer.addFrame(solid(64, 48, cv::Scalar(30, 220, 30))); // green
        writer.finish();
        const auto frames = readFrames(file);
        QCOMPARE(int(frames.size()), 2 + 2);
        for (size_t k = 0; k < frames.size(); ++k) {
            QCOMPARE(frames[k].size(), cv::Size(128, 48));
            // Content on the left (red is BGR 30,30,220), the result on the right.
            QVERIFY(near(meanOf(frames[k], cv::Rect(4, 4, 56, 40)), cv::Scalar(30, 30, 220)));
            const cv::Scalar right = meanOf(frames[k], cv::Rect(68, 4, 56, 40));
            QVERIFY(near(right, k == 0 ? cv::Scalar(220, 30, 30) : cv::Scalar(30, 220, 30)));
        }
    }

    void framesOfVaryingSizesAreScaledToTheFrameSize() {
        // As a coarse-to-fine run reports them: smaller early scales, then the output size; and
        // as the run driver reports them: tensors.
        const std::string file = path("scales.mp4");
        TimelapseOptions options;
        options.holdFirstSeconds = 0;
        options.holdLastSeconds = 0;
        TimelapseWriter writer(file, cv::Size(96, 64), options);
        writer.addFrame(solid(24, 16, cv::Scalar::all(50)));
        writer.addFrame(rgbMatToTensor(solid(48, 32, cv::Scalar::all(120))));
        writer.addFrame(solid(96, 64, cv::Scalar::all(200)));
        writer.addFrame(solid(97, 65, cv::Scalar::all(250))); // larger than the frame
        writer.finish();
        const auto frames = readFrames(file);
        QCOMPARE(int(frames.size()), 4);
        const int gray[] = {50, 120, 200, 250};
        for (size_t k = 0; k < frames.size(); ++k) {
            QCOMPARE(frames[k].size(), cv::Size(96, 64));
            QVERIFY(near(meanOf(frames[k], cv::Rect(0, 0, 96, 64)), cv::Scalar::all(gray[k])));
        }
    }

    void nothingUnderTheFinalNameWithoutFinish() {
        const QString folder = freshFolder(QStringLiteral("unfinished"));
        const std::string file = QDir(folder).filePath(QStringLiteral("run.mp4")).toStdString();
        {
            TimelapseWriter writer(file, cv::Size(32, 32));
            writer.addFrame(solid(32, 32, cv::Scalar::all(90)));
            // The partial file is there while the video is written...
            QCOMPARE(filesIn(QStringLiteral("unfinished")),
                     QStringList{QStringLiteral("run.part.mp4")});
            // ...and a bad frame is refused without touching it.
            expectError([&] { writer.addFrame(cv::Mat()); },
                        QStringLiteral("empty or not 8-bit RGB"));
            expectError([&] { writer.addFrame(cv::Mat(8, 8, CV_8UC1)); },
                        QStringLiteral("'") + QString::fromStdString(file) + "'");
        } // destroyed without finish(): an error or a stop in the caller
        QCOMPARE(filesIn(QStringLiteral("unfinished")), QStringList());
    }

    void anOldVideoSurvivesAnUnfinishedOne() {
        const QString folder = freshFolder(QStringLiteral("old"));
        const QString file = QDir(folder).filePath(QStringLiteral("run.avi"));
        test::writeBytes(file, "the old video");
        {
            TimelapseWriter writer(file.toStdString(), cv::Size(32, 32));
            writer.addFrame(solid(32, 32, cv::Scalar::all(90)));
        }
        QFile old(file);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("the old video"));
        old.close();
        // A finished one replaces it.
        TimelapseWriter writer(file.toStdString(), cv::Size(32, 32));
        writer.addFrame(solid(32, 32, cv::Scalar::all(90)));
        writer.finish();
        QCOMPARE(int(readFrames(file.toStdString()).size()),
                 1 + 10 + 20); // default holds at 10 fps
        QCOMPARE(filesIn(QStringLiteral("old")), QStringList{QStringLiteral("run.avi")});
    }

    void finishWithoutFramesWritesNothing() {
        const QString folder = freshFolder(QStringLiteral("empty"));
        const std::string file = QDir(folder).filePath(QStringLiteral("run.mp4")).toStdString();
        TimelapseWriter writer(file, cv::Size(32, 32));
        expectError([&] { writer.finish(); }, QStringLiteral("no frames were recorded"));
        QCOMPARE(filesIn(QStringLiteral("empty")), QStringList());
        expectError([&] { writer.addFrame(solid(32, 32, cv::Scalar::all(0))); },
                    QStringLiteral("after the video was finished"));
        QCOMPARE(filesIn(QStringLiteral("empty")), QStringList());
    }

    void unusablePathsAreRefusedInWords() {
        const std::string missing = path("no/such/folder/run.mp4");
        expectError([&] { TimelapseWriter writer(missing, cv::Size(32, 32)); },
                    QStringLiteral("time-lapse '%1': the folder '%2' does not exist")
                        .arg(QString::fromStdString(missing),
                             dir_.filePath(QStringLiteral("no/such/folder"))));
        QVERIFY(!QDir(dir_.filePath(QStringLiteral("no"))).exists());

        // A folder that is a file: not writable as a folder.
        test::writeBytes(dir_.filePath(QStringLiteral("plain")), "x");
        expectError([&] { TimelapseWriter writer(path("plain/run.mp4"), cv::Size(32, 32)); },
                    QStringLiteral("is not writable"));

        expectError([&] { TimelapseWriter writer(path("run.gif"), cv::Size(32, 32)); },
                    QStringLiteral("time-lapse '%1': unsupported video type; use .mp4, .webm, "
                                   ".webp or .avi")
                        .arg(QString::fromStdString(path("run.gif"))));
        QVERIFY(!QFile::exists(QString::fromStdString(path("run.gif"))));
        QVERIFY(TimelapseWriter::isSupportedPath("A.MP4"));
        QVERIFY(TimelapseWriter::isSupportedPath("dir.d/a.avi"));
        QVERIFY(TimelapseWriter::isSupportedPath("a.webp"));
        QVERIFY(TimelapseWriter::isSupportedPath("b.WebM"));
        QVERIFY(!TimelapseWriter::isSupportedPath("a.gif"));
        QVERIFY(!TimelapseWriter::isSupportedPath("mp4"));

        TimelapseOptions fast;
        fast.framesPerSecond = 0;
        expectError([&] { TimelapseWriter writer(path("fps.mp4"), cv::Size(32, 32), fast); },
                    QStringLiteral("frame rate"));
        TimelapseOptions hold;
        hold.holdLastSeconds = -1;
        expectError([&] { TimelapseWriter writer(path("hold.mp4"), cv::Size(32, 32), hold); },
                    QStringLiteral("hold"));
        QVERIFY(!QFile::exists(QString::fromStdString(path("fps.part.mp4"))));
    }
};

QTEST_GUILESS_MAIN(TestTimelapse)
#include "tst_timelapse.moc"
