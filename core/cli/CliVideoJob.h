#pragma once

#include "CliJob.h"
#include "CliOptions.h"
#include "Vgg19Weights.h"

namespace deepart {

// deepart-cli --video: the clip stylized frame by frame (stylizeVideo) with a line per frame on
// stderr (its time and what is left) and each frame's iterations as a single run shows them.
// Ctrl-C (CliInterrupt) stops it: the frames done are kept and the same command goes on from
// there (exit 130). Throws deepart::Error for unreadable inputs and unwritable outputs.
CliJobResult runCliVideo(const CliOptions& o, const Vgg19Weights& weights);

} // namespace deepart
