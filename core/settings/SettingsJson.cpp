#include "SettingsJson.h"

#include "JsonFields.h"

#include "Presets.h"
#include "Vgg19Weights.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QJsonValue>
#include <QLocale>
#include <QStringList>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <limits>
#include <vector>

namespace deepart {

namespace {

using namespace json;

constexpr QLatin1String kFormat("deepart-settings");
// Version 2: several styles (inputs.styles, with blend weight, scale and mask), the starting
// image, preserve_colors. Version 3: precision (older files read as what their preset says, or
// fp32). Version 4: tile (older files read as automatic tiling). Version 1 files (inputs.style)
// read as one style.
constexpr int kVersion = 4;

// Readers that hold JSON numbers as doubles (JavaScript, many JSON tools) lose integers above
// 2^53, so larger seeds travel as decimal strings.
constexpr std::uint64_t kMaxExactJsonInteger = std::uint64_t{1} << 53;

constexpr int kMinSize = 16;
constexpr int kMaxSize = kMaxImageSide;
constexpr int kMaxIterations = 1000000;
constexpr int kMaxHistorySize = 1000;
constexpr int kMaxSnapshotEvery = 1000000;

const char* lineSearchName(bool strongWolfe) {
    return strongWolfe ? "strong_wolfe" : "none";
}

std::string layerAt(const QJsonValue& value, const QString& path) {
    const std::string name = stringAt(value, path).toStdString();
    if (vgg19LayerIndex(name) < 0) {
        QStringList allowed;
        for (const std::string& layer : vgg19LayerNames())
            allowed << QString::fromStdString(layer);
        fail(path, shown(value) + QStringLiteral(" is not a VGG-19 layer; allowed: ") +
                       allowed.join(QStringLiteral(", ")));
    }
    return name;
}

std::uint64_t seedAt(const QJsonValue& value, const QString& path) {
    constexpr std::uint64_t kMax = std::numeric_limits<std::uint64_t>::max();
    const QString wanted = QStringLiteral("expected an integer from 0 to %1").arg(kMax);
    if (value.isString()) {
        const QString text = value.toString();
        const bool digits = !text.isEmpty() && std::all_of(text.begin(), text.end(), [](QChar c) {
            return c >= QLatin1Char('0') && c <= QLatin1Char('9');
        });
        if (!digits)
            fail(path, shown(value) + QStringLiteral(" is not a whole number; ") + wanted);
        bool ok = false;
        const qulonglong seed = text.toULongLong(&ok);
        if (!ok)
            fail(path, shown(value) + QStringLiteral(" is out of range; ") + wanted);
        return seed;
    }
    const double x = value.toDouble();
    const double limit = static_cast<double>(kMaxExactJsonInteger);
    // 2^53 + 1 reads as an exact integer here but as 2^53 as a double, hence toInteger().
    const bool beyondExact =
        value.isDouble() && std::trunc(x) == x &&
        (x > limit ||
         (x == limit && value.toInteger() != static_cast<qint64>(kMaxExactJsonInteger)));
    // static_cast<double>(kMax) is 2^64, one past the range.
    if (beyondExact && x < static_cast<double>(kMax)) {
        const QString digits = numberText(value);
        const bool plain =
            std::all_of(digits.begin(), digits.end(), [](QChar c) { return c.isDigit(); });
        fail(path,
             shown(value) +
                 QStringLiteral(" is too large to be exact as a JSON number; write it in quotes") +
                 (plain ? QStringLiteral(": \"%1\"").arg(digits)
                        : QStringLiteral(", as decimal digits")));
    }
    return static_cast<std::uint64_t>(
        integerAt(value, path, 0, static_cast<std::int64_t>(kMaxExactJsonInteger)));
}

void readFormat(const QJsonObject& json) {
    const QJsonValue format = json.value(QLatin1String("format"));
    if (!format.isUndefined() && format != QJsonValue(kFormat))
        fail(QStringLiteral("format"),
             shown(format) + QStringLiteral(" is not valid; expected '") + kFormat +
                 QStringLiteral("' (this is not a Deep Art Gallery settings file)"));

    const QJsonValue program = json.value(QLatin1String("program"));
    if (!program.isUndefined())
        stringAt(program, QStringLiteral("program"));

    const QJsonValue version = json.value(QLatin1String("version"));
    if (version.isUndefined())
        return;
    const double number = version.toDouble();
    if (version.isDouble() && std::trunc(number) == number && number > kVersion) {
        const QString writer =
            program.isString() ? QStringLiteral(" (%1)").arg(program.toString()) : QString();
        fail(QStringLiteral("version"),
             QStringLiteral("%1 is newer than this program reads (%2); the file is from a newer "
                            "Deep Art Gallery%3")
                 .arg(shown(version))
                 .arg(kVersion)
                 .arg(writer));
    }
    intAt(version, QStringLiteral("version"), 1, kVersion);
}

std::vector<ScaleStep> scalesAt(const QJsonValue& value, const QString& path) {
    const QJsonArray array = nonEmptyArrayAt(value, path, "scale");
    std::vector<ScaleStep> scales;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = itemPath(path, i);
        const QJsonObject item = objectAt(array.at(i), at, {"size", "iterations"});
        ScaleStep step;
        step.size =
            intAt(required(item, at, "size"), join(at, QStringLiteral("size")), kMinSize, kMaxSize);
        step.iterations = intAt(required(item, at, "iterations"),
                                join(at, QStringLiteral("iterations")), 1, kMaxIterations);
        if (!scales.empty() && step.size <= scales.back().size)
            fail(join(at, QStringLiteral("size")),
                 QStringLiteral("sizes must increase (%1 after %2)")
                     .arg(step.size)
                     .arg(scales.back().size));
        scales.push_back(step);
    }
    return scales;
}

void readLoss(const QJsonValue& value, TransferSettings& t) {
    const QString path = QStringLiteral("loss");
    const QJsonObject loss =
        objectAt(value, path,
                 {"content_weight", "style_weight", "tv_weight", "content_layer", "style_layers"});
    readNumber(loss, path, "content_weight", Range::NonNegative, t.lossWeights.content);
    readNumber(loss, path, "style_weight", Range::NonNegative, t.lossWeights.style);
    readNumber(loss, path, "tv_weight", Range::NonNegative, t.lossWeights.tv);

    const QJsonValue contentLayer = loss.value(QLatin1String("content_layer"));
    if (!contentLayer.isUndefined())
        t.contentLayer = layerAt(contentLayer, join(path, QStringLiteral("content_layer")));

    const QJsonValue styleLayers = loss.value(QLatin1String("style_layers"));
    if (styleLayers.isUndefined())
        return;
    const QString layersPath = join(path, QStringLiteral("style_layers"));
    const QJsonArray array = nonEmptyArrayAt(styleLayers, layersPath, "style layer");
    std::vector<StyleLayer> layers;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = itemPath(layersPath, i);
        const QJsonObject item = objectAt(array.at(i), at, {"name", "weight"});
        StyleLayer layer;
        layer.name = layerAt(required(item, at, "name"), join(at, QStringLiteral("name")));
        layer.weight = numberAt(required(item, at, "weight"), join(at, QStringLiteral("weight")),
                                Range::NonNegative);
        layers.push_back(layer);
    }
    t.styleLayers = layers;
}

