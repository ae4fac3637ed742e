#pragma once

#include <torch/types.h>

namespace deepart {

// Colour arithmetic for ColorMode (Gatys et al. 2017, section 5). Images are 1x3xHxW RGB in
// [0,1] on any device; results are not clamped unless said, so that callers (and tests) see the
// exact transform.

// Luminance Y of YIQ (0.299 R + 0.587 G + 0.114 B), 1x1xHxW.
torch::Tensor luminanceOf(const torch::Tensor& rgb);

// A luminance image as the network's 3-channel input (Y in every channel).
torch::Tensor luminanceAsRgb(const torch::Tensor& luminance);

// `luminance` shifted and scaled to `reference`'s mean and standard deviation, so that a style
// much darker or flatter than the photo does not make the artwork so.
torch::Tensor matchLuminance(const torch::Tensor& luminance, const torch::Tensor& reference);

// The RGB image with `luminance` (1x1xHxW) as its Y and the I and Q of `chromaSource`, clamped
// to [0,1].
torch::Tensor withLuminance(const torch::Tensor& luminance, const torch::Tensor& chromaSource);

// `source`'s colours mapped by the affine transform x -> A (x - mu_s) + mu_t that gives them
// `target`'s mean and covariance, with A = C_t^1/2 C_s^-1/2 (symmetric square roots: of all
// such transforms the one that rotates colours least). Unclamped.
torch::Tensor matchColorStatistics(const torch::Tensor& source, const torch::Tensor& target);

} // namespace deepart
