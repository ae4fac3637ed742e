#pragma once

#include "TransferSettings.h"

#include <cstdint>
#include <string>

namespace deepart {

// Peak memory of a run on the CPU, estimated from its sizes before anything is allocated, so a
// run that cannot fit is refused with a reason instead of failing (or swapping) minutes later.
// The model is the process's base (libraries, weights) plus, at the largest scale, the
// activations that backpropagation keeps per pixel of the generated image, the style image's
// forward pass, and the optimizer's state (Adam: 2 image copies; L-BFGS: 2 per history entry).
// Calibrated against measured peak RSS (deepart-bench --memory; README, Performance).
struct MemoryEstimate {
    std::int64_t bytes = 0;
    std::int64_t baseBytes = 0;       // libraries, network weights
    std::int64_t activationBytes = 0; // forward/backward at the largest scale
    std::int64_t optimizerBytes = 0;  // optimizer state at the largest scale
};

// `contentWidth` etc. are the images' sizes at the output scale (the largest style's, when there
// are several: their targets are computed one after the other). `weightBytes`: the network's
// weights (80 MB for the real VGG-19). `maskedRegions`: styles with a region mask.
MemoryEstimate estimateRunMemory(const TransferSettings& settings, int contentWidth,
                                 int contentHeight, int styleWidth, int styleHeight,
                                 std::int64_t weightBytes, int maskedRegions = 0);

// What the system can give without swapping (MemAvailable); -1 when unknown.
std::int64_t availableMemoryBytes();

// Throws deepart::Error when what the run adds to the base (already in memory when this is
// called) exceeds `availableBytes`, with the estimate, what is free and the largest output size
// that fits. Does nothing when availableBytes < 0.
void checkRunFitsInMemory(const TransferSettings& settings, int contentWidth, int contentHeight,
                          int styleWidth, int styleHeight, std::int64_t weightBytes,
                          std::int64_t availableBytes, int maskedRegions = 0);

// "1.4 GiB", "820 MiB".
std::string formatBytes(std::int64_t bytes);

} // namespace deepart
