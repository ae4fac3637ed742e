#pragma once

#include <QImage>
#include <QWidget>

namespace deepart {

// Two images overlaid, fitted to the widget, with a vertical split line the user drags: left of
// it the first image, right of it the second. GUI thread only.
class WipeView : public QWidget {
    Q_OBJECT
public:
    explicit WipeView(QWidget* parent = nullptr);

    void setImages(const QImage& left, const QImage& right);
    // Split position from 0 (all right image) to 1 (all left image).
    double split() const { return split_; }
    void setSplit(double split);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;

private:
    QRect imageRect() const;

    QImage left_;
    QImage right_;
    double split_ = 0.5;
};

} // namespace deepart
