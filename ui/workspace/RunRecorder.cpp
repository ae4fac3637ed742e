#include "RunRecorder.h"

#include "GalleryModel.h"
#include "GalleryView.h"
#include "LossChart.h"
#include "Workspace.h"

#include <QDateTime>

#include <algorithm>
#include <functional>

namespace deepart {

RunRecorder::RunRecorder(Workspace* workspace, GalleryModel* gallery, GalleryView* view,
                         LossChart* chart, QObject* parent)
    : QObject(parent), workspace_(workspace), gallery_(gallery), view_(view), chart_(chart) {
    connect(view_, &GalleryView::runCollapsed, workspace_, &Workspace::setCollapsed);
}

void RunRecorder::showWorkspace() {
    gallery_->clearRuns();
    chart_->clear();
    for (const StoredRun& run : workspace_->manifest().runs) {
        gallery_->addRun(Workspace::jobOf(run), run.started, run.collapsed);
        for (const SnapshotInfo& snapshot : workspace_->snapshotsOf(run))
            gallery_->addSnapshot(snapshot);
    }
    // The chart shows the last run's losses, as it did when that run ended.
    if (!workspace_->manifest().runs.empty())
        for (const IterationStats& stats : workspace_->manifest().runs.back().losses)
            chart_->addStats(stats);
    currentRun_ = workspace_->manifest().lastRunNumber();
}

void RunRecorder::beginRun(const JobRequest& job) {
    currentRun_ = job.runNumber;
    workspace_->beginRun(job);
    gallery_->addRun(job, QDateTime::currentDateTime());
}

void RunRecorder::addSnapshot(const SnapshotInfo& snapshot) {
    QString error;
    const SnapshotInfo saved = workspace_->addSnapshot(snapshot, &error);
    if (!error.isEmpty())
        Q_EMIT message(error, 15000);
    gallery_->addSnapshot(saved);
}

void RunRecorder::addFrame(int iteration, const QImage& image) {
    workspace_->addFrame(currentRun_, iteration, image);
}

void RunRecorder::addLoss(const IterationStats& stats) {
    workspace_->addLoss(currentRun_, stats);
}

void RunRecorder::endRun(bool stopped) {
    workspace_->endRun(currentRun_,
                       stopped ? StoredRunOutcome::Stopped : StoredRunOutcome::Finished);
}

void RunRecorder::runFailed() {
    const int header = gallery_->runRow(currentRun_);
    const bool empty = header >= 0 && (header + 1 >= gallery_->rowCount() ||
                                       gallery_->item(header + 1).run != currentRun_);
    if (empty) {
        gallery_->removeRow(header);
        workspace_->removeRun(currentRun_);
    } else {
        workspace_->endRun(currentRun_, StoredRunOutcome::Failed);
    }
}

void RunRecorder::removeSelected(bool running) {
    QList<int> rows = view_->selectedRows();
    rows.erase(std::remove_if(rows.begin(), rows.end(),
                              [this, running](int row) {
                                  const auto& item = gallery_->item(row);
                                  return row < 2 ||
                                         (running && item.kind == GalleryModel::Kind::Run &&
                                          item.run == currentRun_);
                              }),
               rows.end());
    // From the last, so that the rows still to remove keep their numbers.
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (int row : rows) {
        const auto& item = gallery_->item(row);
        if (item.kind == GalleryModel::Kind::Run)
            workspace_->removeRun(item.run);
        else if (!item.snapshot.file.isEmpty())
            workspace_->removeSnapshot(item.snapshot.file);
        gallery_->removeRow(row);
    }
}

} // namespace deepart
