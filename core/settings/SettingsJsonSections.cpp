#include "SettingsJsonSections.h"

#include "Vgg19Weights.h"

#include <QJsonArray>
#include <QStringList>

#include <cmath>
#include <limits>

namespace deepart::json {

namespace {

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

} // namespace

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
        step.size = intAt(required(item, at, "size"), join(at, QStringLiteral("size")),
                          kMinImageSide, kMaxImageSide);
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
    readChoice(optimizer, path, "name", spellings(OptimizerKind{}), t.optimizer);

    const QJsonValue adamValue = optimizer.value(QLatin1String("adam"));
    if (!adamValue.isUndefined()) {
        const QString at = join(path, QStringLiteral("adam"));
        const QJsonObject adam = objectAt(adamValue, at,
                                          {"learning_rate", "final_learning_rate",
                                           "warmup_iterations", "beta1", "beta2", "epsilon"});
        readNumber(adam, at, "learning_rate", Range::Positive, t.adam.learningRate);
        readNumber(adam, at, "final_learning_rate", Range::Positive, t.adam.finalLearningRate);
        readInt(adam, at, "warmup_iterations", 0, kMaxIterations, t.adam.warmupIterations);
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
        readChoice(lbfgs, at, "line_search", kLineSearch, t.lbfgs.strongWolfe);
    }
}

void readInit(const QJsonValue& value, TransferSettings& t) {
    const QString path = QStringLiteral("init");
    const QJsonObject init = objectAt(value, path, {"mode", "noise_ratio", "seed"});
    readChoice(init, path, "mode", spellings(InitMode{}), t.init);
    readNumber(init, path, "noise_ratio", Range::ZeroToOne, t.noiseRatio);
    const QJsonValue seed = init.value(QLatin1String("seed"));
    if (!seed.isUndefined())
        t.seed = seedAt(seed, join(path, QStringLiteral("seed")));
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

QJsonObject videoJson(const VideoSettings& video) {
    return QJsonObject{
        {QStringLiteral("temporal_weight"), video.temporalWeight},
        {QStringLiteral("long_term"), video.longTerm},
        {QStringLiteral("frame_iterations"), video.frameIterations},
        {QStringLiteral("first_frame"), video.firstFrame},
        {QStringLiteral("frame_count"), video.frameCount},
        {QStringLiteral("frames_folder"), QString::fromStdString(video.framesFolder)}};
}

VideoSettings videoAt(const QJsonValue& value) {
    const QString path = QStringLiteral("video");
    const QJsonObject object = objectAt(value, path,
                                        {"temporal_weight", "long_term", "frame_iterations",
                                         "first_frame", "frame_count", "frames_folder"});
    VideoSettings video;
    readNumber(object, path, "temporal_weight", Range::NonNegative, video.temporalWeight);
    if (video.temporalWeight > kMaxTemporalWeight)
        fail(join(path, QStringLiteral("temporal_weight")),
             QStringLiteral("%1 is too large; expected 0 to %2")
                 .arg(video.temporalWeight)
                 .arg(kMaxTemporalWeight));
    readBool(object, path, "long_term", video.longTerm);
    readInt(object, path, "frame_iterations", 0, kMaxIterations, video.frameIterations);
    readInt(object, path, "first_frame", 1, kMaxFrameNumber, video.firstFrame);
    readInt(object, path, "frame_count", 0, kMaxFrameNumber, video.frameCount);
    readString(object, path, "frames_folder", video.framesFolder);
    return video;
}

} // namespace deepart::json
