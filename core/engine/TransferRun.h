#pragma once

#include "StyleTransfer.h"

#include <atomic>
#include <functional>

namespace deepart {

// What a run reports while it goes. Both are called on the running thread.
struct RunCallbacks {
    std::function<void(const IterationStats&)> iteration;
    // The image after `iteration` updates (1x3xHxW in [0,1], on the run's device).
    std::function<void(int iteration, const torch::Tensor& image)> snapshot;
};

enum class RunOutcome { Finished, Cancelled };

// Steps `transfer` until it has done `iterations` updates, calling back after every step and
// taking a snapshot after every `saveEvery`-th (0: none). `cancel` is read between steps, so a
// cancelled run stops after the step in progress and the image so far stays in `transfer`.
RunOutcome runTransfer(StyleTransfer& transfer, int iterations, int saveEvery,
                       const RunCallbacks& callbacks, const std::atomic<bool>& cancel);

} // namespace deepart
