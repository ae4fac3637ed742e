#include "MainWindow.h"

#include "AppSettings.h"
#include "CompareView.h"
#include "ErrorLine.h"
#include "ExportController.h"
#include "GalleryController.h"
#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "InputsController.h"
#include "LossChart.h"
#include "ProjectController.h"
#include "QueueDock.h"
#include "RegionEditing.h"
#include "RunController.h"
#include "RunProgress.h"
#include "RunQueue.h"
#include "RunRecorder.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "TransferSession.h"
#include "VideoDialog.h"
#include "WindowLayout.h"
#include "WindowMenus.h"
#include "Workspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>

#include <algorithm>
#include <functional>

namespace deepart {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), session_(new TransferSession(this)), workspace_(new Workspace(this)),
      projects_(new ProjectController(workspace_, this)), gallery_(new GalleryModel(this)),
      contentWell_(new ImageWell(tr("Content (photo)"), tr("content image"), this)),
      styleStrip_(new StyleStrip(this)),
      regions_(new RegionEditing(styleStrip_, contentWell_, this)),
      settings_(new SettingsPanel(this)), preview_(new ImageView(this)),
      compare_(new CompareView(gallery_, this)), tabs_(new QTabWidget(this)),
      galleryView_(new GalleryView(gallery_, this)), chart_(new LossChart(this)),
      progressBar_(new QProgressBar(this)), progressText_(new QLabel(this)),
      progress_(new RunProgress(progressBar_, progressText_, this)), error_(new ErrorLine(this)),
      device_(new QLabel(this)) {
    confirmClose_ = [this] {
        return QMessageBox::question(this, tr("Stop the run?"),
                                     tr("A run is in progress. Stop it and quit? Its snapshots "
                                        "so far stay in the gallery.")) == QMessageBox::Yes;
    };
    exports_ = new ExportController(
        {gallery_, galleryView_, preview_, contentWell_, styleStrip_, workspace_}, this);
    connect(exports_, &ExportController::message, statusBar(), &QStatusBar::showMessage);
    galleryActions_ =
        new GalleryController({gallery_, galleryView_, preview_, compare_, tabs_, exports_}, this);
    const auto showMessage = [this](const QString& text) { statusBar()->showMessage(text, 8000); };
    connect(galleryActions_, &GalleryController::message, this, showMessage);
    inputs_ = new InputsController(
        {contentWell_, styleStrip_, settings_, gallery_, galleryView_, workspace_}, this);
    connect(inputs_, &InputsController::message, this, showMessage);
    connect(inputs_, &InputsController::saved, this, &MainWindow::saveState);
    recorder_ = new RunRecorder(workspace_, gallery_, galleryView_, chart_, this);
    connect(recorder_, &RunRecorder::message, statusBar(), &QStatusBar::showMessage);
    runs_ = new RunController({session_, inputs_, recorder_, progress_, chart_, preview_, device_},
                              this);
    connect(runs_, &RunController::refused, this,
            [this](const QString& message) { showError(message, true); });
    connect(runs_, &RunController::failed, this,
            [this](const QString& message) { showError(message); });
    connect(runs_, &RunController::starting, error_, &ErrorLine::clearError);
    connect(runs_, &RunController::stateChanged, this, &MainWindow::updateActions);
    connect(runs_, &RunController::videoEnded, this,
            [this](const QString& message) { statusBar()->showMessage(message, 20000); });
    connect(gallery_, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    queueDock_ = new QueueDock(runs_->queue(), this);
    addDockWidget(Qt::RightDockWidgetArea, queueDock_);
    buildActions();
    buildLayout();
    connectParts();
    restoreState();
    setWorkFolder(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    updateActions();
}

MainWindow::~MainWindow() {
    session_->shutdown();
}

void MainWindow::buildActions() {
    actions_ = createWindowActions(*this);
    connect(actions_.start, &QAction::triggered, this, &MainWindow::start);
    connect(actions_.pause, &QAction::triggered, runs_, &RunController::togglePause);
    connect(actions_.stop, &QAction::triggered, runs_, &RunController::stop);
    connect(actions_.snapshot, &QAction::triggered, runs_, &RunController::snapshotNow);
    connect(actions_.exportImage, &QAction::triggered, exports_,
            &ExportController::exportSelectedInteractive);
    connect(actions_.exportAll, &QAction::triggered, exports_,
            &ExportController::exportAllInteractive);
    connect(actions_.continueRun, &QAction::triggered, this, &MainWindow::continueFromSelected);
    connect(actions_.addToQueue, &QAction::triggered, this, &MainWindow::addToQueue);
    connect(actions_.stylizeVideo, &QAction::triggered, this, &MainWindow::stylizeVideoInteractive);
    galleryActions_->setItemActions({actions_.continueRun, actions_.exportImage});
    addWindowMenus(*this, actions_);
}

void MainWindow::addToQueue() {
    runs_->queue()->add(currentRequest()); // the queue's dock shows itself
}

void MainWindow::stylizeVideoInteractive() {
    VideoDialog dialog(this);
    dialog.setFolder(contentWell_->browseFolder());
    dialog.restore({lastVideoClip_, lastVideoOutput_, lastVideo_});
    if (dialog.exec() != QDialog::Accepted)
        return;
    lastVideoClip_ = dialog.clipPath();
    lastVideoOutput_ = dialog.outputPath();
    lastVideo_ = dialog.settings();
    startVideo(lastVideoClip_, lastVideoOutput_, lastVideo_);
}

void MainWindow::offerVideo(const QString& clip, const VideoSettings& video) {
    // A settings file's path may be relative to where the program started.
    lastVideoClip_ = QFileInfo(clip).absoluteFilePath();
    lastVideo_ = video;
    statusBar()->showMessage(
        tr("These settings are a video's: Run ▸ Stylize a video… offers %1 with them")
            .arg(QFileInfo(clip).fileName()));
}

void MainWindow::startVideo(const QString& clip, const QString& output,
                            const VideoSettings& video) {
    JobRequest job = currentRequest();
    job.contentPath = clip;
    job.videoOutputPath = output;
    job.video = video;
    runs_->startJob(job);
}

void MainWindow::buildLayout() {
    tabs_->addTab(preview_, tr("Preview"));
    tabs_->addTab(compare_, tr("Compare"));
    auto* compareButton = new QPushButton(tr("Compare selected"), this);
    connect(compareButton, &QPushButton::clicked, this, &MainWindow::compareSelected);
    setCentralWidget(
        layOutWindow({contentWell_, styleStrip_, settings_, progressBar_, progressText_, error_,
                      tabs_, chart_, galleryView_, compareButton},
                     this));
    statusBar()->addPermanentWidget(device_);
    // Large enough for the preview, never larger than the screen (1024 x 700 laptops exist).
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    resize(std::min(1360, screen.width() * 95 / 100), std::min(860, screen.height() * 95 / 100));
}

void MainWindow::connectParts() {
    connect(galleryView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(galleryView_, &GalleryView::removeRequested, this, &MainWindow::removeSelected);
    connect(galleryActions_, &GalleryController::removeRequested, this,
            &MainWindow::removeSelected);
    connect(projects_, &ProjectController::workspaceReplaced, this, [this] {
        error_->clearError();
        if (!session_->isRunning())
            progress_->ready();
        showWorkspace();
        if (const auto& next = workspace_->manifest().next)
            inputs_->show(*next);
    });
    connect(projects_, &ProjectController::failed, this,
            [this](const QString& message) { showError(message); });
    connect(projects_, &ProjectController::saved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    connect(contentWell_, &ImageWell::imageChanged, this, [this] {
        if (!session_->isRunning())
            preview_->setImage(contentWell_->image());
        settings_->setContentSize(contentWell_->image().size());
    });
    connect(inputs_, &InputsController::changed, error_, &ErrorLine::inputsChanged);
    connect(inputs_, &InputsController::changed, this, &MainWindow::updateActions);
    const auto report = [this](const QString& message) { statusBar()->showMessage(message, 8000); };
    connect(contentWell_, &ImageWell::loadFailed, this, report);
    connect(styleStrip_, &StyleStrip::loadFailed, this, report);
    connect(regions_, &RegionEditing::failed, this, report);
    connect(settings_, &SettingsPanel::lossWeightsChanged, session_,
            &TransferSession::setLossWeights);
}

void MainWindow::reportMissingWeights() {
    showError(RunController::missingWeightsText(), true);
}

void MainWindow::setWorkFolder(const QString& folder) {
    runs_->setStartsFolder(QDir(folder).filePath(QStringLiteral("starts")));
    regions_->setFolder(QDir(folder).filePath(QStringLiteral("regions")));
    const QString error = workspace_->open(QDir(folder).filePath(QStringLiteral("workspace")));
    showWorkspace();
    // The next run as it was left, from the workspace (it keeps the one copy, saved as it
    // changes): inputs whose files are gone are left out.
    if (const auto& next = workspace_->manifest().next)
        inputs_->restore(*next);
    if (!error.isEmpty())
        showError(error);
}

void MainWindow::showWorkspace() {
    recorder_->showWorkspace();
    runs_->setRunCount(recorder_->currentRun());
    updateActions();
}

void MainWindow::removeSelected() {
    recorder_->removeSelected(session_->isRunning());
    updateActions();
}

JobRequest MainWindow::currentRequest() const {
    return inputs_->request();
}

QString MainWindow::statusText() const {
    return progressText_->text();
}

QString MainWindow::errorText() const {
    return error_->message();
}

void MainWindow::start() {
    runs_->startJob(currentRequest());
}

RunQueue* MainWindow::runQueue() const {
    return runs_->queue();
}

void MainWindow::showError(const QString& message, bool aboutInputs) {
    // A message about the inputs (no photo, no weights) comes before any run: nothing failed.
    if (aboutInputs) {
        error_->showInputError(message);
    } else {
        progress_->failed();
        error_->showError(message);
    }
    updateActions();
}

void MainWindow::updateActions() {
    const bool running = session_->isRunning();
    settings_->setRunActive(running);
    const bool inputs = inputs_->complete();
    actions_.start->setEnabled(!running && inputs);
    actions_.continueRun->setEnabled(!running && inputs &&
                                     galleryActions_->selectedSnapshotRow() >= 0);
    actions_.addToQueue->setEnabled(inputs);
    actions_.stylizeVideo->setEnabled(!running);
    // Nothing to export before there is a picture.
    actions_.exportImage->setEnabled(!preview_->image().isNull());
    projects_->setReplaceEnabled(!running);
    actions_.exportAll->setEnabled(!gallery_->snapshots().isEmpty());
    actions_.pause->setEnabled(running);
    actions_.pause->setText(session_->isPaused() ? tr("Resume") : tr("Pause"));
    actions_.stop->setEnabled(running);
    actions_.snapshot->setEnabled(running);
}

void MainWindow::compareSelected() {
    galleryActions_->compareSelected();
}

void MainWindow::continueFromSelected() {
    const int row = galleryActions_->selectedSnapshotRow();
    if (row >= 0 && !session_->isRunning())
        runs_->continueFrom(gallery_->item(row).snapshot, currentRequest());
}

ImageView* MainWindow::shownView() const {
    return galleryActions_->shownView();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (session_->isRunning() && !confirmClose_()) {
        event->ignore();
        return;
    }
    saveState();
    inputs_->save();
    session_->shutdown();
    workspace_->save();
    event->accept();
}

void MainWindow::restoreState() {
    const AppSettings settings;
    restoreGeometry(settings.windowGeometry());
    QMainWindow::restoreState(settings.windowState());
    settings_->previewInterval()->setValue(
        settings.previewInterval(settings_->previewInterval()->value()));
    exports_->setFolder(settings.exportFolder());
    contentWell_->setBrowseFolder(settings.contentFolder());
    styleStrip_->setBrowseFolder(settings.styleFolder());
}

void MainWindow::saveState() const {
    AppSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(QMainWindow::saveState());
    settings.setPreviewInterval(settings_->previewInterval()->value());
    settings.setExportFolder(exports_->folder());
    settings.setContentFolder(contentWell_->browseFolder());
    settings.setStyleFolder(styleStrip_->browseFolder());
}

} // namespace deepart
