#include "ImageView.h"

#include <QGraphicsPixmapItem>
#include <QScrollBar>
#include <QWheelEvent>

#include <cmath>

namespace deepart {

ImageView::ImageView(QWidget* parent) : QGraphicsView(parent), item_(new QGraphicsPixmapItem) {
    setScene(new QGraphicsScene(this));
    scene()->addItem(item_);
    item_->setTransformationMode(Qt::SmoothTransformation);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setResizeAnchor(QGraphicsView::AnchorViewCenter); // what is in the middle stays there
    setBackgroundBrush(QColor(0x2b, 0x2b, 0x2b));
    setMinimumSize(140, 150);
    connect(horizontalScrollBar(), &QScrollBar::valueChanged, this, &ImageView::viewChanged);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &ImageView::viewChanged);
}

void ImageView::setImage(const QImage& image) {
    const bool sameSize = image.size() == image_.size();
    image_ = image;
    item_->setPixmap(QPixmap::fromImage(image));
    if (!sameSize)
        scene()->setSceneRect(item_->boundingRect());
    if (fitting_ || !sameSize)
        fitToWindow();
}

void ImageView::fitToWindow() {
    fitting_ = true;
    if (!image_.isNull())
        fitInView(item_, Qt::KeepAspectRatio);
    Q_EMIT viewChanged();
}

void ImageView::actualSize() {
    fitting_ = false;
    setZoom(1.0);
}

double ImageView::zoom() const {
    return transform().m11();
}

void ImageView::setZoom(double zoom) {
    setTransform(QTransform::fromScale(zoom, zoom));
    Q_EMIT viewChanged();
}

void ImageView::zoomBy(double factor) {
    fitting_ = false;
    const double next = std::clamp(zoom() * factor, 0.02, 32.0);
    scale(next / zoom(), next / zoom());
    Q_EMIT viewChanged();
}

void ImageView::followView(const ImageView& other) {
    // Views of different sizes (side by side, or the wide wipe view) each fit in their own
    // way, and otherwise show the same image point in their middle.
    if (other.fitting_) {
        fitToWindow();
        return;
    }
    fitting_ = false;
    if (std::abs(other.zoom() - zoom()) > 1e-9)
        setTransform(other.transform());
    centerOn(other.mapToScene(other.viewport()->rect().center()));
}

void ImageView::wheelEvent(QWheelEvent* event) {
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0.0) {
        // Around the pointer: the image point under it stays under it. Taken from the event,
        // not from the cursor's last known position as AnchorUnderMouse does (not known
        // everywhere, e.g. under Wayland).
        const QPointF at = event->position();
        const QPointF under = mapToScene(at.toPoint());
        const ViewportAnchor anchor = transformationAnchor();
        setTransformationAnchor(QGraphicsView::NoAnchor);
        zoomBy(std::pow(1.2, steps));
        setTransformationAnchor(anchor);
        const QPointF middle(viewport()->width() / 2.0, viewport()->height() / 2.0);
        centerOn(under + (middle - at) / zoom());
    }
    event->accept();
}

void ImageView::resizeEvent(QResizeEvent* event) {
    QGraphicsView::resizeEvent(event);
    if (fitting_)
        fitToWindow();
}

} // namespace deepart
