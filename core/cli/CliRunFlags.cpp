#include "CliRunFlags.h"

#include "CliHelp.h"
#include "CliValues.h"
#include "Looks.h"
#include "Presets.h"
#include "SettingsJson.h"

#include <QCommandLineParser>

#include <limits>

namespace deepart::cli {

namespace {

constexpr std::array<Spelling<bool>, 2> kLineSearch{{{false, "none"}, {true, "strong-wolfe"}}};

// --style (repeated) replaces the styles of a settings file; --look, then --style-blend,
// --style-scale and --style-mask adjust whichever styles there are, in their order.
void readStyles(const QCommandLineParser& parser, RunSettings& run) {
    const auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    if (isSet("style")) {
        run.styles.clear();
        for (const QString& path : parser.values(QStringLiteral("style")))
            run.styles.push_back(StyleSource{path.toStdString()});
    }
    const auto count = static_cast<qsizetype>(run.styles.size());
    if (isSet("look")) {
        const auto look = lookFromString(value("look").toStdString());
        if (!look || *look == Look::Custom)
            usageError(QStringLiteral("--look: '%1' is not valid; allowed: %2")
                           .arg(value("look"), lookSpellings()));
        applyLook(run, *look);
    }
    if (isSet("style-blend")) {
        const auto weights =
            toDoubleList(QStringLiteral("style-blend"), value("style-blend"), 0.0, false);
        if (static_cast<qsizetype>(weights.size()) != count)
            usageError(QStringLiteral("--style-blend: %1 for %2; give one weight per --style")
                           .arg(counted(weights.size(), "weight"), counted(count, "style")));
        double total = 0.0;
        for (size_t k = 0; k < weights.size(); ++k) {
            run.styles[k].weight = weights[k];
            total += weights[k];
        }
        if (!(total > 0.0))
            usageError(QStringLiteral("--style-blend: the weights are all 0"));
    }
    if (isSet("style-scale")) {
        const auto scales =
            toDoubleList(QStringLiteral("style-scale"), value("style-scale"), 0.0, true);
        if (scales.size() != 1 && static_cast<qsizetype>(scales.size()) != count)
            usageError(QStringLiteral("--style-scale: %1 for %2; give one for all or one per "
                                      "--style")
                           .arg(counted(scales.size(), "scale"), counted(count, "style")));
        for (size_t k = 0; k < run.styles.size(); ++k)
            run.styles[k].scale = scales.size() == 1 ? scales[0] : scales[k];
    }
    if (isSet("style-mask")) {
        const QStringList masks = parser.values(QStringLiteral("style-mask"));
        if (masks.size() > count)
            usageError(QStringLiteral("--style-mask: %1 for %2; give at most one per --style, in "
                                      "their order (- for the whole image)")
                           .arg(counted(masks.size(), "mask"), counted(count, "style")));
        for (qsizetype k = 0; k < masks.size(); ++k)
            run.styles[static_cast<size_t>(k)].maskPath =
                masks[k] == QLatin1String("-") ? std::string() : masks[k].toStdString();
    }
    if (isSet("preserve-colors"))
        run.transfer.colors = toChoice(QStringLiteral("preserve-colors"), value("preserve-colors"),
                                       spellings(ColorMode{}));
}

} // namespace

RunSettings readSettingsFile(const QCommandLineParser& parser) {
    try {
        return loadRunSettingsFile(parser.value(QStringLiteral("settings")));
    } catch (const Error& e) {
        usageError(QStringLiteral("--settings ") + QString::fromStdString(e.what()));
    }
}

// The layers over a run's settings (the defaults, a --settings file or a batch job's): preset,
// size and scales, then single flags.
void layerRunFlags(const QCommandLineParser& parser, RunSettings& run) {
    const auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    TransferSettings& t = run.transfer;
    if (isSet("content"))
        run.contentPath = value("content").toStdString();
    readStyles(parser, run);

    std::optional<int> size;
    if (isSet("size"))
        size = toInt(QStringLiteral("size"), value("size"), kMinImageSide, kMaxImageSide);
    std::vector<int> scaleSizes;
    if (isSet("scales")) {
        scaleSizes =
            toIntList(QStringLiteral("scales"), value("scales"), kMinImageSide, kMaxImageSide);
        for (size_t i = 1; i < scaleSizes.size(); ++i)
            if (scaleSizes[i] <= scaleSizes[i - 1])
                usageError(QStringLiteral("--scales: '%1' is not valid; sizes must increase")
                               .arg(value("scales")));
        if (size && *size != scaleSizes.back())
            usageError(QStringLiteral("--scales: the last scale (%1) must be the --size (%2)")
                           .arg(scaleSizes.back())
                           .arg(*size));
        size = scaleSizes.back();
    }
    if (size)
        t.setOutputSize(*size);
    if (isSet("preset")) {
        const auto preset = presetFromString(value("preset").toStdString());
        if (!preset || *preset == Preset::Custom)
            usageError(QStringLiteral("--preset: '%1' is not valid; allowed: %2")
                           .arg(value("preset"), QString::fromStdString(presetNames())));
        applyPreset(t, *preset);
    }
    std::optional<int> iterations;
    if (isSet("iterations"))
        iterations = toInt(QStringLiteral("iterations"), value("iterations"), 1, kMaxIterations);
    if (!scaleSizes.empty()) {
        std::vector<int> counts(scaleSizes.size(), iterations.value_or(t.scales.back().iterations));
        if (isSet("scale-iterations")) {
            counts = toIntList(QStringLiteral("scale-iterations"), value("scale-iterations"), 1,
                               kMaxIterations);
            if (counts.size() != scaleSizes.size())
                usageError(QStringLiteral("--scale-iterations: %1 counts for %2 scales; give one "
                                          "per scale")
                               .arg(counts.size())
                               .arg(scaleSizes.size()));
        }
        t.scales.clear();
        for (size_t i = 0; i < scaleSizes.size(); ++i)
            t.scales.push_back({scaleSizes[i], counts[i]});
    } else if (isSet("scale-iterations")) {
        usageError(QStringLiteral("--scale-iterations needs --scales"));
    } else if (iterations) {
        t.setIterationsPerScale(*iterations);
    }

    constexpr double kHuge = std::numeric_limits<double>::max();
    if (isSet("optimizer"))
        t.optimizer =
            toChoice(QStringLiteral("optimizer"), value("optimizer"), spellings(OptimizerKind{}));
    if (isSet("learning-rate")) {
        const double lr =
            toDouble(QStringLiteral("learning-rate"), value("learning-rate"), 0.0, kHuge, true);
        if (t.optimizer == OptimizerKind::Lbfgs) {
            t.lbfgs.learningRate = lr;
        } else {
            // A constant rate stays constant; a schedule keeps its end.
            if (t.adam.finalLearningRate == t.adam.learningRate)
                t.adam.finalLearningRate = lr;
            t.adam.learningRate = lr;
        }
    }
    if (isSet("final-learning-rate"))
        t.adam.finalLearningRate = toDouble(QStringLiteral("final-learning-rate"),
                                            value("final-learning-rate"), 0.0, kHuge, true);
    if (isSet("warmup"))
        t.adam.warmupIterations =
            toInt(QStringLiteral("warmup"), value("warmup"), 0, kMaxIterations);
    if (isSet("lbfgs-history"))
        t.lbfgs.historySize =
            toInt(QStringLiteral("lbfgs-history"), value("lbfgs-history"), 1, kMaxHistorySize);
    if (isSet("line-search"))
        t.lbfgs.strongWolfe =
            toChoice(QStringLiteral("line-search"), value("line-search"), kLineSearch);
    if (isSet("content-weight"))
        t.lossWeights.content =
            toDouble(QStringLiteral("content-weight"), value("content-weight"), 0.0, kHuge, false);
    if (isSet("style-weight"))
        t.lossWeights.style =
            toDouble(QStringLiteral("style-weight"), value("style-weight"), 0.0, kHuge, false);
    if (isSet("tv-weight"))
        t.lossWeights.tv =
            toDouble(QStringLiteral("tv-weight"), value("tv-weight"), 0.0, kHuge, false);
    if (isSet("noise-ratio"))
        t.noiseRatio =
            toDouble(QStringLiteral("noise-ratio"), value("noise-ratio"), 0.0, 1.0, false);
    if (isSet("seed")) {
        bool ok = false;
        t.seed = value("seed").toULongLong(&ok);
        if (!ok)
            usageError(QStringLiteral("--seed: '%1' is not valid; expected a whole number >= 0")
                           .arg(value("seed")));
    }
    if (isSet("init-image")) {
        run.initImagePath = value("init-image").toStdString();
        t.init = InitMode::Image;
    }
    if (isSet("init"))
        t.init = toChoice(QStringLiteral("init"), value("init"), spellings(InitMode{}));
    if (isSet("init-image") && t.init != InitMode::Image)
        usageError(QStringLiteral("--init-image starts from an image; it cannot go with --init %1")
                       .arg(value("init")));
    if (t.init == InitMode::Image && run.initImagePath.empty())
        usageError(QStringLiteral("--init image needs --init-image FILE"));
    if (isSet("pooling"))
        t.pooling = toChoice(QStringLiteral("pooling"), value("pooling"), spellings(Pooling{}));
    if (isSet("device"))
        t.device = toChoice(QStringLiteral("device"), value("device"), spellings(DeviceChoice{}));
    if (isSet("precision"))
        t.precision =
            toChoice(QStringLiteral("precision"), value("precision"), spellings(Precision{}));
    if (isSet("save-every"))
        t.saveEvery =
            toInt(QStringLiteral("save-every"), value("save-every"), 0, kMaxSnapshotEvery);
    if (isSet("tile")) {
        t.tileSize = toInt(QStringLiteral("tile"), value("tile"), 0, kMaxImageSide);
        if (t.tileSize > 0 && t.tileSize < kMinTileSize)
            usageError(QStringLiteral("--tile: %1 is too small; use 0 (automatic) or %2 px or more")
                           .arg(t.tileSize)
                           .arg(kMinTileSize));
    }
    if (t.outputSize() > kMaxImageSide)
        usageError(QStringLiteral("the output size %1 is over the limit of %2 px")
                       .arg(t.outputSize())
                       .arg(kMaxImageSide));
}

} // namespace deepart::cli
