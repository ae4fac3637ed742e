#include "CliOptions.h"

#include "ImageFile.h"
#include "Looks.h"
#include "Presets.h"
#include "SettingsJson.h"
#include "TimelapseWriter.h"

#include <QCommandLineParser>

#include <cmath>
#include <limits>

namespace deepart {

namespace {

constexpr int kMaxSize = kMaxImageSide;

// Its message has no "deepart-cli: " yet: a batch job reports it as its own failure.
struct UsageError {
    std::string message;
};

[[noreturn]] void usageError(const QString& text) {
    throw UsageError{text.toStdString()};
}

double toDouble(const QString& name, const QString& text, double min, double max,
                bool minExclusive) {
    bool ok = false;
    const double value = text.toDouble(&ok);
    const bool belowMin = minExclusive ? !(value > min) : !(value >= min);
    if (!ok || !std::isfinite(value) || belowMin || value > max)
        usageError(QStringLiteral("--%1: '%2' is not valid; expected a number %3 %4%5")
                       .arg(name, text, minExclusive ? ">" : ">=")
                       .arg(min)
                       .arg(max < std::numeric_limits<double>::max()
                                ? QStringLiteral(" and <= %1").arg(max)
                                : QString()));
    return value;
}

int toInt(const QString& name, const QString& text, int min, int max) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        usageError(QStringLiteral("--%1: '%2' is not valid; expected a whole number from %3 to %4")
                       .arg(name, text)
                       .arg(min)
                       .arg(max));
    return value;
}

std::vector<double> toDoubleList(const QString& name, const QString& text, double min,
                                 bool minExclusive) {
    std::vector<double> values;
    for (const QString& item : text.split(QLatin1Char(',')))
        values.push_back(
            toDouble(name, item.trimmed(), min, std::numeric_limits<double>::max(), minExclusive));
    return values;
}

std::vector<int> toIntList(const QString& name, const QString& text, int min, int max) {
    std::vector<int> values;
    for (const QString& item : text.split(QLatin1Char(','))) {
        bool ok = false;
        const int value = item.trimmed().toInt(&ok);
        if (!ok || value < min || value > max)
            usageError(QStringLiteral("--%1: '%2' is not valid; expected whole numbers from %3 to "
                                      "%4, separated by commas")
                           .arg(name, text)
                           .arg(min)
                           .arg(max));
        values.push_back(value);
    }
    return values;
}

// The choice among `choices` that `spelling` spells as `value`; the engine's toString()s are
// the spellings, so the command line and settings files agree.
template <typename Enum>
Enum toChoice(const QString& name, const QString& value, std::initializer_list<Enum> choices,
              const char* (*spelling)(Enum)) {
    QStringList allowed;
    for (Enum choice : choices) {
        if (value == QLatin1String(spelling(choice)))
            return choice;
        allowed << QLatin1String(spelling(choice));
    }
    usageError(QStringLiteral("--%1: '%2' is not valid; allowed: %3")
                   .arg(name, value, allowed.join(QStringLiteral(", "))));
}

// "1 style", "2 styles".
QString counted(qsizetype n, const char* noun) {
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(noun)).arg(n == 1 ? "" : "s");
}

QString lookSpellings() {
    QStringList names;
    for (Look look : allLooks())
        names << QLatin1String(toString(look));
    return names.join(QStringLiteral(", "));
}

