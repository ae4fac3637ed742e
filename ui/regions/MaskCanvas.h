#pragma once

#include <QColor>
#include <QImage>
#include <QList>
#include <QPair>
#include <QPixmap>
#include <QWidget>

class QUndoStack;

namespace deepart {

// Paints the mask of one style over the content image: white where the style applies, black
// where it does not. The content is shown scaled to fit; the mask lies over it in the style's
// colour, other styles' masks fainter in theirs. Brush and eraser paint along the drag, fill
// toggles the connected region under the click. Every edit is one undo step and emits
// maskChanged(). GUI thread only.
class MaskCanvas : public QWidget {
    Q_OBJECT
public:
    enum class Tool { Brush, Eraser, Fill };

    explicit MaskCanvas(QWidget* parent = nullptr);

    // A new content image starts an all-black mask of its size and forgets the undo history.
    void setContent(const QImage& content);
    QImage content() const { return content_; }
    // Replaces the mask (one undo step). Any format is converted to grayscale and scaled to the
    // content's size; a null image is an all-black mask.
    void setMask(const QImage& mask);
    // Format_Grayscale8, the content's size.
    QImage mask() const { return mask_; }

    void setColor(const QColor& color);
    QColor color() const { return color_; }
    // The other styles' masks, shown fainter so that the user sees where they overlap.
    void setOtherMasks(const QList<QPair<QImage, QColor>>& masks);

    void setTool(Tool tool);
    Tool tool() const { return tool_; }
    // The brush diameter in content-image pixels, so a stroke covers the same part of the
    // image at any window size.
    void setBrushSize(int imagePixels);
    int brushSize() const { return brushSize_; }

    void invert();
    void clear();

    QUndoStack* undoStack() const { return undo_; }

    // Widget and content-image coordinates (pixel (x, y) spans x..x+1, y..y+1).
    QPointF mapToImage(const QPointF& widgetPos) const;
    QPointF mapFromImage(const QPointF& imagePos) const;
    // Where the content is drawn, in widget coordinates.
    QRectF imageRect() const;

    QSize sizeHint() const override { return {640, 480}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

Q_SIGNALS:
    void maskChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    // Records the edit from `before` to the current mask as one undo step.
    void pushEdit(const QImage& before, const QString& text);
    // Sets the mask from the undo stack (no new step).
    void restoreMask(const QImage& mask);
    void strokeTo(const QPointF& imagePos);
    void floodFill(const QPointF& imagePos);
    void updateOverlay(const QRect& imageArea);
    void updateOthersOverlay();
    void updateImageArea(const QRectF& imageArea);
    void updateCursorOutline(const QPointF& widgetPos);
    QRectF cursorOutline(const QPointF& widgetPos) const;

    QImage content_;
    QImage mask_;
    // The mask in the style's colour, premultiplied, redrawn only where a stroke touched.
    QImage overlay_;
    QImage othersOverlay_;
    QList<QPair<QImage, QColor>> others_;
    QColor color_ = QColor(0xe6, 0x7e, 0x22);
    // The content scaled to the widget once per resize, not on every repaint during a stroke.
    QPixmap scaledContent_;
    Tool tool_ = Tool::Brush;
    int brushSize_ = 24;
    QUndoStack* undo_;
    bool stroking_ = false;
    QImage strokeBefore_;
    QPointF lastStrokePoint_;
    QPointF hover_;
    bool hovering_ = false;
};

} // namespace deepart
