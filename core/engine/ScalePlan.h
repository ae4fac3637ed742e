#pragma once

#include "TransferSettings.h"

#include <vector>

namespace deepart {

struct PixelSize {
    int width = 0;
    int height = 0;

    bool operator==(const PixelSize& o) const { return width == o.width && height == o.height; }
};

// One scale of a run, in pixels.
struct ScaleStage {
    int index = 0;
    int width = 0; // of the content and the generated image
    int height = 0;
    std::vector<PixelSize> styles; // each style image's size at this scale
    int iterations = 0;
    int firstIteration = 0; // iterations done before this scale, across the run
};

// Turns TransferSettings::scales into pixel sizes for given content and style images (all as
// they are at the output scale). Each scale keeps the content's aspect ratio, and the style
// images are scaled in the same proportion as the content, so brush strokes keep their size
// relative to the picture at every scale.
class ScalePlan {
public:
    // Throws deepart::Error when the scales are not increasing, the last is not the content's
    // longer side, a side would fall under 16 px, or a scale has no iterations.
    ScalePlan(const std::vector<ScaleStep>& scales, int contentWidth, int contentHeight,
              const std::vector<PixelSize>& styles);

    const std::vector<ScaleStage>& stages() const { return stages_; }
    int totalIterations() const { return totalIterations_; }
    // Share of the run's work done after `iteration` iterations, each weighted by its scale's
    // pixel count (an iteration's cost is about proportional to it).
    double progressAfter(int iteration) const;

private:
    std::vector<ScaleStage> stages_;
    int totalIterations_ = 0;
    double totalWork_ = 0.0;
};

} // namespace deepart
