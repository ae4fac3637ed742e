#include "CliProcessTest.h"

// deepart-cli's time-lapse videos: every Nth iteration, side by side across scales, finished on an
// interrupt.
class TestCliTimelapse : public CliProcessTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void timelapseRecordsEveryNthIteration() {
        const QString video = path(QStringLiteral("lapse.mp4"));
        auto args = tiny(path(QStringLiteral("lapse.png")));
        args << QStringLiteral("--iterations") << QStringLiteral("7")
             << QStringLiteral("--timelapse") << video << QStringLiteral("--timelapse-every")
             << QStringLiteral("3") << QStringLiteral("--timelapse-fps") << QStringLiteral("5");
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The start, iterations 3 and 6, the result (7); the first frame held 1 s, the last
        // 2 s, at 5 frames a second.
        const int expected = 1 + 2 + 1 + 5 + 10;
        const auto frames = videoFrames(video);
        QCOMPARE(int(frames.size()), expected);
        for (const cv::Mat& frame : frames)
            QCOMPARE(frame.size(), cv::Size(32, 24));
        QVERIFY2(r.err.contains(
                     QStringLiteral("time-lapse '%1': %2 frames, 3.8 s").arg(video).arg(expected)),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(path(QStringLiteral("lapse.part.mp4"))));
    }

    void timelapseSideBySideAcrossScales() {
        const QString video = path(QStringLiteral("wide.avi"));
        auto args = tiny(path(QStringLiteral("wide.png")));
        args << QStringLiteral("--size") << QStringLiteral("48") << QStringLiteral("--scales")
             << QStringLiteral("24,48") << QStringLiteral("--scale-iterations")
             << QStringLiteral("2,2") << QStringLiteral("--timelapse") << video
             << QStringLiteral("--timelapse-every") << QStringLiteral("2")
             << QStringLiteral("--timelapse-side-by-side")
             // From noise, so that the result cannot pass for the photo.
             << QStringLiteral("--init") << QStringLiteral("noise");
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The start and iteration 2 at 24 px, iteration 4 (the result) at 48 px; holds of 1 and
        // 2 s at the default 10 frames a second.
        const auto frames = videoFrames(video);
        QCOMPARE(int(frames.size()), 3 + 10 + 20);
        cv::Mat content = loadRgbImage(content_.toStdString(), "content");
        cv::resize(content, content, cv::Size(48, 36), 0, 0, cv::INTER_AREA);
        cv::cvtColor(content, content, cv::COLOR_RGB2BGR);
        for (const cv::Mat& frame : frames) {
            QCOMPARE(frame.size(), cv::Size(96, 36));
            // The photo on the left, as given; the result on the right.
            cv::Mat left, right;
            cv::absdiff(frame(cv::Rect(0, 0, 48, 36)), content, left);
            cv::absdiff(frame(cv::Rect(48, 0, 48, 36)), content, right);
            QVERIFY2(cv::mean(left)[0] < 12, qPrintable(QString::number(cv::mean(left)[0])));
            QVERIFY2(cv::mean(right)[0] > 30, qPrintable(QString::number(cv::mean(right)[0])));
        }
    }

    void interruptFinishesTheTimelapse() {
        const QString video = path(QStringLiteral("stopped.avi"));
        auto args = tiny(path(QStringLiteral("stopped.png")));
        args << QStringLiteral("--iterations") << QStringLiteral("100000")
             << QStringLiteral("--log-json") << path(QStringLiteral("stopped.jsonl"))
             << QStringLiteral("--timelapse") << video << QStringLiteral("--timelapse-every")
             << QStringLiteral("2");
        const auto r = interruptOnceLogged(args, path(QStringLiteral("stopped.jsonl")));
        const QString& err = r.err;
        QCOMPARE(r.exitCode, 130);
        const auto match =
            QRegularExpression(QStringLiteral("interrupted after (\\d+) iterations")).match(err);
        QVERIFY2(match.hasMatch(), qPrintable(err));
        const int done = match.captured(1).toInt();
        QVERIFY(done >= 1);
        // What was recorded, finished under the final name: the start, every second
        // iteration, the last image, and the holds.
        QVERIFY2(QFile::exists(video), qPrintable(err));
        QVERIFY(!QFile::exists(path(QStringLiteral("stopped.part.avi"))));
        QCOMPARE(int(videoFrames(video).size()), 1 + done / 2 + done % 2 + 10 + 20);
    }
};

QTEST_GUILESS_MAIN(TestCliTimelapse)
#include "tst_clitimelapse.moc"
