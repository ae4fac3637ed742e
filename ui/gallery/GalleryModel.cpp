#include "GalleryModel.h"

#include "Continuation.h"
#include "Presets.h"

#include <QFileInfo>
#include <QIcon>
#include <QPainter>
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

// "Video of walk.mp4: temporal weight 200, long-term frames, 200 iterations for each frame after
// the first\n", or nothing for an image run.
QString videoSummary(const JobRequest& job) {
    if (!job.video)
        return {};
    const VideoSettings& v = *job.video;
    return GalleryModel::tr("Video of %1: temporal weight %2%3, %4 iterations for each frame "
                            "after the first\n")
        .arg(QFileInfo(job.contentPath).fileName(), formatLoss(v.temporalWeight),
             v.longTerm ? GalleryModel::tr(", long-term frames") : QString())
        .arg(v.laterFrameIterations(job.transfer.totalIterations()));
}

// A video frame found whole in the frames folder is taken as it is: no iteration measured it.
bool keptFromEarlierRun(const SnapshotInfo& s) {
    return s.frame > 0 && s.stats.terms.empty();
}

// "total 1.2e+05 = content 3e+04 + style 8e+04 + TV 1e+04", with every term the run had (a
// video frame's temporal term too).
QString lossesText(const SnapshotInfo& s) {
    if (keptFromEarlierRun(s))
        return GalleryModel::tr("Kept from an earlier run of this video: its losses were not "
                                "measured again");
    QStringList terms;
    for (const auto& term : s.stats.terms)
        terms << QStringLiteral("%1 %2").arg(lossTermName(QString::fromStdString(term.name)),
                                             formatLoss(term.value));
    return GalleryModel::tr("total %1 = %2")
        .arg(formatLoss(s.stats.total), terms.join(QStringLiteral(" + ")));
}

} // namespace

QString GalleryModel::displayText(const SnapshotInfo& s) {
    // Which run (so that two runs' "#200" differ), where a continued run came from, and a mark
    // for snapshots taken by hand and for a run's last image.
    // This run and the one it continued from; further origins are in the tooltip.
    const QString first = continuationLabel(s).section(QStringLiteral(" ↳ "), 0, 1);
    if (keptFromEarlierRun(s))
        return first + QLatin1Char('\n') + tr("kept from before");
    QString second = formatLoss(s.stats.total);
    if (s.manual)
        second += tr(" · manual");
    else if (s.frame == 0 && s.iteration == s.settings.transfer.totalIterations())
        second += tr(" · final"); // a video's frames count iterations across frames: none is
    return first + QLatin1Char('\n') + second;
}

GalleryModel::GalleryModel(QObject* parent) : QAbstractListModel(parent) {
    items_.resize(2);
    items_[0].kind = Kind::Content;
    items_[0].title = tr("Content");
    items_[1].kind = Kind::Style;
    items_[1].title = tr("Style");
}

void GalleryModel::setFixed(int row, Kind kind, const QImage& image, const QString& title) {
    Item item;
    item.kind = kind;
    item.title = title;
    item.image = image;
    item.icon = thumbnail(image);
    items_[row] = item;
    Q_EMIT dataChanged(index(row), index(row));
}

void GalleryModel::setContent(const QImage& image, const QString& name) {
    setFixed(0, Kind::Content, image, tr("Content: %1").arg(name));
}

void GalleryModel::setStyle(const QImage& image, const QString& name) {
    setFixed(1, Kind::Style, image, tr("Style: %1").arg(name));
}

QColor GalleryModel::runColor(int run) {
    // Hues a golden angle apart: neighbouring runs never look alike.
    return QColor::fromHsv(static_cast<int>(std::fmod(run * 137.508, 360.0)), 110, 235);
}

