#pragma once

#include <torch/types.h>

namespace deepart {

// Gram = A A^T with A the n_C x (n_H n_W) unrolled activation of a 1 x n_C x n_H x n_W tensor;
// no normalization inside, as in the seed. Differentiable through plain autograd.
torch::Tensor gramMatrix(const torch::Tensor& activation);

// J_style(l) = 1 / (4 n_C^2 (n_H n_W)^2) * sum((Gram_S - Gram_G)^2) (seed formula 2), with n_H
// and n_W those of the generated image's activation (the style image may differ in size). The
// style Gram target is computed once, when the loss is made.
//
// The loss has its own backward, d/dA = 4 s (A A^T - Gram_S) A: one matrix product where autograd
// through gramMatrix() would do two, and on the CPU both products run on oneDNN (see
// StyleLoss.cpp), the Gram products being a fifth of an iteration otherwise.
class StyleLoss {
public:
    explicit StyleLoss(const torch::Tensor& styleActivation);
    torch::Tensor operator()(const torch::Tensor& generatedActivation) const;

private:
    torch::Tensor targetGram_;
};

} // namespace deepart
