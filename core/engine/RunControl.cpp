#include "RunControl.h"

namespace deepart {

void RunControl::requestStop() {
    stop_.store(true);
    std::lock_guard<std::mutex> lock(mutex_);
    resumed_.notify_all();
}

void RunControl::throwIfStopped() const {
    if (stop_.load())
        throw RunCancelled{};
}

void RunControl::setPaused(bool paused) {
    std::lock_guard<std::mutex> lock(mutex_);
    paused_ = paused;
    resumed_.notify_all();
}

bool RunControl::isPaused() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return paused_;
}

void RunControl::setLossWeights(const LossWeights& weights) {
    std::lock_guard<std::mutex> lock(mutex_);
    weights_ = weights;
}

std::optional<LossWeights> RunControl::takeLossWeights() {
    std::lock_guard<std::mutex> lock(mutex_);
    auto taken = weights_;
    weights_.reset();
    return taken;
}

void RunControl::requestSnapshot() {
    snapshot_.store(true);
    std::lock_guard<std::mutex> lock(mutex_);
    resumed_.notify_all();
}

bool RunControl::waitWhilePaused(const std::function<void()>& onHold,
                                 const std::function<void()>& onSnapshot) {
    std::unique_lock<std::mutex> lock(mutex_);
    // The callbacks run outside the lock: they may call back into this object.
    if (paused_ && !stop_.load() && onHold) {
        lock.unlock();
        onHold();
        lock.lock();
    }
    for (;;) {
        resumed_.wait(lock,
                      [&] { return !paused_ || stop_.load() || (onSnapshot && snapshot_.load()); });
        if (!paused_ || stop_.load() || !snapshot_.exchange(false))
            return !stop_.load();
        lock.unlock();
        onSnapshot();
        lock.lock();
    }
}

} // namespace deepart
