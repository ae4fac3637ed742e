#pragma once

#include <QColor>
#include <QDialog>
#include <QImage>
#include <QList>
#include <QPair>

class QLabel;
class QSlider;
class QToolButton;

namespace deepart {

class MaskCanvas;

// Edits the region of one style: where on the content image that style applies. Tools to paint,
// erase and fill, invert and clear, and masks loaded from or saved to image files. Accepted with
// the edited mask in mask(). GUI thread only.
class MaskEditorDialog : public QDialog {
    Q_OBJECT
public:
    // `mask` may be null (nothing painted yet). `otherMasks` are the other styles' regions with
    // their colours, shown fainter for orientation.
    MaskEditorDialog(const QImage& content, const QImage& mask, const QColor& color,
                     const QString& styleName, const QList<QPair<QImage, QColor>>& otherMasks = {},
                     QWidget* parent = nullptr);

    // Format_Grayscale8, the content's size.
    QImage mask() const;
    MaskCanvas* canvas() const { return canvas_; }

    // Reads a mask of the content's shape (a scaled copy is resized to fit). On failure leaves
    // the mask as it was, sets `error` and returns false; shows nothing itself.
    bool loadMaskFile(const QString& path, QString* error);
    // Writes the mask as PNG, all or nothing; adds ".png" to a name without an extension.
    bool saveMaskFile(const QString& path, QString* error) const;

private:
    void browseLoad();
    void browseSave();

    QImage content_;
    MaskCanvas* canvas_;
    QSlider* brushSize_;
    QLabel* brushSizeLabel_;
    QString folder_;
};

} // namespace deepart
