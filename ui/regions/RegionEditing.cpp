#include "RegionEditing.h"

#include "ImageWell.h"
#include "MaskEditorDialog.h"
#include "StyleStrip.h"

#include <QDir>
#include <QFileInfo>
#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>
#include <QUuid>

namespace deepart {

namespace {

QImage readMask(const QString& path) {
    if (path.isEmpty())
        return {};
    QImageReader reader(path);
    reader.setAutoTransform(true);
    return reader.read();
}

} // namespace

RegionEditing::RegionEditing(StyleStrip* strip, ImageWell* content, QWidget* dialogParent)
    : QObject(dialogParent), strip_(strip), content_(content) {
    editor_ = [dialogParent](const Request& r) {
        MaskEditorDialog dialog(r.content, r.mask, r.color, r.styleName, r.otherMasks,
                                dialogParent);
        return dialog.exec() == QDialog::Accepted ? dialog.mask() : QImage();
    };
    connect(strip_, &StyleStrip::maskEditRequested, this, &RegionEditing::edit);
}

void RegionEditing::edit(int styleIndex) {
    if (styleIndex < 0 || styleIndex >= strip_->count())
        return;
    if (content_->image().isNull()) {
        Q_EMIT failed(tr("Choose a content image first: a style's region is painted over it."));
        return;
    }
    const auto styles = strip_->styles();
    Request request;
    request.content = content_->image();
    request.mask = readMask(QString::fromStdString(styles[styleIndex].maskPath));
    request.color = StyleStrip::colorFor(styleIndex);
    request.styleName =
        tr("style %1 (%2)")
            .arg(styleIndex + 1)
            .arg(QFileInfo(QString::fromStdString(styles[styleIndex].path)).fileName());
    for (int k = 0; k < static_cast<int>(styles.size()); ++k) {
        const QImage other =
            k == styleIndex ? QImage() : readMask(QString::fromStdString(styles[k].maskPath));
        if (!other.isNull())
            request.otherMasks.append({other, StyleStrip::colorFor(k)});
    }
    const QImage mask = editor_(request);
    if (mask.isNull())
        return; // cancelled: the style keeps its region

    // A new file each time: an exported artwork's settings may name the old one.
    if (!QDir().mkpath(folder_)) {
        Q_EMIT failed(tr("Cannot create the folder '%1' for the region masks.").arg(folder_));
        return;
    }
    const QString path = QDir(folder_).filePath(
        QStringLiteral("region-%1.png").arg(QUuid::createUuid().toString(QUuid::Id128).left(12)));
    QSaveFile file(path);
    QImageWriter writer(&file, "png");
    if (!file.open(QIODevice::WriteOnly) || !writer.write(mask) || !file.commit()) {
        Q_EMIT failed(tr("The region could not be saved to '%1': %2")
                          .arg(path, writer.error() != QImageWriter::UnknownError
                                         ? writer.errorString()
                                         : file.errorString()));
        return;
    }
    strip_->setMaskPath(styleIndex, path);
}

} // namespace deepart