QString GalleryModel::runSummary(const JobRequest& job) {
    const auto& t = job.transfer;
    const QString optimizer =
        t.optimizer == OptimizerKind::Lbfgs ? QStringLiteral("L-BFGS") : QStringLiteral("Adam");
    return tr("%1 · %2 px · %3 it").arg(optimizer).arg(t.outputSize()).arg(t.totalIterations());
}

void GalleryModel::addRun(const JobRequest& job, const QDateTime& started, bool collapsed) {
    const int row = static_cast<int>(items_.size());
    beginInsertRows({}, row, row);
    Item item;
    item.kind = Kind::Run;
    item.run = job.runNumber;
    item.started = started;
    item.collapsed = collapsed;
    item.snapshot.settings = job;
    item.title = tr("Run %1").arg(job.runNumber);
    items_.append(item);
    endInsertRows();
}

void GalleryModel::addSnapshot(const SnapshotInfo& snapshot) {
    const int run = snapshot.settings.runNumber;
    if (runRow(run) < 0)
        addRun(snapshot.settings, QDateTime::currentDateTime());
    // After the run's last row (runs come one after another, so this is usually the end).
    int row = runRow(run) + 1;
    while (row < items_.size() && items_.at(row).kind == Kind::Snapshot &&
           items_.at(row).run == run)
        ++row;
    beginInsertRows({}, row, row);
    // A video's frames go by their number in the clip (their iterations count across frames).
    QString title = snapshot.frame > 0 ? tr("Frame %1").arg(snapshot.frame)
                    : snapshot.manual  ? tr("Iteration %1 (manual)").arg(snapshot.iteration)
                                       : tr("Iteration %1").arg(snapshot.iteration);
    if (!snapshot.settings.continuedFrom.isEmpty())
        title += tr(", continued from %1").arg(snapshot.settings.continuedFrom);
    Item item;
    item.kind = Kind::Snapshot;
    item.title = title;
    item.icon = thumbnail(snapshot.image.isNull() ? snapshot.loadImage() : snapshot.image);
    item.snapshot = snapshot;
    item.run = run;
    item.collapsed = items_.at(runRow(run)).collapsed;
    if (!snapshot.file.isEmpty())
        item.snapshot.image = QImage(); // on disk: only the thumbnail stays in memory
    else
        item.image = snapshot.image;
    items_.insert(row, item);
    endInsertRows();
}

void GalleryModel::removeRow(int row) {
    if (row < 2 || row >= items_.size())
        return;
    int last = row;
    if (items_.at(row).kind == Kind::Run)
        while (last + 1 < items_.size() && items_.at(last + 1).kind == Kind::Snapshot &&
               items_.at(last + 1).run == items_.at(row).run)
            ++last;
    beginRemoveRows({}, row, last);
    items_.erase(items_.begin() + row, items_.begin() + last + 1);
    endRemoveRows();
}

void GalleryModel::clearRuns() {
    if (items_.size() <= 2)
        return;
    beginRemoveRows({}, 2, static_cast<int>(items_.size()) - 1);
    items_.erase(items_.begin() + 2, items_.end());
    endRemoveRows();
}

QImage GalleryModel::image(int row) const {
    if (row < 0 || row >= items_.size())
        return {};
    const Item& item = items_.at(row);
    return item.kind == Kind::Snapshot ? item.snapshot.loadImage() : item.image;
}

QList<SnapshotInfo> GalleryModel::snapshots() const {
    QList<SnapshotInfo> result;
    for (const auto& item : items_)
        if (item.kind == Kind::Snapshot)
            result.append(item.snapshot);
    return result;
}

int GalleryModel::newestSnapshotRow() const {
    for (int row = static_cast<int>(items_.size()) - 1; row >= 2; --row)
        if (items_.at(row).kind == Kind::Snapshot)
            return row;
    return -1;
}

int GalleryModel::runRow(int run) const {
    for (int row = 2; row < items_.size(); ++row)
        if (items_.at(row).kind == Kind::Run && items_.at(row).run == run)
            return row;
    return -1;
}

