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

// The whole window, driven as a person would, on a slim VGG-19 at 48 px: runs, their controls and
// failures, layout, weights.
class TestMainWindow : public WindowTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { createInputs("tst_mainwindow"); }
    // Each test starts with an empty workspace: the window restores the runs it finds there.
    void init() { clearUserState(); }

    void tinyRunFillsGalleryAndReaches100Percent() {
        MainWindow window;
        prepare(window, 10, 5);
        window.show();
        QVERIFY(!window.settingsPanel()->runHint()->isVisible());
        window.startAction()->trigger();
        QVERIFY(window.stopAction()->isEnabled());
        // Settings other than the weights wait for the next run, and the panel says so.
        QVERIFY(window.settingsPanel()->runHint()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(window.progressBar()->value(), 100, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 30000);
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Done")),
                 qPrintable(window.statusText()));
        QVERIFY(!window.settingsPanel()->runHint()->isVisible());
        QCOMPARE(window.gallery()->rowCount(), 5); // content, style, R1, #5, #10
        QCOMPARE(window.gallery()->item(4).snapshot.iteration, 10);
        QVERIFY(!window.preview()->image().isNull());
        QVERIFY(window.startAction()->isEnabled());
    }

    void pauseResumeStopFromActions() {
        MainWindow window;
        prepare(window, 100000, 0);
        window.show();
        QSignalSpy progressed(window.session(), &TransferSession::progressed);
        window.startAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 2, 60000);
        QSignalSpy held(window.session(), &TransferSession::heldAt);
        window.pauseAction()->trigger();
        QVERIFY(window.session()->isPaused());
        QCOMPARE(window.pauseAction()->text(), QStringLiteral("Resume"));
        // The run reports where it holds; every iteration before it has been reported.
        QVERIFY(held.wait(30000));
        const int at = held.first().first().toInt();
        QCOMPARE(progressed.last().first().value<IterationStats>().iteration, at);
        QTRY_VERIFY(window.statusText().startsWith(QStringLiteral("Paused at iteration")));
        // Nothing moves while paused: a snapshot asked for now is taken by the holding run at
        // once, of iteration `at`, with no iteration before it (a round trip, not a timed look).
        QSignalSpy snapshots(window.session(), &TransferSession::snapshotReady);
        window.session()->snapshotNow();
        QVERIFY(snapshots.wait(30000));
        QCOMPARE(snapshots.first().first().value<SnapshotInfo>().iteration, at);
        QCOMPARE(progressed.last().first().value<IterationStats>().iteration, at);
        window.pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(progressed.last().first().value<IterationStats>().iteration > at,
                                 30000);
        window.stopAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 30000);
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Stopped")),
                 qPrintable(window.statusText()));
        // R1, the snapshot taken while paused, and the image the run stopped at.
        QCOMPARE(window.gallery()->rowCount(), 5);
    }

    void whilePausedTheStatusShowsNoEta() {
        MainWindow window;
        prepare(window, 100000, 0);
        window.show();
        QSignalSpy progressed(window.session(), &TransferSession::progressed);
        window.start();
        const QString eta = QStringLiteral("ETA");
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(eta), 60000);
        QSignalSpy held(window.session(), &TransferSession::heldAt);
        window.pauseAction()->trigger();
        QVERIFY(held.wait(30000));
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Paused at iteration")),
                 qPrintable(window.statusText()));
        // Held a while (a bounded look for an absence: it cannot fail by chance), nothing
        // brings an ETA back.
        QVERIFY(!progressed.wait(300));
        QVERIFY2(!window.statusText().contains(eta), qPrintable(window.statusText()));
        // A snapshot taken while paused neither: the status still says where the run holds.
        QSignalSpy snapshots(window.session(), &TransferSession::snapshotReady);
        window.snapshotAction()->trigger();
        QVERIFY(snapshots.wait(30000));
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Paused at iteration")),
                 qPrintable(window.statusText()));
        // Resumed, the ETA is back.
        window.pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(eta), 30000);
        window.stopAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 30000);
    }

    void closingDuringRunAsksThenStops() {
        MainWindow window;
        prepare(window, 100000, 0);
        window.show();
        QSignalSpy progressed(window.session(), &TransferSession::progressed);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 1, 60000);
        int asked = 0;
        window.setCloseConfirmation([&] {
            ++asked;
            return false;
        });
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY(window.session()->isRunning());
        window.setCloseConfirmation([&] {
            ++asked;
            return true;
        });
        QVERIFY(window.close());
        QCOMPARE(asked, 2);
        QVERIFY(!window.session()->isRunning());
    }

    void failureShowsMessageAndKeepsSnapshots() {
        MainWindow window;
        prepare(window, 4, 2);
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.session()->isRunning() && window.gallery()->rowCount() == 5, 60000);

        test::writeBytes(dir_.filePath(QStringLiteral("broken.h5")), "not weights");
        window.inputs()->setWeightsPath(dir_.filePath(QStringLiteral("broken.h5")));
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(!window.errorText().isEmpty(), 30000);
        QVERIFY2(window.errorText().contains(QStringLiteral("broken.h5")) &&
                     window.errorText().contains(QStringLiteral("not an HDF5 file")),
                 qPrintable(window.errorText()));
        // The failed run made no snapshot: it leaves no empty group behind.
        QCOMPARE(window.gallery()->rowCount(), 5);
        QCOMPARE(window.workspace()->manifest().runs.size(), size_t{1});
        QVERIFY(!window.session()->isRunning());
    }

    void wheelScrollsThePanelInsteadOfChangingValues() {
        MainWindow window;
        QVERIFY(window.inputs()->loadContent(content_));
        QVERIFY(window.inputs()->loadStyle(style_));
        window.resize(1000, 600); // the left panel then scrolls
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* area = window.findChild<QScrollArea*>();
        QVERIFY(area && area->verticalScrollBar()->maximum() > 0);
        QSpinBox* size = window.settingsPanel()->size();
        area->ensureWidgetVisible(size);
        const int before = size->value();
        const int scrolled = area->verticalScrollBar()->value();
        const auto wheel = [&](QWidget* target) {
            const QPoint at = target->rect().center();
            QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, 120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QApplication::sendEvent(target, &event);
        };
        wheel(size);
        QCOMPARE(size->value(), before);
        QVERIFY(area->verticalScrollBar()->value() != scrolled);
        // A slider too (the blend weight of a style card).
        QSlider* blend = window.styleStrip()->findChild<QSlider*>();
        QVERIFY(blend);
        const int blendBefore = blend->value();
        wheel(blend);
        QCOMPARE(blend->value(), blendBefore);
        // The colour choice and a weight's number box, as a mouse delivers it: to the child
        // under the pointer (a spin box's line edit).
        QComboBox* colours = window.settingsPanel()->colorsBox();
        QAbstractSpinBox* alpha =
            window.settingsPanel()->contentWeight()->findChild<QAbstractSpinBox*>();
        QVERIFY(alpha);
        for (QWidget* control : {static_cast<QWidget*>(colours), static_cast<QWidget*>(alpha)}) {
            area->ensureWidgetVisible(control);
            const int coloursBefore = colours->currentIndex();
            const QString alphaBefore = alpha->text();
            const QPoint at = control->rect().center();
            QWidget* under = control->childAt(at) ? control->childAt(at) : control;
            QWheelEvent event(under->mapFrom(control, at), control->mapToGlobal(at), QPoint(),
                              QPoint(0, -120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase,
                              false);
            QApplication::sendEvent(under, &event);
            QCOMPARE(colours->currentIndex(), coloursBefore);
            QCOMPARE(alpha->text(), alphaBefore);
            QVERIFY(!control->hasFocus());
            // A real wheel gives focus to a control that takes it from the wheel before any
            // filter sees the event; none of the panel's may.
            QVERIFY((control->focusPolicy() & Qt::WheelFocus) != Qt::WheelFocus);
        }
        // Once the user has clicked or tabbed into it, the wheel is the control's.
        size->setFocus();
        QTRY_VERIFY(size->hasFocus());
        wheel(size);
        QVERIFY(size->value() != before);
    }

    void aSmallWindowGivesThePreviewTheSpace() {
        MainWindow window;
        QVERIFY(window.inputs()->loadContent(content_));
        window.resize(1024, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The gallery keeps a row of thumbnails, the chart its minimum; the rest is the preview's.
        QVERIFY(window.lossChart()->height() >= 100);
        QVERIFY2(window.preview()->height() >= 260,
                 qPrintable(QString::number(window.preview()->height())));
        QVERIFY(window.galleryView()->height() >= 140);
    }

    void missingWeightsCanBeChosenLater() {
        MainWindow window;
        QVERIFY(window.inputs()->loadContent(content_));
        QVERIFY(window.inputs()->loadStyle(style_));
        window.start();
        QVERIFY2(window.errorText().contains(QStringLiteral("VGG-19 weights…")),
                 qPrintable(window.errorText()));
        QVERIFY(!window.session()->isRunning());
        window.inputs()->setWeightsChooser([] { return QString(); }); // closed without weights
        window.inputs()->chooseWeights();
        QVERIFY(window.inputs()->weightsPath().isEmpty());
        window.inputs()->setWeightsChooser([this] { return weights_; });
        window.inputs()->chooseWeights();
        QCOMPARE(window.inputs()->weightsPath(), weights_);
        QVERIFY(window.errorText().isEmpty());
    }

    // The next run is kept once, in the workspace (saved as it changes): a new window on the
    // same folder shows its photo, styles and settings again. Inputs whose files are gone are
    // left out; the settings still come back.
    void theNextRunComesBackAfterARestart() {
        const QString folder = dir_.filePath(QStringLiteral("work-next"));
        const QString photo = dir_.filePath(QStringLiteral("moving.png"));
        QVERIFY(QFile::copy(content_, photo));
        JobRequest before;
        {
            MainWindow window;
            window.setWorkFolder(folder);
            prepare(window, 7, 3);
            QVERIFY(window.inputs()->loadContent(photo));
            window.settingsPanel()->tvWeight()->setValue(2.5);
            window.settingsPanel()->setPreset(Preset::Fast);
            window.settingsPanel()->setInitImage(style_); // starts from an image file
            before = window.currentRequest();
            window.inputs()->save();
        }
        {
            MainWindow window;
            window.setWorkFolder(folder);
            const JobRequest after = window.currentRequest();
            QCOMPARE(after.contentPath, photo);
            QCOMPARE(after.styles.size(), before.styles.size());
            QCOMPARE(after.styles[0].path, before.styles[0].path);
            QCOMPARE(after.transfer, before.transfer);
            QCOMPARE(after.transfer.lossWeights.tv, 2.5);
            QCOMPARE(after.transfer.init, InitMode::Image);
            QCOMPARE(after.initImagePath, style_);
        }
        QVERIFY(QFile::remove(photo));
        MainWindow window;
        window.setWorkFolder(folder);
        const JobRequest after = window.currentRequest();
        QVERIFY(after.contentPath.isEmpty());
        QCOMPARE(after.styles.size(), before.styles.size());
        QCOMPARE(after.transfer, before.transfer);
        QVERIFY(!window.startAction()->isEnabled()); // no photo: nothing to start
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
