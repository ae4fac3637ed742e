#include "Presets.h"

#include <algorithm>

namespace deepart {

namespace {

struct Route {
    OptimizerKind optimizer;
    AdamOptions adam;
    LbfgsOptions lbfgs;
    std::vector<ScaleStep> scales;
    Precision precision;
};

// 512 px with 400 iterations, then doublings up to the output, each with a third of the
// iterations before it (at least 10).
std::vector<ScaleStep> printScales(int outputSize) {
    constexpr int kBaseSize = 512;
    constexpr int kBaseIterations = 400;
    std::vector<int> sizes{outputSize};
    while (sizes.front() / 2 >= kBaseSize)
        sizes.insert(sizes.begin(), sizes.front() / 2);
    std::vector<ScaleStep> scales;
    int iterations = kBaseIterations;
    for (int size : sizes) {
        scales.push_back({size, iterations});
        iterations = std::max(10, iterations / 3);
    }
    return scales;
}

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
    case Preset::Print:
        r.adam = scheduled;
        r.scales = printScales(outputSize);
        r.precision = Precision::Auto;
        break;
    }
    return r;
}

} // namespace

std::string presetNames() {
    std::string names;
    for (Preset p : allValues<Preset>())
        if (p != Preset::Custom)
            names += (names.empty() ? "" : ", ") + std::string(toString(p));
    return names;
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
    for (Preset p : allValues<Preset>()) {
        TransferSettings candidate = settings;
        applyPreset(candidate, p);
        if (candidate == settings)
            return p;
    }
    return Preset::Custom;
}

} // namespace deepart
