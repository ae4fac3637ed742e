#pragma once

#include "Objective.h"
#include "TransferSettings.h"

#include <torch/types.h>

#include <memory>
#include <vector>

namespace deepart {

struct StepResult {
    // Total, then the terms, of the iteration's first evaluation: a detached vector on the run's
    // device, so that the run driver copies it to the host once, with its own checks.
    torch::Tensor values;
    int evaluations = 0; // forward/backward passes this iteration took
};

// How the image is optimized: one optimizer iteration at a time on a tensor it was made for
// (requires_grad, updated in place). What is optimized is the Objective passed to step().
class OptimizerStrategy {
public:
    virtual ~OptimizerStrategy() = default;
    virtual StepResult step(const Objective& objective) = 0;
};

// The strategy the settings ask for, on `image`, for a scale of `iterations` iterations (a
// learning-rate schedule spans them).
std::unique_ptr<OptimizerStrategy> makeOptimizer(const TransferSettings& settings,
                                                 const torch::Tensor& image, int iterations);

} // namespace deepart
