#pragma once

#include "TimelapseWriter.h"

#include <QImage>
#include <QString>
#include <QStringList>

#include <functional>

namespace deepart {

// A run's time-lapse from what the workspace kept of it: the preview frames and snapshots, in
// iteration order (Workspace::framesOf). Images are read one at a time, so a long run costs no
// more memory than a short one. `progress` gets (done, total) and returns false to cancel.
// Returns the error in the user's words, or "" (after a cancel or an error no file is left
// under `path`). GUI thread or any other.
QString exportTimelapse(const QStringList& frames, const QString& path,
                        const TimelapseOptions& options,
                        const std::function<bool(int, int)>& progress = {});

} // namespace deepart
