#pragma once

#include <string>
#include <utility>

namespace deepart {

// One style image of a run, as the settings schema stores it.
struct StyleSource {
    StyleSource() = default;
    StyleSource(std::string path_, double weight_ = 1.0, double scale_ = 1.0,
                std::string maskPath_ = {})
        : path(std::move(path_)), weight(weight_), scale(scale_), maskPath(std::move(maskPath_)) {}

    std::string path;
    // Blend weight; a run normalizes the weights of its styles to sum 1.
    double weight = 1.0;
    // The style image's longer side is `scale` times the output's: below 1 the painting's brush
    // strokes come out larger, above 1 finer.
    double scale = 1.0;
    // A grayscale image of the content's shape: white where this style applies, black where it
    // does not. Empty: the whole image.
    std::string maskPath;

    bool operator==(const StyleSource& o) const {
        return path == o.path && weight == o.weight && scale == o.scale && maskPath == o.maskPath;
    }
    bool operator!=(const StyleSource& o) const { return !(*this == o); }
};

} // namespace deepart
