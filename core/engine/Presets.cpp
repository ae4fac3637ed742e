#include "Presets.h"

#include <algorithm>
#include <cmath>

namespace deepart {

namespace {

struct Route {
    OptimizerKind optimizer;
    AdamOptions adam;
    LbfgsOptions lbfgs;
    std::vector<ScaleStep> scales;
};

// Scales as fractions of the output size, coarsest first, none under 64 px.
std::vector<ScaleStep> pyramid(int outputSize, const std::vector<std::pair<double, int>>& steps) {
    std::vector<ScaleStep> scales;
    for (const auto& [fraction, iterations] : steps) {
        const int size = static_cast<int>(std::lround(outputSize * fraction));
        if (fraction < 1.0 && size < 64)
            continue;
        if (!scales.empty() && size <= scales.back().size)
            continue;
        scales.push_back({size, iterations});
    }
    return scales;
}

Route route(Preset preset, int outputSize) {
    Route r{OptimizerKind::Adam, AdamOptions{}, LbfgsOptions{}, {{outputSize, 1000}}};
    switch (preset) {
    case Preset::Seed:
    case Preset::Custom:
        break;
    case Preset::Fast:
        r.adam.learningRate = 0.05;
        r.adam.finalLearningRate = 0.005;
        r.scales = {{outputSize, 200}};
        break;
    case Preset::Fine:
        r.adam.learningRate = 0.05;
        r.adam.finalLearningRate = 0.002;
        r.scales = pyramid(outputSize, {{0.5, 300}, {1.0, 600}});
        break;
    }
    return r;
}

} // namespace

const char* toString(Preset preset) {
    switch (preset) {
    case Preset::Seed:
        return "seed";
    case Preset::Fast:
        return "fast";
    case Preset::Fine:
        return "fine";
    case Preset::Custom:
        return "custom";
    }
    return "custom";
}

std::optional<Preset> presetFromString(const std::string& text) {
    for (Preset p : {Preset::Seed, Preset::Fast, Preset::Fine, Preset::Custom})
        if (text == toString(p))
            return p;
    return std::nullopt;
}

void applyPreset(TransferSettings& settings, Preset preset) {
    if (preset == Preset::Custom)
        return;
    const Route r = route(preset, settings.outputSize());
    settings.optimizer = r.optimizer;
    settings.adam = r.adam;
    settings.lbfgs = r.lbfgs;
    settings.scales = r.scales;
}

Preset matchingPreset(const TransferSettings& settings) {
    for (Preset p : {Preset::Seed, Preset::Fast, Preset::Fine}) {
        TransferSettings candidate = settings;
        applyPreset(candidate, p);
        if (candidate == settings)
            return p;
    }
    return Preset::Custom;
}

} // namespace deepart
