#include "ContentLoss.h"

namespace deepart {

ContentLoss::ContentLoss(torch::Tensor contentActivation)
    : target_(std::move(contentActivation).detach()) {}

torch::Tensor ContentLoss::operator()(const torch::Tensor& generatedActivation) const {
    TORCH_CHECK(generatedActivation.sizes() == target_.sizes(),
                "content and generated activations differ in shape");
    const double count = static_cast<double>(generatedActivation.numel());
    return torch::mse_loss(generatedActivation, target_, at::Reduction::Sum) / (4.0 * count);
}

torch::Tensor ContentLoss::atCore(const torch::Tensor& coreActivation,
                                  const LayerWindow& window) const {
    const auto target =
        target_.narrow(2, window.top, window.height).narrow(3, window.left, window.width);
    TORCH_CHECK(coreActivation.sizes() == target.sizes(),
                "the core's activation and its part of the target differ in shape");
    const double count = static_cast<double>(target_.numel());
    return torch::mse_loss(coreActivation, target, at::Reduction::Sum) / (4.0 * count);
}

} // namespace deepart
