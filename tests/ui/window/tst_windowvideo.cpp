#include "GalleryModel.h"
#include "TimelapseWriter.h"
#include "TransferSession.h"
#include "WindowTest.h"
#include "Workspace.h"

#include <QStatusBar>

#include <opencv2/videoio.hpp>

using namespace deepart;

// A video run from the window: its frames arrive in the gallery as one run's snapshots, the
// video is written, the workspace keeps the frame numbers; what cannot be a video is refused.
class TestWindowVideo : public WindowTest {
    Q_OBJECT
private:
    QString clip_;

private Q_SLOTS:
    void initTestCase() {
        createInputs("tst_windowvideo");
        clip_ = test::writePannedClip(dir_.filePath(QStringLiteral("clip.avi")));
    }
    void init() { clearUserState(); }

    void framesComeBackAsSnapshotsOfOneRun() {
        const QString work = dir_.filePath(QStringLiteral("work-video"));
        MainWindow window;
        window.setWorkFolder(work);
        prepare(window, 4, 0);
        QVERIFY(window.stylizeVideoAction()->isEnabled());
        const QString output = dir_.filePath(QStringLiteral("art.mp4"));
        VideoSettings video;
        video.frameIterations = 2;
        window.startVideo(clip_, output, video);
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().startsWith(QStringLiteral("Done: 4 frames")),
                                 120000);
        QVERIFY(!window.session()->isRunning());
        QVERIFY(window.errorText().isEmpty());
        const QList<SnapshotInfo> snapshots = window.gallery()->snapshots();
        QCOMPARE(snapshots.size(), 4);
        for (int k = 0; k < 4; ++k) {
            QCOMPARE(snapshots[k].frame, k + 1);
            QCOMPARE(snapshots[k].iteration, 4 + 2 * k); // counted across the frames
            QCOMPARE(snapshots[k].settings.runNumber, snapshots[0].settings.runNumber);
        }
        QVERIFY2(GalleryModel::displayText(snapshots[1]).contains(QStringLiteral("frame 2")),
                 qPrintable(GalleryModel::displayText(snapshots[1])));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("wrote")),
                 qPrintable(window.statusBar()->currentMessage()));
        cv::VideoCapture written(output.toStdString());
        QCOMPARE(static_cast<int>(written.get(cv::CAP_PROP_FRAME_COUNT)), 4);
        const auto& stored = window.workspace()->manifest().runs.back().snapshots;
        QCOMPARE(stored.size(), size_t(4));
        QCOMPARE(stored.back().frame, 4);
        // The run is stored as what it was, a video with its own settings, and reads back so.
        const RunSettings& run = window.workspace()->manifest().runs.back().settings;
        QCOMPARE(run.contentPath, clip_.toStdString());
        QVERIFY(run.video && *run.video == video);
        MainWindow reopened;
        reopened.setWorkFolder(work);
        const QList<SnapshotInfo> restored = reopened.gallery()->snapshots();
        QCOMPARE(restored.size(), 4);
        QVERIFY(restored.back().settings.isVideo());
        QCOMPARE(restored.back().settings.video->frameIterations, 2);
        QCOMPARE(restored.back().frame, 4);
        // The next run is still an image run of the photo in the window.
        QVERIFY(!reopened.currentRequest().isVideo());
    }

    // deepart --settings with a video run's settings: the video dialog is offered them.
    void aVideoRunsSettingsAreOffered() {
        MainWindow window;
        VideoSettings video;
        video.temporalWeight = 20.0;
        window.offerVideo(clip_, video);
        QVERIFY2(window.statusBar()->currentMessage().contains(
                     QStringLiteral("Run ▸ Stylize a video… offers clip.avi")),
                 qPrintable(window.statusBar()->currentMessage()));
        QVERIFY(!window.currentRequest().isVideo());
    }

    void aFileThatIsNoVideoFailsWithAMessage() {
        MainWindow window;
        prepare(window, 4, 0);
        const QString fake = dir_.filePath(QStringLiteral("fake.mp4"));
        test::writeBytes(fake, "not a video");
        window.startVideo(fake, dir_.filePath(QStringLiteral("fake-art.mp4")), VideoSettings{});
        QTRY_VERIFY_WITH_TIMEOUT(
            window.errorText().contains(QStringLiteral("cannot be read as a video")), 60000);
        QTRY_VERIFY(!window.session()->isRunning());
        QVERIFY(window.gallery()->snapshots().isEmpty());
        QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("fake-art.mp4"))));
    }
};

QTEST_MAIN(TestWindowVideo)
#include "tst_windowvideo.moc"
