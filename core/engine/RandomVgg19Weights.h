#pragma once

#include "Vgg19Weights.h"

#include <array>
#include <cstdint>

namespace deepart {

// Output channels of the five VGG-19 blocks; the real network's by default.
using Vgg19Widths = std::array<int64_t, 5>;
constexpr Vgg19Widths kVgg19Widths = {64, 128, 256, 512, 512};

// He-initialized weights with VGG-19's structure, for benchmarks and tests that must not depend
// on the 80 MB download. The same seed gives the same weights.
Vgg19Weights randomVgg19Weights(const Vgg19Widths& widths = kVgg19Widths, std::uint64_t seed = 1);

} // namespace deepart
