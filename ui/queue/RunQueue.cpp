#include "RunQueue.h"

#include "LossText.h"
#include "Presets.h"

#include <QBrush>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QPalette>

#include <cmath>

namespace deepart {

namespace {

QString fileName(const std::string& path) {
    return QFileInfo(QString::fromStdString(path)).fileName();
}

QString optimizerName(OptimizerKind kind) {
    return kind == OptimizerKind::Lbfgs ? QStringLiteral("L-BFGS") : QStringLiteral("Adam");
}

} // namespace

RunQueue::RunQueue(QObject* parent) : QAbstractListModel(parent) {}

QString RunQueue::statusText(Status status) {
    switch (status) {
    case Status::Waiting:
        return tr("Waiting");
    case Status::Running:
        return tr("Running");
    case Status::Done:
        return tr("Done");
    case Status::Stopped:
        return tr("Stopped");
    case Status::Failed:
        return tr("Failed");
    }
    return {};
}

QString RunQueue::summary(const JobRequest& job) {
    QStringList styles;
    for (const auto& style : job.styles)
        styles << fileName(style.path);
    const TransferSettings& t = job.transfer;
    QString text =
        tr("%1 ← %2 · %3 px · %4 it · %5, %6")
            .arg(QFileInfo(job.contentPath).fileName(), styles.join(QStringLiteral(", ")))
            .arg(t.outputSize())
            .arg(t.totalIterations())
            .arg(QString::fromLatin1(toString(matchingPreset(t))), optimizerName(t.optimizer));
    if (!job.continuedFrom.isEmpty())
        text += tr(" · from %1").arg(job.continuedFrom);
    return text;
}

QString RunQueue::toolTip(const Entry& entry) const {
    const JobRequest& job = entry.job;
    const TransferSettings& t = job.transfer;
    QStringList lines;
    lines << tr("%1: %2").arg(statusText(entry.status), QDir::toNativeSeparators(job.contentPath));
    double total = 0.0;
    for (const auto& style : job.styles)
        total += style.weight;
    for (const auto& style : job.styles) {
        QString line =
            tr("style: %1").arg(QDir::toNativeSeparators(QString::fromStdString(style.path)));
        if (job.styles.size() > 1 && total > 0.0)
            line += tr(", %1 %").arg(std::lround(style.weight / total * 100.0));
        if (style.scale != 1.0)
            line += tr(", ×%1").arg(style.scale);
        if (!style.maskPath.empty())
            line += tr(", region %1").arg(fileName(style.maskPath));
        lines << line;
    }
    QStringList scales;
    for (const auto& scale : t.scales)
        scales << tr("%1 px × %2").arg(scale.size).arg(scale.iterations);
    lines << scales.join(QStringLiteral(", "));
    lines << tr("α %1, β %2, γ %3")
                 .arg(formatLoss(t.lossWeights.content), formatLoss(t.lossWeights.style),
                      formatLoss(t.lossWeights.tv));
    lines << tr("%1 (%2), colours: %3")
                 .arg(optimizerName(t.optimizer), QString::fromLatin1(toString(matchingPreset(t))),
                      QString::fromLatin1(toString(t.colors)));
    if (!job.continuedFrom.isEmpty())
        lines << tr("continues from %1").arg(job.continuedFrom);
    if (!entry.message.isEmpty())
        lines << entry.message;
    return lines.join(QLatin1Char('\n'));
}

int RunQueue::add(const JobRequest& job) {
    const int row = static_cast<int>(entries_.size());
    beginInsertRows({}, row, row);
    entries_.append(Entry{job, Status::Waiting, {}});
    endInsertRows();
    return row;
}

bool RunQueue::remove(int row) {
    if (row < 0 || row >= entries_.size() || entries_.at(row).status == Status::Running)
        return false;
    beginRemoveRows({}, row, row);
    entries_.removeAt(row);
    endRemoveRows();
    return true;
}

bool RunQueue::moveUp(int row) {
    return row > 0 && moveRows({}, row, 1, {}, row - 1);
}

bool RunQueue::moveDown(int row) {
    // moveRows' destination is the row it goes before, in the rows as they are before the move.
    return row >= 0 && row + 1 < entries_.size() && moveRows({}, row, 1, {}, row + 2);
}

bool RunQueue::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                        const QModelIndex& destinationParent, int destinationChild) {
    const int size = static_cast<int>(entries_.size());
    if (sourceParent.isValid() || destinationParent.isValid() || count < 1 || sourceRow < 0 ||
        sourceRow + count > size || destinationChild < 0 || destinationChild > size)
        return false;
    // Onto itself: nothing to do (and beginMoveRows refuses it).
    if (destinationChild >= sourceRow && destinationChild <= sourceRow + count)
        return false;
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    const QList<Entry> moved = entries_.mid(sourceRow, count);
    entries_.remove(sourceRow, count);
    const int at = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int k = 0; k < count; ++k)
        entries_.insert(at + k, moved.at(k));
    endMoveRows();
    return true;
}

void RunQueue::clearFinished() {
    // From the bottom, so that the rows still to look at keep their numbers.
    for (int row = static_cast<int>(entries_.size()) - 1; row >= 0; --row) {
        const Status status = entries_.at(row).status;
        if (status != Status::Waiting && status != Status::Running)
            remove(row);
    }
}

int RunQueue::nextWaiting() const {
    for (int row = 0; row < entries_.size(); ++row)
        if (entries_.at(row).status == Status::Waiting)
            return row;
    return -1;
}

int RunQueue::runningRow() const {
    for (int row = 0; row < entries_.size(); ++row)
        if (entries_.at(row).status == Status::Running)
            return row;
    return -1;
}

int RunQueue::waitingCount() const {
    int count = 0;
    for (const Entry& entry : entries_)
        count += entry.status == Status::Waiting ? 1 : 0;
    return count;
}

void RunQueue::setStatus(int row, Status status, const QString& message) {
    if (row < 0 || row >= entries_.size())
        return;
    entries_[row].status = status;
    entries_[row].message = message;
    Q_EMIT dataChanged(index(row), index(row));
}

void RunQueue::setPaused(bool paused) {
    if (paused_ == paused)
        return;
    paused_ = paused;
    Q_EMIT pausedChanged(paused);
}

int RunQueue::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(entries_.size());
}

QVariant RunQueue::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry& entry = entries_.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %2").arg(statusText(entry.status), summary(entry.job));
    case Qt::ToolTipRole:
        return toolTip(entry);
    case Qt::ForegroundRole:
        // Finished entries step back; a failure stands out.
        if (entry.status == Status::Failed)
            return QBrush(QColor(0xc0, 0x39, 0x2b));
        if (entry.status == Status::Done || entry.status == Status::Stopped)
            return QPalette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (entry.status == Status::Running) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case StatusRole:
        return static_cast<int>(entry.status);
    case MessageRole:
        return entry.message;
    case SummaryRole:
        return summary(entry.job);
    default:
        return {};
    }
}

Qt::ItemFlags RunQueue::flags(const QModelIndex& index) const {
    // Rows are dragged, and dropped between rows (never onto one).
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    return QAbstractListModel::flags(index) | Qt::ItemIsDragEnabled | Qt::ItemNeverHasChildren;
}

} // namespace deepart
