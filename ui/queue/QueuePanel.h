#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPushButton;

namespace deepart {

class RunQueue;

// The queue of runs as the user sees it: the list (drag an entry to reorder it), Remove (also
// the Delete key), Move up, Move down, Pause queue / Resume queue and Clear finished, and a line
// that counts what waits. It edits the RunQueue only; starting entries is QueueRunner's job.
// GUI thread only.
class QueuePanel : public QWidget {
    Q_OBJECT
public:
    explicit QueuePanel(RunQueue* queue, QWidget* parent = nullptr);

    // The selected entry's row, or -1.
    int selectedRow() const;
    void selectRow(int row);
    void removeSelected();
    void moveSelectedUp();
    void moveSelectedDown();

    QListView* view() const { return view_; }
    QPushButton* removeButton() const { return remove_; }
    QPushButton* moveUpButton() const { return up_; }
    QPushButton* moveDownButton() const { return down_; }
    QPushButton* pauseButton() const { return pause_; }
    QPushButton* clearButton() const { return clear_; }
    QLabel* summaryLabel() const { return summary_; }

private:
    void updateButtons();

    RunQueue* queue_;
    QListView* view_;
    QPushButton* remove_;
    QPushButton* up_;
    QPushButton* down_;
    QPushButton* pause_;
    QPushButton* clear_;
    QLabel* summary_;
};

} // namespace deepart
