#include "ExportWriter.h"

#include "Error.h"
#include "ImageConversion.h"
#include "ImageFile.h"
#include "SettingsJson.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSaveFile>

#include <cmath>

namespace deepart {

QString ExportWriter::settingsJson(const SnapshotInfo& snapshot) {
    RunSettings settings = snapshot.settings.runSettings();
    // File names only: an artwork shared with others should not carry the sender's folders.
    const auto nameOnly = [](const std::string& path) {
        return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
    };
    settings.contentPath = nameOnly(settings.contentPath);
    settings.initImagePath = nameOnly(settings.initImagePath);
    for (StyleSource& style : settings.styles) {
        style.path = nameOnly(style.path);
        style.maskPath = nameOnly(style.maskPath);
    }
    if (settings.video) // a video's frame: its frames folder is the sender's too
        settings.video->framesFolder.clear();
    return QString::fromUtf8(
        QJsonDocument(runSettingsToJson(settings)).toJson(QJsonDocument::Compact));
}

QString ExportWriter::snapshotJson(const SnapshotInfo& snapshot) {
    QJsonObject losses{{QStringLiteral("total"), snapshot.stats.total}};
    for (const auto& term : snapshot.stats.terms)
        losses.insert(QString::fromStdString(term.name), term.value);
    const QJsonObject json{
        {QStringLiteral("iteration"), snapshot.iteration},
        {QStringLiteral("manual"), snapshot.manual},
        {QStringLiteral("scale"), snapshot.scale},
        {QStringLiteral("size"), snapshot.size},
        {QStringLiteral("evaluations"), static_cast<qint64>(snapshot.stats.evaluations)},
        {QStringLiteral("losses"), losses}};
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

ImageWriteOptions ExportWriter::keeping(const QImage& image) {
    ImageWriteOptions format;
    format.bitDepth = isDeepImage(image) ? 16 : 8;
    return format;
}

QString ExportWriter::exportSnapshot(const SnapshotInfo& snapshot, const QString& path,
                                     const ImageWriteOptions& format) {
    const QImage image = snapshot.loadImage();
    if (image.isNull())
        return QStringLiteral("the image of snapshot %1 is missing (%2)")
            .arg(snapshot.iteration)
            .arg(QDir::toNativeSeparators(snapshot.file));
    return exportImage(image, path, settingsJson(snapshot), snapshotJson(snapshot), format);
}

std::optional<RunSettings> readArtworkSettings(const QString& path) {
    QImageReader reader(path);
    const QString text = reader.text(QString::fromLatin1(ExportWriter::kSettingsKey));
    if (text.isEmpty())
        return std::nullopt;
    try {
        return runSettingsFromJsonText(text.toUtf8());
    } catch (const Error&) {
        return std::nullopt;
    }
}

QString ExportWriter::exportImage(const QImage& image, const QString& path,
                                  const QString& settingsJson, const QString& snapshotJson,
                                  const ImageWriteOptions& format) {
    if (image.isNull())
        return QStringLiteral("there is no image to export");
    if (!isSupportedOutputPath(path.toStdString()))
        return QStringLiteral("'%1': unsupported file type; use .png, .jpg, .tif or .webp")
            .arg(QFileInfo(path).fileName());
    try {
        checkWriteOptions(path.toStdString(), format);
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    if (QFileInfo(path).suffix().compare(QStringLiteral("png"), Qt::CaseInsensitive) != 0) {
        try {
            saveRgbImage(toRgbMat(image, format.bitDepth), path.toStdString(), format);
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
    if (!snapshotJson.isEmpty())
        writer.setText(QString::fromLatin1(kSnapshotKey), snapshotJson);
    // Qt writes a 16-bit PNG for 16-bit formats, and the resolution as pHYs.
    QImage out = format.bitDepth == 16 ? image.convertToFormat(QImage::Format_RGBX64)
                 : isDeepImage(image)  ? image.convertToFormat(QImage::Format_RGB32)
                                       : image;
    if (format.dpi > 0.0) {
        const int perMetre = static_cast<int>(std::lround(format.dpi / 0.0254));
        out.setDotsPerMeterX(perMetre);
        out.setDotsPerMeterY(perMetre);
    }
    if (!writer.write(out)) {
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
    const QStringList paths = exportAllPaths(snapshots, folder, extension, prefix);
    for (qsizetype i = 0; i < snapshots.size(); ++i) {
        const QString error = exportSnapshot(snapshots[i], paths[i]);
        if (!error.isEmpty())
            return error;
    }
    return {};
}

QStringList ExportWriter::exportAllPaths(const QList<SnapshotInfo>& snapshots,
                                         const QString& folder, const QString& extension,
                                         const QString& prefix) {
    QStringList paths;
    for (const auto& snapshot : snapshots) {
        const int run = snapshot.settings.runNumber;
        // A video's frames by their number in the clip (frames kept from an earlier run all
        // have iteration 0), other snapshots by their iteration.
        const QString which =
            snapshot.frame > 0
                ? QStringLiteral("frame%1").arg(snapshot.frame, 5, 10, QLatin1Char('0'))
                : QStringLiteral("%1").arg(snapshot.iteration, 4, 10, QLatin1Char('0'));
        const QString name =
            QStringLiteral("%1%2-%3%4.%5")
                .arg(prefix, run > 0 ? QStringLiteral("-run%1").arg(run) : QString(), which,
                     snapshot.manual ? QStringLiteral("-manual") : QString(), extension);
        QString path = QDir(folder).filePath(name);
        // Two snapshots at one iteration (a manual one while paused, say): both are kept.
        for (int copy = 2; paths.contains(path); ++copy)
            path = QDir(folder).filePath(QFileInfo(name).completeBaseName() +
                                         QStringLiteral("-%1.%2").arg(copy).arg(extension));
        paths << path;
    }
    return paths;
}

QString ExportWriter::fileFilters() {
    return QObject::tr("PNG (*.png);;JPEG (*.jpg *.jpeg);;TIFF (*.tif *.tiff);;WebP (*.webp)");
}

QString ExportWriter::withFilterExtension(const QString& path, const QString& filter) {
    if (!QFileInfo(path).suffix().isEmpty())
        return path;
    static const QRegularExpression firstPattern(QStringLiteral("\\*\\.(\\w+)"));
    const auto match = firstPattern.match(filter);
    return path + QLatin1Char('.') + (match.hasMatch() ? match.captured(1) : QStringLiteral("png"));
}

} // namespace deepart
