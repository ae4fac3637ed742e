#include "GalleryModel.h"

#include "Continuation.h"
#include "Presets.h"

#include <QFileInfo>
#include <QIcon>
#include <QPixmap>

#include <cmath>

namespace deepart {

namespace {
constexpr int kThumbnail = 96;

QIcon thumbnail(const QImage& image) {
    if (image.isNull())
        return {};
    return QIcon(QPixmap::fromImage(
        image.scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
}
// "\nstarry_night.jpg 70 % (region), wave.jpg 30 % ×0.5 · colours: luminance"
QString stylesSummary(const JobRequest& job) {
    double total = 0.0;
    for (const auto& style : job.styles)
        total += style.weight;
    QStringList parts;
    for (const auto& style : job.styles) {
        QString part = QFileInfo(QString::fromStdString(style.path)).fileName();
        if (job.styles.size() > 1 && total > 0.0)
            part += QStringLiteral(" %1 %").arg(std::lround(style.weight / total * 100.0));
        if (style.scale != 1.0)
            part += GalleryModel::tr(" ×%1").arg(style.scale);
        if (!style.maskPath.empty())
            part += GalleryModel::tr(" (region)");
        parts << part;
    }
    QString text = QStringLiteral("\n") + parts.join(QStringLiteral(", "));
    if (job.transfer.colors != ColorMode::None)
        text +=
            GalleryModel::tr(" · colours: %1").arg(QLatin1String(toString(job.transfer.colors)));
    return text;
}

} // namespace

QString GalleryModel::displayText(const SnapshotInfo& s) {
    // Which run (so that two runs' "#200" differ), where a continued run came from, and a mark
    // for snapshots taken by hand and for a run's last image.
    // This run and the one it continued from; further origins are in the tooltip.
    const QString first = continuationLabel(s).section(QStringLiteral(" ↳ "), 0, 1);
    QString second = formatLoss(s.stats.total);
    if (s.manual)
        second += tr(" · manual");
    else if (s.iteration == s.settings.transfer.totalIterations())
        second += tr(" · final");
    return first + QLatin1Char('\n') + second;
}

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
    QString title = snapshot.manual ? tr("Iteration %1 (manual)").arg(snapshot.iteration)
                                    : tr("Iteration %1").arg(snapshot.iteration);
    if (!snapshot.settings.continuedFrom.isEmpty())
        title += tr(", continued from %1").arg(snapshot.settings.continuedFrom);
    items_.append(Item{Kind::Snapshot, title, snapshot.image, thumbnail(snapshot.image), snapshot});
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
        return displayText(item.snapshot);
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
                        formatLoss(s.stats.style()), formatLoss(s.stats.tv()),
                        formatLoss(w.content), formatLoss(w.style), formatLoss(w.tv))
                   .arg(t.optimizer == OptimizerKind::Lbfgs ? QStringLiteral("L-BFGS")
                                                            : QStringLiteral("Adam"),
                        QString::fromLatin1(toString(matchingPreset(t))),
                        scales.join(QStringLiteral(", "))) +
               stylesSummary(s.settings);
    }
    case kIterationRole:
        return item.kind == Kind::Snapshot ? item.snapshot.iteration : -1;
    default:
        return {};
    }
}

} // namespace deepart
