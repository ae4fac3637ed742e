#pragma once

#include <torch/types.h>

namespace deepart {

// Anisotropic total variation as tf.image.total_variation defines it: the sum of absolute
// differences between vertically and horizontally neighbouring pixels, over all channels, of a
// 1x3xHxW image.
torch::Tensor totalVariation(const torch::Tensor& image);

} // namespace deepart
