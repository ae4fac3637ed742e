#pragma once

#include <cstdint>
#include <string>
#include <utility>
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
};

enum class InitMode { Content, Noise, Blend };
enum class Pooling { Max, Average };

struct StyleLayer {
    std::string name;
    double weight = 0.0;
};

// Everything that defines one style-transfer run except the images, the weights and the device.
// The defaults are the seed's (Gatys et al. as in the original TensorFlow notebook).
struct TransferSettings {
    LossWeights lossWeights;
    int iterations = 1000;
    int saveEvery = 200;
    double learningRate = 0.02;
    double beta1 = 0.99;
    double beta2 = 0.999;
    double epsilon = 0.1;
    InitMode init = InitMode::Content;
    double noiseRatio = 0.6;
    std::uint64_t seed = 0;
    Pooling pooling = Pooling::Max;
    std::string contentLayer = "block5_conv2";
    std::vector<StyleLayer> styleLayers = {{"block1_conv1", 0.2},
                                           {"block2_conv1", 0.2},
                                           {"block3_conv1", 0.2},
                                           {"block4_conv1", 0.2},
                                           {"block5_conv1", 0.2}};
};

// What one optimizer step measured. The losses are the weighted terms of the forward pass of this
// step, i.e. for the image after (iteration - 1) updates.
struct IterationStats {
    int iteration = 0;
    double total = 0.0;
    double content = 0.0;
    double style = 0.0;
    double tv = 0.0;
    double milliseconds = 0.0;
};

const char* toString(InitMode mode);
const char* toString(Pooling pooling);

} // namespace deepart
