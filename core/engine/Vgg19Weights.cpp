#include "Vgg19Weights.h"

#include "Error.h"

#include <algorithm>
#include <sstream>

namespace deepart {

const std::array<std::string, kVgg19ConvCount>& vgg19LayerNames() {
    static const std::array<std::string, kVgg19ConvCount> names = {
        "block1_conv1", "block1_conv2", "block2_conv1", "block2_conv2",
        "block3_conv1", "block3_conv2", "block3_conv3", "block3_conv4",
        "block4_conv1", "block4_conv2", "block4_conv3", "block4_conv4",
        "block5_conv1", "block5_conv2", "block5_conv3", "block5_conv4"};
    return names;
}

int vgg19LayerIndex(const std::string& name) {
    const auto& names = vgg19LayerNames();
    const auto it = std::find(names.begin(), names.end(), name);
    return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

bool vgg19PoolsAfter(int layerIndex) {
    return layerIndex == 1 || layerIndex == 3 || layerIndex == 7 || layerIndex == 11;
}

namespace {
std::string shapeText(const torch::Tensor& t) {
    std::ostringstream out;
    for (int64_t i = 0; i < t.dim(); ++i)
        out << (i ? "x" : "") << t.size(i);
    return out.str();
}
} // namespace

void Vgg19Weights::validate(const std::string& source) const {
    int64_t expectedInputs = 3;
    for (int i = 0; i < kVgg19ConvCount; ++i) {
        const auto& name = vgg19LayerNames()[static_cast<size_t>(i)];
        const auto& layer = layers[static_cast<size_t>(i)];
        const std::string where = "weights file '" + source + "', layer " + name + ": ";
        if (!layer.kernel.defined() || !layer.bias.defined())
            throw Error(where + "missing");
        const auto& k = layer.kernel;
        if (k.dim() != 4 || k.size(2) != 3 || k.size(3) != 3 || k.size(1) != expectedInputs ||
            k.size(0) < 1)
            throw Error(where + "kernel has shape " + shapeText(k) + ", expected Nx" +
                        std::to_string(expectedInputs) + "x3x3 (out x in x 3 x 3)");
        if (layer.bias.dim() != 1 || layer.bias.size(0) != k.size(0))
            throw Error(where + "bias has shape " + shapeText(layer.bias) + ", expected " +
                        std::to_string(k.size(0)));
        if (!k.isfinite().all().item<bool>() || !layer.bias.isfinite().all().item<bool>())
            throw Error(where + "contains NaN or infinite values");
        expectedInputs = k.size(0);
    }
}

Vgg19Weights Vgg19Weights::to(torch::Device device) const {
    Vgg19Weights moved;
    for (size_t i = 0; i < layers.size(); ++i) {
        moved.layers[i].kernel = layers[i].kernel.to(device, torch::kFloat32).contiguous();
        moved.layers[i].bias = layers[i].bias.to(device, torch::kFloat32).contiguous();
    }
    return moved;
}

} // namespace deepart
