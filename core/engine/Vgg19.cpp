#include "Vgg19.h"

#include <algorithm>

namespace deepart {

Vgg19::Vgg19(const Vgg19Weights& weights, int deepestLayer, Pooling pooling, torch::Device device)
    : deepestLayer_(deepestLayer), pooling_(pooling) {
    TORCH_CHECK(deepestLayer >= 0 && deepestLayer < kVgg19ConvCount, "layer index out of range");
    for (int i = 0; i <= deepestLayer; ++i) {
        const auto& layer = weights.layers[static_cast<size_t>(i)];
        auto& own = weights_.layers[static_cast<size_t>(i)];
        // detach(): our copies never require gradients, and the caller's tensors are untouched.
        own.kernel = layer.kernel.detach().to(device, torch::kFloat32).contiguous();
        own.bias = layer.bias.detach().to(device, torch::kFloat32).contiguous();
    }
}

std::vector<torch::Tensor> Vgg19::forward(const torch::Tensor& input,
                                          const std::vector<int>& layers,
                                          const std::function<void()>& checkpoint) const {
    const int last = *std::max_element(layers.begin(), layers.end());
    TORCH_CHECK(last <= deepestLayer_, "Vgg19 was built only up to layer ", deepestLayer_);
    std::vector<torch::Tensor> activations(static_cast<size_t>(kVgg19ConvCount));
    torch::Tensor x = input;
    for (int i = 0; i <= last; ++i) {
        if (checkpoint)
            checkpoint();
        const auto& layer = weights_.layers[static_cast<size_t>(i)];
        x = torch::conv2d(x, layer.kernel, layer.bias, /*stride=*/1, /*padding=*/1).relu_();
        activations[static_cast<size_t>(i)] = x;
        if (vgg19PoolsAfter(i) && i < last)
            x = pooling_ == Pooling::Max ? torch::max_pool2d(x, 2, 2) : torch::avg_pool2d(x, 2, 2);
    }
    std::vector<torch::Tensor> result;
    result.reserve(layers.size());
    for (int index : layers)
        result.push_back(activations[static_cast<size_t>(index)]);
    return result;
}

} // namespace deepart
