#pragma once

#include "JobRequest.h"
#include "Vgg19Weights.h"

#include <QMutex>
#include <QObject>
#include <QWaitCondition>

#include <atomic>
#include <optional>

namespace deepart {

// Runs style-transfer jobs on the thread it lives on (TransferSession's worker thread) and
// reports through signals only, each tagged with the job id so stale results can be dropped.
// run() is invoked there through a queued call; the control methods (stop, pause, steering,
// snapshot) are called from the GUI thread while run() loops, and are thread-safe.
class TransferWorker : public QObject {
    Q_OBJECT
public:
    explicit TransferWorker(QObject* parent = nullptr);

    // GUI thread. Stops every job with an id up to `jobId` after its current iteration.
    void stop(quint64 jobId);
    void setPaused(bool paused);
    void setLossWeights(const LossWeights& weights);
    void requestSnapshot();

public Q_SLOTS:
    // Worker thread.
    void run(quint64 jobId, const deepart::JobRequest& job);

Q_SIGNALS:
    void started(quint64 jobId, const QString& deviceText, const QSize& imageSize);
    void progressed(quint64 jobId, const deepart::IterationStats& stats);
    void previewReady(quint64 jobId, int iteration, const QImage& image);
    void snapshotReady(quint64 jobId, const deepart::SnapshotInfo& snapshot);
    void finished(quint64 jobId, int completedIterations, bool stopped);
    void failed(quint64 jobId, const QString& message);

private:
    bool waitWhilePaused(quint64 jobId);
    const Vgg19Weights& weightsFor(const QString& path);

    std::atomic<quint64> stopUpTo_{0};
    std::atomic<bool> snapshotRequested_{false};
    QMutex mutex_; // guards paused_ and pendingWeights_
    QWaitCondition resumed_;
    bool paused_ = false;
    std::optional<LossWeights> pendingWeights_;

    // Worker thread only: the last weights file loaded, kept across jobs.
    QString weightsPath_;
    qint64 weightsStamp_ = 0;
    std::optional<Vgg19Weights> weights_;
};

} // namespace deepart
