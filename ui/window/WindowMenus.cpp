#include "WindowMenus.h"

#include "AboutDialog.h"
#include "ExportController.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "InputsController.h"
#include "MainWindow.h"
#include "ProjectController.h"
#include "QueueDock.h"
#include "StyleStrip.h"

#include <QAction>
#include <QDockWidget>
#include <QMenu>
#include <QMenuBar>
#include <QToolBar>

namespace deepart {

WindowActions createWindowActions(QWidget& window) {
    const auto action = [&window](const QString& text, const QKeySequence& key) {
        auto* a = new QAction(text, &window);
        a->setShortcut(key);
        a->setToolTip(QStringLiteral("%1 (%2)").arg(text, key.toString(QKeySequence::NativeText)));
        window.addAction(a);
        return a;
    };
    WindowActions actions{};
    actions.start = action(MainWindow::tr("Start"), QKeySequence(Qt::CTRL | Qt::Key_Return));
    actions.pause = action(MainWindow::tr("Pause"), QKeySequence(Qt::CTRL | Qt::Key_P));
    actions.stop = action(MainWindow::tr("Stop"), QKeySequence(Qt::CTRL | Qt::Key_Period));
    actions.snapshot = action(MainWindow::tr("Snapshot now"), QKeySequence(Qt::CTRL | Qt::Key_T));
    actions.exportImage = action(MainWindow::tr("Export…"), QKeySequence(Qt::CTRL | Qt::Key_E));
    actions.exportAll = action(MainWindow::tr("Export all snapshots…"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    actions.continueRun = action(MainWindow::tr("Continue from this snapshot"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Return));
    actions.continueRun->setStatusTip(MainWindow::tr(
        "Start a new run with the current settings from the selected snapshot's image"));
    actions.addToQueue =
        action(MainWindow::tr("Add to queue"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Q));
    actions.addToQueue->setStatusTip(
        MainWindow::tr("Run the current settings after the runs before them"));
    actions.stylizeVideo =
        action(MainWindow::tr("Stylize a video…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_V));
    actions.stylizeVideo->setStatusTip(MainWindow::tr(
        "Every frame of a clip in the current styles, each kept close to the frames before"));
    return actions;
}

void addWindowMenus(MainWindow& window, const WindowActions& actions) {
    const auto& [start, pause, stop, snapshot, exportImage, exportAll, continueRun, addToQueue,
                 stylizeVideo] = actions;
    auto* file = window.menuBar()->addMenu(MainWindow::tr("&File"));
    window.projects()->addActions(file);
    file->addSeparator();
    file->addAction(MainWindow::tr("Open content image…"), QKeySequence::Open, window.contentWell(),
                    &ImageWell::browse);
    file->addAction(MainWindow::tr("Add style images…"),
                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O), window.styleStrip(),
                    &StyleStrip::browse);
    file->addSeparator();
    file->addAction(exportImage);
    file->addAction(exportAll);
    file->addSeparator();
    file->addAction(MainWindow::tr("VGG-19 weights…"), window.inputs(),
                    &InputsController::chooseWeights)
        ->setStatusTip(MainWindow::tr("Download or import the network's weights"));
    file->addSeparator();
    file->addAction(MainWindow::tr("Quit"), QKeySequence::Quit, &window, &QWidget::close);
    auto* run = window.menuBar()->addMenu(MainWindow::tr("&Run"));
    for (auto* a : {start, pause, stop, snapshot})
        run->addAction(a);
    run->insertAction(pause, addToQueue);
    run->addSeparator();
    run->addAction(continueRun);
    run->addAction(stylizeVideo);
    run->addAction(
           MainWindow::tr("Export time-lapse…"), &window,
           [w = &window] { w->exports()->exportTimelapseInteractive(w->exports()->chosenRun()); })
        ->setStatusTip(MainWindow::tr("A video of the selected (or the last) run taking shape"));
    auto* view = window.menuBar()->addMenu(MainWindow::tr("&View"));
    view->addAction(MainWindow::tr("Fit to window"), QKeySequence(Qt::CTRL | Qt::Key_0), &window,
                    [w = &window] { w->shownView()->fitToWindow(); });
    view->addAction(MainWindow::tr("Actual size (100%)"), QKeySequence(Qt::CTRL | Qt::Key_1),
                    &window, [w = &window] { w->shownView()->actualSize(); });
    view->addAction(MainWindow::tr("Zoom in"), QKeySequence::ZoomIn, &window,
                    [w = &window] { w->shownView()->zoomBy(1.25); });
    view->addAction(MainWindow::tr("Zoom out"), QKeySequence::ZoomOut, &window,
                    [w = &window] { w->shownView()->zoomBy(0.8); });
    view->addAction(MainWindow::tr("Compare selected"), QKeySequence(Qt::CTRL | Qt::Key_K), &window,
                    &MainWindow::compareSelected);
    view->addAction(window.queueDock()->toggleViewAction());
    window.menuBar()
        ->addMenu(MainWindow::tr("&Help"))
        ->addAction(MainWindow::tr("About Deep Art Gallery"), &window, [w = &window] {
            auto* about = new AboutDialog(w);
            about->setAttribute(Qt::WA_DeleteOnClose);
            about->open();
        });

    auto* toolbar = window.addToolBar(MainWindow::tr("Run"));
    toolbar->setObjectName(QStringLiteral("runToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    for (auto* a : {start, pause, stop, snapshot})
        toolbar->addAction(a);
    toolbar->insertAction(pause, addToQueue);
    toolbar->addSeparator();
    toolbar->addAction(exportImage);
    toolbar->addAction(exportAll);
}

} // namespace deepart
