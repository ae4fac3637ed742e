#pragma once

#include "BatchJobs.h"
#include "ImageEncoding.h"
#include "RunSettings.h"

#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace deepart {

// Everything deepart-cli was asked to do. What defines the run is `run` (the settings schema);
// the rest is about this process and its files.
struct CliOptions {
    // A video run when run.video is set (by --video or the settings file): run.contentPath is
    // then the clip, stylized into the video `outputPath`.
    RunSettings run;
    std::string outputPath = "deepart.png";
    // Bit depth and print resolution of the result image (--bit-depth, --dpi).
    ImageWriteOptions outputFormat;
    std::string weightsPath; // empty: the weights store
    std::string snapshotDir; // empty: the output's folder
    std::string logJsonPath;
    int threads = 0; // 0: all cores
    bool quiet = false;
    bool fetchWeights = false;
    bool printSettings = false;
    // --timelapse: a video of the run, a frame every `timelapseEvery` iterations.
    std::string timelapsePath;
    int timelapseEvery = 10;
    double timelapseFps = 10.0;
    bool timelapseSideBySide = false;
    // A batch (--batch FILE, or --content-dir with --style-dir and --output-dir) instead of one
    // run: the jobs, each with its settings (the flags layered over them, as over --settings) or
    // why it cannot run (`run` is then unused).
    bool batch = false;
    std::vector<BatchJob> jobs;
    std::string outputDir; // of a folder batch: created when missing
    int batchSize = 0;     // jobs in the whole batch (`jobs` may be one shard of them)
    bool skipExisting = false;
};

// The outcome of reading the command line: options to run with, or a reason to stop now (help,
// version or --print-settings text for stdout with exit 0, or a usage error for stderr with
// exit 2).
struct CliParseResult {
    std::optional<CliOptions> options;
    std::string message;
    int exitCode = 0;
};

// Parses `arguments` (argv, program name first) with QCommandLineParser. The settings are built
// in layers: the seed's defaults, then --settings FILE, then --preset, then every other flag
// given explicitly. Every value is checked here, so that a bad flag never costs a weights load
// or an image decode. A batch's jobs file or folders are read here too (an unusable one is a
// usage error); a job that cannot run is kept with its error, for the batch to report.
CliParseResult parseCliArguments(const QStringList& arguments);

} // namespace deepart
