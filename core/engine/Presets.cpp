#include "Presets.h"

namespace deepart {

namespace {

struct Route {
    OptimizerKind optimizer;
    AdamOptions adam;
    LbfgsOptions lbfgs;
    std::vector<ScaleStep> scales;
    Precision precision;
};

Route route(Preset preset, int outputSize) {
    Route r{
        OptimizerKind::Adam, AdamOptions{}, LbfgsOptions{}, {{outputSize, 1000}}, Precision::Fp32};
    // Both other presets use Adam with a schedule: a 20-iteration warm-up to 0.03 (the seed's
    // first steps at full rate throw the content-initialized image far off: the loss triples),
    // then a geometric decay to 0.003 so the end settles instead of oscillating. Measured on
    // random VGG-19 weights (README, Performance): coarse-to-fine and L-BFGS did worse there,
    // so neither is in a preset, but both stay available as settings.
    AdamOptions scheduled;
    scheduled.learningRate = 0.03;
    scheduled.finalLearningRate = 0.003;
    scheduled.warmupIterations = 20;
    switch (preset) {
    case Preset::Seed:
    case Preset::Custom:
        break;
    case Preset::Fast:
        r.adam = scheduled;
        r.scales = {{outputSize, 600}};
        r.precision = Precision::Auto;
        break;
    case Preset::Fine:
        r.adam = scheduled;
        r.scales = {{outputSize, 1000}};
        r.precision = Precision::Auto;
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
    settings.precision = r.precision;
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
