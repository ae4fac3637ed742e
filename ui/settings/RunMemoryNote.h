#pragma once

#include "TransferSettings.h"

#include <QSize>
#include <QString>

#include <cstdint>

namespace deepart {

// One line, before Start, on how the next run will use memory and time: whole, or tiled (how
// many tiles of what size) when it does not fit whole, with the estimated memory and seconds per
// iteration; or why it cannot run at all. Computed by the engine's planRunMemory for the real
// VGG-19 (80 MB of weights) and styles at scale 1. `content`: the photo's size (its aspect sets
// the output's), empty when none is loaded yet (then square). `availableBytes` < 0: what the
// system has available now. Any thread.
QString runMemoryNote(const TransferSettings& settings, QSize content,
                      std::int64_t availableBytes = -1);

} // namespace deepart
