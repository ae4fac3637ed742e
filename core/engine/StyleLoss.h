#pragma once

#include "TilePlan.h"

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
    // image. `layerPositions`: the generated activation's n_H n_W, needed by the tiled pieces
    // below (a core does not know the whole).
    StyleLoss(torch::Tensor targetGram, torch::Tensor mask, double regionWeight,
              double layerPositions = 0.0);
    torch::Tensor operator()(const torch::Tensor& generatedActivation) const;

    // The tiled objective's pieces. The loss depends on the whole image only through its Gram
    // G = sum over cores of A_c A_c^T, and its gradient at a core is 4 s (G - T) A_c: local,
    // given G.
    // A core's share of G (no gradients); `coreActivation` is the core's part of the
    // activation, `window` where it lies (to crop the mask).
    torch::Tensor coreGram(const torch::Tensor& coreActivation, const LayerWindow& window) const;
    // The loss for a whole-image Gram.
    torch::Tensor lossOfGram(const torch::Tensor& gram) const;
    // A term that is 0 but whose gradient is the loss's at the core, for a given whole-image G.
    torch::Tensor coreGradientTerm(const torch::Tensor& coreActivation, const LayerWindow& window,
                                   const torch::Tensor& gram) const;

private:
    torch::Tensor maskedCore(const torch::Tensor& coreActivation, const LayerWindow& window) const;
    double scaleFor(double channels, double positions) const;
    double tiledScale(std::int64_t channels) const;

    torch::Tensor targetGram_;
    torch::Tensor mask_;
    double maskEnergy_ = 0.0; // sum(m^2)
    double regionWeight_ = 1.0;
    double layerPositions_ = 0.0;
};

} // namespace deepart
