#pragma once

#include <QListView>

namespace deepart {

class GalleryModel;

// The gallery strip under the preview: one row of thumbnails, runs as coloured groups. A click on
// a run's header folds its snapshots away or shows them again; Delete asks to remove the
// selected items. GUI thread only.
class GalleryView : public QListView {
    Q_OBJECT
public:
    explicit GalleryView(GalleryModel* model, QWidget* parent = nullptr);

    // The selected rows, in order.
    QList<int> selectedRows() const;

Q_SIGNALS:
    // A run's header was clicked: its group is now folded (or not).
    void runCollapsed(int run, bool collapsed);
    // A snapshot (or the content or style) was clicked.
    void itemActivated(int row);
    void removeRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void applyHiddenRows();

    GalleryModel* model_;
};

} // namespace deepart
