#pragma once

#include "RunControl.h"
#include "RunEvents.h"
#include "StyleImage.h"
#include "TransferSettings.h"
#include "Vgg19Weights.h"

#include <torch/types.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace deepart {

// Video, for a frame after the first: an earlier stylized frame carried into this one along the
// optical flow, and where that can be trusted (TemporalLoss).
struct TemporalTarget {
    torch::Tensor warped; // 1x3xHxW RGB in [0,1] at the content's size
    torch::Tensor mask;   // 1x1xHxW in [0,1]
};

// A run, ready to go: the network's weights (validated), the images at the output size, the
// settings. Front ends (CLI, window, benchmark) load files and fill this in (RunInputs does it
// from the settings schema).
struct RunPlan {
    Vgg19Weights weights;
    torch::Tensor content; // 1x3xHxW RGB in [0,1]; its longer side is the output size
    std::vector<StyleImage> styles;
    torch::Tensor initImage; // InitMode::Image: 1x3xHxW RGB in [0,1] at the content's size
    TransferSettings settings;
    // Video: the objective's "temporal" term, over these targets with this weight (none: no
    // such term). At a coarser scale they are scaled down with the content.
    std::vector<TemporalTarget> temporalTargets;
    double temporalWeight = 0.0;
    // Memory the run may take on the CPU; unset: what the system has available. A run whose
    // estimate exceeds it is refused before anything is allocated.
    std::optional<std::int64_t> memoryLimitBytes;
};

// What a run reports while it goes; every callback is called on the running thread, and each
// may be empty.
struct RunSink {
    std::function<void(const RunStarted&)> started;
    // After every iteration, with the image after it (detached, on the run's device, at this
    // scale's size): front ends decide whether it becomes a preview.
    std::function<void(const IterationStats&, const torch::Tensor& image)> iteration;
    std::function<void(const RunSnapshot&)> snapshot;
    // Tiled evaluation only: before each tile of each pass within an iteration.
    std::function<void(const TileProgress&)> tile;
    // The run has stopped on a pause, after `completedIterations`; every iteration callback
    // before it has been made.
    std::function<void(int completedIterations)> paused;
};

enum class RunOutcome { Finished, Cancelled, Failed };

struct RunResult {
    RunOutcome outcome = RunOutcome::Finished;
    std::string message; // why it failed, in the user's words
    int completedIterations = 0;
    IterationStats lastStats; // of the last good iteration
    LossWeights lossWeights;  // as they were at the end
    // The last good image, at the output size (a run stopped at a coarser scale is scaled up),
    // on the CPU.
    torch::Tensor image;
};

// Runs a style transfer from start to finish (ColorMode applied to the inputs first, and to every
// image it reports): scale after scale (each starting from the
// previous result scaled up, bicubic), one optimizer iteration at a time, reading `control`
// between iterations (and between network layers while preparing, so a stop is quick even at
// large sizes). A non-finite loss ends the run as Failed with the last good image. Throws
// deepart::Error for unusable settings or images and, on the CPU, for a run whose memory
// estimate exceeds what is available even in tiles (a run too large to evaluate whole is tiled,
// see planRunMemory); other exceptions (out of memory) pass through.
RunResult runStyleTransfer(const RunPlan& plan, RunControl& control, const RunSink& sink);

} // namespace deepart