void readOptimizer(const QJsonValue& value, TransferSettings& t) {
    const QString path = QStringLiteral("optimizer");
    const QJsonObject optimizer = objectAt(value, path, {"name", "adam", "lbfgs"});
    readChoice(optimizer, path, "name", {OptimizerKind::Adam, OptimizerKind::Lbfgs}, toString,
               t.optimizer);

    const QJsonValue adamValue = optimizer.value(QLatin1String("adam"));
    if (!adamValue.isUndefined()) {
        const QString at = join(path, QStringLiteral("adam"));
        const QJsonObject adam = objectAt(adamValue, at,
                                          {"learning_rate", "final_learning_rate",
                                           "warmup_iterations", "beta1", "beta2", "epsilon"});
        readNumber(adam, at, "learning_rate", Range::Positive, t.adam.learningRate);
        readNumber(adam, at, "final_learning_rate", Range::Positive, t.adam.finalLearningRate);
        readInt(adam, at, "warmup_iterations", 0, 1'000'000, t.adam.warmupIterations);
        readNumber(adam, at, "beta1", Range::ZeroToBelowOne, t.adam.beta1);
        readNumber(adam, at, "beta2", Range::ZeroToBelowOne, t.adam.beta2);
        readNumber(adam, at, "epsilon", Range::NonNegative, t.adam.epsilon);
    }

    const QJsonValue lbfgsValue = optimizer.value(QLatin1String("lbfgs"));
    if (!lbfgsValue.isUndefined()) {
        const QString at = join(path, QStringLiteral("lbfgs"));
        const QJsonObject lbfgs =
            objectAt(lbfgsValue, at, {"learning_rate", "history_size", "line_search"});
        readNumber(lbfgs, at, "learning_rate", Range::Positive, t.lbfgs.learningRate);
        readInt(lbfgs, at, "history_size", 1, kMaxHistorySize, t.lbfgs.historySize);
        readChoice(lbfgs, at, "line_search", {false, true}, lineSearchName, t.lbfgs.strongWolfe);
    }
}

