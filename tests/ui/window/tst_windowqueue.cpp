#include "WindowTest.h"

#include "CompareView.h"
#include "ExportController.h"
#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "InputsController.h"
#include "Looks.h"
#include "LossChart.h"
#include "MainWindow.h"
#include "ProjectController.h"
#include "QueueDock.h"
#include "QueuePanel.h"
#include "RegionEditing.h"
#include "RunQueue.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "TransferSession.h"
#include "WeightControl.h"
#include "Workspace.h"
#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QImageReader>
#include <QLabel>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>
#include <opencv2/videoio.hpp>

using namespace deepart;

// The window's queue: jobs run in order, wait for a run, and fail alone.
class TestWindowQueue : public WindowTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { createInputs("tst_windowqueue"); }
    // Each test starts with an empty workspace: the window restores the runs it finds there.
    void init() { clearUserState(); }

    // A 1024 x 700 laptop: with the queue's dock shown, the window still fits the 972 px it is
    // given there (95% of the screen): the dock takes its width from the preview, not from
    // beyond the screen's edge (it made the window 1211 px wide).
    void theQueueDockFitsASmallScreen() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-queue-small")));
        prepare(window, 4, 2);
        window.resize(972, 665);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.runQueue()->setPaused(true);
        window.addToQueueAction()->trigger();
        QVERIFY(window.queueDock()->isVisible());
        QVERIFY2(window.minimumSizeHint().width() <= 972,
                 qPrintable(QString::number(window.minimumSizeHint().width())));
        QTRY_VERIFY(window.width() <= 972);
        QVERIFY2(window.preview()->width() >= 200,
                 qPrintable(QString::number(window.preview()->width())));
    }

    void queuedJobsRunInOrder() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-queue")));
        prepare(window, 4, 2);
        window.show();
        QVERIFY(!window.queueDock()->isVisible()); // until something is queued
        RunQueue* queue = window.runQueue();
        // Paused, the queue only collects: both entries wait, whatever the window does.
        queue->setPaused(true);
        window.addToQueueAction()->trigger();
        QVERIFY(window.queueDock()->isVisible());
        window.settingsPanel()->setIterationsPerScale(6);
        window.addToQueueAction()->trigger();
        QCOMPARE(queue->rowCount(), 2);
        QCOMPARE(queue->waitingCount(), 2);
        QVERIFY(!window.session()->isRunning());
        QCOMPARE(queue->job(1).transfer.totalIterations(), 6);

        // Resumed from the dock: the first runs, then the second.
        auto* panel = qobject_cast<QueuePanel*>(window.queueDock()->widget());
        QVERIFY(panel);
        QCOMPARE(panel->pauseButton()->text(), QStringLiteral("Resume queue"));
        QTest::mouseClick(panel->pauseButton(), Qt::LeftButton);
        QVERIFY(window.session()->isRunning());
        QCOMPARE(queue->status(0), RunQueue::Status::Running);
        QCOMPARE(queue->status(1), RunQueue::Status::Waiting);
        QTRY_COMPARE_WITH_TIMEOUT(queue->status(1), RunQueue::Status::Done, 120000);
        QCOMPARE(queue->status(0), RunQueue::Status::Done);
        QVERIFY(!window.session()->isRunning());
        // The gallery has both runs' snapshots, the first's before the second's.
        QList<QPair<int, int>> made; // (run, iteration)
        for (const SnapshotInfo& s : window.gallery()->snapshots())
            made.append({s.settings.runNumber, s.iteration});
        QCOMPARE(made, (QList<QPair<int, int>>{{1, 2}, {1, 4}, {2, 2}, {2, 4}, {2, 6}}));
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Done: 6 iterations")),
                 qPrintable(window.statusText()));
    }

    void aJobQueuedDuringARunWaitsAndStopPausesTheQueue() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-queue-wait")));
        prepare(window, 100000, 0);
        window.show();
        QSignalSpy progressed(window.session(), &TransferSession::progressed);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 1, 60000);
        RunQueue* queue = window.runQueue();
        window.settingsPanel()->setIterationsPerScale(3);
        QVERIFY(window.addToQueueAction()->isEnabled()); // during a run too
        window.addToQueueAction()->trigger();
        QCOMPARE(queue->status(0), RunQueue::Status::Waiting);
        // Stop means stop: the entry waits for the user to resume the queue.
        window.stopAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(queue->isPaused(), 30000);
        QVERIFY(!window.session()->isRunning());
        QCOMPARE(queue->status(0), RunQueue::Status::Waiting);
        queue->setPaused(false);
        QVERIFY(window.session()->isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(queue->status(0), RunQueue::Status::Done, 60000);
        QCOMPARE(window.gallery()->snapshots().last().iteration, 3);
    }

    // A job queued before the weights were chosen runs with the weights chosen since (it used to
    // start with an empty weights path: the window checked its own weights, not the job's).
    void aJobQueuedBeforeTheWeightsRunsWithThemOnceChosen() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-queue-weights")));
        prepare(window, 2, 0);
        window.inputs()->setWeightsPath(QString());
        RunQueue* queue = window.runQueue();
        queue->setPaused(true);
        window.addToQueueAction()->trigger();
        QVERIFY(queue->job(0).weightsPath.isEmpty());
        window.inputs()->setWeightsPath(weights_);
        queue->setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(queue->status(0) == RunQueue::Status::Done ||
                                     queue->status(0) == RunQueue::Status::Failed,
                                 60000);
        QVERIFY2(queue->status(0) == RunQueue::Status::Done, qPrintable(queue->message(0)));
    }

    void aQueuedJobTheWindowCannotStartFails() {
        MainWindow window;
        QVERIFY(window.inputs()->loadContent(content_));
        QVERIFY(window.inputs()->loadStyle(style_));
        window.addToQueueAction()->trigger(); // no weights
        RunQueue* queue = window.runQueue();
        QCOMPARE(queue->status(0), RunQueue::Status::Failed);
        QVERIFY2(queue->message(0).contains(QStringLiteral("weights are missing")),
                 qPrintable(queue->message(0)));
        QVERIFY(queue->isPaused()); // so that the next entries do not fail in turn
        QVERIFY(!window.session()->isRunning());
    }
};

QTEST_MAIN(TestWindowQueue)
#include "tst_windowqueue.moc"
