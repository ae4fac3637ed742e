#include "TransferRun.h"

namespace deepart {

RunOutcome runTransfer(StyleTransfer& transfer, int iterations, int saveEvery,
                       const RunCallbacks& callbacks, const std::atomic<bool>& cancel) {
    while (transfer.completedIterations() < iterations) {
        if (cancel.load())
            return RunOutcome::Cancelled;
        const IterationStats stats = transfer.step();
        if (callbacks.iteration)
            callbacks.iteration(stats);
        if (callbacks.snapshot && saveEvery > 0 && stats.iteration % saveEvery == 0)
            callbacks.snapshot(stats.iteration, transfer.image());
    }
    return RunOutcome::Finished;
}

} // namespace deepart
