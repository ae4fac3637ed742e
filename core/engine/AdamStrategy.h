#pragma once

#include "OptimizerStrategy.h"

#include <torch/optim/adam.h>

namespace deepart {

// Adam exactly as the seed runs it (one evaluation per iteration), with AdamOptions' optional
// schedule (linear warm-up, then geometric decay) restarted at each scale.
class AdamStrategy : public OptimizerStrategy {
public:
    AdamStrategy(const AdamOptions& options, const torch::Tensor& image, int iterations);
    StepResult step(const Objective& objective) override;

    // The rate used at iteration `k` (0-based) of `iterations`.
    static double learningRateAt(const AdamOptions& options, int k, int iterations);
    // False for the seed's constant rate, which is then never touched.
    static bool hasSchedule(const AdamOptions& options);

private:
    AdamOptions options_;
    torch::Tensor image_;
    torch::optim::Adam optimizer_;
    int iterations_;
    int done_ = 0;
};

} // namespace deepart
