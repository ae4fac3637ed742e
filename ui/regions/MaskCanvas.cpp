#include "MaskCanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QUndoCommand>
#include <QUndoStack>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <utility>

namespace deepart {

namespace {

// How strongly the overlays tint the content where a mask is white: the edited style clearly,
// the others faintly, so the picture stays visible underneath.
constexpr int kOwnAlpha = 115;   // 45 %
constexpr int kOthersAlpha = 56; // 22 %
// Full-image copies make each step cost one mask; this bounds the memory of a long session.
constexpr int kUndoLimit = 30;

// One edit as the masks before and after it. The edit is already applied when it is pushed, so
// the first redo() (QUndoStack::push calls it) does nothing.
class MaskEditCommand : public QUndoCommand {
public:
    MaskEditCommand(QImage before, QImage after, const QString& text,
                    std::function<void(const QImage&)> apply)
        : QUndoCommand(text), before_(std::move(before)), after_(std::move(after)),
          apply_(std::move(apply)) {}

    void undo() override { apply_(before_); }
    void redo() override {
        if (pushed_) {
            pushed_ = false;
            return;
        }
        apply_(after_);
    }

private:
    QImage before_;
    QImage after_;
    std::function<void(const QImage&)> apply_;
    bool pushed_ = true;
};

// Premultiplied colours for every mask value: a table lookup per pixel keeps the overlay cheap
// to redraw under a moving brush.
std::array<QRgb, 256> tintTable(const QColor& color, int maxAlpha) {
    std::array<QRgb, 256> table{};
    for (int v = 0; v < 256; ++v)
        table[v] =
            qPremultiply(qRgba(color.red(), color.green(), color.blue(), v * maxAlpha / 255));
    return table;
}

void tint(const QImage& mask, const std::array<QRgb, 256>& table, const QRect& area,
          QImage* overlay) {
    for (int y = area.top(); y <= area.bottom(); ++y) {
        const uchar* in = mask.constScanLine(y);
        auto* out = reinterpret_cast<QRgb*>(overlay->scanLine(y));
        for (int x = area.left(); x <= area.right(); ++x)
            out[x] = table[in[x]];
    }
}

} // namespace

MaskCanvas::MaskCanvas(QWidget* parent) : QWidget(parent), undo_(new QUndoStack(this)) {
    undo_->setUndoLimit(kUndoLimit);
    setMouseTracking(true);
    setCursor(Qt::CrossCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void MaskCanvas::setContent(const QImage& content) {
    content_ = content;
    mask_ = QImage();
    if (!content_.isNull()) {
        mask_ = QImage(content_.size(), QImage::Format_Grayscale8);
        mask_.fill(0);
    }
    scaledContent_ = QPixmap();
    undo_->clear();
    updateOverlay(mask_.rect());
    updateOthersOverlay();
    update();
    Q_EMIT maskChanged();
}

void MaskCanvas::setMask(const QImage& mask) {
    QImage next;
    if (mask.isNull()) {
        if (!content_.isNull()) {
            next = QImage(content_.size(), QImage::Format_Grayscale8);
            next.fill(0);
        }
    } else {
        next = mask.convertToFormat(QImage::Format_Grayscale8);
        if (!content_.isNull() && next.size() != content_.size())
            next = next.scaled(content_.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    }
    const QImage before = mask_;
    mask_ = next;
    updateOverlay(mask_.rect());
    update();
    pushEdit(before, tr("Replace mask"));
}

void MaskCanvas::setColor(const QColor& color) {
    color_ = color;
    updateOverlay(mask_.rect());
    update();
}

void MaskCanvas::setOtherMasks(const QList<QPair<QImage, QColor>>& masks) {
    others_ = masks;
    updateOthersOverlay();
    update();
}

void MaskCanvas::setTool(Tool tool) {
    tool_ = tool;
    update();
}

void MaskCanvas::setBrushSize(int imagePixels) {
    brushSize_ = std::max(1, imagePixels);
    update();
}

void MaskCanvas::invert() {
    if (mask_.isNull())
        return;
    const QImage before = mask_;
    mask_.invertPixels();
    updateOverlay(mask_.rect());
    update();
    pushEdit(before, tr("Invert"));
}

void MaskCanvas::clear() {
    if (mask_.isNull())
        return;
    const QImage before = mask_;
    mask_.fill(0);
    updateOverlay(mask_.rect());
    update();
    pushEdit(before, tr("Clear"));
}

QRectF MaskCanvas::imageRect() const {
    if (content_.isNull())
        return {};
    const double scale =
        std::min(width() / double(content_.width()), height() / double(content_.height()));
    const QSizeF size(content_.width() * scale, content_.height() * scale);
    return {QPointF((width() - size.width()) / 2, (height() - size.height()) / 2), size};
}

QPointF MaskCanvas::mapToImage(const QPointF& widgetPos) const {
    const QRectF target = imageRect();
    if (target.isEmpty())
        return {};
    const double scale = content_.width() / target.width();
    return (widgetPos - target.topLeft()) * scale;
}

QPointF MaskCanvas::mapFromImage(const QPointF& imagePos) const {
    const QRectF target = imageRect();
    if (target.isEmpty())
        return {};
    const double scale = target.width() / content_.width();
    return target.topLeft() + imagePos * scale;
}

void MaskCanvas::pushEdit(const QImage& before, const QString& text) {
    // A click that changed nothing (clear on a black mask, fill on nothing) is no undo step.
    if (before == mask_)
        return;
    undo_->push(new MaskEditCommand(before, mask_, text,
                                    [this](const QImage& mask) { restoreMask(mask); }));
    Q_EMIT maskChanged();
}

void MaskCanvas::restoreMask(const QImage& mask) {
    // An undo in the middle of a drag ends the stroke; what it painted so far goes too.
    stroking_ = false;
    mask_ = mask;
    updateOverlay(mask_.rect());
    update();
    Q_EMIT maskChanged();
}

void MaskCanvas::strokeTo(const QPointF& imagePos) {
    const QColor value = tool_ == Tool::Eraser ? Qt::black : Qt::white;
    const double radius = brushSize_ / 2.0;
    {
        QPainter painter(&mask_);
        painter.setRenderHint(QPainter::Antialiasing);
        if (imagePos == lastStrokePoint_) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(value);
            painter.drawEllipse(imagePos, radius, radius);
        } else {
            // Mouse moves arrive far apart on a fast drag; a line with round ends between them
            // leaves no gaps.
            painter.setPen(QPen(value, brushSize_, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawLine(lastStrokePoint_, imagePos);
        }
    }
    const QRectF touched = QRectF(lastStrokePoint_, imagePos)
                               .normalized()
                               .adjusted(-radius - 2, -radius - 2, radius + 2, radius + 2);
    lastStrokePoint_ = imagePos;
    updateOverlay(touched.toAlignedRect());
    updateImageArea(touched);
}

void MaskCanvas::floodFill(const QPointF& imagePos) {
    const QPoint seed(int(std::floor(imagePos.x())), int(std::floor(imagePos.y())));
    if (!mask_.rect().contains(seed))
        return;
    const QImage before = mask_;
    // Wraps the pixels in place (bits() detaches from `before`); rows may be padded.
    cv::Mat pixels(mask_.height(), mask_.width(), CV_8UC1, mask_.bits(),
                   static_cast<size_t>(mask_.bytesPerLine()));
    // The region is everything connected to the click on the same side of mid-grey, so the
    // soft edge of a brush stroke belongs to it rather than leaving a grey seam.
    const int value = pixels.at<uchar>(seed.y(), seed.x());
    const bool dark = value < 128;
    const int lowest = dark ? 0 : 128;
    const int highest = dark ? 127 : 255;
    cv::Rect filled;
    cv::floodFill(pixels, cv::Point(seed.x(), seed.y()), cv::Scalar(dark ? 255 : 0), &filled,
                  cv::Scalar(value - lowest), cv::Scalar(highest - value),
                  4 | cv::FLOODFILL_FIXED_RANGE);
    const QRect area(filled.x, filled.y, filled.width, filled.height);
    updateOverlay(area);
    updateImageArea(area);
    pushEdit(before, tr("Fill"));
}

void MaskCanvas::updateOverlay(const QRect& imageArea) {
    if (mask_.isNull()) {
        overlay_ = QImage();
        return;
    }
    if (overlay_.size() != mask_.size()) {
        overlay_ = QImage(mask_.size(), QImage::Format_ARGB32_Premultiplied);
        tint(mask_, tintTable(color_, kOwnAlpha), mask_.rect(), &overlay_);
        return;
    }
    const QRect area = imageArea & mask_.rect();
    if (!area.isEmpty())
        tint(mask_, tintTable(color_, kOwnAlpha), area, &overlay_);
}

void MaskCanvas::updateOthersOverlay() {
    othersOverlay_ = QImage();
    if (content_.isNull() || others_.isEmpty())
        return;
    othersOverlay_ = QImage(content_.size(), QImage::Format_ARGB32_Premultiplied);
    othersOverlay_.fill(Qt::transparent);
    QPainter painter(&othersOverlay_);
    for (const auto& [image, color] : others_) {
        if (image.isNull())
            continue;
        QImage other = image.convertToFormat(QImage::Format_Grayscale8);
        if (other.size() != content_.size())
            other = other.scaled(content_.size(), Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        QImage tinted(other.size(), QImage::Format_ARGB32_Premultiplied);
        tint(other, tintTable(color, kOthersAlpha), other.rect(), &tinted);
        painter.drawImage(0, 0, tinted);
    }
}

void MaskCanvas::updateImageArea(const QRectF& imageArea) {
    const QRectF area(mapFromImage(imageArea.topLeft()), mapFromImage(imageArea.bottomRight()));
    update(area.adjusted(-2, -2, 2, 2).toAlignedRect());
}

QRectF MaskCanvas::cursorOutline(const QPointF& widgetPos) const {
    const QRectF target = imageRect();
    if (target.isEmpty())
        return {};
    const double radius = brushSize_ / 2.0 * target.width() / content_.width();
    return {widgetPos.x() - radius, widgetPos.y() - radius, 2 * radius, 2 * radius};
}

void MaskCanvas::updateCursorOutline(const QPointF& widgetPos) {
    if (hovering_)
        update(cursorOutline(hover_).adjusted(-3, -3, 3, 3).toAlignedRect());
    hover_ = widgetPos;
    hovering_ = true;
    update(cursorOutline(hover_).adjusted(-3, -3, 3, 3).toAlignedRect());
}

void MaskCanvas::paintEvent(QPaintEvent* /*event*/) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x2b, 0x2b, 0x2b));
    const QRectF target = imageRect();
    if (target.isEmpty())
        return;
    const qreal ratio = devicePixelRatioF();
    const QSize pixels = (target.size() * ratio).toSize();
    if (scaledContent_.size() != pixels) {
        scaledContent_ = QPixmap::fromImage(
            content_.scaled(pixels, Qt::IgnoreAspectRatio, Qt::SmoothTransformation));
        scaledContent_.setDevicePixelRatio(ratio);
    }
    painter.drawPixmap(target.topLeft(), scaledContent_);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    if (!othersOverlay_.isNull())
        painter.drawImage(target, othersOverlay_);
    if (!overlay_.isNull())
        painter.drawImage(target, overlay_);
    if (hovering_ && tool_ != Tool::Fill) {
        // Two rings, dark and light, so the outline shows on any picture.
        const QRectF ring = cursorOutline(hover_);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor(0, 0, 0, 160), 1));
        painter.drawEllipse(ring.adjusted(-1, -1, 1, 1));
        painter.setPen(QPen(QColor(255, 255, 255, 220), 1));
        painter.drawEllipse(ring);
    }
}

void MaskCanvas::mousePressEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton || mask_.isNull()) {
        QWidget::mousePressEvent(event);
        return;
    }
    const QPointF at = mapToImage(event->position());
    if (tool_ == Tool::Fill) {
        floodFill(at);
        return;
    }
    stroking_ = true;
    strokeBefore_ = mask_;
    lastStrokePoint_ = at;
    strokeTo(at);
}

void MaskCanvas::mouseMoveEvent(QMouseEvent* event) {
    updateCursorOutline(event->position());
    if (stroking_)
        strokeTo(mapToImage(event->position()));
}

void MaskCanvas::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    if (!stroking_)
        return;
    const QPointF at = mapToImage(event->position());
    if (at != lastStrokePoint_)
        strokeTo(at);
    stroking_ = false;
    pushEdit(strokeBefore_, tool_ == Tool::Eraser ? tr("Erase") : tr("Paint"));
    strokeBefore_ = QImage();
}

void MaskCanvas::leaveEvent(QEvent* event) {
    if (hovering_)
        update(cursorOutline(hover_).adjusted(-3, -3, 3, 3).toAlignedRect());
    hovering_ = false;
    QWidget::leaveEvent(event);
}

} // namespace deepart
