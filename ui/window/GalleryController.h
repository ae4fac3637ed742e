#pragma once

#include <QList>
#include <QObject>

class QAction;
class QPoint;
class QTabWidget;
class QWidget;

namespace deepart {

class CompareView;
class ExportController;
class GalleryModel;
class GalleryView;
class ImageView;

// What the user does with the gallery, apart from runs and exports: showing an item in the
// preview, comparing the selection side by side, the context menu, and which snapshot is
// selected (what Continue starts from). GUI thread only.
class GalleryController : public QObject {
    Q_OBJECT
public:
    // The window's parts it works with: the gallery and the tabs of preview and comparison.
    struct Parts {
        GalleryModel* gallery;
        GalleryView* view;
        ImageView* preview;
        CompareView* compare;
        QTabWidget* tabs;
        ExportController* exports;
    };
    GalleryController(const Parts& parts, QWidget* window);

    // The window's actions on one image (continue from it, export it), offered by the context
    // menu of a snapshot or an input.
    void setItemActions(const QList<QAction*>& actions) { itemActions_ = actions; }

    // Two selected snapshots side by side; with one (or none) selected, that one (or the
    // newest) against the photo.
    void compareSelected();
    void showInPreview(int row);
    // The one selected snapshot's row, else -1.
    int selectedSnapshotRow() const;
    // What the View menu's zoom acts on.
    ImageView* shownView() const;

Q_SIGNALS:
    void message(const QString& text);
    void removeRequested(); // Remove from gallery, from the context menu

private:
    void showMenu(const QPoint& position);

    Parts parts_;
    QWidget* window_;
    QList<QAction*> itemActions_;
};

} // namespace deepart
