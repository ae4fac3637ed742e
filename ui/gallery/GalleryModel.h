#pragma once

#include "LossText.h"

#include "JobRequest.h"

#include <QAbstractListModel>
#include <QColor>
#include <QDateTime>
#include <QIcon>
#include <QImage>

namespace deepart {

// The gallery strip: the content and style images first, then each run as a group: a header
// (number, time, settings summary, in the run's colour) followed by its snapshots in the order
// they came, each with its iteration, losses and settings. A collapsed run keeps its rows; the
// view hides them (GalleryView). Snapshots written to the workspace keep only their thumbnail
// here and are read from disk when shown. GUI thread only.
class GalleryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Kind { Content, Style, Run, Snapshot };
    struct Item {
        Kind kind = Kind::Snapshot;
        QString title;
        QImage image; // content, style, and snapshots not (yet) on disk
        QIcon icon;
        SnapshotInfo snapshot; // for Kind::Snapshot; for Kind::Run, its settings
        int run = 0;           // for Kind::Run and Kind::Snapshot
        QDateTime started;     // for Kind::Run
        bool collapsed = false;
    };
    static constexpr int kIterationRole = Qt::UserRole + 1;
    static constexpr int kKindRole = Qt::UserRole + 2;

    explicit GalleryModel(QObject* parent = nullptr);

    void setContent(const QImage& image, const QString& name);
    void setStyle(const QImage& image, const QString& name);
    // A new group for run `job.runNumber` (its snapshots follow it).
    void addRun(const JobRequest& job, const QDateTime& started, bool collapsed = false);
    // Appends to its run's group (made if missing). The image is kept only when `file` is empty.
    void addSnapshot(const SnapshotInfo& snapshot);
    void removeRow(int row); // a snapshot, or a run with all its snapshots
    void clearRuns();        // every run and snapshot
    const Item& item(int row) const { return items_.at(row); }
    // The full image of a row: from memory, or read from the workspace.
    QImage image(int row) const;
    QList<SnapshotInfo> snapshots() const;
    int newestSnapshotRow() const; // -1 when there is none
    int runRow(int run) const;     // the header's row, -1 when there is none
    void setCollapsed(int run, bool collapsed);
    bool isHiddenRow(int row) const; // a snapshot of a collapsed run
    // The colour that marks a run's header and snapshots.
    static QColor runColor(int run);
    static QString runSummary(const JobRequest& job);
    // A snapshot's label under its thumbnail: "R2 #200" and its loss, marked manual or final.
    static QString displayText(const SnapshotInfo& snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    void setFixed(int row, Kind kind, const QImage& image, const QString& title);
    QString tooltip(const Item& item) const;

    QList<Item> items_; // rows 0 and 1: content and style
};

} // namespace deepart
