#pragma once

#include "ImageView.h"

#include <QPixmap>

namespace deepart {

// Two images overlaid on one pixel grid, with a vertical split line the user drags: left of it
// the first image, right of it the second. An ImageView underneath (it shows the first image),
// so it zooms with the wheel around the pointer, fits, shows 100%, scrolls, and follows the
// side-by-side views' zoom and position like they follow each other. The left button moves the
// split line (a click puts it there); panning is by the scroll bars or from the side-by-side
// views. GUI thread only.
class WipeView : public ImageView {
    Q_OBJECT
public:
    explicit WipeView(QWidget* parent = nullptr);

    // The second image is drawn at the first one's size, so that their pixels line up even when
    // they differ in size (a snapshot against the full-size content image).
    void setImages(const QImage& left, const QImage& right);
    // Split position from 0 (all right image) to 1 (all left image), across the image.
    double split() const { return split_; }
    void setSplit(double split);

protected:
    void drawForeground(QPainter* painter, const QRectF& rect) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    void splitAt(const QPointF& viewportPosition);

    QPixmap right_;
    double split_ = 0.5;
};

} // namespace deepart
