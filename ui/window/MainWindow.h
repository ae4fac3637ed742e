#pragma once

#include "JobRequest.h"
#include "WindowMenus.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace deepart {

class CompareView;
class ErrorLine;
class ExportController;
class GalleryController;
class GalleryModel;
class GalleryView;
class ImageView;
class ImageWell;
class LossChart;
class ProjectController;
class QueueDock;
class RegionEditing;
class InputsController;
class RunController;
class RunProgress;
class RunRecorder;
class RunQueue;
class SettingsPanel;
class StyleStrip;
class TransferSession;
class Workspace;

// The Deep Art Gallery window: content and style wells, settings, run controls with progress and
// a loss chart, the live preview, the snapshot gallery, comparison and export. It lays the parts
// out and wires the controllers that own each feature (runs, inputs, gallery, export, projects);
// the thin functions below are the features' front doors for the launcher and tests.
// GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Says that there are no weights yet and where to get them (File ▸ VGG-19 weights…).
    void reportMissingWeights();
    // Where the window keeps its work (the workspace with every run and snapshot, painted
    // regions, images to continue from); by default the per-user data folder. The gallery shows
    // the runs found there.
    void setWorkFolder(const QString& folder);
    // Removes the selected snapshots (or runs) from the gallery and the workspace.
    void removeSelected();

    // Asked before closing during a run; the default shows a question box. Tests replace it.
    void setCloseConfirmation(std::function<bool()> confirm) { confirmClose_ = std::move(confirm); }

    JobRequest currentRequest() const;
    QString statusText() const;
    QString errorText() const;

    void start();
    void compareSelected();
    // What the View menu's zoom acts on: the preview, or Compare's leading view.
    ImageView* shownView() const;
    // Starts a run with the current settings from the selected snapshot's image.
    void continueFromSelected();
    // Run ▸ Add to queue: the current settings wait in the queue (and start at once if the
    // window is idle and the queue not paused); the queue's dock appears.
    void addToQueue();
    // Run ▸ Stylize a video…: the video dialog, then startVideo().
    void stylizeVideoInteractive();
    // A video run of `clip` in the current styles and settings, written to `output`.
    void startVideo(const QString& clip, const QString& output, const VideoSettings& video);
    // A video run's settings given to the window (deepart --settings): the video dialog will
    // offer the clip and `video`, and the status bar says so.
    void offerVideo(const QString& clip, const VideoSettings& video);

    // The next run's inputs: photo, styles, weights (loading, choosing, restoring them).
    InputsController* inputs() const { return inputs_; }
    ImageWell* contentWell() const { return contentWell_; }
    StyleStrip* styleStrip() const { return styleStrip_; }
    RegionEditing* regionEditing() const { return regions_; }
    SettingsPanel* settingsPanel() const { return settings_; }
    TransferSession* session() const { return session_; }
    GalleryModel* gallery() const { return gallery_; }
    GalleryView* galleryView() const { return galleryView_; }
    Workspace* workspace() const { return workspace_; }
    ExportController* exports() const { return exports_; }
    ProjectController* projects() const { return projects_; }
    ImageView* preview() const { return preview_; }
    CompareView* compareView() const { return compare_; }
    LossChart* lossChart() const { return chart_; }
    QProgressBar* progressBar() const { return progressBar_; }
    QAction* startAction() const { return actions_.start; }
    QAction* pauseAction() const { return actions_.pause; }
    QAction* stopAction() const { return actions_.stop; }
    QAction* snapshotAction() const { return actions_.snapshot; }
    QAction* continueAction() const { return actions_.continueRun; }
    RunQueue* runQueue() const;
    QueueDock* queueDock() const { return queueDock_; }
    QAction* addToQueueAction() const { return actions_.addToQueue; }
    QAction* stylizeVideoAction() const { return actions_.stylizeVideo; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildActions();
    void buildLayout();
    void connectParts();
    void updateActions();
    void showWorkspace(); // the gallery from the workspace's runs
    void showError(const QString& message, bool aboutInputs = false);
    void restoreState();
    void saveState() const;

    TransferSession* session_;
    Workspace* workspace_;
    ProjectController* projects_;
    ExportController* exports_ = nullptr;
    GalleryController* galleryActions_ = nullptr;
    InputsController* inputs_ = nullptr;
    RunRecorder* recorder_ = nullptr;
    GalleryModel* gallery_;
    ImageWell* contentWell_;
    StyleStrip* styleStrip_;
    RegionEditing* regions_;
    SettingsPanel* settings_;
    ImageView* preview_;
    CompareView* compare_;
    QTabWidget* tabs_;
    GalleryView* galleryView_;
    LossChart* chart_;
    QProgressBar* progressBar_;
    QLabel* progressText_;
    RunProgress* progress_;
    ErrorLine* error_;
    QLabel* device_;
    WindowActions actions_{};
    RunController* runs_ = nullptr;
    QueueDock* queueDock_ = nullptr;
    std::function<bool()> confirmClose_;
    // The video dialog's last choice, offered again (clip, output, settings).
    QString lastVideoClip_, lastVideoOutput_;
    VideoSettings lastVideo_;
};

} // namespace deepart
