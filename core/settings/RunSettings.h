#pragma once

#include "TransferSettings.h"

#include <string>

namespace deepart {

// Everything that defines a run, as the settings schema stores it: the inputs and the engine's
// settings. The preset is not stored apart: it is whichever preset the settings match
// (matchingPreset), so that the two can never disagree.
struct RunSettings {
    std::string contentPath; // as given; the schema keeps what the user chose
    std::string stylePath;
    TransferSettings transfer;

    bool operator==(const RunSettings& o) const {
        return contentPath == o.contentPath && stylePath == o.stylePath && transfer == o.transfer;
    }
    bool operator!=(const RunSettings& o) const { return !(*this == o); }
};

} // namespace deepart
