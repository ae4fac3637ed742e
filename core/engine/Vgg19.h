#pragma once

#include "TransferSettings.h"
#include "Vgg19Weights.h"

#include <torch/types.h>

#include <functional>
#include <vector>

namespace deepart {

// The frozen VGG-19 feature extractor, built only up to the deepest layer that is asked for.
// Each convolution (3x3, padding 1) is followed by ReLU; blocks 1-4 end in 2x2 stride-2 pooling.
// Weights never require gradients, so backward passes compute input gradients only.
//
// The layers run in `networkType` (fp32, bf16 or fp16): the input is cast down on the way in and
// every activation asked for is cast back to fp32 on the way out, so what the losses see, and
// the gradient that reaches the image, are fp32 whatever the network ran in. In fp16 the
// gradient is scaled up inside the network (and back down at its input), as fp16's range would
// otherwise flush the style layers' small gradients to zero.
class Vgg19 {
public:
    // `weights` must have passed Vgg19Weights::validate(); `deepestLayer` indexes
    // vgg19LayerNames(). With `channelsLast` the layers keep NHWC memory (oneDNN's and the
    // tensor cores' layout).
    Vgg19(const Vgg19Weights& weights, int deepestLayer, Pooling pooling, torch::Device device,
          torch::ScalarType networkType = torch::kFloat32, bool channelsLast = false);

    // What a tiled evaluation does to each convolution's output (post-ReLU) before it is kept
    // and fed on: it crops away what the layers after it no longer need (TilePlan::neededAt).
    using LayerHook = std::function<torch::Tensor(int layer, const torch::Tensor& activation)>;

    // Post-ReLU activations of `layers` (indices, any order) for a preprocessed 1x3xHxW fp32
    // input, returned in the order asked, as fp32. `checkpoint`, when set, is called between
    // layers: at large sizes one pass takes seconds, and a stop asked for meanwhile must not wait
    // for all of it.
    std::vector<torch::Tensor> forward(const torch::Tensor& input, const std::vector<int>& layers,
                                       const std::function<void()>& checkpoint = {},
                                       const LayerHook& hook = {}) const;

    int deepestLayer() const { return deepestLayer_; }
    torch::ScalarType networkType() const { return networkType_; }

private:
    Vgg19Weights weights_;
    int deepestLayer_;
    Pooling pooling_;
    torch::ScalarType networkType_;
    bool channelsLast_;
};

} // namespace deepart
