#include "ProgressReporter.h"

#include "DurationText.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace deepart {

ProgressReporter::ProgressReporter(bool interactive, std::ostream& out)
    : interactive_(interactive), out_(out), start_(std::chrono::steady_clock::now()),
      lastTileLine_(start_) {}

std::string ProgressReporter::statusText(const IterationStats& stats) const {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0.0 ? stats.iteration / elapsed : 0.0;
    // Iterations at coarse scales are cheap: the remaining time follows the work (pixels), not
    // the iteration count.
    const double eta =
        stats.progress > 0.0 ? elapsed * (1.0 - stats.progress) / stats.progress : 0.0;
    char text[240];
    std::snprintf(text, sizeof text,
                  "%d/%d @%dpx  %.2f it/s  loss %.4g (content %.3g, style %.3g, tv %.3g)  ETA %s",
                  stats.iteration, stats.totalIterations, stats.size, rate, stats.total,
                  stats.content(), stats.style(), stats.tv(), formatDuration(eta).c_str());
    return text;
}

void ProgressReporter::update(const IterationStats& stats) {
    const int total = stats.totalIterations;
    const int percent = total > 0 ? stats.iteration * 100 / total : 100;
    if (interactive_) {
        // Redrawing more than ~10 times a second only costs time on slow terminals.
        const auto now = std::chrono::steady_clock::now();
        if (drawn_ && stats.iteration < total && now - lastDraw_ < std::chrono::milliseconds(100))
            return;
        lastDraw_ = now;
        drawn_ = true;
        constexpr int kWidth = 24;
        const int filled = percent * kWidth / 100;
        out_ << "\r\033[K[" << std::string(static_cast<size_t>(filled), '#')
             << std::string(static_cast<size_t>(kWidth - filled), '.') << "] " << percent << "%  "
             << statusText(stats) << std::flush;
        return;
    }
    const int tenth = total > 0 ? stats.iteration * 10 / total : 10;
    if (tenth > lastTenth_) {
        lastTenth_ = tenth;
        out_ << percent << "%  " << statusText(stats) << '\n' << std::flush;
    }
}

void ProgressReporter::tile(const TileProgress& progress) {
    const auto now = std::chrono::steady_clock::now();
    char text[160];
    std::snprintf(text, sizeof text, "iteration %d: %s tile %d/%d", progress.iteration,
                  progress.pass == 1 ? "measuring" : "gradient of", progress.tile + 1,
                  progress.tiles);
    if (interactive_) {
        if (now - lastDraw_ < std::chrono::milliseconds(100))
            return;
        lastDraw_ = now;
        drawn_ = true;
        out_ << "\r\033[K" << text << std::flush;
        return;
    }
    if (now - lastTileLine_ < std::chrono::seconds(30))
        return;
    lastTileLine_ = now;
    out_ << text << '\n' << std::flush;
}

void ProgressReporter::finish() {
    if (interactive_ && drawn_)
        out_ << '\n' << std::flush;
    drawn_ = false;
}

} // namespace deepart
