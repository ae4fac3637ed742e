#include "GalleryView.h"

#include "GalleryModel.h"

#include <QKeyEvent>

#include <algorithm>

namespace deepart {

GalleryView::GalleryView(GalleryModel* model, QWidget* parent) : QListView(parent), model_(model) {
    setModel(model);
    setViewMode(QListView::IconMode);
    setFlow(QListView::LeftToRight);
    setWrapping(false);
    setIconSize(QSize(96, 96));
    setGridSize(QSize(120, 140));
    setMinimumHeight(150); // one row of thumbnails with their two-line labels
    setMaximumHeight(160);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setMovement(QListView::Static);
    setToolTip(tr("Click a run to fold it; select two items and press Ctrl+K to compare them; "
                  "right-click a snapshot to continue from it or remove it"));
    setContextMenuPolicy(Qt::CustomContextMenu);
    // Folded runs keep their rows in the model; the view hides them.
    connect(model, &QAbstractItemModel::rowsInserted, this, &GalleryView::applyHiddenRows);
    // What just came (a new run, a snapshot) is shown, at the end of the strip.
    connect(model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int, int last) {
                if (!isRowHidden(last))
                    scrollTo(model_->index(last));
            });
    connect(model, &QAbstractItemModel::rowsRemoved, this, &GalleryView::applyHiddenRows);
    connect(model, &QAbstractItemModel::dataChanged, this, &GalleryView::applyHiddenRows);
    connect(model, &QAbstractItemModel::modelReset, this, &GalleryView::applyHiddenRows);
    connect(this, &QListView::clicked, this, [this](const QModelIndex& index) {
        const auto& item = model_->item(index.row());
        if (item.kind == GalleryModel::Kind::Run) {
            model_->setCollapsed(item.run, !item.collapsed);
            Q_EMIT runCollapsed(item.run, model_->item(index.row()).collapsed);
            return;
        }
        Q_EMIT itemActivated(index.row());
    });
}

void GalleryView::applyHiddenRows() {
    for (int row = 0; row < model_->rowCount(); ++row)
        if (isRowHidden(row) != model_->isHiddenRow(row))
            setRowHidden(row, model_->isHiddenRow(row));
}

QList<int> GalleryView::selectedRows() const {
    QList<int> rows;
    for (const QModelIndex& index : selectionModel()->selectedIndexes())
        if (!isRowHidden(index.row()))
            rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void GalleryView::keyPressEvent(QKeyEvent* event) {
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        Q_EMIT removeRequested();
        return;
    }
    QListView::keyPressEvent(event);
}

} // namespace deepart
