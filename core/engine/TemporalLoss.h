#pragma once

#include <torch/types.h>

namespace deepart {

// J_temporal = 1/D · Σ c · (x − ω)² (Ruder, Dosovitskiy and Brox 2016, eq. 7): the generated
// frame x against the previous stylized frame warped into this one (ω), each pixel weighted by
// the consistency mask c (1 where the warp can be trusted, 0 where it cannot: disoccluded
// regions, motion boundaries), D the number of values (3 · H · W). Zero when x equals ω wherever
// c is 1; no pull at all where c is 0. Images are 1x3xHxW, the mask 1x1xHxW, on x's device.
class TemporalLoss {
public:
    TemporalLoss(torch::Tensor warpedPrevious, torch::Tensor mask);
    torch::Tensor operator()(const torch::Tensor& image) const;

private:
    torch::Tensor target_;
    torch::Tensor mask_;
};

} // namespace deepart
