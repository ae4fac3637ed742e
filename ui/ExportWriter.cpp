#include "ExportWriter.h"

#include "Error.h"
#include "ImageConversion.h"
#include "ImageFile.h"

#include <QDir>
#include <QFileInfo>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace deepart {

QString ExportWriter::settingsJson(const SnapshotInfo& snapshot) {
    const auto& job = snapshot.settings;
    const auto& t = job.transfer;
    const QJsonObject json{
        {QStringLiteral("iteration"), snapshot.iteration},
        {QStringLiteral("loss_total"), snapshot.stats.total},
        {QStringLiteral("loss_content"), snapshot.stats.content},
        {QStringLiteral("loss_style"), snapshot.stats.style},
        {QStringLiteral("loss_tv"), snapshot.stats.tv},
        {QStringLiteral("content"), QFileInfo(job.contentPath).fileName()},
        {QStringLiteral("style"), QFileInfo(job.stylePath).fileName()},
        {QStringLiteral("size"), job.size},
        {QStringLiteral("iterations"), t.iterations},
        {QStringLiteral("content_weight"), t.lossWeights.content},
        {QStringLiteral("style_weight"), t.lossWeights.style},
        {QStringLiteral("tv_weight"), t.lossWeights.tv},
        {QStringLiteral("learning_rate"), t.learningRate},
        {QStringLiteral("init"), QString::fromLatin1(toString(t.init))},
        {QStringLiteral("noise_ratio"), t.noiseRatio},
        {QStringLiteral("seed"), QString::number(t.seed)},
        {QStringLiteral("pooling"), QString::fromLatin1(toString(t.pooling))},
    };
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

QString ExportWriter::exportImage(const QImage& image, const QString& path,
                                  const QString& settingsJson) {
    if (image.isNull())
        return QStringLiteral("there is no image to export");
    if (!isSupportedOutputPath(path.toStdString()))
        return QStringLiteral("'%1': unsupported file type; use .png, .jpg, .tif or .webp")
            .arg(QFileInfo(path).fileName());
    if (QFileInfo(path).suffix().compare(QStringLiteral("png"), Qt::CaseInsensitive) != 0) {
        try {
            saveRgbImage(toRgbMat(image), path.toStdString());
        } catch (const std::exception& e) {
            return QString::fromStdString(describeException(e));
        }
        return {};
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
    QImageWriter writer(&file, "png");
    writer.setText(QStringLiteral("Software"), QStringLiteral("Deep Art Gallery " DEEPART_VERSION));
    if (!settingsJson.isEmpty())
        writer.setText(QString::fromLatin1(kSettingsKey), settingsJson);
    if (!writer.write(image)) {
        const QString why = writer.errorString();
        file.cancelWriting();
        return QStringLiteral("cannot write '%1': %2").arg(path, why);
    }
    if (!file.commit())
        return QStringLiteral("cannot write '%1': %2").arg(path, file.errorString());
    return {};
}

QString ExportWriter::exportAll(const QList<SnapshotInfo>& snapshots, const QString& folder,
                                const QString& extension, const QString& prefix) {
    if (snapshots.isEmpty())
        return QStringLiteral("there are no snapshots to export yet");
    if (!QFileInfo(folder).isDir())
        return QStringLiteral("the folder '%1' does not exist").arg(folder);
    for (const auto& snapshot : snapshots) {
        const QString name = QStringLiteral("%1-%2%3.%4")
                                 .arg(prefix)
                                 .arg(snapshot.iteration, 4, 10, QLatin1Char('0'))
                                 .arg(snapshot.manual ? QStringLiteral("-manual") : QString())
                                 .arg(extension);
        const QString error =
            exportImage(snapshot.image, QDir(folder).filePath(name), settingsJson(snapshot));
        if (!error.isEmpty())
            return error;
    }
    return {};
}

} // namespace deepart
