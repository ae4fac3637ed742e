#pragma once

#include <opencv2/core.hpp>
#include <torch/types.h>

namespace deepart {

// 8-bit RGB (HxWx3) to a 1x3xHxW float32 tensor in [0,1] on the CPU.
torch::Tensor rgbMatToTensor(const cv::Mat& rgb);

// A 1x3xHxW tensor in [0,1] (any device) to 8-bit (or, `bitDepth` 16, 16-bit) RGB, rounded to
// the nearest level.
cv::Mat tensorToRgbMat(const torch::Tensor& image, int bitDepth = 8);

} // namespace deepart
