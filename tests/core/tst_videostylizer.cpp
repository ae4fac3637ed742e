#include "Error.h"
#include "ImageFile.h"
#include "TestData.h"
#include "TimelapseWriter.h"
#include "VideoStylizer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <filesystem>

using namespace deepart;

// stylizeVideo's own promises, on a clip made here (4 frames of 64 x 48 px, a picture panned
// 3 px a frame) and the slim test network: a stop between frames, the frames folder's record,
// steering that lasts, an output that would overwrite the clip.
class TestVideoStylizer : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString clip_;
    QString style_;

    VideoJob job(const QString& output) const {
        VideoJob j;
        j.run.contentPath = clip_.toStdString();
        j.run.styles = {StyleSource(style_.toStdString())};
        j.run.transfer.device = DeviceChoice::Cpu;
        j.run.transfer.scales = {ScaleStep{48, 3}};
        j.outputPath = dir_.filePath(output).toStdString();
        j.run.video = VideoSettings{};
        j.run.video->frameIterations = 2;
        j.weights = test::smallWeights();
        return j;
    }

private Q_SLOTS:
    void initTestCase() {
        clip_ = test::writePannedClip(dir_.filePath(QStringLiteral("clip.avi")));
        style_ = test::writeRgbImage(dir_.filePath(QStringLiteral("style.png")),
                                     test::testPicture(48, 64, 2));
    }

    // A stop asked for once a frame is done ends the run before the next: stopped, the frames
    // done kept, no video under the output's name.
    void aStopBetweenFramesEndsAsStopped() {
        const VideoJob j = job(QStringLiteral("stopped.mp4"));
        RunControl control;
        VideoSink sink;
        sink.frameFinished = [&](const VideoFrameEvent& e, const cv::Mat&, const FrameGuide*) {
            if (e.number == 2)
                control.requestStop();
        };
        const VideoResult result = stylizeVideo(j, control, sink);
        QCOMPARE(result.outcome, RunOutcome::Cancelled);
        QCOMPARE(result.frames, 2);
        QVERIFY2(QString::fromStdString(result.message)
                     .startsWith(QStringLiteral("stopped before frame 3; 2 frames are kept")),
                 result.message.c_str());
        QVERIFY(!std::filesystem::exists(j.outputPath));
        QVERIFY(std::filesystem::exists(framePath(result.framesFolder, 2)));
        QVERIFY(!std::filesystem::exists(framePath(result.framesFolder, 3)));
    }

    // The folder remembers what its frames were made from: other settings are refused, and the
    // same ones take the frames again.
    void aFramesFolderOfAnotherRunIsRefused() {
        VideoJob j = job(QStringLiteral("kept.mp4"));
        j.run.video->frameCount = 1;
        RunControl first;
        QCOMPARE(stylizeVideo(j, first, {}).frames, 1);
        VideoJob otherStyle = j;
        otherStyle.run.transfer.lossWeights.style *= 2.0;
        VideoJob otherTemporal = j; // the video's own settings count too
        otherTemporal.run.video->temporalWeight *= 2.0;
        for (const VideoJob& other : {otherStyle, otherTemporal}) {
            RunControl second;
            try {
                stylizeVideo(other, second, {});
                QFAIL("expected a refusal");
            } catch (const Error& e) {
                QVERIFY2(QString::fromUtf8(e.what()).contains(
                             QStringLiteral("holds the frames of another clip or other settings")),
                         e.what());
            }
        }
        j.run.video->frameCount = 0;
        RunControl third;
        const VideoResult result = stylizeVideo(j, third, {});
        QCOMPARE(result.frames, 4);
        QCOMPARE(result.resumed, 1);
    }

    // Weights moved during the first frame are the later frames' too.
    void steeredWeightsLastForTheFramesAfter() {
        const VideoJob j = job(QStringLiteral("steered.mp4"));
        RunControl control;
        LossWeights steered = j.run.transfer.lossWeights;
        steered.style *= 3.0;
        VideoSink sink;
        int frame = 0;
        sink.frameStarted = [&](const VideoFrameEvent& e) { frame = e.frame; };
        sink.run.iteration = [&](const IterationStats& stats, const torch::Tensor&) {
            if (frame == 1 && stats.iteration == 1)
                control.setLossWeights(steered);
        };
        const VideoResult result = stylizeVideo(j, control, sink);
        QCOMPARE(result.outcome, RunOutcome::Finished);
        QCOMPARE(result.lossWeights, steered);
    }

    void theClipIsNeverTheOutput() {
        VideoJob j = job(QStringLiteral("unused.mp4"));
        j.outputPath = clip_.toStdString();
        RunControl control;
        QVERIFY_THROWS_EXCEPTION(Error, stylizeVideo(j, control, {}));
        QVERIFY(std::filesystem::file_size(j.outputPath) > 0);
    }
};

QTEST_GUILESS_MAIN(TestVideoStylizer)
#include "tst_videostylizer.moc"
