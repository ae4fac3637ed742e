#pragma once

#include "CliOptions.h"
#include "RunSettings.h"
#include "Vgg19Weights.h"

#include <string>

namespace deepart {

// How a job ended: the exit code it stands for (0 done, 1 failed, 130 interrupted) and one line
// for the user ("wrote 'art.png'", or what went wrong and where the image so far is).
struct CliJobResult {
    int exitCode = 0;
    std::string message;
};

// The weights file: --weights, else the weights store, else the Keras cache. Throws
// deepart::Error naming where it looked.
std::string resolveWeightsPath(const CliOptions& o);

// Checks, before anything is loaded, that a job's files can be written: the output, the snapshot
// folder (created when missing) and the time-lapse. Throws deepart::Error naming the file.
void prepareJobOutputs(const CliOptions& o, const RunSettings& run, const std::string& outputPath);

// One style transfer as deepart-cli runs it, for a single run and for each job of a batch:
// `run`'s images read, the run with progress on stderr, the snapshots, log and time-lapse that
// `o` asks for, and the result saved to `outputPath` (an interrupted run's image as
// <name>-interrupted.<ext>, a failed one's last good image as <name>-last-good.<ext>; the
// time-lapse of what was recorded is finished in both cases). Ctrl-C (CliInterrupt) stops it.
// Throws deepart::Error for unreadable inputs and unwritable outputs; nothing is then left under
// the output's or the time-lapse's name.
CliJobResult runCliJob(const CliOptions& o, const RunSettings& run, const std::string& outputPath,
                       const Vgg19Weights& weights);

} // namespace deepart
