#pragma once

#include "ComputeDevice.h"
#include "Presets.h"

#include <optional>
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
    // Unset: the preset's (seed: fp32; fast and fine: auto).
    std::optional<Precision> precision;
    // With a preset other than seed, each size runs that preset's scales, every coarser scale
    // cut to `warmup` iterations, and the timings are those of the last (output) scale.
    Preset preset = Preset::Seed;
    // Creative controls, to measure what they cost: random style images blended with equal
    // weights; with `regions`, each style in its own vertical band of the image (a mask each);
    // the colour mode.
    int styles = 1;
    bool regions = false;
    ColorMode colors = ColorMode::None;
    // TransferSettings::tileSize: 0 whole when it fits (tiles when not), else tiles of this size.
    int tileSize = 0;
    // Memory the run may take, in MiB (RunPlan::memoryLimitBytes); 0: what is available. A
    // budget below what a size needs whole makes the run tiled, in the largest tiles that fit.
    long long memoryLimitMiB = 0;
    // Above 0: instead of timing, compare this many iterations of the first size on the device
    // against the CPU in fp32 (DeviceCrossCheck.h), failing above `tolerance` relative error.
    int crossCheck = 0;
    double tolerance = 1e-3;
};

struct BenchmarkResult {
    int size = 0;
    double medianMs = 0.0;
    double meanMs = 0.0;
    double peakRssMiB = 0.0;
    double estimateMiB = 0.0; // the run driver's memory estimate for the same run
    int tiles = 1;            // tiles at the output size (1: whole)
};

// Reads deepart-bench's arguments; throws std::invalid_argument with a usage sentence.
BenchmarkOptions parseBenchmarkArguments(const std::vector<std::string>& arguments);

// Times iterations of the full algorithm through the run driver (the same loop as the CLI and
// the window) on random VGG-19 weights and random square images, one size after another, and
// prints a table to `out`. Peak RSS is the process's, so measure one size per process for
// memory figures.
std::vector<BenchmarkResult> runEngineBenchmark(const BenchmarkOptions& options, std::ostream& out);

} // namespace deepart
