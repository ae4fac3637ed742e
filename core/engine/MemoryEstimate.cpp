#include "MemoryEstimate.h"

#include "Error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
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
    const double copies =
        s.optimizer == OptimizerKind::Lbfgs ? 2.0 * s.lbfgs.historySize + 4.0 : 4.0;
    e.optimizerBytes = static_cast<std::int64_t>(copies * imageBytes);
    e.bytes = e.baseBytes + e.activationBytes + e.optimizerBytes;
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

void checkRunFitsInMemory(const TransferSettings& s, int contentWidth, int contentHeight,
                          int styleWidth, int styleHeight, std::int64_t weightBytes,
                          std::int64_t availableBytes, int maskedRegions) {
    if (availableBytes < 0)
        return;
    // The base (libraries, weights) is in memory already when this is asked: what must fit in
    // the available memory is what the run adds.
    const auto added = [](const MemoryEstimate& e) { return e.bytes - e.baseBytes; };
    const auto needed = estimateRunMemory(s, contentWidth, contentHeight, styleWidth, styleHeight,
                                          weightBytes, maskedRegions);
    if (added(needed) <= availableBytes)
        return;
    // The largest output size (same aspect, same proportions of the scales) that fits.
    const int output = std::max(contentWidth, contentHeight);
    int fits = 0;
    for (int size = output - 1; size >= 16; size -= std::max(1, size / 64)) {
        const double f = static_cast<double>(size) / output;
        const auto e = estimateRunMemory(s, static_cast<int>(std::lround(contentWidth * f)),
                                         static_cast<int>(std::lround(contentHeight * f)),
                                         static_cast<int>(std::lround(styleWidth * f)),
                                         static_cast<int>(std::lround(styleHeight * f)),
                                         weightBytes, maskedRegions);
        if (added(e) <= availableBytes) {
            fits = size;
            break;
        }
    }
    std::string message = "this run needs about " + formatBytes(needed.bytes) + " of memory at " +
                          std::to_string(output) + " px, and " + formatBytes(availableBytes) +
                          " is available; ";
    if (fits > 0)
        message += "the largest output size that fits is about " + std::to_string(fits) + " px";
    else
        message += "not even the smallest output size fits: close other programs";
    if (s.optimizer == OptimizerKind::Lbfgs && s.lbfgs.historySize > 10)
        message += " (or use a shorter L-BFGS history)";
    throw Error(message);
}

} // namespace deepart
