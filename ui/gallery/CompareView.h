#pragma once

#include <QWidget>

class QComboBox;
class QStackedWidget;
class QAbstractItemModel;

namespace deepart {

class GalleryModel;
class ImageView;
class WipeView;

// Two gallery items side by side with synchronized zoom and pan, or overlaid with a draggable
// split line (wipe). Works for any pair: snapshot vs snapshot, snapshot vs content. GUI thread.
class CompareView : public QWidget {
    Q_OBJECT
public:
    enum class Mode { SideBySide, Wipe };

    explicit CompareView(GalleryModel* model, QWidget* parent = nullptr);

    void compare(int leftRow, int rightRow);
    void setMode(Mode mode);
    Mode mode() const;
    int leftRow() const;
    int rightRow() const;
    ImageView* leftView() const { return left_; }
    ImageView* rightView() const { return right_; }
    WipeView* wipeView() const { return wipe_; }
    QComboBox* leftChoice() const { return leftChoice_; }
    QComboBox* rightChoice() const { return rightChoice_; }

private:
    void refresh();
    void fitChoices();

    GalleryModel* model_;
    QComboBox* leftChoice_;
    QComboBox* rightChoice_;
    QComboBox* modeChoice_;
    QStackedWidget* stack_;
    ImageView* left_;
    ImageView* right_;
    WipeView* wipe_;
    bool syncing_ = false;
};

} // namespace deepart
