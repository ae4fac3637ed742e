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

} // namespace deepart
