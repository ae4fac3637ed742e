#include "RandomVgg19Weights.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

namespace deepart {

Vgg19Weights randomVgg19Weights(const Vgg19Widths& widths, std::uint64_t seed) {
    auto generator = at::make_generator<at::CPUGeneratorImpl>(seed);
    Vgg19Weights weights;
    int64_t inputs = 3;
    for (int i = 0; i < kVgg19ConvCount; ++i) {
        const auto& name = vgg19LayerNames()[static_cast<size_t>(i)];
        const int block = name[5] - '1';
        const int64_t outputs = widths[static_cast<size_t>(block)];
        const double scale = std::sqrt(2.0 / (9.0 * static_cast<double>(inputs)));
        auto& layer = weights.layers[static_cast<size_t>(i)];
        layer.kernel = torch::randn({outputs, inputs, 3, 3}, generator, torch::kFloat32) * scale;
        layer.bias = torch::randn({outputs}, generator, torch::kFloat32) * 0.01;
        inputs = outputs;
    }
    return weights;
}

} // namespace deepart
