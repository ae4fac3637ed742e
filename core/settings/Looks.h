#pragma once

#include "RunSettings.h"

#include <optional>
#include <string>
#include <vector>

namespace deepart {

// Ready-made looks built from the creative controls: whose colours the artwork keeps and how
// large the painting's strokes come out. A look sets the colour mode and every style's scale;
// never the weights, masks or anything the presets (Presets.h) set.
//  - painting-colors: the painting's colours, its strokes at their size (the seed's look);
//  - photo-colors: the photo's colours, the painting's strokes (luminance-only transfer);
//  - photo-palette: the painting recoloured with the photo's palette first (colour match);
//  - bold-strokes: style images at half the output's size: strokes twice as large;
//  - fine-strokes: style images at twice the output's size: strokes half as large.
enum class Look { PaintingColors, PhotoColors, PhotoPalette, BoldStrokes, FineStrokes, Custom };

// The spellings of settings files and the command line (Spelling.h), from the one table of
// looks in Looks.cpp that also holds their names, descriptions and choices.
const std::vector<Spelling<Look>>& spellings(Look);
const std::vector<Look>& allLooks(); // without Custom
const char* toString(Look look);     // "photo-colors"
std::optional<Look> lookFromString(const std::string& text);
const char* displayName(Look look); // "Photo's colours"
const char* describe(Look look);    // one sentence for tooltips and --help

// Custom changes nothing.
void applyLook(RunSettings& settings, Look look);
// The look whose choices the settings carry (every style at the look's scale), or Custom.
Look matchingLook(const RunSettings& settings);

} // namespace deepart
