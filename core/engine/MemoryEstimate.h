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
    std::int64_t activationBytes = 0; // forward/backward at the largest scale (tiled: one tile)
    std::int64_t optimizerBytes = 0;  // optimizer state at the largest scale
    std::int64_t imageBytes = 0;      // tiled: the image-sized tensors a run keeps besides
};

// `contentWidth` etc. are the images' sizes at the output scale (the largest style's, when there
// are several: their targets are computed one after the other). `weightBytes`: the network's
// weights (80 MB for the real VGG-19). `maskedRegions`: styles with a region mask.
MemoryEstimate estimateRunMemory(const TransferSettings& settings, int contentWidth,
                                 int contentHeight, int styleWidth, int styleHeight,
                                 std::int64_t weightBytes, int maskedRegions = 0);

// The same for a run evaluated in tiles of `tileCoreSize` px (TilePlan, up to `deepestLayer`):
// the network's memory is one tile's, and what grows with the image is the image-sized tensors
// (the image, its gradient, the optimizer's state, the inputs, the masks).
MemoryEstimate estimateTiledRunMemory(const TransferSettings& settings, int contentWidth,
                                      int contentHeight, int styleWidth, int styleHeight,
                                      std::int64_t weightBytes, int maskedRegions, int tileCoreSize,
                                      int deepestLayer);

// How a run will use memory: whole, or in tiles of `tileCoreSize` px (0: whole).
struct MemoryPlan {
    MemoryEstimate estimate;
    int tileCoreSize = 0;
    int tiles = 1;
    // Tiles whose graphs pass 1 keeps for pass 2 (Objective): 1, plus as many as three quarters
    // of the memory left over hold (counted in `estimate`), each saving a tile's forward pass per
    // evaluation.
    int keptTileGraphs = 1;
    bool tiled() const { return tileCoreSize > 0; }
};

// The plan for a run on the CPU. TransferSettings::tileSize 0 (automatic): whole when that fits
// in `availableBytes` (or it is unknown, < 0), else in the largest tiles that fit; a size > 0:
// tiles of that size. A tiled plan keeps more tiles' graphs where memory is left over
// (keptTileGraphs). Throws deepart::Error when not even tiles fit, with the estimate, what is
// free and the largest output size that fits.
MemoryPlan planRunMemory(const TransferSettings& settings, int contentWidth, int contentHeight,
                         int styleWidth, int styleHeight, std::int64_t weightBytes,
                         std::int64_t availableBytes, int maskedRegions, int deepestLayer);

// Seconds one iteration takes, roughly, in fp32 on this machine's CPU threads: from the pixels
// the network runs on per iteration (a tiled one over its tiles, halos included, pass 1 too),
// at rates measured on 2 cores.
double estimateSecondsPerIteration(const MemoryPlan& plan, int contentWidth, int contentHeight,
                                   int deepestLayer);

// What the system can give without swapping (MemAvailable); -1 when unknown.
std::int64_t availableMemoryBytes();

// "1.4 GiB", "820 MiB".
std::string formatBytes(std::int64_t bytes);

} // namespace deepart
