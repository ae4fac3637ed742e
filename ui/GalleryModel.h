#pragma once

#include "JobRequest.h"

#include <QAbstractListModel>
#include <QIcon>
#include <QImage>

namespace deepart {

// The gallery strip: the content and style images first, then every snapshot in the order it
// came, each with its iteration, losses and settings. GUI thread only.
class GalleryModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum class Kind { Content, Style, Snapshot };
    struct Item {
        Kind kind = Kind::Snapshot;
        QString title;
        QImage image;
        QIcon icon;
        SnapshotInfo snapshot; // for Kind::Snapshot
    };
    static constexpr int kIterationRole = Qt::UserRole + 1;

    explicit GalleryModel(QObject* parent = nullptr);

    void setContent(const QImage& image, const QString& name);
    void setStyle(const QImage& image, const QString& name);
    void addSnapshot(const SnapshotInfo& snapshot);
    const Item& item(int row) const { return items_.at(row); }
    QList<SnapshotInfo> snapshots() const;
    // A snapshot's label under its thumbnail: "R2 #200" and its loss, marked manual or final.
    static QString displayText(const SnapshotInfo& snapshot);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

private:
    void setFixed(int row, Kind kind, const QImage& image, const QString& title);

    QList<Item> items_; // rows 0 and 1: content and style
};

// "1.23e+05" style numbers for losses.
QString formatLoss(double value);

} // namespace deepart
