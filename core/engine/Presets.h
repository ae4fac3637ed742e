#pragma once

#include "TransferSettings.h"

#include <optional>
#include <string>

namespace deepart {

// Ready-made routes to an artwork. A preset sets the optimizer, its options, the scales, the
// iterations and the precision; never the loss weights, layers or pooling, which define the
// artwork itself.
//  - seed: the original notebook: 1000 Adam iterations at the output size, learning rate 0.02,
//    strict fp32.
//  - fast: the quickest route found to the seed's final loss: 600 Adam iterations with a
//    warm-up and a decaying rate (README, Performance).
//  - fine: the same schedule over 1000 iterations: the seed's time, a lower loss. Adam keeps
//    memory low for large outputs (L-BFGS's history grows with the image).
//  - print: for print sizes: coarse to fine from 512 px, where most of the work is done (the
//    usual practice with real weights), with few iterations at each larger scale (400 at 512,
//    then a third as many at each doubling, at least 10); large scales are tiled when they do not
//    fit in memory (TransferSettings::tileSize stays automatic).
// fast, fine and print run the network in Precision::Auto (bf16 where it is fast).
enum class Preset { Seed, Fast, Fine, Print, Custom };

// The spellings of settings files and the command line.
constexpr std::array<Spelling<Preset>, 5> spellings(Preset) {
    return {{{Preset::Seed, "seed"},
             {Preset::Fast, "fast"},
             {Preset::Fine, "fine"},
             {Preset::Print, "print"},
             {Preset::Custom, "custom"}}};
}
inline const char* toString(Preset preset) {
    return spell(preset);
}
inline std::optional<Preset> presetFromString(const std::string& text) {
    return parseSpelling<Preset>(text);
}
// The presets a user can name, for messages and help: "seed, fast, fine, print".
std::string presetNames();

// Applies `preset` for the settings' current output size. Custom changes nothing.
void applyPreset(TransferSettings& settings, Preset preset);

// The preset whose choices the settings carry, or Custom.
Preset matchingPreset(const TransferSettings& settings);

} // namespace deepart
