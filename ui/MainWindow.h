#pragma once

#include "JobRequest.h"
#include "TimelapseWriter.h"

#include <QElapsedTimer>
#include <QList>
#include <QMainWindow>

#include <functional>

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QTabWidget;

namespace deepart {

class CompareView;
class ExportController;
class GalleryController;
class GalleryModel;
class GalleryView;
class ImageView;
class ImageWell;
class LossChart;
class ProjectController;
class QueueRunner;
class RegionEditing;
class InputsController;
class RunProgress;
class RunRecorder;
class RunQueue;
class SettingsPanel;
class StyleStrip;
class TransferSession;
class Workspace;

// The Deep Art Gallery window: content and style wells, settings, run controls with progress and
// a loss chart, the live preview, the snapshot gallery, comparison and export. GUI thread only.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    void setWeightsPath(const QString& path);
    // File ▸ VGG-19 weights…: download or import the weights (again). The chooser shows the
    // weights dialog and returns the file, or an empty string; tests replace it.
    void chooseWeights();
    void setWeightsChooser(std::function<QString()> chooser) {
        chooseWeights_ = std::move(chooser);
    }
    // Says that there are no weights yet and where to get them.
    void reportMissingWeights();
    QString weightsPath() const;
    bool loadContent(const QString& path);
    // Replaces the styles with this one / these (true when all loaded).
    bool loadStyle(const QString& path);
    bool loadStyles(const std::vector<StyleSource>& styles);
    // Where the window keeps its work (the workspace with every run and snapshot, painted
    // regions, images to continue from); by default the per-user data folder. The gallery shows
    // the runs found there.
    void setWorkFolder(const QString& folder);
    // The inputs and settings of `settings` in the wells and the panel.
    void showRunSettings(const RunSettings& settings);
    // Removes the selected snapshots (or runs) from the gallery and the workspace.
    void removeSelected();
    // Writes run `run`'s time-lapse (its previews and snapshots) to `path`; with `sideBySide`
    // the photo is shown beside it. Returns the error, or "".
    QString exportTimelapse(int run, const QString& path, TimelapseOptions options,
                            bool sideBySide);

    // Asked before closing during a run; the default shows a question box. Tests replace it.
    void setCloseConfirmation(std::function<bool()> confirm) { confirmClose_ = std::move(confirm); }
    // Asked when a dropped image carries Deep Art Gallery settings; tests replace it.
    void setRestoreConfirmation(std::function<bool(const QString& fileName)> confirm);

    JobRequest currentRequest() const;
    QString statusText() const;
    QString errorText() const;

    void start();
    void togglePause();
    void stop();
    void snapshotNow();
    // Writes the selected gallery item (or the latest preview) to `path`; returns the error.
    QString exportSelected(const QString& path);
    QString exportAllTo(const QString& folder, const QString& extension);
    void compareSelected();
    // What the View menu's zoom acts on: the preview, or Compare's leading view.
    ImageView* shownView() const;
    // Starts a run with the current settings from the selected snapshot's image.
    void continueFromSelected();
    // Run ▸ Add to queue: the current settings wait in the queue (and start at once if the
    // window is idle and the queue not paused); the queue's dock appears.
    void addToQueue();

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
    QAction* startAction() const { return start_; }
    QAction* pauseAction() const { return pause_; }
    QAction* stopAction() const { return stop_; }
    QAction* continueAction() const { return continue_; }
    RunQueue* runQueue() const { return queue_; }
    QDockWidget* queueDock() const { return queueDock_; }
    QAction* addToQueueAction() const { return addToQueue_; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildQueue();
    void buildActions();
    void buildLayout();
    void connectSession();
    void updateActions();
    void startJob(const JobRequest& job);
    void showWorkspace(); // the gallery from the workspace's runs
    void showError(const QString& message);
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
    QLabel* error_;
    QLabel* device_;
    QAction* start_ = nullptr;
    QAction* pause_ = nullptr;
    QAction* stop_ = nullptr;
    QAction* snapshot_ = nullptr;
    QAction* export_ = nullptr;
    QAction* exportAll_ = nullptr;
    QAction* continue_ = nullptr;
    QAction* addToQueue_ = nullptr;
    RunQueue* queue_ = nullptr;
    QueueRunner* queueRunner_ = nullptr;
    QDockWidget* queueDock_ = nullptr;
    QString workFolder_;
    bool inputErrorShown_ = false; // a message about the inputs, gone once they change
    int runCount_ = 0;
    std::function<bool()> confirmClose_;
    std::function<QString()> chooseWeights_;
};

} // namespace deepart
