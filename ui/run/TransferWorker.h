#pragma once

#include "JobRequest.h"
#include "Vgg19Weights.h"

#include <QObject>

#include <optional>

namespace deepart {

class RunControl;

// Runs style-transfer jobs on the thread it lives on (TransferSession's worker thread) through
// the engine's run driver, and turns the driver's callbacks into signals tagged with the job id
// so that stale results can be dropped. Steering (stop, pause, weights, snapshots) goes straight
// to the job's RunControl, which TransferSession owns; this class holds no shared state.
class TransferWorker : public QObject {
    Q_OBJECT
public:
    explicit TransferWorker(QObject* parent = nullptr);

    // Worker thread. Returns when the job has finished, failed or been stopped.
    void run(quint64 jobId, const JobRequest& job, RunControl& control);

Q_SIGNALS:
    // deviceText: the device and the precision, e.g. "CPU (2 threads) · bf16 (auto: AVX512-BF16)".
    void started(quint64 jobId, const QString& deviceText, const QSize& imageSize);
    void progressed(quint64 jobId, const deepart::IterationStats& stats);
    // Within a tiled iteration (minutes at print sizes): the tile being worked on; pass 1
    // measures, pass 2 takes the gradient. At most a few a second.
    void tileProgressed(quint64 jobId, int iteration, int pass, int tile, int tiles);
    void previewReady(quint64 jobId, int iteration, const QImage& image);
    void snapshotReady(quint64 jobId, const deepart::SnapshotInfo& snapshot);
    // The run is holding on a pause after this many iterations.
    void paused(quint64 jobId, int completedIterations);
    void finished(quint64 jobId, int completedIterations, bool stopped);
    void failed(quint64 jobId, const QString& message);
    // A video run: frame `number` of `count` (0: unknown) is under way, `frame` in the clip.
    void frameStarted(quint64 jobId, int frame, int number, int count);
    // A video run ended (finished or stopped): what was written, or what is kept for next time.
    void videoEnded(quint64 jobId, const QString& message);

private:
    const Vgg19Weights& weightsFor(const QString& path);
    // run() for a video job (JobRequest::isVideo), its weights loaded.
    void runVideo(quint64 jobId, const JobRequest& job, const Vgg19Weights& weights,
                  RunControl& control);

    // Worker thread only: the last weights file loaded, kept across jobs.
    QString weightsPath_;
    qint64 weightsStamp_ = 0;
    std::optional<Vgg19Weights> weights_;
};

} // namespace deepart
