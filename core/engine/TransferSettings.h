#pragma once

#include "ComputeDevice.h"
#include "Precision.h"
#include "SettingsLimits.h"
#include "Spelling.h"

#include <cstdint>
#include <string>
#include <vector>

namespace deepart {

// The factors of J = alpha * J_content + beta * J_style + gamma * J_tv. Kept apart from the rest
// of the settings because they may change while a run is going (live steering).
struct LossWeights {
    double content = 1e4;
    double style = 1e-2;
    double tv = 7.5;

    bool operator==(const LossWeights& other) const {
        return content == other.content && style == other.style && tv == other.tv;
    }
    bool operator!=(const LossWeights& other) const { return !(*this == other); }
};

// Image: a given picture (RunPlan::initImage), e.g. an earlier result to continue from; Adam then
// warms up over at least 10 iterations (its moments start afresh, and full-rate first steps would
// undo the picture).
enum class InitMode { Content, Noise, Blend, Image };
enum class Pooling { Max, Average };
enum class OptimizerKind { Adam, Lbfgs };

// Whose colours the artwork keeps (Gatys et al. 2017, "Controlling Perceptual Factors"):
//  - None: the painting's, as in the seed;
//  - Luminance: the content's: the run sees luminance only (the style's shifted and scaled to
//    the content's mean and deviation) and the result's luminance is put back together with the
//    content's chroma (YIQ);
//  - Match: the content's palette: before the run, each style image's colours are mapped to the
//    content's mean and covariance.
enum class ColorMode { None, Luminance, Match };

struct StyleLayer {
    std::string name;
    double weight = 0.0;

    bool operator==(const StyleLayer& o) const { return name == o.name && weight == o.weight; }
};

// Adam as the seed runs it, with an optional schedule at each scale: over the first
// warmupIterations the rate climbs linearly to learningRate (Adam's first steps move every pixel
// by the full rate, which throws a content-initialized image far off), then it moves
// geometrically to finalLearningRate by the scale's last iteration (a decaying step settles where
// a constant one keeps oscillating). The seed: no warm-up, a constant rate.
struct AdamOptions {
    double learningRate = 0.02;
    double finalLearningRate = 0.02;
    int warmupIterations = 0;
    double beta1 = 0.99;
    double beta2 = 0.999;
    double epsilon = 0.1;

    bool operator==(const AdamOptions& o) const {
        return learningRate == o.learningRate && finalLearningRate == o.finalLearningRate &&
               warmupIterations == o.warmupIterations && beta1 == o.beta1 && beta2 == o.beta2 &&
               epsilon == o.epsilon;
    }
};

// torch::optim::LBFGS, one optimizer iteration per run iteration.
struct LbfgsOptions {
    double learningRate = 1.0;
    int historySize = 100;
    bool strongWolfe = false;

    bool operator==(const LbfgsOptions& o) const {
        return learningRate == o.learningRate && historySize == o.historySize &&
               strongWolfe == o.strongWolfe;
    }
};

// One stage of a coarse-to-fine run: the longer side in pixels and the iterations spent there.
struct ScaleStep {
    int size = 512;
    int iterations = 1000;

    bool operator==(const ScaleStep& o) const {
        return size == o.size && iterations == o.iterations;
    }
};

// Everything that defines one style-transfer run except the images and the weights. The
// defaults are the seed's (Gatys et al. as in the original TensorFlow notebook).
struct TransferSettings {
    LossWeights lossWeights;
    // Increasing sizes; the last is the output's longer side. One entry: a single-scale run.
    std::vector<ScaleStep> scales = {ScaleStep{}};
    OptimizerKind optimizer = OptimizerKind::Adam;
    AdamOptions adam;
    LbfgsOptions lbfgs;
    int saveEvery = 200; // a snapshot every n iterations (counted across scales); 0: none
    InitMode init = InitMode::Content;
    ColorMode colors = ColorMode::None;
    double noiseRatio = 0.6;
    std::uint64_t seed = 0;
    Pooling pooling = Pooling::Max;
    std::string contentLayer = "block5_conv2";
    std::vector<StyleLayer> styleLayers = {{"block1_conv1", 0.2},
                                           {"block2_conv1", 0.2},
                                           {"block3_conv1", 0.2},
                                           {"block4_conv1", 0.2},
                                           {"block5_conv1", 0.2}};
    DeviceChoice device = DeviceChoice::Auto;
    // The seed's is strict fp32; the fast and fine presets take Auto (bf16 where it is fast).
    Precision precision = Precision::Fp32;
    // Tiled evaluation (exact, memory bounded by the tile; see Objective): 0 evaluates the whole
    // image when it fits in memory and tiles it when not; a size in pixels always tiles images
    // larger than it, in cores of that size.
    int tileSize = 0;

    int outputSize() const { return scales.empty() ? 0 : scales.back().size; }
    int totalIterations() const;
    // Sets the output size; the coarser scales keep their proportion to it (one that would no
    // longer be smaller than the next is dropped).
    void setOutputSize(int size);
    // Every scale gets `iterations`.
    void setIterationsPerScale(int iterations);

    bool operator==(const TransferSettings& o) const;
    bool operator!=(const TransferSettings& o) const { return !(*this == o); }
};

// The spellings of settings files and the command line.
constexpr std::array<Spelling<InitMode>, 4> spellings(InitMode) {
    return {{{InitMode::Content, "content"},
             {InitMode::Noise, "noise"},
             {InitMode::Blend, "blend"},
             {InitMode::Image, "image"}}};
}
constexpr std::array<Spelling<Pooling>, 2> spellings(Pooling) {
    return {{{Pooling::Max, "max"}, {Pooling::Average, "avg"}}};
}
constexpr std::array<Spelling<OptimizerKind>, 2> spellings(OptimizerKind) {
    return {{{OptimizerKind::Adam, "adam"}, {OptimizerKind::Lbfgs, "lbfgs"}}};
}
constexpr std::array<Spelling<ColorMode>, 3> spellings(ColorMode) {
    return {{{ColorMode::None, "none"},
             {ColorMode::Luminance, "luminance"},
             {ColorMode::Match, "match"}}};
}
inline const char* toString(InitMode mode) {
    return spell(mode);
}
inline const char* toString(Pooling pooling) {
    return spell(pooling);
}
inline const char* toString(OptimizerKind kind) {
    return spell(kind);
}
inline const char* toString(ColorMode mode) {
    return spell(mode);
}

} // namespace deepart
