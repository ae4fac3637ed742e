#pragma once

#include "JobRequest.h"

#include <QAbstractListModel>
#include <QList>

namespace deepart {

// The window's queue of runs: each entry a JobRequest with its status, shown as one line
// ("Waiting · photo.jpg ← starry.jpg · 512 px · 1000 it · seed, Adam"), with the details and a
// failure's message in the tooltip. Entries run from the top: the first waiting one is next.
// Rows can be removed (not the running one), moved (buttons or drag and drop in a view) and the
// whole queue paused. Which entry runs when is QueueRunner's business; this is the list.
// GUI thread only.
class RunQueue : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Status { Waiting, Running, Done, Stopped, Failed };
    enum Role {
        StatusRole = Qt::UserRole + 1, // int(Status)
        MessageRole,                   // why it failed, or where it was stopped
        SummaryRole,                   // the one-line summary without the status
    };

    explicit RunQueue(QObject* parent = nullptr);

    // Appends a waiting entry; returns its row.
    int add(const JobRequest& job);
    // False for the running entry (stop the run first) and for rows out of range.
    bool remove(int row);
    bool moveUp(int row);
    bool moveDown(int row);
    // Removes every done, stopped and failed entry.
    void clearFinished();

    // The first waiting entry from the top, or -1.
    int nextWaiting() const;
    // The entry that is running, or -1.
    int runningRow() const;
    int waitingCount() const;
    const JobRequest& job(int row) const { return entries_.at(row).job; }
    Status status(int row) const { return entries_.at(row).status; }
    QString message(int row) const { return entries_.at(row).message; }
    void setStatus(int row, Status status, const QString& message = {});

    // A paused queue starts no new entry; the running one goes on.
    bool isPaused() const { return paused_; }
    void setPaused(bool paused);

    // "photo.jpg ← starry.jpg, wave.jpg · 512 px · 1000 it · seed, Adam"
    static QString summary(const JobRequest& job);
    static QString statusText(Status status);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Reordering by drag and drop: a view with InternalMove calls moveRows (one parent, no
    // copies through MIME data).
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;

Q_SIGNALS:
    void pausedChanged(bool paused);

private:
    struct Entry {
        JobRequest job;
        Status status = Status::Waiting;
        QString message;
    };
    QString toolTip(const Entry& entry) const;

    QList<Entry> entries_;
    bool paused_ = false;
};

} // namespace deepart