void readInit(const QJsonValue& value, TransferSettings& t) {
    const QString path = QStringLiteral("init");
    const QJsonObject init = objectAt(value, path, {"mode", "noise_ratio", "seed"});
    readChoice(init, path, "mode",
               {InitMode::Content, InitMode::Noise, InitMode::Blend, InitMode::Image}, toString,
               t.init);
    readNumber(init, path, "noise_ratio", Range::ZeroToOne, t.noiseRatio);
    const QJsonValue seed = init.value(QLatin1String("seed"));
    if (!seed.isUndefined())
        t.seed = seedAt(seed, join(path, QStringLiteral("seed")));
}

// May be empty: settings saved before any style was chosen.
std::vector<StyleSource> stylesAt(const QJsonValue& value, const QString& path) {
    if (!value.isArray())
        fail(path, shown(value) + QStringLiteral(" is not an array"));
    const QJsonArray array = value.toArray();
    std::vector<StyleSource> styles;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString at = itemPath(path, i);
        const QJsonObject item = objectAt(array.at(i), at, {"path", "weight", "scale", "mask"});
        StyleSource style;
        style.path =
            stringAt(required(item, at, "path"), join(at, QStringLiteral("path"))).toStdString();
        readNumber(item, at, "weight", Range::NonNegative, style.weight);
        readNumber(item, at, "scale", Range::Positive, style.scale);
        readString(item, at, "mask", style.maskPath);
        styles.push_back(style);
    }
    return styles;
}

void readInputs(const QJsonValue& value, RunSettings& settings) {
    const QString path = QStringLiteral("inputs");
    const QJsonObject inputs = objectAt(value, path, {"content", "style", "styles", "init_image"});
    readString(inputs, path, "content", settings.contentPath);
    const QJsonValue single = inputs.value(QLatin1String("style"));
    const QJsonValue several = inputs.value(QLatin1String("styles"));
    if (!single.isUndefined() && !several.isUndefined())
        fail(join(path, QStringLiteral("style")),
             QStringLiteral("give either 'style' (one image) or 'styles', not both"));
    if (!single.isUndefined()) {
        StyleSource style;
        style.path = stringAt(single, join(path, QStringLiteral("style"))).toStdString();
        settings.styles = {style};
    }
    if (!several.isUndefined())
        settings.styles = stylesAt(several, join(path, QStringLiteral("styles")));
    readString(inputs, path, "init_image", settings.initImagePath);
}

} // namespace

