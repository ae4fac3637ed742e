#pragma once

#include "JobRequest.h"

#include <QObject>

#include <functional>

namespace deepart {

class RunQueue;

// Runs a RunQueue one entry after another through the window: when the window is idle and the
// queue not paused, the first waiting entry is marked running and runNext() asks the window to
// start it; when the window says that its run ended, the entry is marked done, stopped or
// failed and the next one follows. An entry added while the window runs a job (its own or the
// queue's) waits for that job to end. A run stopped by the user pauses the queue, so that Stop
// never starts another job; a start the window refuses (no weights, say) fails the entry and
// pauses the queue too, rather than failing every entry after it for the same reason.
// Knows nothing of the window beyond the two functions it is given, so it is tested alone.
// GUI thread only.
class QueueRunner : public QObject {
    Q_OBJECT
public:
    // `busy` says whether the window is running a job (of the queue or not).
    QueueRunner(RunQueue* queue, std::function<bool()> busy, QObject* parent = nullptr);

    // Why the window refused the last start (its error message), for the failed entry.
    void setRefusalText(std::function<QString()> refusalText) {
        refusalText_ = std::move(refusalText);
    }

    // The window's run (from the queue or not) ended.
    void runFinished(int completedIterations, bool stopped);
    void runFailed(const QString& message);
    // Starts the next waiting entry if the window is idle and the queue is not paused; called
    // by itself when an entry is added or the queue resumed.
    void startNextIfIdle();

Q_SIGNALS:
    // Start this job now (the window's Start, with this job instead of the current settings).
    void runNext(const deepart::JobRequest& job);

private:
    RunQueue* queue_;
    std::function<bool()> busy_;
    std::function<QString()> refusalText_;
    bool starting_ = false; // runNext() is being handled: no second start from inside it
};

} // namespace deepart
