#pragma once

#include "Presets.h"
#include "SettingsJson.h"
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>
#include <cstdint>
#include <limits>

namespace deepart {
// QCOMPARE shows a mismatch as the JSON form (found by argument-dependent lookup).
inline char* toString(const RunSettings& settings) {
    return qstrdup(runSettingsToJsonText(settings).constData());
}
} // namespace deepart

using namespace deepart;

// Every field away from its default, with doubles whose shortest form is long or unusual.
inline RunSettings everythingChanged() {
    RunSettings s;
    s.contentPath = "photos/Größe ü/portrait \"1\".jpg";
    s.styles = {{"/abs/painting.png", 0.1 + 0.6, 1.0 / 3.0, "masks/sky.png"},
                {"second.jpg", 2.5, 0.75, ""}};
    s.initImagePath = "earlier/result 12.png";
    TransferSettings& t = s.transfer;
    t.lossWeights.content = 0.1 + 0.2;
    t.lossWeights.style = 1e-300;
    t.lossWeights.tv = 123456.789e10;
    t.scales = {{128, 50}, {300, 77}, {777, 123}};
    t.optimizer = OptimizerKind::Lbfgs;
    t.adam.learningRate = 1.0 / 3.0;
    t.adam.finalLearningRate = 2e-7;
    t.adam.warmupIterations = 37;
    t.adam.beta1 = 0.1 + 0.7;
    t.adam.beta2 = 0.9999999999999999;
    t.adam.epsilon = 5e-324; // the smallest subnormal
    t.lbfgs.learningRate = 0.7;
    t.lbfgs.historySize = 7;
    t.lbfgs.strongWolfe = true;
    t.saveEvery = 33;
    t.init = InitMode::Image;
    t.colors = ColorMode::Luminance;
    t.noiseRatio = 0.123456789012345;
    t.seed = (std::uint64_t{1} << 60) + 3;
    t.pooling = Pooling::Average;
    t.contentLayer = "block4_conv2";
    t.styleLayers = {{"block1_conv2", 0.3 + 0.6}, {"block3_conv4", 1.0 / 7.0}, {"block5_conv3", 0}};
    t.device = DeviceChoice::Cpu;
    t.precision = Precision::Bf16;
    t.tileSize = 256;
    VideoSettings& v = s.video.emplace();
    v.temporalWeight = 0.1 + 0.2;
    v.longTerm = true;
    v.frameIterations = 17;
    v.firstFrame = 5;
    v.frameCount = 12;
    v.framesFolder = "frames/Größe \"2\"";
    return s;
}

inline QString messageOf(const QByteArray& text) {
    try {
        runSettingsFromJsonText(text);
    } catch (const SettingsError& e) {
        return QString::fromStdString(e.what());
    }
    return QString();
}
