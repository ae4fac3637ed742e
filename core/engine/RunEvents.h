#pragma once

#include "TransferSettings.h"

#include <torch/types.h>

#include <string>
#include <vector>

namespace deepart {

// One weighted term of the objective as measured at one iteration ("content", "style", "tv").
struct LossTerm {
    std::string name;
    double value = 0.0;
};

// What one optimizer iteration measured. The losses are those of the iteration's first
// forward pass, i.e. of the image before this iteration's update.
struct IterationStats {
    int iteration = 0;       // 1-based, counted across scales
    int totalIterations = 0; // of the whole run
    double total = 0.0;
    std::vector<LossTerm> terms; // weighted, in the objective's order
    double milliseconds = 0.0;
    int scale = 0;             // index into TransferSettings::scales
    int size = 0;              // longer side of the image at this iteration
    long long evaluations = 0; // forward/backward passes so far, cumulative
    double progress = 0.0;     // share of the run's work done, iterations weighted by pixels

    // The value of the named term; 0 when the objective has no such term.
    double term(const std::string& name) const;
    double content() const { return term("content"); }
    double style() const { return term("style"); }
    double tv() const { return term("tv"); }
};

// Sent once the first scale is ready, before the first iteration.
struct RunStarted {
    std::string deviceText;
    std::string precisionText; // what the network runs in, e.g. "bf16 (auto: AVX512-BF16)"
    int width = 0;             // of the output
    int height = 0;
    int totalIterations = 0;
    // At the output size: tiled evaluation in tiles of this core size (0: the whole image), how
    // many, and the memory estimate the run was checked against (0: not checked, e.g. CUDA).
    int tileSize = 0;
    int tiles = 1;
    long long memoryEstimateBytes = 0;
    torch::Tensor image; // the starting image, 1x3xHxW in [0,1], at the first scale's size
};

// Within an iteration of a tiled evaluation (which can take minutes at print sizes): the tile
// about to be worked on. Pass 1 measures the losses, pass 2 computes the gradient.
struct TileProgress {
    int iteration = 0; // the iteration under way, 1-based
    int pass = 1;
    int tile = 0; // 0-based
    int tiles = 0;
};

// A snapshot: scheduled (every saveEvery iterations) or asked for through RunControl.
struct RunSnapshot {
    int iteration = 0;
    bool manual = false;
    int scale = 0;
    int size = 0;
    IterationStats stats;
    LossWeights lossWeights; // as they were at this iteration (live steering included)
    torch::Tensor image;     // 1x3xHxW in [0,1] at this scale's size, detached
};

} // namespace deepart
