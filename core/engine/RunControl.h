#pragma once

#include "TransferSettings.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>

namespace deepart {

// Thrown inside a run when a stop was asked for during preparation; the run driver catches it.
struct RunCancelled {};

// The steering wheel of one run, shared between the thread that runs it and the one that steers
// (the GUI thread, a signal handler). Every request can be made at any time, also before the
// run has started or while it is still preparing: the latest value wins and is taken at the next
// iteration. All methods are thread-safe; requestStopFromSignal() is async-signal-safe.
class RunControl {
public:
    void requestStop();
    // Only sets the flag (no lock, no wake-up): for a SIGINT handler of a run that never pauses.
    void requestStopFromSignal() { stop_.store(true); }
    bool stopRequested() const { return stop_.load(); }
    // Throws RunCancelled when a stop was asked for.
    void throwIfStopped() const;

    void setPaused(bool paused);
    bool isPaused() const;

    void setLossWeights(const LossWeights& weights);
    // The weights set since the last call, if any.
    std::optional<LossWeights> takeLossWeights();

    // Taken after the next iteration, or at once by a run that holds on a pause.
    void requestSnapshot();
    bool takeSnapshotRequest() { return snapshot_.exchange(false); }

    // Run thread: blocks while paused. `onHold`, if set, is called (without the lock held) when
    // it finds the run paused, before it blocks; `onSnapshot`, if set, for each snapshot asked
    // for while it holds (the request is then taken). Returns false when a stop was asked for.
    bool waitWhilePaused(const std::function<void()>& onHold = {},
                         const std::function<void()>& onSnapshot = {});

private:
    std::atomic<bool> stop_{false};
    std::atomic<bool> snapshot_{false};
    mutable std::mutex mutex_; // guards paused_ and weights_
    std::condition_variable resumed_;
    bool paused_ = false;
    std::optional<LossWeights> weights_;
};

} // namespace deepart
