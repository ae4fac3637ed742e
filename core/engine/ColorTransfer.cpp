#include "ColorTransfer.h"

#include <torch/linalg.h>

namespace deepart {

namespace {

// YIQ (FCC NTSC), rows Y, I, Q.
torch::Tensor rgbToYiq(const torch::TensorOptions& options) {
    return torch::tensor(
               {0.299, 0.587, 0.114, 0.595716, -0.274453, -0.321263, 0.211456, -0.522591, 0.311135},
               options)
        .view({3, 3});
}

// Channels as rows: 3 x (H W).
torch::Tensor pixelsOf(const torch::Tensor& rgb) {
    return rgb.reshape({3, -1});
}

// Symmetric square root (or its inverse) of a covariance, through its eigenvalues; those are
// floored so that a flat image (one colour, a rank-deficient covariance) stays invertible.
torch::Tensor symmetricPower(const torch::Tensor& covariance, double power) {
    const auto [values, vectors] = torch::linalg::eigh(covariance, "L");
    const auto scaled = values.clamp_min(1e-8).pow(power);
    return vectors.matmul(torch::diag(scaled)).matmul(vectors.t());
}

} // namespace

torch::Tensor luminanceOf(const torch::Tensor& rgb) {
    const auto weights = rgbToYiq(rgb.options()).slice(0, 0, 1).view({1, 3, 1, 1});
    return (rgb * weights).sum(1, /*keepdim=*/true);
}

torch::Tensor luminanceAsRgb(const torch::Tensor& luminance) {
    return luminance.expand({luminance.size(0), 3, luminance.size(2), luminance.size(3)})
        .contiguous();
}

torch::Tensor matchLuminance(const torch::Tensor& luminance, const torch::Tensor& reference) {
    const auto mean = luminance.mean();
    const auto deviation = luminance.std().clamp_min(1e-6);
    return (luminance - mean) / deviation * reference.std() + reference.mean();
}

torch::Tensor withLuminance(const torch::Tensor& luminance, const torch::Tensor& chromaSource) {
    const auto toYiq = rgbToYiq(chromaSource.options());
    const auto yiq = toYiq.matmul(pixelsOf(chromaSource));
    const auto combined = torch::cat({luminance.reshape({1, -1}), yiq.slice(0, 1, 3)}, 0);
    const auto rgb = torch::linalg::inv(toYiq).matmul(combined);
    return rgb.reshape(chromaSource.sizes()).clamp(0.0, 1.0);
}

torch::Tensor matchColorStatistics(const torch::Tensor& source, const torch::Tensor& target) {
    // In double: the covariances of images with a few distinct colours are close to singular.
    const auto s = pixelsOf(source).to(torch::kDouble);
    const auto t = pixelsOf(target).to(torch::kDouble);
    const auto meanS = s.mean(1, true);
    const auto meanT = t.mean(1, true);
    const auto centredS = s - meanS;
    const auto centredT = t - meanT;
    const auto covS = centredS.matmul(centredS.t()) / static_cast<double>(s.size(1));
    const auto covT = centredT.matmul(centredT.t()) / static_cast<double>(t.size(1));
    const auto transform = symmetricPower(covT, 0.5).matmul(symmetricPower(covS, -0.5));
    const auto mapped = transform.matmul(centredS) + meanT;
    return mapped.reshape(source.sizes()).to(source.scalar_type());
}

} // namespace deepart
