#include "TransferSession.h"

#include "TransferWorker.h"

namespace deepart {

template <typename... Args>
auto TransferSession::forCurrentJob(void (TransferSession::*signal)(Args...)) {
    return [this, signal](quint64 job, Args... args) {
        if (job == currentJob_)
            Q_EMIT(this->*signal)(args...);
    };
}

TransferSession::TransferSession(QObject* parent) : QObject(parent), worker_(new TransferWorker) {
    qRegisterMetaType<JobRequest>();
    qRegisterMetaType<SnapshotInfo>();
    qRegisterMetaType<IterationStats>();
    thread_.setObjectName(QStringLiteral("deepart-worker"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);

    // Every worker signal is queued onto this (GUI) thread and passed on only if it belongs to
    // the current job.
    connect(worker_, &TransferWorker::started, this, forCurrentJob(&TransferSession::started));
    connect(worker_, &TransferWorker::progressed, this,
            forCurrentJob(&TransferSession::progressed));
    connect(worker_, &TransferWorker::previewReady, this,
            forCurrentJob(&TransferSession::previewReady));
    connect(worker_, &TransferWorker::snapshotReady, this,
            forCurrentJob(&TransferSession::snapshotReady));
    connect(worker_, &TransferWorker::finished, this,
            [this](quint64 job, int completed, bool stopped) {
                if (job != currentJob_)
                    return;
                setRunning(false);
                Q_EMIT finished(completed, stopped);
            });
    connect(worker_, &TransferWorker::failed, this, [this](quint64 job, const QString& message) {
        if (job != currentJob_)
            return;
        setRunning(false);
        Q_EMIT failed(message);
    });
    thread_.start();
}

TransferSession::~TransferSession() {
    shutdown();
}

quint64 TransferSession::start(const JobRequest& job) {
    if (running_)
        worker_->stop(currentJob_);
    setPaused(false);
    const quint64 id = ++currentJob_;
    QMetaObject::invokeMethod(worker_, "run", Qt::QueuedConnection, Q_ARG(quint64, id),
                              Q_ARG(deepart::JobRequest, job));
    setRunning(true);
    return id;
}

void TransferSession::stop() {
    if (running_)
        worker_->stop(currentJob_);
    setPaused(false);
}

void TransferSession::setPaused(bool paused) {
    worker_->setPaused(paused);
    if (paused_ != paused) {
        paused_ = paused;
        Q_EMIT pausedChanged(paused);
    }
}

void TransferSession::setLossWeights(const LossWeights& weights) {
    worker_->setLossWeights(weights);
}

void TransferSession::snapshotNow() {
    worker_->requestSnapshot();
}

void TransferSession::shutdown() {
    if (!thread_.isRunning())
        return;
    worker_->stop(currentJob_);
    worker_->setPaused(false);
    thread_.quit();
    thread_.wait();
    setRunning(false);
}

void TransferSession::setRunning(bool running) {
    if (running_ == running)
        return;
    running_ = running;
    Q_EMIT runningChanged(running);
}

} // namespace deepart
