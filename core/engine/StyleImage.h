#pragma once

#include <torch/types.h>

#include <utility>

namespace deepart {

// One style image of a run, as the run driver takes it and, brought to a scale, as an Objective
// uses it.
struct StyleImage {
    StyleImage() = default;
    StyleImage(torch::Tensor image_, double weight_ = 1.0, double scale_ = 1.0,
               torch::Tensor mask_ = {})
        : image(std::move(image_)), weight(weight_), scale(scale_), mask(std::move(mask_)) {}

    torch::Tensor image; // 1x3xHxW RGB in [0,1]; its longer side is `scale` x the output size
    double weight = 1.0; // blend weight (>= 0); a run normalizes its styles' weights to sum 1
    double scale = 1.0;  // the style scale it was made at (> 0)
    torch::Tensor mask;  // where it applies: 1x1xHxW in [0,1] at the content's size; undefined:
                         // everywhere
};

} // namespace deepart