void addOptions(QCommandLineParser& parser) {
    const TransferSettings d;
    const auto opt = [&](const char* name, const QString& help, const char* valueName = nullptr) {
        if (valueName)
            parser.addOption({QLatin1String(name), help, QLatin1String(valueName)});
        else
            parser.addOption({QLatin1String(name), help});
    };
    opt("content", QStringLiteral("Content image (the photo)."), "file");
    opt("style",
        QStringLiteral("Style image (the painting); repeat it to blend several paintings."),
        "file");
    opt("style-blend",
        QStringLiteral("Blend weights of the styles, in their order, e.g. 0.7,0.3 (normalized to "
                       "sum 1) [equal]."),
        "w,...");
    opt("style-scale",
        QStringLiteral("Each style image's longer side as a multiple of the output's: below 1 "
                       "larger brush strokes, above 1 finer; one value for all styles or one per "
                       "style [1]."),
        "s,...");
    opt("style-mask",
        QStringLiteral("Where a style applies: a grayscale image of the content's shape (white: "
                       "this style, black: not), or - for the whole image; repeat it in the order "
                       "of the styles [whole image]."),
        "file");
    opt("preserve-colors",
        QStringLiteral("Keep the photo's colours: none (the painting's colours), luminance "
                       "(transfer luminance only, keep the photo's chroma) or match (map the "
                       "painting's colours to the photo's first) [none]."),
        "mode");
    opt("look",
        QStringLiteral("A ready-made look: %1. Sets colours and style scales; flags given as well "
                       "override it.")
            .arg(lookSpellings()),
        "name");
    opt("output",
        QStringLiteral("Result image; .png, .jpg/.jpeg, .tif/.tiff or .webp "
                       "[deepart.png]."),
        "file");
    opt("bit-depth",
        QStringLiteral("Bits a channel of the result image: 8, or 16 for .png and .tif (the run "
                       "computes in floating point; 16 bits keep its smooth gradients for "
                       "print) [8]."),
        "bits");
    opt("dpi",
        QStringLiteral("Print resolution recorded in the result (.png or .tif), e.g. 300: the "
                       "printed size is the pixel size divided by it [none]."),
        "dpi");
    opt("weights",
        QStringLiteral("Keras VGG-19 'notop' HDF5 weights [the weights store, or ~/.keras]."),
        "file");
    opt("fetch-weights", QStringLiteral("Download the VGG-19 weights into the weights store, then "
                                        "exit (or go on with --content and --style)."));
    opt("settings",
        QStringLiteral("Read the run's settings from a JSON settings file (as --print-settings "
                       "writes it); flags given as well override it."),
        "file");
    opt("print-settings",
        QStringLiteral("Print the effective settings (after the file, preset and flags) as JSON "
                       "and exit."));
    opt("preset",
        QStringLiteral("seed (the paper's notebook), fast (the seed's loss in 60% of its time "
                       "in fp32), fine (the seed's time, a lower loss) or print (coarse to fine "
                       "from 512 px, few iterations at the large scales, tiled where needed) "
                       "[seed]. Sets optimizer, scales, iterations and precision; flags given as "
                       "well override it."),
        "name");
    opt("size", QStringLiteral("Longer side of the output in pixels [%1].").arg(d.outputSize()),
        "px");
    opt("iterations",
        QStringLiteral("Iterations at each scale [%1].").arg(d.scales.back().iterations), "n");
    opt("scales",
        QStringLiteral("Coarse-to-fine sizes, increasing, the last being the output size, e.g. "
                       "128,256,512 [the output size only]."),
        "px,...");
    opt("scale-iterations",
        QStringLiteral("Iterations for each of --scales, e.g. 300,200,100 [--iterations each]."),
        "n,...");
    opt("optimizer", QStringLiteral("adam or lbfgs [adam]."), "name");
    opt("learning-rate",
        QStringLiteral("Learning rate of the optimizer [Adam %1, L-BFGS %2].")
            .arg(d.adam.learningRate)
            .arg(d.lbfgs.learningRate),
        "lr");
    opt("final-learning-rate",
        QStringLiteral("Adam: the rate at the end of each scale, reached geometrically "
                       "[the learning rate: constant]."),
        "lr");
    opt("warmup",
        QStringLiteral("Adam: iterations over which the rate climbs to the learning rate at the "
                       "start of each scale [0]."),
        "n");
    opt("lbfgs-history",
        QStringLiteral("L-BFGS: gradient pairs kept [%1].").arg(d.lbfgs.historySize), "n");
    opt("line-search", QStringLiteral("L-BFGS: none or strong-wolfe [none]."), "kind");
    opt("content-weight", QStringLiteral("Content weight alpha [%1].").arg(d.lossWeights.content),
        "a");
    opt("style-weight", QStringLiteral("Style weight beta [%1].").arg(d.lossWeights.style), "b");
    opt("tv-weight", QStringLiteral("Total-variation weight gamma [%1].").arg(d.lossWeights.tv),
        "g");
    opt("init",
        QStringLiteral("Starting image: content, noise, blend or image (--init-image) "
                       "[content]."),
        "mode");
    opt("init-image",
        QStringLiteral("Start from this image (resized to the content's size), e.g. an earlier "
                       "result to continue; implies --init image."),
        "file");
    opt("noise-ratio", QStringLiteral("Noise share for --init blend [%1].").arg(d.noiseRatio), "r");
    opt("seed", QStringLiteral("Random seed for noise [0]."), "n");
    opt("pooling", QStringLiteral("max or avg [max]."), "kind");
    opt("device", QStringLiteral("auto, cpu or cuda [auto: CUDA when available]."), "device");
    opt("precision",
        QStringLiteral("What the network computes in: auto, fp32, tf32, bf16 or fp16; losses, "
                       "Grams and the image stay fp32. auto: bf16 on a CPU with AVX512-BF16 or "
                       "AMX and on a GPU with bf16, else fp32; tf32 and fp16 need CUDA [fp32; "
                       "the fast and fine presets: auto]."),
        "p");
    opt("tile",
        QStringLiteral("Evaluate in tiles of this many px a side (%1 or more; exact, with memory "
                       "bounded by the tile), or 0: whole when it fits in memory, in the largest "
                       "tiles that fit when not [0].")
            .arg(kMinTileSize),
        "px");
    opt("threads", QStringLiteral("CPU threads [all cores]."), "n");
    opt("save-every",
        QStringLiteral("Save a snapshot every n iterations (counted across scales), 0 for none "
                       "[%1].")
            .arg(d.saveEvery),
        "n");
    opt("snapshot-dir", QStringLiteral("Folder for snapshots [the output's folder]."), "dir");
    opt("log-json", QStringLiteral("Write one JSON line of losses per iteration to this file."),
        "file");
    opt("quiet", QStringLiteral("No progress output."));
    opt("timelapse",
        QStringLiteral("Record a time-lapse video of the run: .mp4 (MPEG-4) or .avi (Motion "
                       "JPEG); the first frame is held %1 s, the last %2 s.")
            .arg(TimelapseOptions().holdFirstSeconds)
            .arg(TimelapseOptions().holdLastSeconds),
        "file");
    opt("timelapse-every",
        QStringLiteral("A time-lapse frame every n iterations (counted across scales) [%1].")
            .arg(CliOptions().timelapseEvery),
        "n");
    opt("timelapse-fps",
        QStringLiteral("Frames per second of the time-lapse [%1].").arg(CliOptions().timelapseFps),
        "fps");
    opt("timelapse-side-by-side",
        QStringLiteral("The time-lapse shows the photo on the left and the result on the right."));
    opt("batch",
        QStringLiteral("Run the jobs of a jobs file (JSON: {\"jobs\": [{\"settings\": FILE or "
                       "{...}, \"output\": FILE}, ...]}, see README), with the weights loaded "
                       "once; other flags apply to every job."),
        "file");
    opt("content-dir",
        QStringLiteral("A batch of every image in this folder with every image of --style-dir, "
                       "each written to --output-dir as <content>-<style>.png; other flags apply "
                       "to every job."),
        "dir");
    opt("style-dir", QStringLiteral("The style images of a --content-dir batch."), "dir");
    opt("output-dir",
        QStringLiteral("Where a --content-dir batch writes its results (created when missing)."),
        "dir");
}

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
        run.transfer.colors =
            toChoice(QStringLiteral("preserve-colors"), value("preserve-colors"),
                     {ColorMode::None, ColorMode::Luminance, ColorMode::Match}, toString);
}

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
        size = toInt(QStringLiteral("size"), value("size"), 16, kMaxSize);
    std::vector<int> scaleSizes;
    if (isSet("scales")) {
        scaleSizes = toIntList(QStringLiteral("scales"), value("scales"), 16, kMaxSize);
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
        iterations = toInt(QStringLiteral("iterations"), value("iterations"), 1, 1'000'000);
    if (!scaleSizes.empty()) {
        std::vector<int> counts(scaleSizes.size(), iterations.value_or(t.scales.back().iterations));
        if (isSet("scale-iterations")) {
            counts = toIntList(QStringLiteral("scale-iterations"), value("scale-iterations"), 1,
                               1'000'000);
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
        t.optimizer = toChoice(QStringLiteral("optimizer"), value("optimizer"),
                               {OptimizerKind::Adam, OptimizerKind::Lbfgs}, toString);
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
        t.adam.warmupIterations = toInt(QStringLiteral("warmup"), value("warmup"), 0, 1'000'000);
    if (isSet("lbfgs-history"))
        t.lbfgs.historySize =
            toInt(QStringLiteral("lbfgs-history"), value("lbfgs-history"), 1, 1000);
    if (isSet("line-search"))
        t.lbfgs.strongWolfe = toChoice(
            QStringLiteral("line-search"), value("line-search"), {false, true},
            +[](bool strongWolfe) { return strongWolfe ? "strong-wolfe" : "none"; });
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
        t.init = toChoice(QStringLiteral("init"), value("init"),
                          {InitMode::Content, InitMode::Noise, InitMode::Blend, InitMode::Image},
                          toString);
    if (isSet("init-image") && t.init != InitMode::Image)
        usageError(QStringLiteral("--init-image starts from an image; it cannot go with --init %1")
                       .arg(value("init")));
    if (t.init == InitMode::Image && run.initImagePath.empty())
        usageError(QStringLiteral("--init image needs --init-image FILE"));
    if (isSet("pooling"))
        t.pooling = toChoice(QStringLiteral("pooling"), value("pooling"),
                             {Pooling::Max, Pooling::Average}, toString);
    if (isSet("device"))
        t.device = toChoice(QStringLiteral("device"), value("device"),
                            {DeviceChoice::Auto, DeviceChoice::Cpu, DeviceChoice::Cuda}, toString);
    if (isSet("precision"))
        t.precision = toChoice(
            QStringLiteral("precision"), value("precision"),
            {Precision::Auto, Precision::Fp32, Precision::Tf32, Precision::Bf16, Precision::Fp16},
            toString);
    if (isSet("save-every"))
        t.saveEvery = toInt(QStringLiteral("save-every"), value("save-every"), 0, 1'000'000);
    if (isSet("tile")) {
        t.tileSize = toInt(QStringLiteral("tile"), value("tile"), 0, kMaxSize);
        if (t.tileSize > 0 && t.tileSize < kMinTileSize)
            usageError(QStringLiteral("--tile: %1 is too small; use 0 (automatic) or %2 px or more")
                           .arg(t.tileSize)
                           .arg(kMinTileSize));
    }
    if (t.outputSize() > kMaxSize)
        usageError(QStringLiteral("the output size %1 is over the limit of %2 px")
                       .arg(t.outputSize())
                       .arg(kMaxSize));
}

void readTimelapse(const QCommandLineParser& parser, CliOptions& o) {
    const auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    if (!isSet("timelapse")) {
        for (const char* flag : {"timelapse-every", "timelapse-fps", "timelapse-side-by-side"})
            if (isSet(flag))
                usageError(QStringLiteral("--%1 needs --timelapse FILE").arg(QLatin1String(flag)));
        return;
    }
    o.timelapsePath = value("timelapse").toStdString();
    if (!TimelapseWriter::isSupportedPath(o.timelapsePath))
        usageError(QStringLiteral("--timelapse: '%1' has an unsupported video type; use .mp4 or "
                                  ".avi")
                       .arg(value("timelapse")));
    if (isSet("timelapse-every"))
        o.timelapseEvery =
            toInt(QStringLiteral("timelapse-every"), value("timelapse-every"), 1, 1'000'000);
    if (isSet("timelapse-fps"))
        o.timelapseFps =
            toDouble(QStringLiteral("timelapse-fps"), value("timelapse-fps"), 0.0, 240.0, true);
    o.timelapseSideBySide = isSet("timelapse-side-by-side");
}

// A batch: the flags are checked once up front (a bad value is a usage error, not a failure of
// every job), then layered over each job's settings.
void readBatch(const QCommandLineParser& parser, CliOptions& o) {
    const auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    const bool file = isSet("batch");
    const QString mode = file ? QStringLiteral("--batch") : QStringLiteral("--content-dir");
    if (file && (isSet("content-dir") || isSet("style-dir") || isSet("output-dir")))
        usageError(QStringLiteral("--batch cannot go with --content-dir, --style-dir or "
                                  "--output-dir; use one kind of batch"));
    if (!file && !(isSet("content-dir") && isSet("style-dir") && isSet("output-dir")))
        usageError(QStringLiteral("--content-dir, --style-dir and --output-dir go together"));
    for (const char* flag :
         {"content", "style", "style-mask", "output", "print-settings", "log-json", "timelapse"})
        if (isSet(flag))
            usageError(QStringLiteral("--%1 is for a single run; it cannot go with %2")
                           .arg(QLatin1String(flag), mode));
    if (file && isSet("settings"))
        usageError(QStringLiteral("--settings cannot go with --batch: each job has its settings"));

    const RunSettings base = isSet("settings") ? readSettingsFile(parser) : RunSettings();
    // The check: over the base with stand-in inputs, as many styles as the style flags give
    // values (a folder batch has one style per job).
    RunSettings probe = base;
    probe.contentPath = probe.initImagePath = "check";
    qsizetype styles = 1;
    if (file)
        for (const char* flag : {"style-blend", "style-scale"})
            if (isSet(flag))
                styles = std::max(styles, value(flag).split(QLatin1Char(',')).size());
    probe.styles.assign(static_cast<size_t>(styles), StyleSource("check"));
    layerRunFlags(parser, probe);

    const LayerFlags layer = [&parser](RunSettings& run) {
        try {
            layerRunFlags(parser, run);
        } catch (const UsageError& e) {
            throw Error(e.message);
        }
    };
    try {
        if (file) {
            o.jobs = readBatchFile(value("batch"), layer);
        } else {
            o.outputDir = value("output-dir").toStdString();
            o.jobs = folderBatch(base, value("content-dir"), value("style-dir"),
                                 value("output-dir"), layer);
        }
    } catch (const Error& e) {
        usageError(QString::fromStdString(e.what()));
    }
    o.batch = true;
}

void readOutputFormat(const QCommandLineParser& parser, CliOptions& o) {
    if (parser.isSet(QStringLiteral("bit-depth"))) {
        const QString bits = parser.value(QStringLiteral("bit-depth"));
        if (bits != QLatin1String("8") && bits != QLatin1String("16"))
            usageError(QStringLiteral("--bit-depth: '%1' is not valid; allowed: 8, 16").arg(bits));
        o.outputFormat.bitDepth = bits.toInt();
    }
    if (parser.isSet(QStringLiteral("dpi")))
        o.outputFormat.dpi = toDouble(QStringLiteral("dpi"), parser.value(QStringLiteral("dpi")),
                                      1.0, 100000.0, false);
    try {
        checkWriteOptions(o.outputPath, o.outputFormat);
    } catch (const Error& e) {
        usageError(QString::fromStdString(e.what()));
    }
}

CliOptions readOptions(const QCommandLineParser& parser) {
    if (!parser.positionalArguments().isEmpty())
        usageError(QStringLiteral("unexpected argument '%1'; see --help")
                       .arg(parser.positionalArguments().first()));
    CliOptions o;
    o.fetchWeights = parser.isSet(QStringLiteral("fetch-weights"));
    o.printSettings = parser.isSet(QStringLiteral("print-settings"));
    if (parser.isSet(QStringLiteral("batch")) || parser.isSet(QStringLiteral("content-dir")) ||
        parser.isSet(QStringLiteral("style-dir")) || parser.isSet(QStringLiteral("output-dir"))) {
        readBatch(parser, o);
    } else {
        if (parser.isSet(QStringLiteral("settings")))
            o.run = readSettingsFile(parser);
        layerRunFlags(parser, o.run);
        if (!o.printSettings && !o.fetchWeights &&
            (o.run.contentPath.empty() || o.run.styles.empty()))
            usageError(QStringLiteral("--content and --style are required; see --help"));
        if (parser.isSet(QStringLiteral("output")))
            o.outputPath = parser.value(QStringLiteral("output")).toStdString();
        if (!isSupportedOutputPath(o.outputPath))
            usageError(QStringLiteral("--output: '%1' has an unsupported file type; use .png, "
                                      ".jpg, .jpeg, .tif, .tiff or .webp")
                           .arg(QString::fromStdString(o.outputPath)));
        readOutputFormat(parser, o);
    }
    readTimelapse(parser, o);
    o.weightsPath = parser.value(QStringLiteral("weights")).toStdString();
    o.snapshotDir = parser.value(QStringLiteral("snapshot-dir")).toStdString();
    o.logJsonPath = parser.value(QStringLiteral("log-json")).toStdString();
    o.quiet = parser.isSet(QStringLiteral("quiet"));
    if (parser.isSet(QStringLiteral("threads")))
        o.threads =
            toInt(QStringLiteral("threads"), parser.value(QStringLiteral("threads")), 0, 1024);
    return o;
}

} // namespace

CliParseResult parseCliArguments(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Deep Art Gallery: neural style transfer (Gatys et al. 2015) on the "
                       "command line."));
    const auto helpOption = parser.addHelpOption();
    const auto versionOption = parser.addVersionOption();
    addOptions(parser);

    CliParseResult result;
    if (!parser.parse(arguments)) {
        result.message = "deepart-cli: " + parser.errorText().toStdString() + "; see --help";
        result.exitCode = 2;
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.message = parser.helpText().toStdString();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.message = std::string("deepart-cli ") + DEEPART_VERSION;
        return result;
    }
    try {
        CliOptions options = readOptions(parser);
        if (options.printSettings) {
            result.message = runSettingsToJsonText(options.run).trimmed().toStdString();
            return result;
        }
        result.options = std::move(options);
    } catch (const UsageError& e) {
        result.message = "deepart-cli: " + e.message;
        result.exitCode = 2;
    }
    return result;
}

} // namespace deepart
