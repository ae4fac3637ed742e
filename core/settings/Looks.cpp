#include "Looks.h"

#include <algorithm>
#include <iterator>

namespace deepart {

namespace {

// One row per look: its spelling, what the window shows, its one-sentence description, and
// the choices it makes.
struct LookEntry {
    Look look;
    const char* name;
    const char* displayName;
    const char* description;
    ColorMode colors;
    double styleScale;
};

constexpr LookEntry kLooks[] = {
    {Look::PaintingColors, "painting-colors", "Painting's colours",
     "The photo painted in the painting's colours and strokes.", ColorMode::None, 1.0},
    {Look::PhotoColors, "photo-colors", "Photo's colours",
     "The photo keeps its own colours; only the painting's strokes and textures are transferred "
     "(luminance only).",
     ColorMode::Luminance, 1.0},
    {Look::PhotoPalette, "photo-palette", "Photo's palette",
     "The painting is first recoloured with the photo's palette, then transferred.",
     ColorMode::Match, 1.0},
    {Look::BoldStrokes, "bold-strokes", "Bold strokes",
     "The painting seen at half the output's size: brush strokes twice as large.", ColorMode::None,
     0.5},
    {Look::FineStrokes, "fine-strokes", "Fine strokes",
     "The painting seen at twice the output's size: brush strokes half as large (slower).",
     ColorMode::None, 2.0},
    {Look::Custom, "custom", "Custom", "Your own choice of colours and style scales.",
     ColorMode::None, 1.0},
};

const LookEntry& entryOf(Look look) {
    const auto* entry = std::find_if(std::begin(kLooks), std::end(kLooks),
                                     [look](const LookEntry& e) { return e.look == look; });
    return entry != std::end(kLooks) ? *entry : kLooks[std::size(kLooks) - 1];
}

} // namespace

const std::vector<Spelling<Look>>& spellings(Look) {
    static const std::vector<Spelling<Look>> table = [] {
        std::vector<Spelling<Look>> rows;
        for (const LookEntry& e : kLooks)
            rows.push_back({e.look, e.name});
        return rows;
    }();
    return table;
}

const std::vector<Look>& allLooks() {
    static const std::vector<Look> looks = [] {
        std::vector<Look> values = allValues<Look>();
        values.erase(std::remove(values.begin(), values.end(), Look::Custom), values.end());
        return values;
    }();
    return looks;
}

const char* toString(Look look) {
    return entryOf(look).name;
}

std::optional<Look> lookFromString(const std::string& text) {
    return parseSpelling<Look>(text);
}

const char* displayName(Look look) {
    return entryOf(look).displayName;
}

const char* describe(Look look) {
    return entryOf(look).description;
}

void applyLook(RunSettings& settings, Look look) {
    if (look == Look::Custom)
        return;
    const LookEntry& choices = entryOf(look);
    settings.transfer.colors = choices.colors;
    for (StyleSource& style : settings.styles)
        style.scale = choices.styleScale;
}

Look matchingLook(const RunSettings& settings) {
    for (Look look : allLooks()) {
        const LookEntry& choices = entryOf(look);
        const bool scales =
            std::all_of(settings.styles.begin(), settings.styles.end(),
                        [&](const StyleSource& s) { return s.scale == choices.styleScale; });
        if (settings.transfer.colors == choices.colors && scales)
            return look;
    }
    return Look::Custom;
}

} // namespace deepart
