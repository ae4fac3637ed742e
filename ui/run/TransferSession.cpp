#include "TransferSession.h"

#include "RunControl.h"
#include "TransferWorker.h"

#include <QDeadlineTimer>

namespace deepart {

template <typename... Args>
auto TransferSession::forCurrentJob(void (TransferSession::*signal)(Args...)) {
    return [this, signal](quint64 job, Args... args) {
        if (job == currentJob_)
            Q_EMIT(this->*signal)(args...);
    };
}

TransferSession::TransferSession(QObject* parent)
    : QObject(parent), thread_(new QThread), worker_(new TransferWorker) {
    qRegisterMetaType<JobRequest>();
    qRegisterMetaType<SnapshotInfo>();
    qRegisterMetaType<IterationStats>();
    thread_->setObjectName(QStringLiteral("deepart-worker"));
    worker_->moveToThread(thread_);
    connect(thread_, &QThread::finished, worker_, &QObject::deleteLater);

    // Every worker signal is queued onto this (GUI) thread and passed on only if it belongs to
    // the current job.
    connect(worker_, &TransferWorker::started, this, forCurrentJob(&TransferSession::started));
    connect(worker_, &TransferWorker::progressed, this,
            forCurrentJob(&TransferSession::progressed));
    connect(worker_, &TransferWorker::tileProgressed, this,
            forCurrentJob(&TransferSession::tileProgressed));
    connect(worker_, &TransferWorker::previewReady, this,
            forCurrentJob(&TransferSession::previewReady));
    connect(worker_, &TransferWorker::snapshotReady, this,
            forCurrentJob(&TransferSession::snapshotReady));
    connect(worker_, &TransferWorker::paused, this, forCurrentJob(&TransferSession::heldAt));
    connect(worker_, &TransferWorker::frameStarted, this,
            forCurrentJob(&TransferSession::frameStarted));
    connect(worker_, &TransferWorker::videoEnded, this,
            forCurrentJob(&TransferSession::videoEnded));
    connect(worker_, &TransferWorker::finished, this,
            [this](quint64 job, int completed, bool stopped) {
                if (job != currentJob_)
                    return;
                ended();
                Q_EMIT finished(completed, stopped);
            });
    connect(worker_, &TransferWorker::failed, this, [this](quint64 job, const QString& message) {
        if (job != currentJob_)
            return;
        ended();
        Q_EMIT failed(message);
    });
    thread_->start();
}

TransferSession::~TransferSession() {
    shutdown();
    if (!abandoned_)
        delete thread_;
}

quint64 TransferSession::start(const JobRequest& job) {
    if (shutDown_)
        return 0;
    if (control_)
        control_->requestStop();
    setPausedFlag(false);
    control_ = std::make_shared<RunControl>();
    const quint64 id = ++currentJob_;
    // The call keeps the control alive until the job has run, even if it is replaced meanwhile.
    QMetaObject::invokeMethod(
        worker_,
        [worker = worker_, id, job, control = control_] { worker->run(id, job, *control); },
        Qt::QueuedConnection);
    setRunning(true);
    return id;
}

void TransferSession::stop() {
    if (control_)
        control_->requestStop();
    setPausedFlag(false);
}

void TransferSession::setPaused(bool paused) {
    if (!running_ || !control_)
        paused = false;
    if (control_)
        control_->setPaused(paused);
    setPausedFlag(paused);
}

void TransferSession::setLossWeights(const LossWeights& weights) {
    if (running_ && control_)
        control_->setLossWeights(weights);
}

void TransferSession::snapshotNow() {
    if (running_ && control_)
        control_->requestSnapshot();
}

void TransferSession::shutdown() {
    if (shutDown_)
        return;
    shutDown_ = true;
    if (control_)
        control_->requestStop();
    thread_->quit();
    // The worker's signals go to this object and are dropped with it; the control it steers
    // is kept alive by the job itself.
    abandoned_ = !thread_->wait(QDeadlineTimer(kShutdownWaitMs));
    setRunning(false);
    setPausedFlag(false);
}

void TransferSession::ended() {
    // A pause pressed during the last iteration must not outlive the run.
    setPausedFlag(false);
    setRunning(false);
}

void TransferSession::setRunning(bool running) {
    if (running_ == running)
        return;
    running_ = running;
    Q_EMIT runningChanged(running);
}

void TransferSession::setPausedFlag(bool paused) {
    if (paused_ == paused)
        return;
    paused_ = paused;
    Q_EMIT pausedChanged(paused);
}

} // namespace deepart
