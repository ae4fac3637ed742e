#include "QueuePanel.h"

#include "RunQueue.h"

#include <QAction>
#include <QGridLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace deepart {

QueuePanel::QueuePanel(RunQueue* queue, QWidget* parent)
    : QWidget(parent), queue_(queue), view_(new QListView(this)),
      remove_(new QPushButton(tr("Remove"), this)), up_(new QPushButton(tr("Move up"), this)),
      down_(new QPushButton(tr("Move down"), this)),
      pause_(new QPushButton(tr("Pause queue"), this)),
      clear_(new QPushButton(tr("Clear finished"), this)), summary_(new QLabel(this)) {
    view_->setModel(queue);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    // A narrow dock wraps an entry's line rather than hiding its end behind a scroll bar.
    view_->setWordWrap(true);
    view_->setResizeMode(QListView::Adjust);
    view_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    view_->setAlternatingRowColors(true); // where one wrapped entry ends and the next begins
    // Reordering by drag and drop: the model moves the row itself (RunQueue::moveRows).
    view_->setDragDropMode(QAbstractItemView::InternalMove);
    view_->setDefaultDropAction(Qt::MoveAction);
    view_->setDropIndicatorShown(true);
    view_->setToolTip(tr("Runs start from the top, one after another; drag an entry to "
                         "reorder"));

    // Delete removes the selected entry while the list has the focus.
    auto* removeKey = new QAction(tr("Remove"), view_);
    removeKey->setShortcuts({QKeySequence::Delete, QKeySequence(Qt::Key_Backspace)});
    removeKey->setShortcutContext(Qt::WidgetShortcut);
    view_->addAction(removeKey);
    connect(removeKey, &QAction::triggered, this, &QueuePanel::removeSelected);

    pause_->setCheckable(true);
    pause_->setToolTip(tr("A paused queue starts no new run; the running one goes on"));
    clear_->setToolTip(tr("Remove the runs that are done, stopped or failed"));
    connect(remove_, &QPushButton::clicked, this, &QueuePanel::removeSelected);
    connect(up_, &QPushButton::clicked, this, &QueuePanel::moveSelectedUp);
    connect(down_, &QPushButton::clicked, this, &QueuePanel::moveSelectedDown);
    connect(pause_, &QPushButton::toggled, queue, &RunQueue::setPaused);
    connect(clear_, &QPushButton::clicked, queue, &RunQueue::clearFinished);

    // Two rows of buttons, so that the panel fits a narrow dock beside the preview.
    // Two columns of buttons: the dock stays narrow enough to sit beside the preview on a
    // 1024 px screen.
    auto* buttons = new QGridLayout;
    buttons->addWidget(up_, 0, 0);
    buttons->addWidget(down_, 0, 1);
    buttons->addWidget(remove_, 1, 0);
    buttons->addWidget(clear_, 1, 1);
    buttons->addWidget(pause_, 2, 0, 1, 2);
    summary_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(view_, 1);
    layout->addWidget(summary_);
    layout->addLayout(buttons);

    // Every change of the list or of the selection may enable or disable a button.
    connect(queue, &QAbstractItemModel::rowsInserted, this, &QueuePanel::updateButtons);
    connect(queue, &QAbstractItemModel::rowsRemoved, this, &QueuePanel::updateButtons);
    connect(queue, &QAbstractItemModel::rowsMoved, this, &QueuePanel::updateButtons);
    connect(queue, &QAbstractItemModel::dataChanged, this, &QueuePanel::updateButtons);
    connect(queue, &QAbstractItemModel::modelReset, this, &QueuePanel::updateButtons);
    connect(queue, &RunQueue::pausedChanged, this, &QueuePanel::updateButtons);
    connect(view_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &QueuePanel::updateButtons);
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &QueuePanel::updateButtons);
    updateButtons();
}

int QueuePanel::selectedRow() const {
    const auto selected = view_->selectionModel()->selectedIndexes();
    return selected.isEmpty() ? -1 : selected.first().row();
}

void QueuePanel::selectRow(int row) {
    view_->setCurrentIndex(queue_->index(row));
}

void QueuePanel::removeSelected() {
    const int row = selectedRow();
    if (!queue_->remove(row))
        return;
    // The next entry takes the removed one's place in the selection, so Delete can go on.
    if (queue_->rowCount() > 0)
        selectRow(std::min(row, queue_->rowCount() - 1));
}

void QueuePanel::moveSelectedUp() {
    queue_->moveUp(selectedRow()); // the selection moves with the entry
}

void QueuePanel::moveSelectedDown() {
    queue_->moveDown(selectedRow());
}

void QueuePanel::updateButtons() {
    const int row = selectedRow();
    const int count = queue_->rowCount();
    remove_->setEnabled(row >= 0 && queue_->status(row) != RunQueue::Status::Running);
    up_->setEnabled(row > 0);
    down_->setEnabled(row >= 0 && row + 1 < count);
    int finished = 0;
    for (int k = 0; k < count; ++k) {
        const auto status = queue_->status(k);
        finished += status != RunQueue::Status::Waiting && status != RunQueue::Status::Running;
    }
    clear_->setEnabled(finished > 0);
    {
        const QSignalBlocker blocker(pause_);
        pause_->setChecked(queue_->isPaused());
    }
    pause_->setText(queue_->isPaused() ? tr("Resume queue") : tr("Pause queue"));
    const int waiting = queue_->waitingCount();
    QString text = waiting == 0 ? tr("Nothing waiting") : tr("%n waiting", nullptr, waiting);
    if (queue_->runningRow() >= 0)
        text = tr("1 running · %1").arg(text);
    if (queue_->isPaused())
        text += tr(" · paused");
    summary_->setText(text);
}

} // namespace deepart
