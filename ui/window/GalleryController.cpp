#include "GalleryController.h"

#include "CompareView.h"
#include "ExportController.h"
#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageView.h"

#include <QMenu>
#include <QTabWidget>

#include <algorithm>

namespace deepart {

GalleryController::GalleryController(const Parts& parts, QWidget* window)
    : QObject(window), parts_(parts), window_(window) {
    connect(parts_.view, &QListView::customContextMenuRequested, this,
            &GalleryController::showMenu);
    // A click shows the item in the preview (the next live preview of a run replaces it).
    connect(parts_.view, &GalleryView::itemActivated, this, &GalleryController::showInPreview);
}

void GalleryController::showInPreview(int row) {
    parts_.preview->setImage(parts_.gallery->image(row));
    parts_.tabs->setCurrentWidget(parts_.preview);
}

void GalleryController::compareSelected() {
    GalleryModel* gallery = parts_.gallery;
    QList<int> rows = parts_.view->selectedRows();
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [gallery](int row) {
                                  return gallery->item(row).kind == GalleryModel::Kind::Run;
                              }),
               rows.end());
    if (rows.size() < 2) {
        // One or none selected: that item (or the newest snapshot) against the content image,
        // or, with the content itself selected, the content against the newest snapshot.
        const int newest = gallery->newestSnapshotRow();
        const int chosen = rows.isEmpty() || rows.first() == 0 ? newest : rows.first();
        if (chosen <= 0) {
            Q_EMIT message(tr("Nothing to compare yet: load a photo and run first."));
            return;
        }
        rows = {0, chosen}; // the photo on the left, as with two selected
    }
    parts_.compare->compare(rows.at(0), rows.at(1));
    parts_.tabs->setCurrentWidget(parts_.compare);
}

ImageView* GalleryController::shownView() const {
    // In Compare the left view leads; the right one follows its zoom and pan.
    return parts_.tabs->currentWidget() == parts_.compare ? parts_.compare->leftView()
                                                          : parts_.preview;
}

int GalleryController::selectedSnapshotRow() const {
    const auto selected = parts_.view->selectionModel()->selectedIndexes();
    if (selected.size() != 1)
        return -1;
    const int row = selected.first().row();
    return parts_.gallery->item(row).kind == GalleryModel::Kind::Snapshot ? row : -1;
}

void GalleryController::showMenu(const QPoint& position) {
    const QModelIndex index = parts_.view->indexAt(position);
    if (!index.isValid())
        return;
    parts_.view->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect);
    const GalleryModel::Item& item = parts_.gallery->item(index.row());
    QMenu menu(window_);
    if (item.kind != GalleryModel::Kind::Run) {
        menu.addAction(tr("Show in preview"), this,
                       [this, row = index.row()] { showInPreview(row); });
        menu.addActions(itemActions_);
    }
    if (index.row() >= 2) { // a run or a snapshot: the inputs come first
        menu.addAction(tr("Export time-lapse…"), this,
                       [this, run = item.run] { parts_.exports->exportTimelapseInteractive(run); });
        menu.addSeparator();
        menu.addAction(item.kind == GalleryModel::Kind::Run ? tr("Remove run from gallery")
                                                            : tr("Remove from gallery"),
                       this, &GalleryController::removeRequested);
    }
    menu.exec(parts_.view->viewport()->mapToGlobal(position));
}

} // namespace deepart
