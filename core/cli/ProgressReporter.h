#pragma once

#include "RunEvents.h"

#include <chrono>
#include <ostream>

namespace deepart {

// Progress of a run on a stream (stderr): on a terminal a live bar redrawn in place with
// iteration, it/s, losses and ETA; elsewhere (logs, pipes) one line per 10%.
class ProgressReporter {
public:
    ProgressReporter(bool interactive, std::ostream& out);

    void update(const IterationStats& stats);
    // Within a long (tiled) iteration: the tile under way. On a terminal it replaces the bar's
    // line; elsewhere a line at most every 30 seconds, so a log shows a minutes-long iteration
    // moving without a line per tile.
    void tile(const TileProgress& progress);
    // Ends the live bar's line.
    void finish();

private:
    std::string statusText(const IterationStats& stats) const;

    bool interactive_;
    std::ostream& out_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point lastDraw_;
    std::chrono::steady_clock::time_point lastTileLine_;
    int lastTenth_ = 0;
    bool drawn_ = false;
};

} // namespace deepart
