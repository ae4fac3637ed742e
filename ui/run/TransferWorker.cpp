#include "TransferWorker.h"

#include "Error.h"
#include "ImageConversion.h"
#include "ImageTensor.h"
#include "KerasWeightsFile.h"
#include "RunDriver.h"
#include "RunInputs.h"
#include "VideoStylizer.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>
#include <utility>

namespace deepart {

namespace {

QImage imageOf(const torch::Tensor& image, int bitDepth = 8) {
    return deepart::toQImage(tensorToRgbMat(image, bitDepth));
}

constexpr qint64 kMinPreviewGapMs = 200; // at most ~5 previews per second

} // namespace

TransferWorker::TransferWorker(QObject* parent) : QObject(parent) {}

const Vgg19Weights& TransferWorker::weightsFor(const QString& path) {
    const qint64 stamp = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    if (!weights_ || path != weightsPath_ || stamp != weightsStamp_) {
        weights_.reset();
        weights_ = loadKerasVgg19Weights(path.toStdString());
        weightsPath_ = path;
        weightsStamp_ = stamp;
    }
    return *weights_;
}

void TransferWorker::run(quint64 jobId, const JobRequest& job, RunControl& control) {
    try {
        if (control.stopRequested()) {
            Q_EMIT finished(jobId, 0, true); // stopped or replaced before it began
            return;
        }
        configureThreads(job.threads);
        // Each preparation step is checked for a stop: a Stop (or a replacing Start) pressed
        // while a large weights file or image was read ends the job before the next step.
        const auto stoppedBefore = [&] {
            if (!control.stopRequested())
                return false;
            Q_EMIT finished(jobId, 0, true);
            return true;
        };
        RunPlan plan;
        plan.settings = job.transfer;
        plan.weights = weightsFor(job.weightsPath);
        if (stoppedBefore())
            return;
        if (job.isVideo())
            return runVideo(jobId, job, plan.weights, control);
        loadRunInputs(job.runSettings(), plan);
        if (stoppedBefore())
            return;

        JobRequest current = job; // with the loss weights as they are now
        const auto snapshotOf = [&](const IterationStats& stats, bool manual, const QImage& image) {
            return SnapshotInfo{stats.iteration, manual,      image,      stats,
                                current,         stats.scale, stats.size, {}};
        };
        QElapsedTimer sincePreview;
        int lastSnapshot = -1;
        RunSink sink;
        sink.started = [&](const RunStarted& s) {
            // The precision belongs with the device: together they say what the run costs.
            QString device = QString::fromStdString(s.deviceText + " · " + s.precisionText);
            if (s.tiles > 1)
                device += tr(" · %1 tiles of %2 px").arg(s.tiles).arg(s.tileSize);
            Q_EMIT started(jobId, device, QSize(s.width, s.height));
            Q_EMIT previewReady(jobId, 0, imageOf(s.image));
            sincePreview.start();
        };
        sink.iteration = [&](const IterationStats& stats, const torch::Tensor& image) {
            Q_EMIT progressed(jobId, stats);
            const bool due = job.previewInterval > 0 &&
                             stats.iteration % job.previewInterval == 0 &&
                             sincePreview.elapsed() >= kMinPreviewGapMs;
            if (due) {
                Q_EMIT previewReady(jobId, stats.iteration, imageOf(image));
                sincePreview.restart();
            }
        };
        sink.snapshot = [&](const RunSnapshot& s) {
            current.transfer.lossWeights = s.lossWeights;
            const QImage image = imageOf(s.image);
            lastSnapshot = s.iteration;
            Q_EMIT snapshotReady(jobId, snapshotOf(s.stats, s.manual, image));
            Q_EMIT previewReady(jobId, s.iteration, image);
            sincePreview.restart();
        };
        sink.paused = [&](int completed) { Q_EMIT paused(jobId, completed); };
        QElapsedTimer sinceTile;
        sink.tile = [&](const TileProgress& t) {
            // Small tiles go by fast; the window needs no more than a few updates a second.
            if (sinceTile.isValid() && sinceTile.elapsed() < 200 && t.tile + 1 < t.tiles)
                return;
            sinceTile.start();
            Q_EMIT tileProgressed(jobId, t.iteration, t.pass, t.tile, t.tiles);
        };
        const RunResult result = runStyleTransfer(plan, control, sink);
        current.transfer.lossWeights = result.lossWeights;
        const int done = result.completedIterations;
        if (done > 0 && done != lastSnapshot) {
            // The image the run ended on (finished, stopped, or the last good one) is kept, in 16
            // bits a channel: the artwork one exports for print, smooth gradients included.
            const QImage image = imageOf(result.image, 16);
            IterationStats last = result.lastStats;
            last.size = std::max(image.width(), image.height());
            Q_EMIT snapshotReady(jobId,
                                 snapshotOf(last, result.outcome != RunOutcome::Finished, image));
            Q_EMIT previewReady(jobId, done, image);
        }
        if (result.outcome == RunOutcome::Failed)
            Q_EMIT failed(jobId, QString::fromStdString(result.message));
        else
            Q_EMIT finished(jobId, done, result.outcome == RunOutcome::Cancelled);
    } catch (const std::exception& e) {
        Q_EMIT failed(jobId, QString::fromStdString(describeException(e)));
    } catch (...) {
        Q_EMIT failed(jobId, QStringLiteral("unexpected error"));
    }
}

void TransferWorker::runVideo(quint64 jobId, const JobRequest& job, const Vgg19Weights& weights,
                              RunControl& control) {
    VideoJob video;
    video.run = job.runSettings(); // its content is the clip
    video.outputPath = job.videoOutputPath.toStdString();
    video.weights = weights;

    // The window sees one run: iterations counted across the frames, out of what the frames
    // still to come will take (frames kept from an earlier run take none).
    const int first = job.transfer.totalIterations();
    const int later = job.video->laterFrameIterations(first);
    int done = 0;    // iterations of the frames before this one
    int planned = 0; // of the whole video, as far as known
    bool announced = false;
    IterationStats last;
    QElapsedTimer sincePreview;
    sincePreview.start();
    VideoSink sink;
    sink.frameStarted = [&](const VideoFrameEvent& e) {
        planned = done + e.iterations + std::max(0, e.count - e.number) * later;
        Q_EMIT frameStarted(jobId, e.frame, e.number, e.count);
    };
    bool deviceShown = false;
    sink.run.started = [&](const RunStarted& s) {
        if (std::exchange(deviceShown, true))
            return;
        announced = true;
        Q_EMIT started(
            jobId, QString::fromStdString(s.deviceText + " · " + s.precisionText) + tr(" · video"),
            QSize(s.width, s.height));
    };
    sink.run.iteration = [&](const IterationStats& stats, const torch::Tensor& image) {
        last = stats;
        last.iteration += done;
        last.totalIterations = std::max(planned, last.iteration);
        last.progress = static_cast<double>(last.iteration) / last.totalIterations;
        Q_EMIT progressed(jobId, last);
        if (job.previewInterval > 0 && stats.iteration % job.previewInterval == 0 &&
            sincePreview.elapsed() >= kMinPreviewGapMs) {
            Q_EMIT previewReady(jobId, last.iteration, imageOf(image));
            sincePreview.restart();
        }
    };
    sink.run.paused = [&](int completed) { Q_EMIT paused(jobId, done + completed); };
    sink.frameFinished = [&](const VideoFrameEvent& e, const cv::Mat& stylized, const FrameGuide*) {
        done += e.iterations;
        const QImage image = toQImage(stylized);
        if (!std::exchange(announced, true)) // the first frames were all kept: no run yet
            Q_EMIT started(jobId, tr("Video · frames kept from an earlier run"), image.size());
        IterationStats stats = e.resumed ? IterationStats{} : last;
        stats.iteration = done;
        stats.size = std::max(image.width(), image.height());
        SnapshotInfo snapshot{done, false, image, stats, job, 0, stats.size, {}};
        snapshot.frame = e.frame;
        Q_EMIT snapshotReady(jobId, snapshot);
        Q_EMIT previewReady(jobId, done, image);
    };
    const VideoResult result = stylizeVideo(video, control, sink);
    if (result.outcome == RunOutcome::Failed)
        return Q_EMIT failed(jobId, QString::fromStdString(result.message));
    Q_EMIT videoEnded(jobId, result.outcome == RunOutcome::Cancelled
                                 ? tr("%1: start the same video again to go on from there")
                                       .arg(QString::fromStdString(result.message))
                                 : QString::fromStdString(result.message));
    Q_EMIT finished(jobId, done, result.outcome == RunOutcome::Cancelled);
}

} // namespace deepart
