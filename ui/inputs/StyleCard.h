#pragma once

#include "StyleSource.h"

#include <QFrame>
#include <QImage>
#include <QList>

class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QToolButton;

namespace deepart {

class ImageWell;
class WeightControl;

// One style of a run in the style strip: its painting (an ImageWell: drop, click to browse,
// paste), its blend weight, style scale and region mask, and buttons that ask the strip to move
// or remove it. The strip numbers and colours the cards and keeps them in order; a card only
// reports what the user did. GUI thread only.
class StyleCard : public QFrame {
    Q_OBJECT
public:
    explicit StyleCard(QWidget* parent = nullptr);

    // Loads `path` into the well; on failure the well shows the reason, loadFailed() is emitted
    // and the previous image stays.
    bool loadFile(const QString& path);
    QString path() const;
    QImage image() const;

    // The setters below show the value without emitting changed(): that signal is for the user's
    // edits, which the strip passes on as its own.
    double weight() const { return weight_; }
    // Clamped to 0..1, the range the control shows (0-100 %).
    void setWeight(double weight);
    double scale() const { return scale_; }
    // Clamped to the scale box's range (0.1-8: the engine's size limit decides beyond).
    void setScale(double scale);
    QString maskPath() const { return maskPath_; }
    void setMaskPath(const QString& path);
    StyleSource source() const;

    // Where the card stands in the strip: its number, overlay colour and which moves make sense.
    void setPosition(int index, int count, const QColor& color);
    // This style's part of the blend (its weight over the sum of all); negative when every
    // weight is zero.
    void setShare(double share);
    QColor color() const { return color_; }
    // The controls Tab visits, in their visual order (the strip chains the cards with these).
    QList<QWidget*> tabOrder() const;

    ImageWell* well() const { return well_; }
    WeightControl* weightControl() const { return weightControl_; }
    QDoubleSpinBox* scaleBox() const { return scaleBox_; }
    QPushButton* regionButton() const { return regionButton_; }
    QToolButton* clearRegionButton() const { return clearRegion_; }
    QLabel* regionLabel() const { return region_; }
    QLabel* shareLabel() const { return share_; }
    QToolButton* moveEarlierButton() const { return moveEarlier_; }
    QToolButton* moveLaterButton() const { return moveLater_; }
    QToolButton* removeButton() const { return remove_; }

Q_SIGNALS:
    // The user replaced the image or changed the weight, scale or region.
    void changed();
    void moveEarlierRequested();
    void moveLaterRequested();
    void removeRequested();
    void maskEditRequested();
    void loadFailed(const QString& message);

protected:
    // A file dropped anywhere on the card, not only on its thumbnail, replaces the image: the
    // card is the drop target a user sees.
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void showRegion();

    double weight_ = 1.0;
    double scale_ = 1.0;
    QString maskPath_;
    QColor color_;
    QLabel* swatch_;
    QLabel* title_;
    QLabel* share_;
    QToolButton* moveEarlier_;
    QToolButton* moveLater_;
    QToolButton* remove_;
    ImageWell* well_;
    WeightControl* weightControl_;
    QDoubleSpinBox* scaleBox_;
    QLabel* region_;
    QPushButton* regionButton_;
    QToolButton* clearRegion_;
};

} // namespace deepart
