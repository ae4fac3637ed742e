#pragma once

namespace deepart {

// The ranges a run's settings may take: one home for every front end (the window's boxes, the
// command line, settings files) and for the engine's own checks, so that what one accepts the
// others accept too.

// An image side, for each scale, the output and a style at its style scale. Below 16 px VGG-19's
// fourth pooling leaves nothing to measure.
constexpr int kMinImageSide = 16;
// Front ends refuse larger sizes before loading anything.
constexpr int kMaxImageSide = 16384;

// Iterations at one scale.
constexpr int kMaxIterations = 1'000'000;

// L-BFGS's gradient pairs kept.
constexpr int kMaxHistorySize = 1000;

// Iterations between two snapshots (0: never) and between two previews.
constexpr int kMaxSnapshotEvery = 1'000'000;
constexpr int kMaxPreviewInterval = 1'000'000;

// A video's frames are numbered from 1 (first frame, frame count); its temporal weight is the
// paper's gamma (200 by default).
constexpr int kMaxFrameNumber = 10'000'000;
constexpr double kMaxTemporalWeight = 1e9;

// The smallest tile core a run takes (a tile's halo is 96 px at block 5 on each side: smaller
// cores would spend most of the work on halos). 0 means automatic.
constexpr int kMinTileSize = 64;

} // namespace deepart
