#include "ProgressReporter.h"

#include "DurationText.h"

#include <cmath>
#include <cstdio>
#include <string>

namespace deepart {

ProgressReporter::ProgressReporter(int totalIterations, bool interactive, std::ostream& out)
    : total_(totalIterations), interactive_(interactive), out_(out),
      start_(std::chrono::steady_clock::now()) {}

std::string ProgressReporter::statusText(const IterationStats& stats) const {
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const double rate = elapsed > 0.0 ? stats.iteration / elapsed : 0.0;
    const double eta = rate > 0.0 ? (total_ - stats.iteration) / rate : 0.0;
    char text[200];
    std::snprintf(text, sizeof text,
                  "%d/%d  %.2f it/s  loss %.4g (content %.3g, style %.3g, tv %.3g)  ETA %s",
                  stats.iteration, total_, rate, stats.total, stats.content, stats.style, stats.tv,
                  formatDuration(eta).c_str());
    return text;
}

void ProgressReporter::update(const IterationStats& stats) {
    const int percent = total_ > 0 ? stats.iteration * 100 / total_ : 100;
    if (interactive_) {
        // Redrawing more than ~10 times a second only costs time on slow terminals.
        const auto now = std::chrono::steady_clock::now();
        if (drawn_ && stats.iteration < total_ && now - lastDraw_ < std::chrono::milliseconds(100))
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
    const int tenth = total_ > 0 ? stats.iteration * 10 / total_ : 10;
    if (tenth > lastTenth_) {
        lastTenth_ = tenth;
        out_ << percent << "%  " << statusText(stats) << '\n' << std::flush;
    }
}

void ProgressReporter::finish() {
    if (interactive_ && drawn_)
        out_ << '\n' << std::flush;
    drawn_ = false;
}

} // namespace deepart
