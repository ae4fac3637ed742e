#pragma once

#include "JobRequest.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace deepart {

class RunControl;
class TransferWorker;

// The GUI thread's handle on the engine: owns the worker thread, numbers jobs, forwards the
// current job's signals and drops those of replaced jobs. Each job has its own RunControl, made
// here when the job is started, so steering (weights, pause, stop, snapshot) reaches it at once,
// even while it is still preparing. All methods are called on the GUI thread and return at once;
// shutdown() and the destructor stop the run and wait for the thread, for a bounded time.
class TransferSession : public QObject {
    Q_OBJECT
public:
    explicit TransferSession(QObject* parent = nullptr);
    ~TransferSession() override;

    // Starts a job, stopping any running one first. Returns its id, or 0 after shutdown().
    quint64 start(const JobRequest& job);
    void stop();
    void setPaused(bool paused);
    void setLossWeights(const LossWeights& weights);
    void snapshotNow();
    // How long shutdown() waits for the worker. A stop is taken between iterations and between
    // the network's layers, but one layer of a large image is a single LibTorch call that can
    // take a minute and cannot be interrupted.
    static constexpr int kShutdownWaitMs = 1500;

    // Stops the run and waits until the worker thread has ended, at most kShutdownWaitMs
    // (closing the window). A worker still inside a LibTorch call then is abandoned: left to
    // end on its own, its results dropped; workerAbandoned() tells the program, which should
    // then end without waiting for it (GuiLauncher does). After it, every method does nothing.
    void shutdown();
    bool workerAbandoned() const { return abandoned_; }

    bool isRunning() const { return running_; }
    bool isPaused() const { return paused_; }
    quint64 currentJob() const { return currentJob_; }

Q_SIGNALS:
    void started(const QString& deviceText, const QSize& imageSize);
    void progressed(const deepart::IterationStats& stats);
    void tileProgressed(int iteration, int pass, int tile, int tiles);
    void previewReady(int iteration, const QImage& image);
    void snapshotReady(const deepart::SnapshotInfo& snapshot);
    // The run is holding on a pause after this many iterations (all of them reported).
    void heldAt(int completedIterations);
    void finished(int completedIterations, bool stopped);
    void failed(const QString& message);
    // A video run (JobRequest::isVideo): its frames, and what it wrote or kept at its end.
    void frameStarted(int frame, int number, int count);
    void videoEnded(const QString& message);
    void runningChanged(bool running);
    void pausedChanged(bool paused);

private:
    void setRunning(bool running);
    void setPausedFlag(bool paused);
    void ended();
    // A slot for a worker signal (job id first) that re-emits `signal` for the current job only.
    template <typename... Args> auto forCurrentJob(void (TransferSession::*signal)(Args...));

    // Owned, but not a member: a QThread destroyed while running aborts the process, so an
    // abandoned one is left (with its worker) to the end of the process.
    QThread* thread_;
    TransferWorker* worker_;              // lives on thread_, deleted when it finishes
    std::shared_ptr<RunControl> control_; // the current job's
    quint64 currentJob_ = 0;
    bool running_ = false;
    bool paused_ = false;
    bool shutDown_ = false;
    bool abandoned_ = false;
};

} // namespace deepart
