#pragma once

#include "StyleSource.h"
#include "TransferSettings.h"
#include "VideoSettings.h"

#include <optional>
#include <string>
#include <vector>

namespace deepart {

// Everything that defines a run, as the settings schema stores it: the inputs and the engine's
// settings. The preset is not stored apart: it is whichever preset the settings match
// (matchingPreset), so that the two can never disagree.
struct RunSettings {
    std::string contentPath; // as given; the schema keeps what the user chose (a video's clip)
    std::vector<StyleSource> styles;
    std::string initImagePath; // the starting image, for InitMode::Image
    TransferSettings transfer;
    // A video run: `contentPath` is a clip, stylized frame by frame with these settings.
    std::optional<VideoSettings> video;

    bool operator==(const RunSettings& o) const {
        return contentPath == o.contentPath && styles == o.styles &&
               initImagePath == o.initImagePath && transfer == o.transfer && video == o.video;
    }
    bool operator!=(const RunSettings& o) const { return !(*this == o); }
};

} // namespace deepart
