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

bool RunControl::waitWhilePaused(const std::function<void()>& onHold) {
    std::unique_lock<std::mutex> lock(mutex_);
    if (paused_ && !stop_.load() && onHold) {
        // Outside the lock: the callback may call back into this object.
        lock.unlock();
        onHold();
        lock.lock();
    }
    resumed_.wait(lock, [this] { return !paused_ || stop_.load(); });
    return !stop_.load();
}

} // namespace deepart
