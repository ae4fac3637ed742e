#include "StyleLoss.h"

#include <torch/autograd.h>

namespace deepart {

namespace {

// Debian's OpenBLAS GEMM reaches a fraction of what oneDNN's convolutions do on the same CPU
// (measured 1.5x slower at 64 x 65536 and 4-5x at 128-512 x 1024-16384 on an AVX-512 Xeon). A
// product of an n_C x N matrix with itself, or of an n_C x n_C matrix with it, is a 1x1
// convolution, so on the CPU it is routed there; LibTorch picks oneDNN for it when several threads
// are in use, and its plain GEMM path otherwise. Other devices keep mm (cuBLAS).
bool productsAsConvolutions(const torch::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == torch::kFloat32 && at::hasMKLDNN();
}

// A A^T for A = n_C x N (contiguous).
torch::Tensor selfProduct(const torch::Tensor& a) {
    if (!productsAsConvolutions(a))
        return torch::mm(a, a.t());
    const int64_t channels = a.size(0);
    const int64_t positions = a.size(1);
    // A's memory is, unchanged, an N-channel image of n_C x 1 pixels in channels-last layout
    // (the input) and n_C kernels of N channels (the weights): out[c, c'] = sum_k A[c,k] A[c',k].
    const auto input = a.t().unsqueeze(0).unsqueeze(3);
    const auto kernels = a.view({channels, positions, 1, 1});
    return torch::conv2d(input, kernels).reshape({channels, channels});
}

// S A for S = n_C x n_C and A = n_C x N (both contiguous).
torch::Tensor leftProduct(const torch::Tensor& s, const torch::Tensor& a) {
    if (!productsAsConvolutions(a))
        return torch::mm(s, a);
    const int64_t channels = a.size(0);
    const auto input = a.view({1, channels, a.size(1), 1});
    return torch::conv2d(input, s.contiguous().view({channels, channels, 1, 1}))
        .reshape({channels, a.size(1)});
}

torch::Tensor unrolled(const torch::Tensor& activation) {
    TORCH_CHECK(activation.dim() == 4 && activation.size(0) == 1,
                "expected a 1 x C x H x W activation");
    return activation.reshape({activation.size(1), -1}).contiguous();
}

// The backward both style functions share: d/dA scale sum((A A^T - T)^2) = 4 scale (A A^T - T) A
// (the difference being symmetric), for the saved A and difference.
torch::autograd::tensor_list styleGradient(torch::autograd::AutogradContext* ctx,
                                           const torch::autograd::tensor_list& gradOutputs) {
    const auto saved = ctx->get_saved_variables();
    const double scale = ctx->saved_data["scale"].toDouble();
    const auto gradA = leftProduct(saved[1], saved[0]) * (gradOutputs[0] * (4.0 * scale));
    return {gradA, torch::Tensor(), torch::Tensor()};
}

class StyleLossFunction : public torch::autograd::Function<StyleLossFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& a,
                                 const torch::Tensor& targetGram, double scale) {
        const auto difference = selfProduct(a) - targetGram;
        ctx->save_for_backward({a, difference});
        ctx->saved_data["scale"] = scale;
        return difference.square().sum() * scale;
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list gradOutputs) {
        return styleGradient(ctx, gradOutputs);
    }
};

// The gradient of the style loss at one core for a given whole-image Gram: forward gives 0 (the
// value comes from the whole Gram), backward 4 s (G - T) A.
class CoreGradientFunction : public torch::autograd::Function<CoreGradientFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& a,
                                 const torch::Tensor& difference, double scale) {
        ctx->save_for_backward({a, difference});
        ctx->saved_data["scale"] = scale;
        return torch::zeros({}, a.options());
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list gradOutputs) {
        return styleGradient(ctx, gradOutputs);
    }
};

} // namespace

torch::Tensor gramMatrix(const torch::Tensor& activation) {
    const auto a = activation.reshape({activation.size(1), -1});
    return torch::mm(a, a.t());
}

torch::Tensor styleGram(const torch::Tensor& activation) {
    torch::NoGradGuard noGrad;
    return selfProduct(unrolled(activation.detach()));
}

StyleLoss::StyleLoss(const torch::Tensor& styleActivation)
    : targetGram_(styleGram(styleActivation)) {}

StyleLoss::StyleLoss(torch::Tensor targetGram, torch::Tensor mask, double regionWeight,
                     double layerPositions)
    : targetGram_(std::move(targetGram)), mask_(std::move(mask)), regionWeight_(regionWeight),
      layerPositions_(layerPositions) {
    if (mask_.defined())
        maskEnergy_ = mask_.square().sum().item<double>();
}

torch::Tensor StyleLoss::operator()(const torch::Tensor& generatedActivation) const {
    const double channels = static_cast<double>(generatedActivation.size(1));
    const double positions =
        mask_.defined()
            ? maskEnergy_
            : static_cast<double>(generatedActivation.size(2) * generatedActivation.size(3));
    if (positions <= 0.0) // an empty region at this layer: nothing to match
        return torch::zeros({}, generatedActivation.options());
    const auto activation = mask_.defined() ? generatedActivation * mask_ : generatedActivation;
    return StyleLossFunction::apply(unrolled(activation), targetGram_,
                                    scaleFor(channels, positions));
}

double StyleLoss::scaleFor(double channels, double positions) const {
    return regionWeight_ / (4.0 * channels * channels * positions * positions);
}

double StyleLoss::tiledScale(std::int64_t channels) const {
    TORCH_CHECK(mask_.defined() || layerPositions_ > 0.0,
                "a tiled style loss needs the layer's positions");
    const double positions = mask_.defined() ? maskEnergy_ : layerPositions_;
    return positions > 0.0 ? scaleFor(static_cast<double>(channels), positions) : 0.0;
}

torch::Tensor StyleLoss::maskedCore(const torch::Tensor& coreActivation,
                                    const LayerWindow& window) const {
    if (!mask_.defined())
        return coreActivation;
    return coreActivation *
           mask_.narrow(2, window.top, window.height).narrow(3, window.left, window.width);
}

torch::Tensor StyleLoss::coreGram(const torch::Tensor& coreActivation,
                                  const LayerWindow& window) const {
    return styleGram(maskedCore(coreActivation, window));
}

torch::Tensor StyleLoss::lossOfGram(const torch::Tensor& gram) const {
    return (gram - targetGram_).square().sum() * tiledScale(gram.size(0));
}

torch::Tensor StyleLoss::coreGradientTerm(const torch::Tensor& coreActivation,
                                          const LayerWindow& window,
                                          const torch::Tensor& gram) const {
    const double scale = tiledScale(coreActivation.size(1));
    if (scale == 0.0)
        return torch::zeros({}, coreActivation.options());
    return CoreGradientFunction::apply(unrolled(maskedCore(coreActivation, window)),
                                       (gram - targetGram_).contiguous(), scale);
}

} // namespace deepart
