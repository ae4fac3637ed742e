#pragma once

#include "TransferSettings.h"

#include <optional>
#include <string>

namespace deepart {

// Ready-made routes to an artwork. A preset sets the optimizer, its options, the scales and
// the iterations; never the loss weights, layers or pooling, which define the artwork itself.
//  - seed: the original notebook: 1000 Adam iterations at the output size, learning rate 0.02.
//  - fast: the quickest route found to the seed's final loss (see README, Performance).
//  - fine: slower, for a lower loss and large outputs.
enum class Preset { Seed, Fast, Fine, Custom };

const char* toString(Preset preset);
std::optional<Preset> presetFromString(const std::string& text);

// Applies `preset` for the settings' current output size. Custom changes nothing.
void applyPreset(TransferSettings& settings, Preset preset);

// The preset whose choices the settings carry, or Custom.
Preset matchingPreset(const TransferSettings& settings);

} // namespace deepart
