#pragma once

#include "CliOptions.h"

namespace deepart {

// Runs a batch's jobs (CliOptions::jobs) one after the other, with the VGG-19 weights loaded
// once. Each job is reported as it ends; one that fails (an unreadable image, bad settings, a
// loss that turns infinite, out of memory) does not stop the others. Ctrl-C stops the job under
// way (its image so far is saved, as for a single run) and the batch. A summary ends it: how
// many were done, failed or not run, and each job's time. Returns 0 when every job was done, 1
// when any failed, 130 when Ctrl-C stopped the batch. Throws deepart::Error when the weights
// cannot be loaded or the output folder cannot be created.
int runBatch(const CliOptions& o);

} // namespace deepart
