#include "TransferSettings.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace deepart {

int TransferSettings::totalIterations() const {
    return std::accumulate(scales.begin(), scales.end(), 0,
                           [](int sum, const ScaleStep& s) { return sum + s.iterations; });
}

void TransferSettings::setOutputSize(int size) {
    if (scales.empty()) {
        scales.push_back(ScaleStep{size, 1000});
        return;
    }
    const double factor = static_cast<double>(size) / scales.back().size;
    for (auto& scale : scales)
        scale.size = std::max(kMinImageSide, static_cast<int>(std::lround(scale.size * factor)));
    scales.back().size = size;
    // A coarser scale that rounding made as large as the next one is dropped, so the sizes
    // still increase (down at 16 px there is room for only one scale).
    for (size_t i = scales.size() - 1; i-- > 0;)
        if (scales[i].size >= scales[i + 1].size)
            scales.erase(scales.begin() + static_cast<std::ptrdiff_t>(i));
}

void TransferSettings::setIterationsPerScale(int iterations) {
    for (auto& scale : scales)
        scale.iterations = iterations;
}

bool TransferSettings::operator==(const TransferSettings& o) const {
    return lossWeights == o.lossWeights && scales == o.scales && optimizer == o.optimizer &&
           adam == o.adam && lbfgs == o.lbfgs && saveEvery == o.saveEvery && init == o.init &&
           colors == o.colors && noiseRatio == o.noiseRatio && seed == o.seed &&
           pooling == o.pooling && contentLayer == o.contentLayer && styleLayers == o.styleLayers &&
           device == o.device && precision == o.precision && tileSize == o.tileSize;
}

} // namespace deepart
