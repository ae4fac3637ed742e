#pragma once

#include "JobRequest.h" // IterationStats as a Qt metatype, for statsFlushed()

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QTimer>

class QLabel;
class QProgressBar;

namespace deepart {

// A run's progress bar and status line: iteration, the size being worked at, it/s and an ETA
// that weighs each scale by its pixels and leaves paused time out; "Preparing…", "Paused at
// iteration N/M" (no ETA while paused), "Done…", "Stopped…", "Failed". Iterations are
// collected and shown together at most ~30 times a second (on a GPU they come faster than a
// screen refreshes); each batch is also handed on (statsFlushed) for the chart and the
// workspace. GUI thread only.
class RunProgress : public QObject {
    Q_OBJECT
public:
    RunProgress(QProgressBar* bar, QLabel* text, QObject* parent = nullptr);

    // No run yet (another workspace or project is shown): "Ready", the bar empty.
    void ready();
    void preparing(int totalIterations);
    // A video run: "Frame 3/24 · " before the iterations (counted across frames, out of the
    // total the iterations report).
    void frameStarted(int frame, int number, int count);
    void frameDone() { ++completedFrames_; }
    void started();
    void addIteration(const IterationStats& stats);
    // Within a long (tiled) iteration: "Iteration 3/20 · measuring tile 5/16".
    void tileProgressed(int iteration, int pass, int tile, int tiles);
    void setPaused(bool paused);
    void heldAt(int completed);
    void finished(int completed, bool stopped);
    void failed();
    // Shows what is pending now (before a message that must not be overwritten).
    void flush();

Q_SIGNALS:
    void statsFlushed(const QList<deepart::IterationStats>& batch);

private:
    QProgressBar* bar_;
    QLabel* text_;
    int totalIterations_ = 0;
    bool paused_ = false;
    QElapsedTimer runClock_;
    QElapsedTimer pauseClock_; // running while paused
    qint64 pausedMs_ = 0;      // of the current run, in finished pauses
    QTimer timer_;
    QList<IterationStats> pending_;
    QString framePrefix_; // a video run's
    int completedFrames_ = 0;
};

} // namespace deepart
