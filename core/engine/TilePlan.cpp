#include "TilePlan.h"

#include "Vgg19Weights.h"

#include <algorithm>
#include <stdexcept>

namespace deepart {

namespace {

int roundUp(int value, int multiple) {
    return (value + multiple - 1) / multiple * multiple;
}

// Core spans along one side: balanced, each a multiple of the stride but the last.
std::vector<std::pair<int, int>> spans(int length, int coreSize, int stride) {
    const int count = (length + coreSize - 1) / coreSize;
    const int step = roundUp((length + count - 1) / count, stride);
    std::vector<std::pair<int, int>> result;
    for (int start = 0; start < length; start += step)
        result.emplace_back(start, std::min(length, start + step));
    return result;
}

} // namespace

int TilePlan::poolingsBefore(int layer) {
    int count = 0;
    for (int i = 0; i < layer; ++i)
        count += vgg19PoolsAfter(i) ? 1 : 0;
    return count;
}

std::int64_t TilePlan::activationSide(int pixels, int layer) {
    return static_cast<std::int64_t>(pixels) >> poolingsBefore(layer);
}

int TilePlan::strideFor(int deepestLayer) {
    return 1 << poolingsBefore(deepestLayer);
}

int TilePlan::haloFor(int deepestLayer) {
    // Each 3x3 convolution (padding 1) reaches one position further on each side, a position
    // being 2^poolings pixels; poolings aligned to their stride reach no further.
    int radius = 0;
    for (int i = 0; i <= deepestLayer; ++i)
        radius += 1 << poolingsBefore(i);
    return roundUp(radius, strideFor(deepestLayer));
}

TilePlan::TilePlan(int width, int height, int coreSize, int deepestLayer)
    : width_(width), height_(height), halo_(haloFor(deepestLayer)),
      stride_(strideFor(deepestLayer)), deepestLayer_(deepestLayer) {
    if (width <= 0 || height <= 0 || coreSize <= 0)
        throw std::invalid_argument("TilePlan needs a positive image and core size");
    coreSize_ = roundUp(coreSize, stride_);
    for (const auto& [top, bottom] : spans(height, coreSize_, stride_))
        for (const auto& [left, right] : spans(width, coreSize_, stride_)) {
            Tile tile;
            tile.core = PixelRect{top, left, bottom - top, right - left};
            const int regionTop = std::max(0, top - halo_);
            const int regionLeft = std::max(0, left - halo_);
            tile.region =
                PixelRect{regionTop, regionLeft, std::min(height, bottom + halo_) - regionTop,
                          std::min(width, right + halo_) - regionLeft};
            tiles_.push_back(tile);
        }
}

long long TilePlan::largestTilePixels() const {
    long long largest = 0;
    for (const Tile& tile : tiles_)
        largest = std::max(largest, tile.region.pixels());
    return largest;
}

long long TilePlan::totalTilePixels() const {
    long long total = 0;
    for (const Tile& tile : tiles_)
        total += tile.region.pixels();
    return total;
}

LayerWindow TilePlan::window(std::size_t index, int layer) const {
    const Tile& tile = tiles_.at(index);
    const int shift = poolingsBefore(layer);
    // Core edges inside the image are multiples of the stride, so dividing is exact; an edge on
    // the image's border divides as the poolings round, to the activation's side.
    const auto side = [shift](int pixels) { return static_cast<std::int64_t>(pixels) >> shift; };
    LayerWindow w;
    w.top = side(tile.core.top);
    w.left = side(tile.core.left);
    w.height = side(tile.core.top + tile.core.height) - w.top;
    w.width = side(tile.core.left + tile.core.width) - w.left;
    w.tileTop = w.top - side(tile.region.top);
    w.tileLeft = w.left - side(tile.region.left);
    return w;
}

PixelRect TilePlan::neededAt(std::size_t index, int layer) const {
    const Tile& tile = tiles_.at(index);
    int reach = 0; // pixels the layers after `layer` still reach from the core
    for (int i = layer + 1; i <= deepestLayer_; ++i)
        reach += 1 << poolingsBefore(i);
    const int shift = poolingsBefore(layer);
    const PixelRect& r = tile.region;
    const PixelRect& c = tile.core;
    // One side: from the core's edge out by `reach`, rounded out to the stride, within the tile;
    // an edge at the tile's end divides as the poolings round.
    const auto span = [&](int regionStart, int regionLength, int coreStart, int coreLength) {
        const int regionEnd = regionStart + regionLength;
        const int start = std::max(regionStart, (coreStart - reach) / stride_ * stride_);
        const int end = std::min(regionEnd, roundUp(coreStart + coreLength + reach, stride_));
        const int first = (start - regionStart) >> shift;
        const int last = end == regionEnd ? regionLength >> shift : (end - regionStart) >> shift;
        return std::pair{first, last - first};
    };
    const auto [top, height] = span(r.top, r.height, c.top, c.height);
    const auto [left, width] = span(r.left, r.width, c.left, c.width);
    return PixelRect{top, left, height, width};
}

PixelRect TilePlan::cutAt(std::size_t tile, int layer) const {
    PixelRect cut = neededAt(tile, layer);
    if (layer == 0)
        return cut;
    const PixelRect before = neededAt(tile, layer - 1);
    const int shift = poolingsBefore(layer) - poolingsBefore(layer - 1);
    cut.top -= before.top >> shift;
    cut.left -= before.left >> shift;
    return cut;
}

LayerWindow TilePlan::windowInNeeded(std::size_t tile, int layer) const {
    LayerWindow w = window(tile, layer);
    const PixelRect needed = neededAt(tile, layer);
    w.tileTop -= needed.top;
    w.tileLeft -= needed.left;
    return w;
}

} // namespace deepart
