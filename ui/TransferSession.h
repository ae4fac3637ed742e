#pragma once

#include "JobRequest.h"

#include <QObject>
#include <QThread>

namespace deepart {

class TransferWorker;

// The GUI thread's handle on the engine: owns the worker thread, numbers jobs, forwards the
// current job's signals and drops those of replaced jobs. All methods are called on the GUI
// thread and return at once; the destructor stops the run and waits for the thread.
class TransferSession : public QObject {
    Q_OBJECT
public:
    explicit TransferSession(QObject* parent = nullptr);
    ~TransferSession() override;

    // Starts a job, stopping any running one first. Returns its id.
    quint64 start(const JobRequest& job);
    void stop();
    void setPaused(bool paused);
    void setLossWeights(const LossWeights& weights);
    void snapshotNow();
    // Stops the run and blocks until the worker thread has ended (closing the window).
    void shutdown();

    bool isRunning() const { return running_; }
    bool isPaused() const { return paused_; }
    quint64 currentJob() const { return currentJob_; }

Q_SIGNALS:
    void started(const QString& deviceText, const QSize& imageSize);
    void progressed(const deepart::IterationStats& stats);
    void previewReady(int iteration, const QImage& image);
    void snapshotReady(const deepart::SnapshotInfo& snapshot);
    void finished(int completedIterations, bool stopped);
    void failed(const QString& message);
    void runningChanged(bool running);
    void pausedChanged(bool paused);

private:
    void setRunning(bool running);
    // A slot for a worker signal (job id first) that re-emits `signal` for the current job only.
    template <typename... Args> auto forCurrentJob(void (TransferSession::*signal)(Args...));

    QThread thread_;
    TransferWorker* worker_; // lives on thread_, deleted when it finishes
    quint64 currentJob_ = 0;
    bool running_ = false;
    bool paused_ = false;
};

} // namespace deepart
