#include "RunMemoryNote.h"

#include "DurationText.h"
#include "Error.h"
#include "MemoryEstimate.h"
#include "RunPreparation.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace deepart {

namespace {

constexpr std::int64_t kRealWeightsBytes = 80'000'000;

QString tr(const char* text) {
    return QCoreApplication::translate("RunMemoryNote", text);
}

} // namespace

QString runMemoryNote(const TransferSettings& settings, QSize content,
                      std::int64_t availableBytes) {
    const int side = settings.outputSize();
    if (side <= 0)
        return {};
    int width = side;
    int height = side;
    if (content.width() > 0 && content.height() > 0) {
        const double aspect = static_cast<double>(content.width()) / content.height();
        if (aspect >= 1.0)
            height = std::max(16, static_cast<int>(std::lround(side / aspect)));
        else
            width = std::max(16, static_cast<int>(std::lround(side * aspect)));
    }
    const std::int64_t available = availableBytes < 0 ? availableMemoryBytes() : availableBytes;
    try {
        const int deepest = deepestLayer(settings); // throws for a layer name it does not know
        const MemoryPlan plan = planRunMemory(settings, width, height, width, height,
                                              kRealWeightsBytes, available, 0, deepest);
        const QString memory = QString::fromStdString(formatBytes(plan.estimate.bytes));
        const double seconds = estimateSecondsPerIteration(plan, width, height, deepest);
        // "about 3m 20s an iteration", or "under a second an iteration" (no "about" there).
        const QString time =
            seconds < 1.0 ? tr("under a second")
                          : tr("about %1").arg(QString::fromStdString(formatDuration(seconds)));
        if (!plan.tiled())
            return tr("%1 × %2 px: about %3 of memory, %4 an iteration.")
                .arg(width)
                .arg(height)
                .arg(memory, time);
        // Whether the tiles were asked for or are what fits (the note then says why).
        const QString why =
            settings.tileSize > 0 ? tr("exact, as set in Tiles") : tr("exact; whole would not fit");
        return tr("%1 × %2 px, tiled: %3 tiles of %4 px (%5), about %6 of memory, %7 an "
                  "iteration.")
            .arg(width)
            .arg(height)
            .arg(plan.tiles)
            .arg(plan.tileCoreSize)
            .arg(why, memory, time);
    } catch (const Error& e) {
        return tr("Will not run: %1.").arg(QString::fromUtf8(e.what()));
    }
}

} // namespace deepart
