#include "WipeView.h"

#include <QMouseEvent>
#include <QPainter>

namespace deepart {

WipeView::WipeView(QWidget* parent) : ImageView(parent) {
    // The left button belongs to the split line, not to panning.
    setDragMode(QGraphicsView::NoDrag);
    viewport()->setCursor(Qt::SplitHCursor);
}

void WipeView::setImages(const QImage& left, const QImage& right) {
    const bool both = !left.isNull() && !right.isNull();
    setImage(left.isNull() ? right : left);
    right_ = both ? QPixmap::fromImage(right) : QPixmap();
    viewport()->update();
}

void WipeView::setSplit(double split) {
    split_ = std::clamp(split, 0.0, 1.0);
    viewport()->update();
}

void WipeView::drawForeground(QPainter* painter, const QRectF&) {
    // The first image is the scene's item; the second is painted over it from the split line
    // to the right edge, in scene coordinates, so it zooms and scrolls with the first.
    const QRectF scene = sceneRect();
    if (right_.isNull() || scene.isEmpty())
        return;
    const double x = scene.left() + split_ * scene.width();
    const QRectF target(QPointF(x, scene.top()), scene.bottomRight());
    const double sx = right_.width() / scene.width();
    const double sy = right_.height() / scene.height();
    const QRectF source((x - scene.left()) * sx, 0.0, target.width() * sx, target.height() * sy);
    painter->save();
    painter->setRenderHint(QPainter::SmoothPixmapTransform);
    painter->drawPixmap(target, right_, source);
    QPen line(Qt::white, 2);
    line.setCosmetic(true); // 2 px on screen at any zoom
    painter->setPen(line);
    painter->drawLine(QPointF(x, scene.top()), QPointF(x, scene.bottom()));
    painter->restore();
}

void WipeView::splitAt(const QPointF& viewportPosition) {
    const QRectF scene = sceneRect();
    if (scene.width() > 0.0)
        setSplit((mapToScene(viewportPosition.toPoint()).x() - scene.left()) / scene.width());
}

void WipeView::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton)
        splitAt(event->position());
    ImageView::mousePressEvent(event);
}

void WipeView::mouseMoveEvent(QMouseEvent* event) {
    // The view tracks the mouse without a button too (for the wheel's zoom around the pointer,
    // which the base class's handler records): only a drag moves the line.
    if (event->buttons() & Qt::LeftButton)
        splitAt(event->position());
    ImageView::mouseMoveEvent(event);
}

} // namespace deepart
