#pragma once

#include "OptimizerStrategy.h"

#include <torch/optim/lbfgs.h>

namespace deepart {

// torch::optim::LBFGS through a closure, one optimizer iteration per step(): one evaluation, or
// as many as the strong-Wolfe line search takes. The curvature history lives in the optimizer
// across steps.
class LbfgsStrategy : public OptimizerStrategy {
public:
    LbfgsStrategy(const LbfgsOptions& options, const torch::Tensor& image);
    StepResult step(const Objective& objective) override;

private:
    torch::Tensor image_;
    torch::optim::LBFGS optimizer_;
};

} // namespace deepart
