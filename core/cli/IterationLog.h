#pragma once

#include "RunEvents.h"

#include <QFile>

#include <string>

namespace deepart {

// The --log-json file: one compact JSON object per iteration, {"iteration": k, "total": ..,
// one key per loss term ("content", "style", "tv"), "ms": .., "size": longer side at that
// iteration, "evaluations": forward/backward passes so far; for a video also "temporal" after
// the first frame, and "frame": the clip's frame, whose iterations count from 1}, flushed line by
// line so a crashed or interrupted run keeps its log.
class IterationLog {
public:
    // Throws deepart::Error when the file cannot be created.
    explicit IterationLog(const std::string& path);
    // `frame` > 0: the video frame the iteration belongs to.
    void append(const IterationStats& stats, int frame = 0);

private:
    QFile file_;
};

} // namespace deepart
