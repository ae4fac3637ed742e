#pragma once

#include <torch/types.h>

#include <array>
#include <string>

namespace deepart {

// The 16 convolutions of VGG-19's feature extractor, in network order, with the Keras names.
constexpr int kVgg19ConvCount = 16;
const std::array<std::string, kVgg19ConvCount>& vgg19LayerNames();
// Index of a layer name in vgg19LayerNames(), or -1.
int vgg19LayerIndex(const std::string& name);
// True when a 2x2 pooling follows this convolution (the last of blocks 1-4).
bool vgg19PoolsAfter(int layerIndex);

struct ConvWeights {
    torch::Tensor kernel; // Out x In x 3 x 3, float32
    torch::Tensor bias;   // Out, float32
};

// The convolution weights of a VGG-19, indexed like vgg19LayerNames().
struct Vgg19Weights {
    std::array<ConvWeights, kVgg19ConvCount> layers;

    // Checks the structure: every layer present, 3x3 kernels, 3 input channels first, each
    // layer's input channels equal to the previous one's outputs, bias matching outputs. Channel
    // widths are not fixed, so converted or slimmed VGG-19 files work too. Throws deepart::Error
    // naming `source` and the layer at fault.
    void validate(const std::string& source) const;

    Vgg19Weights to(torch::Device device) const;
};

} // namespace deepart