QJsonObject runSettingsToJson(const RunSettings& settings) {
    const TransferSettings& t = settings.transfer;

    QJsonArray scales;
    for (const ScaleStep& step : t.scales)
        scales.append(QJsonObject{{QStringLiteral("size"), step.size},
                                  {QStringLiteral("iterations"), step.iterations}});
    QJsonArray styleLayers;
    for (const StyleLayer& layer : t.styleLayers)
        styleLayers.append(QJsonObject{{QStringLiteral("name"), QString::fromStdString(layer.name)},
                                       {QStringLiteral("weight"), layer.weight}});

    QJsonArray styles;
    for (const StyleSource& style : settings.styles)
        styles.append(
            QJsonObject{{QStringLiteral("path"), QString::fromStdString(style.path)},
                        {QStringLiteral("weight"), style.weight},
                        {QStringLiteral("scale"), style.scale},
                        {QStringLiteral("mask"), QString::fromStdString(style.maskPath)}});

    const QJsonValue seed = t.seed <= kMaxExactJsonInteger
                                ? QJsonValue(static_cast<qint64>(t.seed))
                                : QJsonValue(QString::number(static_cast<qulonglong>(t.seed)));

    return QJsonObject{
        {QStringLiteral("format"), kFormat},
        {QStringLiteral("version"), kVersion},
        {QStringLiteral("program"), QStringLiteral("deepart " DEEPART_VERSION)},
        {QStringLiteral("preset"), QLatin1String(toString(matchingPreset(t)))},
        {QStringLiteral("inputs"),
         QJsonObject{
             {QStringLiteral("content"), QString::fromStdString(settings.contentPath)},
             {QStringLiteral("styles"), styles},
             {QStringLiteral("init_image"), QString::fromStdString(settings.initImagePath)}}},
        {QStringLiteral("preserve_colors"), QLatin1String(toString(t.colors))},
        {QStringLiteral("size"), t.outputSize()},
        {QStringLiteral("scales"), scales},
        {QStringLiteral("loss"),
         QJsonObject{{QStringLiteral("content_weight"), t.lossWeights.content},
                     {QStringLiteral("style_weight"), t.lossWeights.style},
                     {QStringLiteral("tv_weight"), t.lossWeights.tv},
                     {QStringLiteral("content_layer"), QString::fromStdString(t.contentLayer)},
                     {QStringLiteral("style_layers"), styleLayers}}},
        {QStringLiteral("optimizer"),
         QJsonObject{{QStringLiteral("name"), QLatin1String(toString(t.optimizer))},
                     {QStringLiteral("adam"),
                      QJsonObject{{QStringLiteral("learning_rate"), t.adam.learningRate},
                                  {QStringLiteral("final_learning_rate"), t.adam.finalLearningRate},
                                  {QStringLiteral("warmup_iterations"), t.adam.warmupIterations},
                                  {QStringLiteral("beta1"), t.adam.beta1},
                                  {QStringLiteral("beta2"), t.adam.beta2},
                                  {QStringLiteral("epsilon"), t.adam.epsilon}}},
                     {QStringLiteral("lbfgs"),
                      QJsonObject{{QStringLiteral("learning_rate"), t.lbfgs.learningRate},
                                  {QStringLiteral("history_size"), t.lbfgs.historySize},
                                  {QStringLiteral("line_search"),
                                   QLatin1String(lineSearchName(t.lbfgs.strongWolfe))}}}}},
        {QStringLiteral("snapshot_every"), t.saveEvery},
        {QStringLiteral("init"),
         QJsonObject{{QStringLiteral("mode"), QLatin1String(toString(t.init))},
                     {QStringLiteral("noise_ratio"), t.noiseRatio},
                     {QStringLiteral("seed"), seed}}},
        {QStringLiteral("pooling"), QLatin1String(toString(t.pooling))},
        {QStringLiteral("device"), QLatin1String(toString(t.device))},
        {QStringLiteral("precision"), QLatin1String(toString(t.precision))},
        {QStringLiteral("tile"), t.tileSize},
    };
}

QByteArray runSettingsToJsonText(const RunSettings& settings) {
    return QJsonDocument(runSettingsToJson(settings)).toJson(QJsonDocument::Indented);
}

