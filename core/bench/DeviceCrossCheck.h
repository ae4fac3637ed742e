#pragma once

#include "ComputeDevice.h"
#include "Precision.h"

#include <ostream>
#include <string>
#include <vector>

namespace deepart {

// The same run (seed settings, random VGG-19 weights and images from fixed seeds) on the CPU in
// fp32, the reference, and on another device or precision, compared loss by loss over its first
// iterations: how a new device path (CUDA) is shown to compute what the CPU computes. Only the
// first few iterations are compared, because with random weights the optimization is chaotic
// after that and trajectories part for any difference in the last bits.
struct CrossCheckOptions {
    int size = 64;      // square images of this side
    int iterations = 3; // compared
    int threads = 0;    // the CPU reference's LibTorch threads; 0: one per hardware thread
    DeviceChoice device = DeviceChoice::Auto;
    Precision precision = Precision::Fp32; // of the run under test (fp32 on CUDA: TF32 off)
};

struct CrossCheckTerm {
    std::string name; // "total", "content", "style", "tv"
    double reference = 0.0;
    double tested = 0.0;
    double relativeError = 0.0; // |tested - reference| / |reference| (near 0: / total)
};

struct CrossCheckRow {
    int iteration = 0; // 1-based: the losses of the image before that iteration's update
    std::vector<CrossCheckTerm> terms;
};

struct CrossCheckResult {
    std::string referenceText; // "CPU, 2 threads, fp32"
    std::string testedText;    // "CUDA device 0 (1 visible), fp32"
    std::vector<CrossCheckRow> rows;
    double maxRelativeError = 0.0;   // over every term of every row
    double maxImageDifference = 0.0; // the images after the last compared iteration, max |a - b|
};

// Runs both and prints a table of every term to `out`. Throws deepart::Error when either run
// cannot start (no CUDA device, a precision the device cannot run) or does not finish.
CrossCheckResult crossCheckAgainstCpu(const CrossCheckOptions& options, std::ostream& out);

} // namespace deepart
