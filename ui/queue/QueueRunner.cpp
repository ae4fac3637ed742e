#include "QueueRunner.h"

#include "RunQueue.h"

namespace deepart {

QueueRunner::QueueRunner(RunQueue* queue, std::function<bool()> busy, QObject* parent)
    : QObject(parent), queue_(queue), busy_(std::move(busy)) {
    connect(queue, &QAbstractItemModel::rowsInserted, this, &QueueRunner::startNextIfIdle);
    connect(queue, &RunQueue::pausedChanged, this, [this](bool paused) {
        if (!paused)
            startNextIfIdle();
    });
}

void QueueRunner::startNextIfIdle() {
    // An entry still marked running means its end has not been reported yet: the window may be
    // idle for a moment in between, and starting now would run two entries at once.
    if (starting_ || queue_->isPaused() || queue_->runningRow() >= 0 || busy_())
        return;
    const int row = queue_->nextWaiting();
    if (row < 0)
        return;
    queue_->setStatus(row, RunQueue::Status::Running);
    const JobRequest job = queue_->job(row); // a copy: the window may change the queue
    starting_ = true;
    Q_EMIT runNext(job);
    starting_ = false;
    if (busy_())
        return;
    // The window refused it (it has said why): this entry fails, and the queue waits for the
    // user instead of failing every entry after it for the same reason.
    const int refused = queue_->runningRow();
    const QString why = refusalText_ ? refusalText_() : QString();
    queue_->setStatus(refused, RunQueue::Status::Failed,
                      why.isEmpty() ? tr("The window did not start the run.") : why);
    queue_->setPaused(true);
}

void QueueRunner::runFinished(int completedIterations, bool stopped) {
    const int row = queue_->runningRow();
    if (row >= 0)
        queue_->setStatus(row, stopped ? RunQueue::Status::Stopped : RunQueue::Status::Done,
                          stopped ? tr("Stopped at iteration %1").arg(completedIterations)
                                  : QString());
    // Stop means stop: the next entry waits until the user resumes the queue.
    if (stopped && queue_->waitingCount() > 0)
        queue_->setPaused(true);
    startNextIfIdle();
}

void QueueRunner::runFailed(const QString& message) {
    const int row = queue_->runningRow();
    if (row >= 0)
        queue_->setStatus(row, RunQueue::Status::Failed, message);
    // One bad job (an unreadable image) does not hold up the others.
    startNextIfIdle();
}

} // namespace deepart
