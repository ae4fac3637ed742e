#pragma once

#include <QGraphicsView>

class QGraphicsPixmapItem;

namespace deepart {

// Shows one image with fit-to-window, 100% and wheel zoom; drag to pan. A new image of the same
// size keeps the current zoom and position, so a live preview does not jump. GUI thread only.
class ImageView : public QGraphicsView {
    Q_OBJECT
public:
    explicit ImageView(QWidget* parent = nullptr);

    void setImage(const QImage& image);
    QImage image() const { return image_; }
    void fitToWindow();
    void actualSize();
    void zoomBy(double factor);
    double zoom() const;

    // Takes another view's zoom and scroll position (for synchronized comparison).
    void followView(const ImageView& other);

Q_SIGNALS:
    // Zoom or scroll position changed by the user or by code.
    void viewChanged();

protected:
    void wheelEvent(QWheelEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void setZoom(double zoom);

    QGraphicsPixmapItem* item_;
    QImage image_;
    bool fitting_ = true;
};

} // namespace deepart
