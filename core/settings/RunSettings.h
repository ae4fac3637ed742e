#pragma once

#include "StyleSource.h"
#include "TransferSettings.h"

#include <string>
#include <vector>

namespace deepart {

// Everything that defines a run, as the settings schema stores it: the inputs and the engine's
// settings. The preset is not stored apart: it is whichever preset the settings match
// (matchingPreset), so that the two can never disagree.
struct RunSettings {
    std::string contentPath; // as given; the schema keeps what the user chose
    std::vector<StyleSource> styles;
    std::string initImagePath; // the starting image, for InitMode::Image
    TransferSettings transfer;

    bool operator==(const RunSettings& o) const {
        return contentPath == o.contentPath && styles == o.styles &&
               initImagePath == o.initImagePath && transfer == o.transfer;
    }
    bool operator!=(const RunSettings& o) const { return !(*this == o); }
};

} // namespace deepart
