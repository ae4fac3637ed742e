#include "ImageWell.h"

#include "Error.h"
#include "ImageConversion.h"
#include "ImageFile.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMimeData>
#include <QPainter>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <algorithm>

namespace deepart {

ImageWell::ImageWell(const QString& title, const QString& role, QWidget* parent)
    : QFrame(parent), role_(role), title_(new QLabel(title, this)), thumbnail_(new QLabel(this)),
      caption_(new QLabel(this)), error_(new QLabel(this)) {
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setFrameShape(QFrame::StyledPanel);
    setCursor(Qt::PointingHandCursor);
    setToolTip(tr("Drop an image here, click to browse, or paste (Ctrl+V)"));
    title_->setStyleSheet(QStringLiteral("font-weight: bold"));
    thumbnail_->setAlignment(Qt::AlignCenter);
    thumbnail_->setMinimumSize(160, 110);
    thumbnail_->setText(tr("Drop an image here\nor click to browse"));
    caption_->setAlignment(Qt::AlignCenter);
    // The caption follows the well's width, never sets it.
    caption_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c0392b"));
    error_->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(title_);
    layout->addWidget(thumbnail_, 1);
    layout->addWidget(caption_);
    layout->addWidget(error_);
    pasteFolder_ = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    chooser_ = [this](const QString& folder) {
        return QFileDialog::getOpenFileName(
            this, tr("Choose the %1").arg(role_), folder,
            tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp);;All files (*)"));
    };
}

QString ImageWell::errorText() const {
    return error_->isHidden() ? QString() : error_->text();
}

bool ImageWell::loadFile(const QString& path) {
    QImage loaded;
    try {
        // The engine's own reader: what loads here loads for the run too.
        loaded = toQImage(loadRgbImage(path.toStdString(), role_.toStdString()));
    } catch (const std::exception& e) {
        showError(QString::fromStdString(describeException(e)));
        return false;
    }
    path_ = path;
    image_ = loaded;
    browseFolder_ = QFileInfo(path).absolutePath();
    error_->hide();
    caption_->setToolTip(QDir::toNativeSeparators(path));
    showCaption();
    showThumbnail();
    Q_EMIT imageChanged(path_);
    return true;
}

void ImageWell::showError(const QString& message) {
    error_->setText(message);
    error_->show();
    Q_EMIT loadFailed(message);
}

void ImageWell::showThumbnail() {
    if (image_.isNull())
        return;
    thumbnail_->setPixmap(
        QPixmap::fromImage(image_.scaled(thumbnail_->size().boundedTo(QSize(512, 512)),
                                         Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}

void ImageWell::showCaption() {
    if (image_.isNull())
        return;
    const QString name = caption_->fontMetrics().elidedText(
        QFileInfo(path_).fileName(), Qt::ElideMiddle, std::max(40, contentsRect().width() - 12));
    caption_->setText(
        QStringLiteral("%1\n%2 × %3 px").arg(name).arg(image_.width()).arg(image_.height()));
}

void ImageWell::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    showCaption();
    showThumbnail();
}

void ImageWell::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    if (!hasFocus())
        return;
    // Keyboard users see where they are; Space or Enter then browses.
    QPainter painter(this);
    painter.setPen(QPen(palette().color(QPalette::Highlight), 2));
    painter.drawRect(rect().adjusted(1, 1, -1, -1));
}

void ImageWell::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() || event->mimeData()->hasImage())
        event->acceptProposedAction();
}

void ImageWell::dropEvent(QDropEvent* event) {
    const QMimeData* mime = event->mimeData();
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) {
            loadFile(url.toLocalFile());
            event->acceptProposedAction();
            return;
        }
    }
    if (mime->hasUrls()) {
        showError(tr("%1: only files on this computer can be dropped").arg(role_));
        return;
    }
    event->ignore();
}

void ImageWell::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        browse();
    QFrame::mouseReleaseEvent(event);
}

void ImageWell::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Paste)) {
        paste();
        return;
    }
    if (event->key() == Qt::Key_Space || event->key() == Qt::Key_Return ||
        event->key() == Qt::Key_Enter) {
        browse();
        return;
    }
    QFrame::keyPressEvent(event);
}

void ImageWell::browse() {
    const QString path = chooser_(browseFolder_);
    if (!path.isEmpty())
        loadFile(path);
}

void ImageWell::paste() {
    const QMimeData* mime = QApplication::clipboard()->mimeData();
    if (!mime) {
        showError(tr("%1: the clipboard is empty").arg(role_));
        return;
    }
    for (const QUrl& url : mime->urls()) {
        if (url.isLocalFile()) {
            loadFile(url.toLocalFile());
            return;
        }
    }
    if (mime->hasImage()) {
        const QImage pasted = qvariant_cast<QImage>(mime->imageData());
        QDir().mkpath(pasteFolder_);
        const QString file = QDir(pasteFolder_)
                                 .filePath(QStringLiteral("pasted-%1.png")
                                               .arg(QDateTime::currentDateTime().toString(
                                                   QStringLiteral("yyyyMMdd-hhmmss-zzz"))));
        if (pasted.isNull() || !pasted.save(file, "PNG")) {
            showError(tr("%1: the pasted image could not be kept (%2)").arg(role_, file));
            return;
        }
        loadFile(file);
        return;
    }
    showError(tr("%1: the clipboard holds no image or image file").arg(role_));
}

} // namespace deepart
