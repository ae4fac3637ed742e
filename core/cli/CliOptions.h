#pragma once

#include "ComputeDevice.h"
#include "TransferSettings.h"

#include <QStringList>

#include <optional>
#include <string>

namespace deepart {

// Everything deepart-cli was asked to do.
struct CliOptions {
    std::string contentPath;
    std::string stylePath;
    std::string outputPath = "deepart.png";
    std::string weightsPath; // empty: the weights store
    std::string snapshotDir; // empty: the output's folder
    std::string logJsonPath;
    int size = 512;
    int threads = 0; // 0: all cores
    DeviceChoice device = DeviceChoice::Auto;
    bool quiet = false;
    bool fetchWeights = false;
    TransferSettings transfer;
};

// The outcome of reading the command line: options to run with, or a reason to stop now (help or
// version text for stdout with exit 0, or a usage error for stderr with exit 2).
struct CliParseResult {
    std::optional<CliOptions> options;
    std::string message;
    int exitCode = 0;
};

// Parses `arguments` (argv, program name first) with QCommandLineParser. Every value is checked
// here, so that a bad flag never costs a weights load or an image decode.
CliParseResult parseCliArguments(const QStringList& arguments);

} // namespace deepart
