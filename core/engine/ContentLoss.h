#pragma once

#include "TilePlan.h"

#include <torch/types.h>

namespace deepart {

// J_content = 1 / (4 n_H n_W n_C) * sum((a_C - a_G)^2) for one layer's activations (seed
// formula 1). The target is fixed when the loss is made, once per run.
class ContentLoss {
public:
    explicit ContentLoss(torch::Tensor contentActivation);
    torch::Tensor operator()(const torch::Tensor& generatedActivation) const;
    // The part of the loss at one core of a tiled evaluation (TilePlan): the cores' parts add
    // up to the whole loss.
    torch::Tensor atCore(const torch::Tensor& coreActivation, const LayerWindow& window) const;

private:
    torch::Tensor target_;
};

} // namespace deepart