RunSettings runSettingsFromJson(const QJsonObject& json) {
    // Format and version come before the key check: a newer file's new keys are better explained
    // by its version than refused one by one.
    readFormat(json);
    objectAt(json, QString(),
             {"format", "version", "program", "preset", "inputs", "size", "scales", "loss",
              "optimizer", "snapshot_every", "init", "preserve_colors", "pooling", "device",
              "precision", "tile"});

    RunSettings settings;
    TransferSettings& t = settings.transfer;

    // Size before preset, because a preset's scales are fractions of the output size.
    const QJsonValue size = json.value(QLatin1String("size"));
    if (!size.isUndefined())
        t.setOutputSize(intAt(size, QStringLiteral("size"), kMinSize, kMaxSize));

    Preset preset = Preset::Custom;
    readChoice(json, QString(), "preset",
               {Preset::Seed, Preset::Fast, Preset::Fine, Preset::Print, Preset::Custom}, toString,
               preset);
    applyPreset(t, preset);

    const QJsonValue inputs = json.value(QLatin1String("inputs"));
    if (!inputs.isUndefined())
        readInputs(inputs, settings);

    const QJsonValue scales = json.value(QLatin1String("scales"));
    if (!scales.isUndefined()) {
        t.scales = scalesAt(scales, QStringLiteral("scales"));
        if (!size.isUndefined() && t.outputSize() != size.toInt())
            fail(QStringLiteral("size"),
                 QStringLiteral("%1 does not match the last scale's size (%2); give one of "
                                "them or make them agree")
                     .arg(size.toInt())
                     .arg(t.outputSize()));
    }

    const QJsonValue loss = json.value(QLatin1String("loss"));
    if (!loss.isUndefined())
        readLoss(loss, t);

    const QJsonValue optimizer = json.value(QLatin1String("optimizer"));
    if (!optimizer.isUndefined())
        readOptimizer(optimizer, t);

    readInt(json, QString(), "snapshot_every", 0, kMaxSnapshotEvery, t.saveEvery);

    const QJsonValue init = json.value(QLatin1String("init"));
    if (!init.isUndefined())
        readInit(init, t);

    readChoice(json, QString(), "preserve_colors",
               {ColorMode::None, ColorMode::Luminance, ColorMode::Match}, toString, t.colors);
    readChoice(json, QString(), "pooling", {Pooling::Max, Pooling::Average}, toString, t.pooling);
    readChoice(json, QString(), "device",
               {DeviceChoice::Auto, DeviceChoice::Cpu, DeviceChoice::Cuda}, toString, t.device);
    readChoice(
        json, QString(), "precision",
        {Precision::Auto, Precision::Fp32, Precision::Tf32, Precision::Bf16, Precision::Fp16},
        toString, t.precision);
    readInt(json, QString(), "tile", 0, kMaxSize, t.tileSize);
    if (t.tileSize > 0 && t.tileSize < kMinTileSize)
        fail(QStringLiteral("tile"), QStringLiteral("%1 is too small; expected 0 (automatic) or "
                                                    "%2 to %3 px")
                                         .arg(t.tileSize)
                                         .arg(kMinTileSize)
                                         .arg(kMaxSize));
    return settings;
}

RunSettings runSettingsFromJsonText(const QByteArray& text) {
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        throw SettingsError(QStringLiteral("not valid JSON at offset %1: %2")
                                .arg(error.offset)
                                .arg(error.errorString())
                                .toStdString());
    if (!document.isObject())
        throw SettingsError("the top level is an array; expected a JSON object");
    return runSettingsFromJson(document.object());
}

RunSettings loadRunSettingsFile(const QString& path) {
    const QString named = QLatin1Char('\'') + path + QStringLiteral("': ");
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw SettingsError(
            (named + QStringLiteral("cannot be read: ") + file.errorString()).toStdString());
    const QByteArray text = file.readAll();
    if (file.error() != QFileDevice::NoError)
        throw SettingsError(
            (named + QStringLiteral("cannot be read: ") + file.errorString()).toStdString());
    try {
        return runSettingsFromJsonText(text);
    } catch (const SettingsError& e) {
        throw SettingsError(named.toStdString() + e.what());
    }
}

} // namespace deepart
