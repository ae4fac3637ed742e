#include "Vgg19.h"

#include <torch/autograd.h>

#include <algorithm>

namespace deepart {

namespace {

// fp16 holds magnitudes from 6e-8 to 65504. The gradient that the style losses send into the
// first layers is far smaller than that (about 1e-12 at block1 with the seed's weights), so in
// fp16 it is carried scaled by this factor and scaled back in fp32 at the network's input.
// bf16 has fp32's range and needs none.
constexpr double kFp16GradientScale = 65536.0;

// A cast whose backward also multiplies the gradient by `gradientFactor`, in fp32.
class ScaledCast : public torch::autograd::Function<ScaledCast> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 torch::ScalarType type, double gradientFactor) {
        ctx->saved_data["from"] = static_cast<int64_t>(x.scalar_type());
        ctx->saved_data["factor"] = gradientFactor;
        return x.to(type);
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list gradOutputs) {
        const auto from = static_cast<torch::ScalarType>(ctx->saved_data["from"].toInt());
        const double factor = ctx->saved_data["factor"].toDouble();
        return {gradOutputs[0].to(torch::kFloat32).mul(factor).to(from), torch::Tensor(),
                torch::Tensor()};
    }
};

} // namespace

Vgg19::Vgg19(const Vgg19Weights& weights, int deepestLayer, Pooling pooling, torch::Device device,
             torch::ScalarType networkType, bool channelsLast)
    : deepestLayer_(deepestLayer), pooling_(pooling), networkType_(networkType),
      channelsLast_(channelsLast) {
    TORCH_CHECK(deepestLayer >= 0 && deepestLayer < kVgg19ConvCount, "layer index out of range");
    const auto format =
        channelsLast ? torch::MemoryFormat::ChannelsLast : torch::MemoryFormat::Contiguous;
    for (int i = 0; i <= deepestLayer; ++i) {
        const auto& layer = weights.layers[static_cast<size_t>(i)];
        auto& own = weights_.layers[static_cast<size_t>(i)];
        // detach(): our copies never require gradients, and the caller's tensors are untouched.
        own.kernel = layer.kernel.detach().to(device, networkType).contiguous(format);
        own.bias = layer.bias.detach().to(device, networkType).contiguous();
    }
}

std::vector<torch::Tensor> Vgg19::forward(const torch::Tensor& input,
                                          const std::vector<int>& layers,
                                          const std::function<void()>& checkpoint,
                                          const LayerHook& hook) const {
    const int last = *std::max_element(layers.begin(), layers.end());
    TORCH_CHECK(last <= deepestLayer_, "Vgg19 was built only up to layer ", deepestLayer_);
    const bool lower = networkType_ != torch::kFloat32;
    const double scale = networkType_ == torch::kHalf ? kFp16GradientScale : 1.0;
    // Only the layers asked for are kept: without gradients (targets, a tiled evaluation's
    // first pass) the others are freed as the pass goes.
    std::vector<bool> wanted(static_cast<size_t>(kVgg19ConvCount), false);
    for (int index : layers)
        wanted[static_cast<size_t>(index)] = true;
    std::vector<torch::Tensor> activations(static_cast<size_t>(kVgg19ConvCount));
    torch::Tensor x = input;
    if (lower)
        x = scale == 1.0 ? x.to(networkType_) : ScaledCast::apply(x, networkType_, 1.0 / scale);
    if (channelsLast_)
        x = x.contiguous(torch::MemoryFormat::ChannelsLast);
    for (int i = 0; i <= last; ++i) {
        if (checkpoint)
            checkpoint();
        const auto& layer = weights_.layers[static_cast<size_t>(i)];
        x = torch::conv2d(x, layer.kernel, layer.bias, /*stride=*/1, /*padding=*/1).relu_();
        if (hook)
            x = hook(i, x);
        if (wanted[static_cast<size_t>(i)])
            activations[static_cast<size_t>(i)] = x;
        if (vgg19PoolsAfter(i) && i < last)
            x = pooling_ == Pooling::Max ? torch::max_pool2d(x, 2, 2) : torch::avg_pool2d(x, 2, 2);
    }
    std::vector<torch::Tensor> result;
    result.reserve(layers.size());
    for (int index : layers) {
        const auto& a = activations[static_cast<size_t>(index)];
        if (!lower)
            result.push_back(a);
        else if (scale == 1.0)
            result.push_back(a.to(torch::kFloat32));
        else
            result.push_back(ScaledCast::apply(a, torch::kFloat32, scale));
    }
    return result;
}

} // namespace deepart
