#include "CliOptions.h"

#include "ImageFile.h"

#include <QCommandLineParser>

#include <cmath>
#include <limits>

namespace deepart {

namespace {

struct UsageError {
    std::string message;
};

[[noreturn]] void usageError(const QString& text) {
    throw UsageError{("deepart-cli: " + text).toStdString()};
}

double readDouble(const QCommandLineParser& parser, const QString& name, double min, double max,
                  bool minExclusive, double fallback) {
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    const bool belowMin = minExclusive ? !(value > min) : !(value >= min);
    if (!ok || !std::isfinite(value) || belowMin || value > max)
        usageError(QStringLiteral("--%1: '%2' is not valid; expected a number %3 %4%5")
                       .arg(name, parser.value(name), minExclusive ? ">" : ">=")
                       .arg(min)
                       .arg(max < std::numeric_limits<double>::max()
                                ? QStringLiteral(" and <= %1").arg(max)
                                : QString()));
    return value;
}

int readInt(const QCommandLineParser& parser, const QString& name, int min, int max, int fallback) {
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok || value < min || value > max)
        usageError(QStringLiteral("--%1: '%2' is not valid; expected a whole number from %3 to %4")
                       .arg(name, parser.value(name))
                       .arg(min)
                       .arg(max));
    return value;
}

template <typename Enum>
Enum readChoice(const QCommandLineParser& parser, const QString& name,
                const std::initializer_list<std::pair<const char*, Enum>>& choices, Enum fallback) {
    if (!parser.isSet(name))
        return fallback;
    const QString value = parser.value(name);
    QStringList allowed;
    for (const auto& [text, choice] : choices) {
        if (value == QLatin1String(text))
            return choice;
        allowed << QLatin1String(text);
    }
    usageError(QStringLiteral("--%1: '%2' is not valid; allowed: %3")
                   .arg(name, value, allowed.join(QStringLiteral(", "))));
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
    opt("style", QStringLiteral("Style image (the painting)."), "file");
    opt("output",
        QStringLiteral("Result image; .png, .jpg/.jpeg, .tif/.tiff or .webp "
                       "[deepart.png]."),
        "file");
    opt("weights",
        QStringLiteral("Keras VGG-19 'notop' HDF5 weights [the weights store, or ~/.keras]."),
        "file");
    opt("fetch-weights", QStringLiteral("Download the VGG-19 weights into the weights store, then "
                                        "exit (or go on with --content and --style)."));
    opt("size", QStringLiteral("Longer side of the images in pixels [512]."), "px");
    opt("iterations", QStringLiteral("Optimizer steps [%1].").arg(d.iterations), "n");
    opt("learning-rate", QStringLiteral("Adam learning rate [%1].").arg(d.learningRate), "lr");
    opt("content-weight", QStringLiteral("Content weight alpha [%1].").arg(d.lossWeights.content),
        "a");
    opt("style-weight", QStringLiteral("Style weight beta [%1].").arg(d.lossWeights.style), "b");
    opt("tv-weight", QStringLiteral("Total-variation weight gamma [%1].").arg(d.lossWeights.tv),
        "g");
    opt("init", QStringLiteral("Starting image: content, noise or blend [content]."), "mode");
    opt("noise-ratio", QStringLiteral("Noise share for --init blend [%1].").arg(d.noiseRatio), "r");
    opt("seed", QStringLiteral("Random seed for noise [0]."), "n");
    opt("pooling", QStringLiteral("max or avg [max]."), "kind");
    opt("optimizer", QStringLiteral("adam [adam]."), "name");
    opt("device", QStringLiteral("auto, cpu or cuda [auto: CUDA when available]."), "device");
    opt("threads", QStringLiteral("CPU threads [all cores]."), "n");
    opt("save-every",
        QStringLiteral("Save a snapshot every n iterations, 0 for none [%1].").arg(d.saveEvery),
        "n");
    opt("snapshot-dir", QStringLiteral("Folder for snapshots [the output's folder]."), "dir");
    opt("log-json", QStringLiteral("Write one JSON line of losses per iteration to this file."),
        "file");
    opt("quiet", QStringLiteral("No progress output."));
}

CliOptions readOptions(const QCommandLineParser& parser) {
    if (!parser.positionalArguments().isEmpty())
        usageError(QStringLiteral("unexpected argument '%1'; see --help")
                       .arg(parser.positionalArguments().first()));
    CliOptions o;
    auto& t = o.transfer;
    o.contentPath = parser.value(QStringLiteral("content")).toStdString();
    o.stylePath = parser.value(QStringLiteral("style")).toStdString();
    o.fetchWeights = parser.isSet(QStringLiteral("fetch-weights"));
    if (!o.fetchWeights && (o.contentPath.empty() || o.stylePath.empty()))
        usageError(QStringLiteral("--content and --style are required; see --help"));
    if (parser.isSet(QStringLiteral("output")))
        o.outputPath = parser.value(QStringLiteral("output")).toStdString();
    if (!isSupportedOutputPath(o.outputPath))
        usageError(QStringLiteral("--output: '%1' has an unsupported file type; use .png, .jpg, "
                                  ".jpeg, .tif, .tiff or .webp")
                       .arg(QString::fromStdString(o.outputPath)));
    o.weightsPath = parser.value(QStringLiteral("weights")).toStdString();
    o.snapshotDir = parser.value(QStringLiteral("snapshot-dir")).toStdString();
    o.logJsonPath = parser.value(QStringLiteral("log-json")).toStdString();
    o.quiet = parser.isSet(QStringLiteral("quiet"));

    constexpr double kHuge = std::numeric_limits<double>::max();
    o.size = readInt(parser, QStringLiteral("size"), 16, 8192, o.size);
    t.iterations = readInt(parser, QStringLiteral("iterations"), 1, 1'000'000, t.iterations);
    t.saveEvery = readInt(parser, QStringLiteral("save-every"), 0, 1'000'000, t.saveEvery);
    o.threads = readInt(parser, QStringLiteral("threads"), 0, 1024, o.threads);
    t.learningRate =
        readDouble(parser, QStringLiteral("learning-rate"), 0.0, kHuge, true, t.learningRate);
    t.lossWeights.content = readDouble(parser, QStringLiteral("content-weight"), 0.0, kHuge, false,
                                       t.lossWeights.content);
    t.lossWeights.style =
        readDouble(parser, QStringLiteral("style-weight"), 0.0, kHuge, false, t.lossWeights.style);
    t.lossWeights.tv =
        readDouble(parser, QStringLiteral("tv-weight"), 0.0, kHuge, false, t.lossWeights.tv);
    t.noiseRatio = readDouble(parser, QStringLiteral("noise-ratio"), 0.0, 1.0, false, t.noiseRatio);
    if (parser.isSet(QStringLiteral("seed"))) {
        bool ok = false;
        t.seed = parser.value(QStringLiteral("seed")).toULongLong(&ok);
        if (!ok)
            usageError(QStringLiteral("--seed: '%1' is not valid; expected a whole number >= 0")
                           .arg(parser.value(QStringLiteral("seed"))));
    }
    t.init = readChoice(
        parser, QStringLiteral("init"),
        {{"content", InitMode::Content}, {"noise", InitMode::Noise}, {"blend", InitMode::Blend}},
        t.init);
    t.pooling = readChoice(parser, QStringLiteral("pooling"),
                           {{"max", Pooling::Max}, {"avg", Pooling::Average}}, t.pooling);
    readChoice(parser, QStringLiteral("optimizer"), {{"adam", 0}}, 0);
    o.device = readChoice(
        parser, QStringLiteral("device"),
        {{"auto", DeviceChoice::Auto}, {"cpu", DeviceChoice::Cpu}, {"cuda", DeviceChoice::Cuda}},
        o.device);
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
        result.options = readOptions(parser);
    } catch (const UsageError& e) {
        result.message = e.message;
        result.exitCode = 2;
    }
    return result;
}

} // namespace deepart
