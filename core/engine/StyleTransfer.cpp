#include "StyleTransfer.h"

#include "Error.h"
#include "Preprocessing.h"
#include "TotalVariation.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/optim/adam.h>
#include <torch/utils.h>

#include <algorithm>
#include <chrono>

namespace deepart {

namespace {
int layerIndexOrThrow(const std::string& name) {
    const int index = vgg19LayerIndex(name);
    if (index < 0)
        throw Error("unknown VGG-19 layer '" + name + "'");
    return index;
}

void checkImage(const torch::Tensor& image, const char* what) {
    if (!image.defined() || image.dim() != 4 || image.size(0) != 1 || image.size(1) != 3)
        throw Error(std::string(what) + " image must be a 1x3xHxW RGB tensor");
    if (image.size(2) < 16 || image.size(3) < 16)
        throw Error(std::string(what) + " image is too small: at least 16x16 pixels are needed");
}
} // namespace

StyleTransfer::StyleTransfer(const Vgg19Weights& weights, const torch::Tensor& content,
                             const torch::Tensor& style, const TransferSettings& settings,
                             torch::Device device)
    : settings_(settings), lossWeights_(settings.lossWeights), device_(device) {
    checkImage(content, "content");
    checkImage(style, "style");
    if (settings.styleLayers.empty())
        throw Error("at least one style layer is needed");
    if (!(settings.learningRate > 0.0))
        throw Error("the learning rate must be greater than 0");
    if (settings.noiseRatio < 0.0 || settings.noiseRatio > 1.0)
        throw Error("the noise ratio must be between 0 and 1");

    layers_.push_back(layerIndexOrThrow(settings.contentLayer));
    for (const auto& layer : settings.styleLayers) {
        layers_.push_back(layerIndexOrThrow(layer.name));
        styleLayerWeights_.push_back(layer.weight);
    }
    network_ = std::make_unique<Vgg19>(weights, *std::max_element(layers_.begin(), layers_.end()),
                                       settings.pooling, device);

    const auto contentImage = content.to(device, torch::kFloat32);
    const auto styleImage = style.to(device, torch::kFloat32);
    {
        torch::NoGradGuard noGrad;
        const auto contentFeatures = network_->forward(toVggInput(contentImage), {layers_[0]});
        contentLoss_ = std::make_unique<ContentLoss>(contentFeatures[0]);
        const std::vector<int> styleLayers(layers_.begin() + 1, layers_.end());
        for (const auto& activation : network_->forward(toVggInput(styleImage), styleLayers))
            styleLosses_.emplace_back(activation);
    }

    image_ = initialImage(contentImage).set_requires_grad(true);
    torch::optim::AdamOptions options(settings.learningRate);
    options.betas(std::make_tuple(settings.beta1, settings.beta2)).eps(settings.epsilon);
    optimizer_ = std::make_unique<torch::optim::Adam>(std::vector<torch::Tensor>{image_}, options);
}

StyleTransfer::~StyleTransfer() = default;

torch::Tensor StyleTransfer::initialImage(const torch::Tensor& content) const {
    if (settings_.init == InitMode::Content)
        return content.clone();
    // Noise comes from a CPU generator so a seed gives the same picture on every device.
    auto generator = at::make_generator<at::CPUGeneratorImpl>(settings_.seed);
    const auto noise = torch::rand(content.sizes(), generator, torch::kFloat32).to(device_);
    if (settings_.init == InitMode::Noise)
        return noise;
    const double r = settings_.noiseRatio;
    return (content * (1.0 - r) + noise * r).clamp(0.0, 1.0);
}

IterationStats StyleTransfer::step() {
    const auto start = std::chrono::steady_clock::now();
    optimizer_->zero_grad();

    const auto activations = network_->forward(toVggInput(image_), layers_);
    const auto content = (*contentLoss_)(activations[0]) * lossWeights_.content;
    auto styleSum = torch::zeros({}, image_.options().requires_grad(false));
    for (size_t i = 0; i < styleLosses_.size(); ++i)
        styleSum = styleSum + styleLosses_[i](activations[i + 1]) * styleLayerWeights_[i];
    const auto style = styleSum * lossWeights_.style;
    const auto tv = totalVariation(image_) * lossWeights_.tv;
    const auto total = content + style + tv;
    total.backward();
    optimizer_->step();
    {
        torch::NoGradGuard noGrad;
        image_.clamp_(0.0, 1.0);
    }
    // One device-to-host copy for all four numbers; it also waits for the device to finish, so
    // the wall time below is the step's real cost.
    const auto values = torch::stack({total, content, style, tv}).detach().to(torch::kCPU);
    const auto* v = values.data_ptr<float>();
    ++completed_;
    IterationStats stats;
    stats.iteration = completed_;
    stats.total = v[0];
    stats.content = v[1];
    stats.style = v[2];
    stats.tv = v[3];
    stats.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return stats;
}

} // namespace deepart
