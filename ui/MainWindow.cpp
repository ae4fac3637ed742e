#include "MainWindow.h"

#include "CompareView.h"
#include "Continuation.h"
#include "ExportController.h"
#include "GalleryController.h"
#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "InputsController.h"
#include "LossChart.h"
#include "ProjectController.h"
#include "QueuePanel.h"
#include "QueueRunner.h"
#include "RegionEditing.h"
#include "RunProgress.h"
#include "RunQueue.h"
#include "RunRecorder.h"
#include "SettingsJson.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "TransferSession.h"
#include "WeightsDialog.h"
#include "WeightsStore.h"
#include "WheelGuard.h"
#include "WindowMenus.h"
#include "Workspace.h"

#include <QAction>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QGuiApplication>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

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
      progress_(new RunProgress(progressBar_, progressText_, this)), error_(new QLabel(this)),
      device_(new QLabel(this)) {
    confirmClose_ = [this] {
        return QMessageBox::question(this, tr("Stop the run?"),
                                     tr("A run is in progress. Stop it and quit? Its snapshots "
                                        "so far stay in the gallery.")) == QMessageBox::Yes;
    };
    chooseWeights_ = [this] {
        const WeightsStore store;
        WeightsDialog dialog(
            store, QUrl(qEnvironmentVariable("DEEPART_WEIGHTS_URL", WeightsStore::kUrl)),
            tr("Download the VGG-19 weights again, or use a file you already have."), this);
        return dialog.exec() == QDialog::Accepted ? dialog.weightsPath() : QString();
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
    buildQueue();
    buildActions();
    buildLayout();
    connectSession();
    restoreState();
    setWorkFolder(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    updateActions();
}

MainWindow::~MainWindow() {
    session_->shutdown();
}

void MainWindow::buildActions() {
    const auto action = [this](const QString& text, const QKeySequence& key, auto slot) {
        auto* a = new QAction(text, this);
        a->setShortcut(key);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a);
        return a;
    };
    start_ = action(tr("Start"), QKeySequence(Qt::CTRL | Qt::Key_Return), &MainWindow::start);
    pause_ = action(tr("Pause"), QKeySequence(Qt::CTRL | Qt::Key_P), &MainWindow::togglePause);
    stop_ = action(tr("Stop"), QKeySequence(Qt::CTRL | Qt::Key_Period), &MainWindow::stop);
    snapshot_ =
        action(tr("Snapshot now"), QKeySequence(Qt::CTRL | Qt::Key_T), &MainWindow::snapshotNow);
    export_ = action(tr("Export…"), QKeySequence(Qt::CTRL | Qt::Key_E),
                     [this] { exports_->exportSelectedInteractive(); });
    exportAll_ = action(tr("Export all snapshots…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                        [this] { exports_->exportAllInteractive(); });
    continue_ = action(tr("Continue from this snapshot"),
                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return),
                       &MainWindow::continueFromSelected);
    continue_->setStatusTip(tr("Start a new run with the current settings from the selected "
                               "snapshot's image"));
    addToQueue_ = action(tr("Add to queue"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q),
                         &MainWindow::addToQueue);
    addToQueue_->setStatusTip(tr("Run the current settings after the runs before them"));
    galleryActions_->setItemActions({continue_, export_});

    addWindowMenus(*this,
                   {start_, pause_, stop_, snapshot_, export_, exportAll_, continue_, addToQueue_});
}

void MainWindow::buildQueue() {
    // The queue's logic is QueueRunner's: it starts each entry through startJob() when the
    // window is idle, and is told when a run ended. Queued, so that the window's own handlers
    // of the end (the status line) have run first, whatever the order of connection.
    queue_ = new RunQueue(this);
    queueRunner_ = new QueueRunner(
        queue_, [this] { return session_->isRunning(); }, this);
    queueRunner_->setRefusalText([this] { return errorText(); });
    connect(queueRunner_, &QueueRunner::runNext, this, &MainWindow::startJob);
    connect(session_, &TransferSession::finished, queueRunner_, &QueueRunner::runFinished,
            Qt::QueuedConnection);
    connect(session_, &TransferSession::failed, queueRunner_, &QueueRunner::runFailed,
            Qt::QueuedConnection);
    queueDock_ = new QDockWidget(tr("Queue"), this);
    queueDock_->setObjectName(QStringLiteral("queueDock"));
    queueDock_->setWidget(new QueuePanel(queue_, queueDock_));
    queueDock_->toggleViewAction()->setText(tr("Queue"));
    addDockWidget(Qt::RightDockWidgetArea, queueDock_);
    queueDock_->hide(); // until the first job is queued
}

void MainWindow::addToQueue() {
    queue_->add(currentRequest());
    queueDock_->show();
}

void MainWindow::buildLayout() {
    auto* inputs = new QWidget(this);
    auto* inputsLayout = new QVBoxLayout(inputs);
    inputsLayout->addWidget(contentWell_);
    inputsLayout->addWidget(styleStrip_);
    inputsLayout->addWidget(settings_);
    inputsLayout->addStretch();
    auto* inputsScroll = new QScrollArea(this);
    inputsScroll->setWidget(inputs);
    inputsScroll->setWidgetResizable(true);
    inputsScroll->setMinimumWidth(inputs->sizeHint().width() + 20);
    new WheelGuard(inputsScroll);

    tabs_->addTab(preview_, tr("Preview"));
    tabs_->addTab(compare_, tr("Compare"));

    connect(galleryView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MainWindow::updateActions);
    connect(galleryView_, &GalleryView::removeRequested, this, &MainWindow::removeSelected);
    connect(galleryActions_, &GalleryController::removeRequested, this,
            &MainWindow::removeSelected);
    connect(projects_, &ProjectController::workspaceReplaced, this, [this] {
        error_->hide();
        showWorkspace();
        if (const auto& next = workspace_->manifest().next)
            showRunSettings(*next);
    });
    connect(projects_, &ProjectController::failed, this, &MainWindow::showError);
    connect(projects_, &ProjectController::saved, this, [this](const QString& path) {
        statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 8000);
    });

    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold"));
    error_->hide();
    auto* compareButton = new QPushButton(tr("Compare selected"), this);
    connect(compareButton, &QPushButton::clicked, this, &MainWindow::compareSelected);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(progressBar_);
    rightLayout->addWidget(progressText_);
    rightLayout->addWidget(error_);
    // Preview, chart and gallery share one splitter: on a small screen the preview gets the
    // space (the gallery keeps one row of thumbnails), and the user can move the borders.
    auto* galleryRow = new QWidget(this);
    auto* galleryLayout = new QHBoxLayout(galleryRow);
    galleryLayout->setContentsMargins(0, 0, 0, 0);
    galleryLayout->addWidget(galleryView_, 1);
    galleryLayout->addWidget(compareButton);
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(tabs_);
    vertical->addWidget(chart_);
    vertical->addWidget(galleryRow);
    vertical->setStretchFactor(0, 4);
    vertical->setStretchFactor(1, 1);
    vertical->setStretchFactor(2, 0);
    vertical->setChildrenCollapsible(false);
    rightLayout->addWidget(vertical, 1);

    auto* split = new QSplitter(this);
    split->addWidget(inputsScroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    statusBar()->addPermanentWidget(device_);

    connect(contentWell_, &ImageWell::imageChanged, this, [this] {
        if (!session_->isRunning())
            preview_->setImage(contentWell_->image());
        settings_->setContentSize(contentWell_->image().size());
    });
    connect(inputs_, &InputsController::changed, this, [this] {
        if (inputErrorShown_)
            error_->hide();
        updateActions();
    });
    const auto report = [this](const QString& message) { statusBar()->showMessage(message, 8000); };
    connect(contentWell_, &ImageWell::loadFailed, this, report);
    connect(styleStrip_, &StyleStrip::loadFailed, this, report);
    connect(regions_, &RegionEditing::failed, this, report);
    connect(settings_, &SettingsPanel::lossWeightsChanged, session_,
            &TransferSession::setLossWeights);
    // Large enough for the preview, never larger than the screen (1024 x 700 laptops exist).
    const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
    resize(std::min(1360, screen.width() * 95 / 100), std::min(860, screen.height() * 95 / 100));
}

void MainWindow::connectSession() {
    connect(session_, &TransferSession::started, this,
            [this](const QString& device, const QSize& size) {
                device_->setText(
                    tr("%1 · %2 × %3 px").arg(device).arg(size.width()).arg(size.height()));
                progress_->started();
            });
    connect(session_, &TransferSession::progressed, progress_, &RunProgress::addIteration);
    connect(session_, &TransferSession::tileProgressed, progress_, &RunProgress::tileProgressed);
    connect(progress_, &RunProgress::statsFlushed, this,
            [this](const QList<IterationStats>& batch) {
                for (const auto& stats : batch) {
                    chart_->addStats(stats);
                    recorder_->addLoss(stats);
                }
            });
    connect(session_, &TransferSession::previewReady, this,
            [this](int iteration, const QImage& image) {
                preview_->setImage(image);
                recorder_->addFrame(iteration, image);
            });
    connect(session_, &TransferSession::snapshotReady, recorder_, &RunRecorder::addSnapshot);
    connect(gallery_, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateActions);
    connect(session_, &TransferSession::finished, this, [this](int completed, bool stopped) {
        recorder_->endRun(stopped);
        progress_->finished(completed, stopped);
    });
    connect(session_, &TransferSession::heldAt, progress_, &RunProgress::heldAt);
    connect(session_, &TransferSession::failed, this, [this](const QString& message) {
        recorder_->runFailed();
        showError(message);
    });
    connect(session_, &TransferSession::runningChanged, this, &MainWindow::updateActions);
    connect(session_, &TransferSession::pausedChanged, this, &MainWindow::updateActions);
    connect(session_, &TransferSession::pausedChanged, progress_, &RunProgress::setPaused);
}

void MainWindow::setWeightsPath(const QString& path) {
    inputs_->setWeightsPath(path);
}

QString MainWindow::weightsPath() const {
    return inputs_->weightsPath();
}

void MainWindow::setRestoreConfirmation(std::function<bool(const QString& fileName)> confirm) {
    inputs_->setRestoreConfirmation(std::move(confirm));
}

bool MainWindow::loadContent(const QString& path) {
    return contentWell_->loadFile(path);
}

bool MainWindow::loadStyle(const QString& path) {
    return loadStyles({StyleSource{path.toStdString()}});
}

bool MainWindow::loadStyles(const std::vector<StyleSource>& styles) {
    return inputs_->loadStyles(styles);
}

void MainWindow::chooseWeights() {
    const QString path = chooseWeights_();
    if (path.isEmpty())
        return;
    inputs_->setWeightsPath(path);
    if (inputErrorShown_)
        error_->hide();
    statusBar()->showMessage(tr("Using the weights in %1").arg(QDir::toNativeSeparators(path)),
                             8000);
}

void MainWindow::reportMissingWeights() {
    showError(tr("The VGG-19 weights are missing: File ▸ VGG-19 weights… downloads them or uses "
                 "a file you already have."));
    inputErrorShown_ = true;
}

void MainWindow::setWorkFolder(const QString& folder) {
    workFolder_ = folder;
    regions_->setFolder(QDir(folder).filePath(QStringLiteral("regions")));
    const QString error = workspace_->open(QDir(folder).filePath(QStringLiteral("workspace")));
    showWorkspace();
    if (!error.isEmpty())
        showError(error);
}

void MainWindow::showWorkspace() {
    recorder_->showWorkspace();
    runCount_ = recorder_->currentRun();
    updateActions();
}

void MainWindow::showRunSettings(const RunSettings& run) {
    inputs_->show(run);
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
    return error_->isHidden() ? QString() : error_->text();
}

void MainWindow::start() {
    startJob(currentRequest());
}

void MainWindow::startJob(const JobRequest& request) {
    // A queued job carries the inputs of when it was queued; weights chosen since then are the
    // window's (a job queued before them would start with none).
    JobRequest job = request;
    if (job.weightsPath.isEmpty())
        job.weightsPath = inputs_->weightsPath();
    if (job.contentPath.isEmpty() || job.styles.empty()) {
        showError(tr("Choose a content image and a style image first."));
        inputErrorShown_ = true;
        return;
    }
    double totalWeight = 0.0;
    for (const StyleSource& style : job.styles)
        totalWeight += style.weight;
    if (!(totalWeight > 0.0)) {
        showError(tr("Every style's blend weight is 0: give at least one style some weight."));
        inputErrorShown_ = true;
        return;
    }
    if (job.weightsPath.isEmpty()) {
        reportMissingWeights();
        return;
    }
    error_->hide();
    inputErrorShown_ = false;
    // Snapshots of earlier runs stay in the gallery, each with its settings, so runs can be
    // compared; only the chart starts afresh.
    chart_->clear();
    progress_->preparing(job.transfer.totalIterations());
    JobRequest numbered = job;
    numbered.runNumber = ++runCount_;
    inputs_->save();
    recorder_->beginRun(numbered);
    session_->start(numbered);
}

void MainWindow::togglePause() {
    if (session_->isRunning())
        session_->setPaused(!session_->isPaused());
}

void MainWindow::stop() {
    session_->stop();
}

void MainWindow::snapshotNow() {
    session_->snapshotNow();
}

void MainWindow::showError(const QString& message) {
    progress_->failed();
    error_->setText(message);
    error_->show();
    updateActions();
}

void MainWindow::updateActions() {
    const bool running = session_->isRunning();
    settings_->setRunActive(running);
    const bool inputs = inputs_->complete();
    start_->setEnabled(!running && inputs);
    continue_->setEnabled(!running && inputs && galleryActions_->selectedSnapshotRow() >= 0);
    addToQueue_->setEnabled(inputs);
    // Nothing to export before there is a picture.
    export_->setEnabled(!preview_->image().isNull());
    projects_->setReplaceEnabled(!running);
    exportAll_->setEnabled(!gallery_->snapshots().isEmpty());
    pause_->setEnabled(running);
    pause_->setText(session_->isPaused() ? tr("Resume") : tr("Pause"));
    stop_->setEnabled(running);
    snapshot_->setEnabled(running);
}

void MainWindow::compareSelected() {
    galleryActions_->compareSelected();
}

void MainWindow::continueFromSelected() {
    const int row = galleryActions_->selectedSnapshotRow();
    if (row < 0 || session_->isRunning())
        return;
    JobRequest job = currentRequest();
    const QString error = prepareContinuation(
        gallery_->item(row).snapshot, QDir(workFolder_).filePath(QStringLiteral("starts")), job);
    if (!error.isEmpty()) {
        showError(error);
        return;
    }
    startJob(job);
}

ImageView* MainWindow::shownView() const {
    return galleryActions_->shownView();
}

QString MainWindow::exportSelected(const QString& path) {
    return exports_->exportSelected(path);
}

QString MainWindow::exportAllTo(const QString& folder, const QString& extension) {
    return exports_->exportAllTo(folder, extension);
}

QString MainWindow::exportTimelapse(int run, const QString& path, TimelapseOptions options,
                                    bool sideBySide) {
    return exports_->exportTimelapse(run, path, std::move(options), sideBySide);
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
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    settings_->restore(settings);
    exports_->setFolder(
        settings.value(QStringLiteral("folders/export"), QDir::homePath()).toString());
    contentWell_->setBrowseFolder(settings.value(QStringLiteral("folders/content")).toString());
    styleStrip_->setBrowseFolder(settings.value(QStringLiteral("folders/style")).toString());
}

void MainWindow::saveState() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    settings_->save(settings);
    settings.setValue(QStringLiteral("folders/export"), exports_->folder());
    settings.setValue(QStringLiteral("folders/content"), contentWell_->browseFolder());
    settings.setValue(QStringLiteral("folders/style"), styleStrip_->browseFolder());
    settings.setValue(QStringLiteral("inputs/content"), contentWell_->path());
    // The styles with their weights, scales and regions, in the settings schema.
    settings.setValue(QStringLiteral("inputs/run"),
                      QString::fromUtf8(runSettingsToJsonText(currentRequest().runSettings())));
}

} // namespace deepart
