#pragma once

#include "ComputeDevice.h"

#include <ostream>
#include <string>
#include <vector>

namespace deepart {

struct BenchmarkOptions {
    std::vector<int> sizes = {128, 256, 512};
    int iterations = 10;
    int warmup = 2;
    int threads = 0;
    DeviceChoice device = DeviceChoice::Auto;
};

struct BenchmarkResult {
    int size = 0;
    double medianMs = 0.0;
    double meanMs = 0.0;
    double peakRssMiB = 0.0;
};

// Reads deepart-bench's arguments; throws std::invalid_argument with a usage sentence.
BenchmarkOptions parseBenchmarkArguments(const std::vector<std::string>& arguments);

// Times Adam iterations of the full algorithm (seed defaults) on random VGG-19 weights and
// random square images, one size after another, and prints a table to `out`.
std::vector<BenchmarkResult> runEngineBenchmark(const BenchmarkOptions& options, std::ostream& out);

} // namespace deepart
