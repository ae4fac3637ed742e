#include "Error.h"
#include "ImageTensor.h"
#include "TestData.h"
#include "TimelapseWriter.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/videoio.hpp>

#include <vector>

using namespace deepart;

// The time-lapse writer: frames read back with OpenCV's VideoCapture.
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

    void oddSizesAreRoundedDownToEven() {
        const std::string file = path("odd.mp4");
        TimelapseOptions options;
        options.holdFirstSeconds = 0;
        options.holdLastSeconds = 0;
        TimelapseWriter writer(file, cv::Size(65, 49), options);
        QCOMPARE(writer.frameSize(), cv::Size(64, 48));
        writer.addFrame(test::testPicture(65, 49, 1));
        writer.finish();
        const auto frames = readFrames(file);
        QCOMPARE(int(frames.size()), 1);
        QCOMPARE(frames[0].size(), cv::Size(64, 48));
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
                    QStringLiteral("time-lapse '%1': unsupported video type; use .mp4 or .avi")
                        .arg(QString::fromStdString(path("run.gif"))));
        QVERIFY(!QFile::exists(QString::fromStdString(path("run.gif"))));
        QVERIFY(TimelapseWriter::isSupportedPath("A.MP4"));
        QVERIFY(TimelapseWriter::isSupportedPath("dir.d/a.avi"));
        QVERIFY(!TimelapseWriter::isSupportedPath("a.webp"));
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