void GalleryModel::setCollapsed(int run, bool collapsed) {
    const int header = runRow(run);
    if (header < 0 || items_.at(header).collapsed == collapsed)
        return;
    int last = header;
    for (int row = header; row < items_.size() && items_.at(row).run == run &&
                           (row == header || items_.at(row).kind == Kind::Snapshot);
         ++row) {
        items_[row].collapsed = collapsed;
        last = row;
    }
    Q_EMIT dataChanged(index(header), index(last));
}

bool GalleryModel::isHiddenRow(int row) const {
    return row >= 0 && row < items_.size() && items_.at(row).kind == Kind::Snapshot &&
           items_.at(row).collapsed;
}

int GalleryModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(items_.size());
}

QString GalleryModel::tooltip(const Item& item) const {
    if (item.kind == Kind::Run) {
        const auto& t = item.snapshot.settings.transfer;
        return tr("Run %1, started %2\n%3 · preset %4\n%5α %6, β %7, γ %8\n%9")
                   .arg(item.run)
                   .arg(QLocale().toString(item.started, QLocale::ShortFormat))
                   .arg(runSummary(item.snapshot.settings),
                        QString::fromLatin1(toString(matchingPreset(t))),
                        videoSummary(item.snapshot.settings), formatLoss(t.lossWeights.content),
                        formatLoss(t.lossWeights.style), formatLoss(t.lossWeights.tv),
                        item.collapsed ? tr("Click to show its snapshots")
                                       : tr("Click to fold its snapshots away")) +
               stylesSummary(item.snapshot.settings);
    }
    if (item.kind != Kind::Snapshot)
        return item.title;
    const auto& s = item.snapshot;
    const auto& t = s.settings.transfer;
    const auto& w = t.lossWeights;
    QStringList scales;
    for (const auto& scale : t.scales)
        scales << QStringLiteral("%1 px × %2").arg(scale.size).arg(scale.iterations);
    return tr("%1 (at %2 px)\n%3\nα %4, β %5, γ %6\n%7 (%8), %9")
               .arg(item.title)
               .arg(s.size)
               .arg(lossesText(s), formatLoss(w.content), formatLoss(w.style), formatLoss(w.tv))
               .arg(t.optimizer == OptimizerKind::Lbfgs ? QStringLiteral("L-BFGS")
                                                        : QStringLiteral("Adam"),
                    QString::fromLatin1(toString(matchingPreset(t))),
                    scales.join(QStringLiteral(", "))) +
           stylesSummary(s.settings);
}

QVariant GalleryModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= items_.size())
        return {};
    const Item& item = items_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (item.kind) {
        case Kind::Content:
            return tr("Content");
        case Kind::Style:
            return tr("Style");
        case Kind::Run:
            // Two short lines that fit the tile; the optimizer and the rest are in the tooltip.
            return tr("%1 R%2 · %3\n%4 px · %5 it")
                .arg(item.collapsed ? QStringLiteral("▸") : QStringLiteral("▾"))
                .arg(item.run)
                .arg(item.started.time().toString(QStringLiteral("HH:mm")))
                .arg(item.snapshot.settings.transfer.outputSize())
                .arg(item.snapshot.settings.transfer.totalIterations());
        case Kind::Snapshot:
            return displayText(item.snapshot);
        }
        return {};
    case Qt::DecorationRole:
        return item.icon;
    case Qt::BackgroundRole:
        if (item.kind == Kind::Run)
            return runColor(item.run);
        if (item.kind == Kind::Snapshot)
            return runColor(item.run).lighter(112);
        return {};
    case Qt::ToolTipRole:
        return tooltip(item);
    case kIterationRole:
        return item.kind == Kind::Snapshot ? item.snapshot.iteration : -1;
    case kKindRole:
        return static_cast<int>(item.kind);
    default:
        return {};
    }
}

} // namespace deepart
