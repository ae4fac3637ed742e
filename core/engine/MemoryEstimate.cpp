#include "MemoryEstimate.h"

#include "Error.h"
#include "TilePlan.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>

namespace deepart {

namespace {

// Calibration (README, Performance): peak RSS of deepart-bench --preset fine (the real VGG-19's
// widths, Debian's LibTorch 1.13 on the CPU, square content and style) measured 571, 1127, 2789
// and 9913 MiB at 256, 512, 1024 and 2048 px; this model gives 555, 1033, 2944 and 10588 MiB.
constexpr double kBaseBytes = 320.0 * 1024 * 1024;  // libraries and allocator slack
constexpr double kActivationBytesPerPixel = 1800.0; // kept for backward, at the full widths
constexpr double kStyleBytesPerPixel = 700.0;       // the style image's forward, no gradients
// Each masked region keeps its masked copies of the style layers' activations for backward:
// measured +280 MiB for two regions at 512 x 480 px (deepart-cli, README, Creative control).
constexpr double kRegionBytesPerPixel = 600.0;
// A tiled run keeps, at the image's size: the image, its gradient and the tiles' gradient, the
// image before the step, the content, the total variation's gradient, and a style image of the
// content's size (style scale 1); the optimizer's state is counted apart. Measured: 4096 px in
// 36 tiles peaked at 3964 MiB (deepart-bench, fp32), which this model puts at 4466.
constexpr double kTiledImageBytesPerPixel = 96.0;
// A tile's forward and backward: the whole image's rate, plus the copies its cuts make (kept for
// backward) and pass 1's kept graph: measured 1510 MiB at 1024 px in tiles of 512 and 3983 MiB at
// 2048 px in tiles of 1024 (deepart-bench, fp32), which this model puts at 1471 and 4180.
constexpr double kTiledActivationBytesPerPixel = 2400.0;
// A masked region at the image's size: the mask at each style layer and its resized copies.
constexpr double kTiledRegionBytesPerPixel = 12.0;
// An iteration's cost per pixel, fp32 on 2 threads (deepart-bench, seed preset, square images;
// README, Performance): it grows with the image (caches), so it is read off measured sizes.
struct CostPoint {
    double pixels;
    double microseconds;
};
constexpr CostPoint kCostPerPixel[] = {
    {128.0 * 128, 8.9}, {512.0 * 512, 9.0}, {1024.0 * 1024, 16.8}, {2048.0 * 2048, 21.5}};
// A tiled iteration against its tiles' pixels at the whole image's rate: pass 1's forward over
// the tiles whose graphs it does not keep, less the cuts (measured 1.22 at 1024 px in tiles of
// 512, 1.08 at 2048 px in tiles of 1024, both keeping 1 graph of 4): this much for a pass 1 that
// keeps no graph.
constexpr double kTiledRecomputeFactor = 0.2;
// Of the memory a tiled plan leaves over, the share extra kept graphs may take: the rest is
// headroom for the estimate's error and for other programs.
constexpr double kKeptGraphsShare = 0.75;

double microsecondsPerPixel(double pixels) {
    const CostPoint* first = std::begin(kCostPerPixel);
    const CostPoint* last = std::end(kCostPerPixel) - 1;
    if (pixels <= first->pixels)
        return first->microseconds;
    if (pixels >= last->pixels)
        return last->microseconds;
    const CostPoint* upper = first + 1;
    while (upper->pixels < pixels)
        ++upper;
    const CostPoint* lower = upper - 1;
    // Linear in the logarithm of the size between two measured points.
    const double t = std::log(pixels / lower->pixels) / std::log(upper->pixels / lower->pixels);
    return lower->microseconds + t * (upper->microseconds - lower->microseconds);
}
// Cores tried, largest first, when a run must be tiled.
constexpr int kCoreSizes[] = {4096, 3072, 2048, 1536, 1024, 768, 512, 384, 256};

std::int64_t added(const MemoryEstimate& e) {
    return e.bytes - e.baseBytes;
}

double optimizerCopies(const TransferSettings& s) {
    return s.optimizer == OptimizerKind::Lbfgs ? 2.0 * s.lbfgs.historySize + 4.0 : 4.0;
}

} // namespace

MemoryEstimate estimateRunMemory(const TransferSettings& s, int contentWidth, int contentHeight,
                                 int styleWidth, int styleHeight, std::int64_t weightBytes,
                                 int maskedRegions) {
    MemoryEstimate e;
    e.baseBytes = static_cast<std::int64_t>(kBaseBytes) + weightBytes;
    // The largest scale is the last; the others come and go before it.
    const double pixels = static_cast<double>(contentWidth) * contentHeight;
    const double stylePixels = static_cast<double>(styleWidth) * styleHeight;
    e.activationBytes = static_cast<std::int64_t>(
        (kActivationBytesPerPixel + kRegionBytesPerPixel * maskedRegions) * pixels +
        kStyleBytesPerPixel * stylePixels);
    const double imageBytes = 3.0 * 4.0 * pixels;
    e.optimizerBytes = static_cast<std::int64_t>(optimizerCopies(s) * imageBytes);
    e.bytes = e.baseBytes + e.activationBytes + e.optimizerBytes;
    return e;
}

MemoryEstimate estimateTiledRunMemory(const TransferSettings& s, int contentWidth,
                                      int contentHeight, int styleWidth, int styleHeight,
                                      std::int64_t weightBytes, int maskedRegions, int tileCoreSize,
                                      int deepestLayer) {
    MemoryEstimate e;
    e.baseBytes = static_cast<std::int64_t>(kBaseBytes) + weightBytes;
    const TilePlan content(contentWidth, contentHeight, tileCoreSize, deepestLayer);
    const TilePlan style(styleWidth, styleHeight, tileCoreSize, deepestLayer);
    // The styles' targets are computed (one tile at a time) before the image's passes start.
    e.activationBytes = static_cast<std::int64_t>(
        std::max((kTiledActivationBytesPerPixel + kRegionBytesPerPixel * maskedRegions) *
                     static_cast<double>(content.largestTilePixels()),
                 kStyleBytesPerPixel * static_cast<double>(style.largestTilePixels())));
    const double pixels = static_cast<double>(contentWidth) * contentHeight;
    // Style images beyond the content's size (style scale > 1) are kept as they are.
    const double extraStyle =
        std::max(0.0, static_cast<double>(styleWidth) * styleHeight - pixels) * 3.0 * 4.0;
    e.imageBytes = static_cast<std::int64_t>(
        (kTiledImageBytesPerPixel + kTiledRegionBytesPerPixel * maskedRegions) * pixels +
        extraStyle);
    e.optimizerBytes = static_cast<std::int64_t>(optimizerCopies(s) * 3.0 * 4.0 * pixels);
    e.bytes = e.baseBytes + e.activationBytes + e.imageBytes + e.optimizerBytes;
    return e;
}

std::int64_t availableMemoryBytes() {
    std::ifstream meminfo("/proc/meminfo");
    std::string line;
    while (std::getline(meminfo, line)) {
        std::istringstream fields(line);
        std::string key;
        long long kib = 0;
        if (fields >> key >> kib && key == "MemAvailable:")
            return static_cast<std::int64_t>(kib) * 1024;
    }
    return -1;
}

std::string formatBytes(std::int64_t bytes) {
    char text[32];
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    if (mib >= 1024.0)
        std::snprintf(text, sizeof text, "%.1f GiB", mib / 1024.0);
    else
        std::snprintf(text, sizeof text, "%.0f MiB", mib);
    return text;
}

MemoryPlan planRunMemory(const TransferSettings& s, int contentWidth, int contentHeight,
                         int styleWidth, int styleHeight, std::int64_t weightBytes,
                         std::int64_t availableBytes, int maskedRegions, int deepestLayer) {
    const int output = std::max(contentWidth, contentHeight);
    const auto tiledPlan = [&](int width, int height, int sWidth, int sHeight, int core) {
        MemoryPlan plan;
        plan.tileCoreSize = core;
        plan.tiles = static_cast<int>(TilePlan(width, height, core, deepestLayer).tiles().size());
        plan.estimate = estimateTiledRunMemory(s, width, height, sWidth, sHeight, weightBytes,
                                               maskedRegions, core, deepestLayer);
        return plan;
    };
    // The plan at one output size: whole if that fits, else the largest tiles that fit.
    const auto bestPlan = [&](int width, int height, int sWidth, int sHeight) {
        // Tiles of the image's size or more are no tiles: the run evaluates it whole.
        if (s.tileSize > 0 && TilePlan(width, height, s.tileSize, deepestLayer).tiled())
            return tiledPlan(width, height, sWidth, sHeight, s.tileSize);
        MemoryPlan whole;
        whole.estimate =
            estimateRunMemory(s, width, height, sWidth, sHeight, weightBytes, maskedRegions);
        if (s.tileSize > 0 || availableBytes < 0 || added(whole.estimate) <= availableBytes)
            return whole;
        for (int core : kCoreSizes) {
            if (core >= std::max(width, height))
                continue; // one tile: no better than whole
            const MemoryPlan plan = tiledPlan(width, height, sWidth, sHeight, core);
            if (added(plan.estimate) <= availableBytes)
                return plan;
        }
        return tiledPlan(width, height, sWidth, sHeight, kCoreSizes[std::size(kCoreSizes) - 1]);
    };
    MemoryPlan plan = bestPlan(contentWidth, contentHeight, styleWidth, styleHeight);
    if (availableBytes < 0)
        return plan;
    if (added(plan.estimate) <= availableBytes) {
        if (plan.tiled() && plan.estimate.activationBytes > 0) {
            const double spare =
                kKeptGraphsShare * static_cast<double>(availableBytes - added(plan.estimate));
            const auto extra = static_cast<std::int64_t>(
                std::min(static_cast<double>(plan.tiles - 1),
                         std::floor(spare / static_cast<double>(plan.estimate.activationBytes))));
            plan.keptTileGraphs = 1 + static_cast<int>(extra);
            plan.estimate.activationBytes += extra * plan.estimate.activationBytes;
            plan.estimate.bytes = plan.estimate.baseBytes + plan.estimate.activationBytes +
                                  plan.estimate.imageBytes + plan.estimate.optimizerBytes;
        }
        return plan;
    }
    // The largest output size (same aspect, same proportions of the scales) that fits.
    int fits = 0;
    for (int size = output - 1; size >= 16; size -= std::max(1, size / 64)) {
        const double f = static_cast<double>(size) / output;
        const MemoryPlan smaller = bestPlan(static_cast<int>(std::lround(contentWidth * f)),
                                            static_cast<int>(std::lround(contentHeight * f)),
                                            static_cast<int>(std::lround(styleWidth * f)),
                                            static_cast<int>(std::lround(styleHeight * f)));
        if (added(smaller.estimate) <= availableBytes) {
            fits = size;
            break;
        }
    }
    std::string message =
        "this run needs about " + formatBytes(plan.estimate.bytes) + " of memory at " +
        std::to_string(output) + " px" +
        (plan.tiled() ? " in tiles of " + std::to_string(plan.tileCoreSize) + " px"
                      : std::string()) +
        ", and " + formatBytes(availableBytes) + " is available; ";
    if (fits > 0)
        message += "the largest output size that fits is about " + std::to_string(fits) + " px";
    else
        message += "not even the smallest output size fits: close other programs";
    if (s.optimizer == OptimizerKind::Lbfgs && s.lbfgs.historySize > 10)
        message += " (or use a shorter L-BFGS history)";
    throw Error(message);
}

double estimateSecondsPerIteration(const MemoryPlan& plan, int contentWidth, int contentHeight,
                                   int deepestLayer) {
    const double threadFactor = 2.0 / std::max(1, at::get_num_threads());
    const double pixels = static_cast<double>(contentWidth) * contentHeight;
    const double seconds = microsecondsPerPixel(pixels) * 1e-6 * threadFactor;
    if (!plan.tiled())
        return seconds * pixels;
    const TilePlan tiles(contentWidth, contentHeight, plan.tileCoreSize, deepestLayer);
    const double recomputed = static_cast<double>(plan.tiles - plan.keptTileGraphs) /
                              static_cast<double>(std::max(1, plan.tiles));
    return seconds * static_cast<double>(tiles.totalTilePixels()) *
           (1.0 + kTiledRecomputeFactor * recomputed);
}

} // namespace deepart
