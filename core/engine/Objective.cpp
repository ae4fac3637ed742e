#include "Objective.h"

#include "Error.h"
#include "Preprocessing.h"
#include "TotalVariation.h"

namespace deepart {

int vgg19LayerIndexOrThrow(const std::string& name) {
    const int index = vgg19LayerIndex(name);
    if (index < 0)
        throw Error("unknown VGG-19 layer '" + name + "'");
    return index;
}

Objective::Objective(const Vgg19& network, const torch::Tensor& content, const torch::Tensor& style,
                     const TransferSettings& settings, const std::function<void()>& checkpoint)
    : network_(network) {
    layers_.push_back(vgg19LayerIndexOrThrow(settings.contentLayer));
    for (const auto& layer : settings.styleLayers) {
        layers_.push_back(vgg19LayerIndexOrThrow(layer.name));
        styleLayerWeights_.push_back(layer.weight);
    }
    {
        torch::NoGradGuard noGrad;
        const auto contentFeatures =
            network_.forward(toVggInput(content), {layers_[0]}, checkpoint);
        contentLoss_ = std::make_unique<ContentLoss>(contentFeatures[0]);
        const std::vector<int> styleLayers(layers_.begin() + 1, layers_.end());
        for (const auto& activation : network_.forward(toVggInput(style), styleLayers, checkpoint))
            styleLosses_.emplace_back(activation);
    }

    // The order is the seed's: J = alpha J_content + beta J_style + gamma J_tv, summed left to
    // right, so that the seed preset stays bit-for-bit what it was.
    names_ = {"content", "style", "tv"};
    terms_.push_back({settings.lossWeights.content,
                      [this](const std::vector<torch::Tensor>& a, const torch::Tensor&) {
                          return (*contentLoss_)(a[0]);
                      }});
    terms_.push_back({settings.lossWeights.style,
                      [this](const std::vector<torch::Tensor>& a, const torch::Tensor& image) {
                          auto sum = torch::zeros({}, image.options().requires_grad(false));
                          for (size_t i = 0; i < styleLosses_.size(); ++i)
                              sum = sum + styleLosses_[i](a[i + 1]) * styleLayerWeights_[i];
                          return sum;
                      }});
    terms_.push_back({settings.lossWeights.tv,
                      [](const std::vector<torch::Tensor>&, const torch::Tensor& image) {
                          return totalVariation(image);
                      }});
}

Objective::~Objective() = default;

void Objective::setLossWeights(const LossWeights& weights) {
    terms_[0].weight = weights.content;
    terms_[1].weight = weights.style;
    terms_[2].weight = weights.tv;
}

Objective::Evaluation Objective::evaluate(const torch::Tensor& image) const {
    const auto activations = network_.forward(toVggInput(image), layers_);
    Evaluation result;
    for (const auto& term : terms_) {
        result.terms.push_back(term.raw(activations, image) * term.weight);
        result.total =
            result.total.defined() ? result.total + result.terms.back() : result.terms.back();
    }
    return result;
}

std::vector<double> Objective::values(const Evaluation& evaluation) {
    std::vector<torch::Tensor> all{evaluation.total};
    all.insert(all.end(), evaluation.terms.begin(), evaluation.terms.end());
    // One copy also waits for the device to finish, so timings around it are real.
    const auto host = torch::stack(all).detach().to(torch::kCPU, torch::kDouble);
    const auto* v = host.data_ptr<double>();
    return std::vector<double>(v, v + host.numel());
}

} // namespace deepart
