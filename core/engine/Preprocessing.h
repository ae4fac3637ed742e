#pragma once

#include <torch/types.h>

namespace deepart {

// Turns an RGB image in [0,1] (1x3xHxW) into the input the Keras VGG-19 weights were trained on:
// x255, channels reordered to BGR, ImageNet mean (103.939, 116.779, 123.68) subtracted in B, G, R
// order. Differentiable, device-preserving.
torch::Tensor toVggInput(const torch::Tensor& rgb01);

} // namespace deepart
