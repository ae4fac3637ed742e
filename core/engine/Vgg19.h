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
class Vgg19 {
public:
    // `weights` must have passed Vgg19Weights::validate(); `deepestLayer` indexes
    // vgg19LayerNames().
    Vgg19(const Vgg19Weights& weights, int deepestLayer, Pooling pooling, torch::Device device);

    // Post-ReLU activations of `layers` (indices, any order) for a preprocessed 1x3xHxW input,
    // returned in the order asked. `checkpoint`, when set, is called between layers: at large
    // sizes one pass takes seconds, and a stop asked for meanwhile must not wait for all of it.
    std::vector<torch::Tensor> forward(const torch::Tensor& input, const std::vector<int>& layers,
                                       const std::function<void()>& checkpoint = {}) const;

    int deepestLayer() const { return deepestLayer_; }

private:
    Vgg19Weights weights_;
    int deepestLayer_;
    Pooling pooling_;
};

} // namespace deepart
