#include "WipeView.h"

#include <QMouseEvent>
#include <QPainter>

namespace deepart {

WipeView::WipeView(QWidget* parent) : QWidget(parent) {
    setMinimumSize(200, 150);
    setCursor(Qt::SplitHCursor);
}

void WipeView::setImages(const QImage& left, const QImage& right) {
    left_ = left;
    right_ = right;
    update();
}

void WipeView::setSplit(double split) {
    split_ = std::clamp(split, 0.0, 1.0);
    update();
}

QRect WipeView::imageRect() const {
    const QImage& reference = left_.isNull() ? right_ : left_;
    if (reference.isNull())
        return {};
    QSize size = reference.size();
    size.scale(this->size(), Qt::KeepAspectRatio);
    return QRect(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
}

void WipeView::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0x2b, 0x2b, 0x2b));
    const QRect target = imageRect();
    if (target.isEmpty())
        return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const int splitX = target.left() + static_cast<int>(split_ * target.width());
    // Both images are drawn into the same rectangle, so pixels line up even when they differ
    // in size (a snapshot against the full-size content image).
    painter.save();
    painter.setClipRect(QRect(target.topLeft(), QPoint(splitX, target.bottom())));
    painter.drawImage(target, left_);
    painter.restore();
    painter.save();
    painter.setClipRect(QRect(QPoint(splitX, target.top()), target.bottomRight()));
    painter.drawImage(target, right_);
    painter.restore();
    painter.setPen(QPen(Qt::white, 2));
    painter.drawLine(splitX, target.top(), splitX, target.bottom());
}

void WipeView::mousePressEvent(QMouseEvent* event) {
    mouseMoveEvent(event);
}

void WipeView::mouseMoveEvent(QMouseEvent* event) {
    const QRect target = imageRect();
    if (target.width() > 0)
        setSplit((event->position().x() - target.left()) / target.width());
}

} // namespace deepart
