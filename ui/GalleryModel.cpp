#include "GalleryModel.h"

#include "Presets.h"

#include <QIcon>
#include <QPixmap>

namespace deepart {

namespace {
constexpr int kThumbnail = 96;

QIcon thumbnail(const QImage& image) {
    if (image.isNull())
        return {};
    return QIcon(QPixmap::fromImage(
        image.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}
} // namespace

QString formatLoss(double value) {
    return QString::number(value, 'g', 3);
}

GalleryModel::GalleryModel(QObject* parent) : QAbstractListModel(parent) {
    items_ = {Item{Kind::Content, tr("Content"), {}, {}, {}},
              Item{Kind::Style, tr("Style"), {}, {}, {}}};
}

void GalleryModel::setFixed(int row, Kind kind, const QImage& image, const QString& title) {
    items_[row] = Item{kind, title, image, thumbnail(image), {}};
    Q_EMIT dataChanged(index(row), index(row));
}

void GalleryModel::setContent(const QImage& image, const QString& name) {
    setFixed(0, Kind::Content, image, tr("Content: %1").arg(name));
}

void GalleryModel::setStyle(const QImage& image, const QString& name) {
    setFixed(1, Kind::Style, image, tr("Style: %1").arg(name));
}

void GalleryModel::addSnapshot(const SnapshotInfo& snapshot) {
    const int row = static_cast<int>(items_.size());
    beginInsertRows({}, row, row);
    items_.append(Item{Kind::Snapshot,
                       snapshot.manual ? tr("Iteration %1 (manual)").arg(snapshot.iteration)
                                       : tr("Iteration %1").arg(snapshot.iteration),
                       snapshot.image, thumbnail(snapshot.image), snapshot});
    endInsertRows();
}

QList<SnapshotInfo> GalleryModel::snapshots() const {
    QList<SnapshotInfo> result;
    for (const auto& item : items_)
        if (item.kind == Kind::Snapshot)
            result.append(item.snapshot);
    return result;
}

int GalleryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= items_.size())
        return {};
    const Item& item = items_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        if (item.kind != Kind::Snapshot)
            return item.kind == Kind::Content ? tr("Content") : tr("Style");
        return QStringLiteral("#%1\n%2")
            .arg(item.snapshot.iteration)
            .arg(formatLoss(item.snapshot.stats.total));
    case Qt::DecorationRole:
        return item.icon;
    case Qt::ToolTipRole: {
        if (item.kind != Kind::Snapshot)
            return item.title;
        const auto& s = item.snapshot;
        const auto& t = s.settings.transfer;
        const auto& w = t.lossWeights;
        QStringList scales;
        for (const auto& scale : t.scales)
            scales << QStringLiteral("%1 px × %2").arg(scale.size).arg(scale.iterations);
        return tr("%1 (at %2 px)\ntotal %3 = content %4 + style %5 + TV %6\nα %7, β %8, γ %9\n"
                  "%10 (%11), %12")
            .arg(item.title)
            .arg(s.size)
            .arg(formatLoss(s.stats.total), formatLoss(s.stats.content()),
                 formatLoss(s.stats.style()), formatLoss(s.stats.tv()), formatLoss(w.content),
                 formatLoss(w.style), formatLoss(w.tv))
            .arg(t.optimizer == OptimizerKind::Lbfgs ? QStringLiteral("L-BFGS")
                                                     : QStringLiteral("Adam"),
                 QString::fromLatin1(toString(matchingPreset(t))),
                 scales.join(QStringLiteral(", ")));
    }
    case kIterationRole:
        return item.kind == Kind::Snapshot ? item.snapshot.iteration : -1;
    default:
        return {};
    }
}

} // namespace deepart
