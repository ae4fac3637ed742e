#include "ScalePlan.h"

#include "Error.h"
#include "SettingsLimits.h"

#include <algorithm>
#include <cmath>

namespace deepart {

namespace {
int scaled(int length, double factor) {
    return static_cast<int>(std::lround(length * factor));
}
} // namespace

ScalePlan::ScalePlan(const std::vector<ScaleStep>& scales, int contentWidth, int contentHeight,
                     const std::vector<PixelSize>& styles) {
    if (scales.empty())
        throw Error("at least one scale is needed");
    const int longer = std::max(contentWidth, contentHeight);
    if (scales.back().size != longer)
        throw Error("the last scale (" + std::to_string(scales.back().size) +
                    " px) must be the output size (" + std::to_string(longer) + " px)");
    int previous = 0;
    for (size_t i = 0; i < scales.size(); ++i) {
        const ScaleStep& step = scales[i];
        if (step.size <= previous)
            throw Error("scale sizes must increase: " + std::to_string(step.size) +
                        " px comes after " + std::to_string(previous) + " px");
        if (step.iterations < 1)
            throw Error("the " + std::to_string(step.size) +
                        " px scale needs at least one iteration");
        previous = step.size;
        const double factor = static_cast<double>(step.size) / longer;
        ScaleStage stage;
        stage.index = static_cast<int>(i);
        stage.width = i + 1 == scales.size() ? contentWidth : scaled(contentWidth, factor);
        stage.height = i + 1 == scales.size() ? contentHeight : scaled(contentHeight, factor);
        const bool last = i + 1 == scales.size();
        for (const PixelSize& style : styles)
            stage.styles.push_back(
                last ? style
                     : PixelSize{scaled(style.width, factor), scaled(style.height, factor)});
        if (std::min(stage.width, stage.height) < kMinImageSide)
            throw Error("at the " + std::to_string(step.size) + " px scale the content would be " +
                        std::to_string(stage.width) + " x " + std::to_string(stage.height) +
                        " px; every scale needs at least 16 px on each side");
        for (size_t k = 0; k < stage.styles.size(); ++k)
            if (std::min(stage.styles[k].width, stage.styles[k].height) < kMinImageSide)
                throw Error("at the " + std::to_string(step.size) + " px scale style image " +
                            std::to_string(k + 1) + " would be " +
                            std::to_string(stage.styles[k].width) + " x " +
                            std::to_string(stage.styles[k].height) +
                            " px; every scale needs at least 16 px on each side (raise its "
                            "style scale or drop the coarsest scale)");
        stage.iterations = step.iterations;
        stage.firstIteration = totalIterations_;
        totalIterations_ += step.iterations;
        totalWork_ += static_cast<double>(stage.width) * stage.height * step.iterations;
        stages_.push_back(stage);
    }
}

double ScalePlan::progressAfter(int iteration) const {
    double work = 0.0;
    for (const auto& stage : stages_) {
        const int done = std::clamp(iteration - stage.firstIteration, 0, stage.iterations);
        work += static_cast<double>(stage.width) * stage.height * done;
    }
    return totalWork_ > 0.0 ? work / totalWork_ : 1.0;
}

} // namespace deepart
