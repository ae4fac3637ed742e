#pragma once

#include "TransferSettings.h"

#include <QFile>

#include <string>

namespace deepart {

// The --log-json file: one compact JSON object per iteration,
// {"iteration": k, "total": .., "content": .., "style": .., "tv": .., "ms": ..}, flushed line by
// line so a crashed or interrupted run keeps its log.
class IterationLog {
public:
    // Throws deepart::Error when the file cannot be created.
    explicit IterationLog(const std::string& path);
    void append(const IterationStats& stats);

private:
    QFile file_;
};

} // namespace deepart
