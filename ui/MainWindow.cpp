#include "MainWindow.h"

#include "CompareView.h"
#include "DurationText.h"
#include "ExportWriter.h"
#include "GalleryModel.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "LossChart.h"
#include "SettingsPanel.h"
#include "TransferSession.h"

#include <QAction>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace deepart {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), session_(new TransferSession(this)), gallery_(new GalleryModel(this)),
      contentWell_(new ImageWell(tr("Content (photo)"), tr("content image"), this)),
      styleWell_(new ImageWell(tr("Style (painting)"), tr("style image"), this)),
      settings_(new SettingsPanel(this)), preview_(new ImageView(this)),
      compare_(new CompareView(gallery_, this)), tabs_(new QTabWidget(this)),
      galleryView_(new QListView(this)), chart_(new LossChart(this)),
      progress_(new QProgressBar(this)), progressText_(new QLabel(this)), error_(new QLabel(this)),
      device_(new QLabel(this)) {
    setWindowTitle(tr("Deep Art Gallery"));
    confirmClose_ = [this] {
        return QMessageBox::question(this, tr("Stop the run?"),
                                     tr("A run is in progress. Stop it and quit? Snapshots not "
                                        "exported will be lost.")) == QMessageBox::Yes;
    };
    confirmRestore_ = [this](const QString& name) {
        return QMessageBox::question(
                   this, tr("Restore settings?"),
                   tr("%1 was made with Deep Art Gallery and carries its settings. Use them for "
                      "the next run?")
                       .arg(name)) == QMessageBox::Yes;
    };
    buildActions();
    buildLayout();
    connectSession();
    restoreState();
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
                     &MainWindow::exportSelectedInteractive);
    exportAll_ = action(tr("Export all snapshots…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E),
                        &MainWindow::exportAllInteractive);

    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("Open content image…"), QKeySequence::Open, contentWell_,
                    &ImageWell::browse);
    file->addAction(tr("Open style image…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O),
                    styleWell_, &ImageWell::browse);
    file->addSeparator();
    file->addAction(export_);
    file->addAction(exportAll_);
    file->addSeparator();
    file->addAction(tr("Quit"), QKeySequence::Quit, this, &QWidget::close);
    auto* run = menuBar()->addMenu(tr("&Run"));
    for (auto* a : {start_, pause_, stop_, snapshot_})
        run->addAction(a);
    auto* view = menuBar()->addMenu(tr("&View"));
    view->addAction(tr("Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0), preview_,
                    &ImageView::fitToWindow);
    view->addAction(tr("Actual size (100%)"), QKeySequence(Qt::CTRL | Qt::Key_1), preview_,
                    &ImageView::actualSize);
    view->addAction(tr("Zoom in"), QKeySequence::ZoomIn, this, [this] { preview_->zoomBy(1.25); });
    view->addAction(tr("Zoom out"), QKeySequence::ZoomOut, this, [this] { preview_->zoomBy(0.8); });
    view->addAction(tr("Compare selected"), QKeySequence(Qt::CTRL | Qt::Key_K), this,
                    &MainWindow::compareSelected);

    auto* toolbar = addToolBar(tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (auto* a : {start_, pause_, stop_, snapshot_})
        toolbar->addAction(a);
    toolbar->addSeparator();
    toolbar->addAction(export_);
    toolbar->addAction(exportAll_);
}

void MainWindow::buildLayout() {
    auto* inputs = new QWidget(this);
    auto* inputsLayout = new QVBoxLayout(inputs);
    auto* wells = new QHBoxLayout;
    wells->addWidget(contentWell_);
    wells->addWidget(styleWell_);
    inputsLayout->addLayout(wells);
    inputsLayout->addWidget(settings_);
    inputsLayout->addStretch();
    auto* inputsScroll = new QScrollArea(this);
    inputsScroll->setWidget(inputs);
    inputsScroll->setWidgetResizable(true);
    inputsScroll->setMinimumWidth(inputs->sizeHint().width() + 20);

    tabs_->addTab(preview_, tr("Preview"));
    tabs_->addTab(compare_, tr("Compare"));

    galleryView_->setModel(gallery_);
    galleryView_->setViewMode(QListView::IconMode);
    galleryView_->setFlow(QListView::LeftToRight);
    galleryView_->setWrapping(false);
    galleryView_->setIconSize(QSize(96, 96));
    galleryView_->setGridSize(QSize(120, 140));
    galleryView_->setMinimumHeight(160);
    galleryView_->setMaximumHeight(170);
    galleryView_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    galleryView_->setMovement(QListView::Static);
    galleryView_->setToolTip(tr("Select two items and press Ctrl+K to compare them"));
    connect(galleryView_, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        preview_->setImage(gallery_->item(index.row()).image);
        tabs_->setCurrentWidget(preview_);
    });

    progress_->setRange(0, 100);
    progress_->setValue(0);
    progressText_->setText(tr("Ready"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold"));
    error_->hide();
    auto* compareButton = new QPushButton(tr("Compare selected"), this);
    connect(compareButton, &QPushButton::clicked, this, &MainWindow::compareSelected);

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(progress_);
    rightLayout->addWidget(progressText_);
    rightLayout->addWidget(error_);
    auto* vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(tabs_);
    vertical->addWidget(chart_);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);
    rightLayout->addWidget(vertical, 1);
    auto* galleryRow = new QHBoxLayout;
    galleryRow->addWidget(galleryView_, 1);
    galleryRow->addWidget(compareButton);
    rightLayout->addLayout(galleryRow);

    auto* split = new QSplitter(this);
    split->addWidget(inputsScroll);
    split->addWidget(right);
    split->setStretchFactor(1, 1);
    setCentralWidget(split);
    statusBar()->addPermanentWidget(device_);

    connect(contentWell_, &ImageWell::imageChanged, this, [this](const QString& path) {
        offerSettingsOf(path);
        gallery_->setContent(contentWell_->image(), QFileInfo(path).fileName());
        if (!session_->isRunning())
            preview_->setImage(contentWell_->image());
        updateActions();
    });
    connect(styleWell_, &ImageWell::imageChanged, this, [this](const QString& path) {
        offerSettingsOf(path);
        gallery_->setStyle(styleWell_->image(), QFileInfo(path).fileName());
        updateActions();
    });
    for (auto* well : {contentWell_, styleWell_})
        connect(well, &ImageWell::loadFailed, this,
                [this](const QString& message) { statusBar()->showMessage(message, 8000); });
    connect(settings_, &SettingsPanel::lossWeightsChanged, session_,
            &TransferSession::setLossWeights);
    resize(1360, 860);
}

void MainWindow::connectSession() {
    connect(session_, &TransferSession::started, this,
            [this](const QString& device, const QSize& size) {
                device_->setText(
                    tr("%1 · %2 × %3 px").arg(device).arg(size.width()).arg(size.height()));
                runClock_.start();
            });
    progressTimer_.setSingleShot(true);
    progressTimer_.setInterval(33);
    connect(&progressTimer_, &QTimer::timeout, this, &MainWindow::flushProgress);
    connect(session_, &TransferSession::progressed, this, &MainWindow::queueProgress);
    connect(session_, &TransferSession::previewReady, this,
            [this](int, const QImage& image) { preview_->setImage(image); });
    connect(session_, &TransferSession::snapshotReady, gallery_, &GalleryModel::addSnapshot);
    connect(session_, &TransferSession::finished, this, [this](int completed, bool stopped) {
        progressTimer_.stop();
        flushProgress();
        progressText_->setText(stopped ? tr("Stopped at iteration %1").arg(completed)
                                       : tr("Done: %1 iterations in %2")
                                             .arg(completed)
                                             .arg(QString::fromStdString(
                                                 formatDuration(runClock_.elapsed() / 1000.0))));
    });
    connect(session_, &TransferSession::heldAt, this, [this](int completed) {
        flushProgress();
        progressText_->setText(
            tr("Paused at iteration %1/%2").arg(completed).arg(totalIterations_));
    });
    connect(session_, &TransferSession::failed, this, &MainWindow::showError);
    connect(session_, &TransferSession::runningChanged, this, &MainWindow::updateActions);
    connect(session_, &TransferSession::pausedChanged, this, &MainWindow::updateActions);
}

void MainWindow::offerSettingsOf(const QString& path) {
    const auto settings = readArtworkSettings(path);
    if (!settings || !confirmRestore_(QFileInfo(path).fileName()))
        return;
    JobRequest job = currentRequest();
    job.transfer = settings->transfer;
    {
        // For the next run: a run in progress keeps its weights.
        const QSignalBlocker blocker(settings_);
        settings_->showSettings(job);
    }
    statusBar()->showMessage(tr("Settings restored from %1").arg(QFileInfo(path).fileName()), 8000);
}

bool MainWindow::loadContent(const QString& path) {
    return contentWell_->loadFile(path);
}

bool MainWindow::loadStyle(const QString& path) {
    return styleWell_->loadFile(path);
}

JobRequest MainWindow::currentRequest() const {
    JobRequest job;
    settings_->applyTo(job);
    job.contentPath = contentWell_->path();
    job.styles = {StyleSource{styleWell_->path().toStdString()}};
    job.weightsPath = weightsPath_;
    return job;
}

QString MainWindow::statusText() const {
    return progressText_->text();
}

QString MainWindow::errorText() const {
    return error_->isHidden() ? QString() : error_->text();
}

void MainWindow::start() {
    if (contentWell_->path().isEmpty() || styleWell_->path().isEmpty()) {
        showError(tr("Choose a content image and a style image first."));
        return;
    }
    if (weightsPath_.isEmpty()) {
        showError(tr("The VGG-19 weights are missing: restart the app to download or import "
                     "them, or start it with --weights FILE."));
        return;
    }
    const JobRequest job = currentRequest();
    error_->hide();
    // Snapshots of earlier runs stay in the gallery, each with its settings, so runs can be
    // compared; only the chart starts afresh.
    chart_->clear();
    totalIterations_ = job.transfer.totalIterations();
    pendingStats_.clear();
    progress_->setValue(0);
    progressText_->setText(tr("Preparing (loading weights and images)…"));
    session_->start(job);
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

void MainWindow::queueProgress(const IterationStats& stats) {
    // On a GPU iterations come faster than a screen refreshes: they are collected and drawn
    // together, at most ~30 times a second.
    pendingStats_.append(stats);
    if (!progressTimer_.isActive())
        progressTimer_.start();
}

void MainWindow::flushProgress() {
    if (pendingStats_.isEmpty())
        return;
    for (const auto& stats : std::as_const(pendingStats_))
        chart_->addStats(stats);
    const IterationStats stats = pendingStats_.last();
    pendingStats_.clear();
    progress_->setValue(totalIterations_ > 0 ? stats.iteration * 100 / totalIterations_ : 0);
    if (session_->isPaused())
        return; // "Paused…" stays; an ETA would be wrong
    const double seconds = runClock_.isValid() ? runClock_.elapsed() / 1000.0 : 0.0;
    const double rate = seconds > 0.0 ? stats.iteration / seconds : 0.0;
    // Coarse scales are cheap: the remaining time follows the work (pixels), not the count.
    const double eta =
        stats.progress > 0.0 ? seconds * (1.0 - stats.progress) / stats.progress : 0.0;
    progressText_->setText(
        tr("Iteration %1/%2 · %3 px · %4 it/s · ETA %5 · loss %6")
            .arg(stats.iteration)
            .arg(totalIterations_)
            .arg(stats.size)
            .arg(rate, 0, 'f', 2)
            .arg(QString::fromStdString(formatDuration(eta)), formatLoss(stats.total)));
}

void MainWindow::showError(const QString& message) {
    progressTimer_.stop();
    flushProgress(); // before the message, so that pending progress cannot overwrite it
    error_->setText(message);
    error_->show();
    progressText_->setText(tr("Failed"));
    updateActions();
}

void MainWindow::updateActions() {
    const bool running = session_->isRunning();
    start_->setEnabled(!running && !contentWell_->path().isEmpty() &&
                       !styleWell_->path().isEmpty());
    pause_->setEnabled(running);
    pause_->setText(session_->isPaused() ? tr("Resume") : tr("Pause"));
    stop_->setEnabled(running);
    snapshot_->setEnabled(running);
    if (session_->isPaused())
        progressText_->setText(tr("Paused"));
}

void MainWindow::compareSelected() {
    QList<int> rows;
    for (const QModelIndex& index : galleryView_->selectionModel()->selectedIndexes())
        rows.append(index.row());
    std::sort(rows.begin(), rows.end());
    if (rows.size() < 2) {
        // One or none selected: compare the newest snapshot with the content image.
        const int newest = gallery_->rowCount() - 1;
        rows = {rows.isEmpty() ? newest : rows.first(), 0};
    }
    compare_->compare(rows.at(0), rows.at(1));
    tabs_->setCurrentWidget(compare_);
}

QString MainWindow::exportSelected(const QString& path) {
    const auto selected = galleryView_->selectionModel()->selectedIndexes();
    if (selected.isEmpty())
        return ExportWriter::exportImage(preview_->image(), path);
    const auto& item = gallery_->item(selected.first().row());
    if (item.kind == GalleryModel::Kind::Snapshot)
        return ExportWriter::exportSnapshot(item.snapshot, path);
    return ExportWriter::exportImage(item.image, path);
}

QString MainWindow::exportAllTo(const QString& folder, const QString& extension) {
    return ExportWriter::exportAll(gallery_->snapshots(), folder, extension,
                                   QFileInfo(contentWell_->path()).completeBaseName());
}

void MainWindow::exportSelectedInteractive() {
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export image"), QDir(exportFolder_).filePath(QStringLiteral("artwork.png")),
        tr("PNG (*.png);;JPEG (*.jpg *.jpeg);;TIFF (*.tif *.tiff);;WebP (*.webp)"));
    if (path.isEmpty())
        return;
    exportFolder_ = QFileInfo(path).absolutePath();
    const QString error = exportSelected(path);
    if (error.isEmpty())
        statusBar()->showMessage(tr("Exported %1").arg(path), 8000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void MainWindow::exportAllInteractive() {
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Export all snapshots to"), exportFolder_);
    if (folder.isEmpty())
        return;
    exportFolder_ = folder;
    const QString error = exportAllTo(folder, QStringLiteral("png"));
    if (error.isEmpty())
        statusBar()->showMessage(
            tr("Exported %1 snapshots to %2").arg(gallery_->snapshots().size()).arg(folder), 8000);
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (session_->isRunning() && !confirmClose_()) {
        event->ignore();
        return;
    }
    saveState();
    session_->shutdown();
    event->accept();
}

void MainWindow::restoreState() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    QMainWindow::restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    settings_->restore(settings);
    exportFolder_ = settings.value(QStringLiteral("folders/export"), QDir::homePath()).toString();
    contentWell_->setBrowseFolder(settings.value(QStringLiteral("folders/content")).toString());
    styleWell_->setBrowseFolder(settings.value(QStringLiteral("folders/style")).toString());
}

void MainWindow::saveState() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), QMainWindow::saveState());
    settings_->save(settings);
    settings.setValue(QStringLiteral("folders/export"), exportFolder_);
    settings.setValue(QStringLiteral("folders/content"), contentWell_->browseFolder());
    settings.setValue(QStringLiteral("folders/style"), styleWell_->browseFolder());
    settings.setValue(QStringLiteral("inputs/content"), contentWell_->path());
    settings.setValue(QStringLiteral("inputs/style"), styleWell_->path());
}

} // namespace deepart
