#include "SettingsJson.h"

#include "JsonFields.h"
#include "SettingsJsonSections.h"

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

using namespace json;

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

    QJsonObject json{
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
         QJsonObject{
             {QStringLiteral("name"), QLatin1String(toString(t.optimizer))},
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
                           QLatin1String(kLineSearch[t.lbfgs.strongWolfe ? 1 : 0].name)}}}}},
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
    if (settings.video)
        json.insert(QStringLiteral("video"), videoJson(*settings.video));
    return json;
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
              "precision", "tile", "video"});

    RunSettings settings;
    TransferSettings& t = settings.transfer;

    // Size before preset, because a preset's scales are fractions of the output size.
    const QJsonValue size = json.value(QLatin1String("size"));
    if (!size.isUndefined())
        t.setOutputSize(intAt(size, QStringLiteral("size"), kMinImageSide, kMaxImageSide));

    Preset preset = Preset::Custom;
    readChoice(json, QString(), "preset", spellings(Preset{}), preset);
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

    readChoice(json, QString(), "preserve_colors", spellings(ColorMode{}), t.colors);
    readChoice(json, QString(), "pooling", spellings(Pooling{}), t.pooling);
    readChoice(json, QString(), "device", spellings(DeviceChoice{}), t.device);
    readChoice(json, QString(), "precision", spellings(Precision{}), t.precision);
    readInt(json, QString(), "tile", 0, kMaxImageSide, t.tileSize);
    if (t.tileSize > 0 && t.tileSize < kMinTileSize)
        fail(QStringLiteral("tile"), QStringLiteral("%1 is too small; expected 0 (automatic) or "
                                                    "%2 to %3 px")
                                         .arg(t.tileSize)
                                         .arg(kMinTileSize)
                                         .arg(kMaxImageSide));
    const QJsonValue video = json.value(QLatin1String("video"));
    if (!video.isUndefined())
        settings.video = videoAt(video);
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
