#include "Looks.h"

#include <algorithm>

namespace deepart {

namespace {

struct LookChoices {
    ColorMode colors;
    double styleScale;
};

LookChoices choicesOf(Look look) {
    switch (look) {
    case Look::PhotoColors:
        return {ColorMode::Luminance, 1.0};
    case Look::PhotoPalette:
        return {ColorMode::Match, 1.0};
    case Look::BoldStrokes:
        return {ColorMode::None, 0.5};
    case Look::FineStrokes:
        return {ColorMode::None, 2.0};
    case Look::PaintingColors:
    case Look::Custom:
        break;
    }
    return {ColorMode::None, 1.0};
}

} // namespace

const std::vector<Look>& allLooks() {
    static const std::vector<Look> looks = {Look::PaintingColors, Look::PhotoColors,
                                            Look::PhotoPalette, Look::BoldStrokes,
                                            Look::FineStrokes};
    return looks;
}

const char* toString(Look look) {
    switch (look) {
    case Look::PaintingColors:
        return "painting-colors";
    case Look::PhotoColors:
        return "photo-colors";
    case Look::PhotoPalette:
        return "photo-palette";
    case Look::BoldStrokes:
        return "bold-strokes";
    case Look::FineStrokes:
        return "fine-strokes";
    case Look::Custom:
        break;
    }
    return "custom";
}

std::optional<Look> lookFromString(const std::string& text) {
    for (Look look : allLooks())
        if (text == toString(look))
            return look;
    if (text == toString(Look::Custom))
        return Look::Custom;
    return std::nullopt;
}

const char* displayName(Look look) {
    switch (look) {
    case Look::PaintingColors:
        return "Painting's colours";
    case Look::PhotoColors:
        return "Photo's colours";
    case Look::PhotoPalette:
        return "Photo's palette";
    case Look::BoldStrokes:
        return "Bold strokes";
    case Look::FineStrokes:
        return "Fine strokes";
    case Look::Custom:
        break;
    }
    return "Custom";
}

const char* describe(Look look) {
    switch (look) {
    case Look::PaintingColors:
        return "The photo painted in the painting's colours and strokes.";
    case Look::PhotoColors:
        return "The photo keeps its own colours; only the painting's strokes and textures are "
               "transferred (luminance only).";
    case Look::PhotoPalette:
        return "The painting is first recoloured with the photo's palette, then transferred.";
    case Look::BoldStrokes:
        return "The painting seen at half the output's size: brush strokes twice as large.";
    case Look::FineStrokes:
        return "The painting seen at twice the output's size: brush strokes half as large "
               "(slower).";
    case Look::Custom:
        break;
    }
    return "Your own choice of colours and style scales.";
}

void applyLook(RunSettings& settings, Look look) {
    if (look == Look::Custom)
        return;
    const LookChoices choices = choicesOf(look);
    settings.transfer.colors = choices.colors;
    for (StyleSource& style : settings.styles)
        style.scale = choices.styleScale;
}

Look matchingLook(const RunSettings& settings) {
    for (Look look : allLooks()) {
        const LookChoices choices = choicesOf(look);
        const bool scales =
            std::all_of(settings.styles.begin(), settings.styles.end(),
                        [&](const StyleSource& s) { return s.scale == choices.styleScale; });
        if (settings.transfer.colors == choices.colors && scales)
            return look;
    }
    return Look::Custom;
}

} // namespace deepart
