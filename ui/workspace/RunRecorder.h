#pragma once

#include "JobRequest.h"

#include <QObject>
#include <QString>

namespace deepart {

class GalleryModel;
class GalleryView;
class LossChart;
class Workspace;

// Keeps the gallery and the workspace in step: shows the runs the workspace holds, and records
// each new run with its snapshots, preview frames and losses in both (so what the gallery shows
// is what a restart or a project gives back); removes items from both. GUI thread only.
class RunRecorder : public QObject {
    Q_OBJECT
public:
    RunRecorder(Workspace* workspace, GalleryModel* gallery, GalleryView* view, LossChart* chart,
                QObject* parent = nullptr);

    // Fills the gallery and the chart (the last run's losses) from the workspace.
    void showWorkspace();

    void beginRun(const JobRequest& job);
    void addSnapshot(const SnapshotInfo& snapshot);
    void addFrame(int iteration, const QImage& image);
    void addLoss(const IterationStats& stats);
    void endRun(bool stopped);
    // A run that failed before its first snapshot leaves nothing to show: no empty group.
    void runFailed();
    // Removes the selected snapshots and runs (not the inputs, nor the run in progress when
    // `running`).
    void removeSelected(bool running);

    int currentRun() const { return currentRun_; }

Q_SIGNALS:
    void message(const QString& text, int timeoutMs); // for the status bar

private:
    Workspace* workspace_;
    GalleryModel* gallery_;
    GalleryView* view_;
    LossChart* chart_;
    int currentRun_ = 0; // the run in progress (or the last one)
};

} // namespace deepart
