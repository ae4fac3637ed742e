#include "TemporalLoss.h"

#include "Error.h"

namespace deepart {

TemporalLoss::TemporalLoss(torch::Tensor warpedPrevious, torch::Tensor mask)
    : target_(warpedPrevious.detach().to(torch::kFloat)), mask_(mask.detach().to(torch::kFloat)) {
    if (target_.dim() != 4 || target_.size(0) != 1 || target_.size(1) != 3)
        throw Error("the warped previous frame must be a 1x3xHxW image");
    if (mask_.dim() != 4 || mask_.size(0) != 1 || mask_.size(1) != 1 ||
        mask_.size(2) != target_.size(2) || mask_.size(3) != target_.size(3))
        throw Error("the consistency mask must be 1x1xHxW, of the frame's size");
}

torch::Tensor TemporalLoss::operator()(const torch::Tensor& image) const {
    if (image.sizes() != target_.sizes())
        throw Error("the frame and the warped previous frame differ in size");
    const torch::Tensor target = target_.to(image.device());
    const torch::Tensor mask = mask_.to(image.device());
    return (mask * (image.to(torch::kFloat) - target).pow(2)).sum() /
           static_cast<double>(image.numel());
}

} // namespace deepart
