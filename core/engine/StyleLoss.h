#pragma once

#include <torch/types.h>

namespace deepart {

// Gram = A A^T with A the n_C x (n_H n_W) unrolled activation of a 1 x n_C x n_H x n_W tensor;
// no normalization inside, as in the seed. Differentiable through plain autograd.
torch::Tensor gramMatrix(const torch::Tensor& activation);

// The Gram matrix of an activation, computed as the style loss computes it (no gradients).
torch::Tensor styleGram(const torch::Tensor& activation);

// J_style(l) = 1 / (4 n_C^2 (n_H n_W)^2) * sum((Gram_S - Gram_G)^2) (seed formula 2), with n_H
// and n_W those of the generated image's activation (the style image may differ in size).
//
// Within a region (a mask m at the layer's resolution, values in [0,1]), the same formula applies
// to the masked activation A m ("guided Gram", Gatys et al. 2017) with sum(m^2) in place of
// n_H n_W, and the result is weighted by `regionWeight` (the caller's share of the region). The
// target is given already scaled to the region: an all-white mask is exactly the plain loss.
//
// The loss has its own backward, d/dA = 4 s (A A^T - Gram_S) A: one matrix product where autograd
// through gramMatrix() would do two, and on the CPU both products run on oneDNN (see
// StyleLoss.cpp), the Gram products being a fifth of an iteration otherwise.
class StyleLoss {
public:
    // The seed's loss for one style image: the target is its Gram matrix.
    explicit StyleLoss(const torch::Tensor& styleActivation);
    // A given target Gram; `mask` 1x1xhxw at the activation's size, or undefined for the whole
    // image.
    StyleLoss(torch::Tensor targetGram, torch::Tensor mask, double regionWeight);
    torch::Tensor operator()(const torch::Tensor& generatedActivation) const;

private:
    torch::Tensor targetGram_;
    torch::Tensor mask_;
    double maskEnergy_ = 0.0; // sum(m^2)
    double regionWeight_ = 1.0;
};

} // namespace deepart
