#pragma once

#include "JobRequest.h"

#include <QString>

namespace deepart {

// Turns `job` (the window's current settings) into a run that continues from `snapshot`: it
// starts from the snapshot's image, written losslessly into `folder` so that the run's settings
// name a real file (as --init-image does on the command line), and the gallery can show where it
// came from. Returns the error in the user's words, or an empty string.
QString prepareContinuation(const SnapshotInfo& snapshot, const QString& folder, JobRequest& job);

// How the gallery names a snapshot: "R2 #200" (run 2, iteration 200), or "R3 #20 ↳ R2 #200" for
// one of a run that continued from R2 #200.
QString continuationLabel(const SnapshotInfo& snapshot);

} // namespace deepart
