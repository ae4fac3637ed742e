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

// The gallery through the window: continuing, restarts, groups, projects, time-lapse, compare and
// export.
class TestWindowGallery : public WindowTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { createInputs("tst_windowgallery"); }
    // Each test starts with an empty workspace: the window restores the runs it finds there.
    void init() { clearUserState(); }

    void continueFromSnapshotStartsFromItsImage() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-continue")));
        prepare(window, 4, 2);
        window.show();
        window.startAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
        QCOMPARE(window.gallery()->rowCount(), 5);      // content, style, R1, #2, #4
        QVERIFY(!window.continueAction()->isEnabled()); // nothing selected
        window.galleryView()->setCurrentIndex(window.gallery()->index(4));
        QVERIFY(window.continueAction()->isEnabled());
        const QImage from = window.gallery()->image(4);

        QSignalSpy started(window.session(), &TransferSession::started);
        window.continueAction()->trigger();
        QVERIFY(started.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
        QCOMPARE(window.gallery()->rowCount(), 8); // and R2, #2, #4
        const SnapshotInfo& next = window.gallery()->item(6).snapshot;
        QCOMPARE(next.settings.transfer.init, InitMode::Image);
        QCOMPARE(next.settings.continuedFrom, QStringLiteral("R1 #4"));
        QCOMPARE(next.settings.runNumber, 2);
        // The run started from the snapshot's image, written losslessly.
        QImage start(next.settings.initImagePath);
        QCOMPARE(start.convertToFormat(QImage::Format_RGB32),
                 from.convertToFormat(QImage::Format_RGB32));
        const QString label =
            window.gallery()->data(window.gallery()->index(6), Qt::DisplayRole).toString();
        QVERIFY2(label.startsWith(QStringLiteral("R2 #2 ↳ R1 #4")), qPrintable(label));
        // Export all after the two runs: every snapshot in its own file (the second run used to
        // replace the first one's), the last ones marked final in the gallery.
        const QString folder = dir_.filePath(QStringLiteral("two-runs"));
        QDir().mkpath(folder);
        QCOMPARE(window.exports()->exportAllTo(folder, QStringLiteral("png")), QString());
        const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{"c-run1-0002.png", "c-run1-0004.png", "c-run2-0002.png",
                                     "c-run2-0004.png"}));
        // As the menu does it, a second time into the same folder: it asks before replacing
        // the four files; "no" leaves them as they were.
        int asked = 0;
        window.exports()->setReplaceConfirmation([&](int existing, const QString& where) {
            ++asked;
            return existing == 4 && where == folder && asked > 1;
        });
        const QString first = QDir(folder).filePath(files.first());
        QVERIFY(QFile::remove(first));
        QVERIFY(QFile::copy(content_, first)); // a different picture under that name
        const QByteArray before = [&] {
            QFile f(first);
            return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
        }();
        QCOMPARE(window.exports()->exportAllAsking(folder), QString());
        QCOMPARE(asked, 1);
        QFile kept(first);
        QVERIFY(kept.open(QIODevice::ReadOnly));
        QCOMPARE(kept.readAll(), before);
        kept.close();
        QCOMPARE(window.exports()->exportAllAsking(folder), QString());
        QCOMPARE(asked, 2);
        QVERIFY(QImageReader(first)
                    .text(QStringLiteral("DeepArt-Snapshot"))
                    .contains(QStringLiteral("\"iteration\":2")));
        QVERIFY(window.gallery()
                    ->data(window.gallery()->index(7), Qt::DisplayRole)
                    .toString()
                    .endsWith(QStringLiteral("· final")));
        // The panel's own choice is untouched: the next Start begins from the content again.
        QCOMPARE(window.currentRequest().transfer.init, InitMode::Content);
    }

    // Every snapshot is on disk as it arrives: a second window on the same folder (as after a
    // crash: the first one never closed) shows the same runs; removing one removes its file.
    void snapshotsSurviveARestartAndCanBeRemoved() {
        const QString work = dir_.filePath(QStringLiteral("work-restart"));
        MainWindow first;
        first.setWorkFolder(work);
        prepare(first, 4, 2);
        first.start();
        QTRY_VERIFY_WITH_TIMEOUT(!first.session()->isRunning(), 60000);
        QCOMPARE(first.gallery()->rowCount(), 5); // content, style, R1, #2, #4
        // The gallery keeps thumbnails only; the image is read back from the workspace.
        QVERIFY(first.gallery()->item(4).snapshot.image.isNull());
        QVERIFY(QFileInfo::exists(first.gallery()->item(4).snapshot.file));
        const QImage last = first.gallery()->image(4);
        QCOMPARE(last.size(), QSize(48, 36));

        MainWindow second;
        second.setWorkFolder(work);
        QCOMPARE(second.gallery()->rowCount(), 5);
        QCOMPARE(second.gallery()->item(2).kind, GalleryModel::Kind::Run);
        QCOMPARE(second.gallery()->item(4).snapshot.iteration, 4);
        QCOMPARE(second.gallery()->item(4).snapshot.settings.runNumber, 1);
        QCOMPARE(second.gallery()->image(4), last);
        QVERIFY(second.gallery()
                    ->data(second.gallery()->index(4), Qt::DisplayRole)
                    .toString()
                    .startsWith(QStringLiteral("R1 #4")));
        // The next run is numbered after the restored ones.
        QCOMPARE(second.workspace()->manifest().runs.front().outcome, StoredRunOutcome::Finished);

        const QString removed = second.gallery()->item(3).snapshot.file;
        second.galleryView()->selectionModel()->select(second.gallery()->index(3),
                                                       QItemSelectionModel::ClearAndSelect);
        QTest::keyClick(second.galleryView(), Qt::Key_Delete);
        QCOMPARE(second.gallery()->rowCount(), 4);
        QVERIFY(!QFileInfo::exists(removed));
        MainWindow third;
        third.setWorkFolder(work);
        QCOMPARE(third.gallery()->rowCount(), 4);
        QCOMPARE(third.gallery()->item(3).snapshot.iteration, 4);
    }

    void runsAreFoldableGroups() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-groups")));
        prepare(window, 4, 2);
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.session()->isRunning() && window.gallery()->rowCount() == 8, 60000);
        auto* view = window.galleryView();
        const QString header =
            window.gallery()->data(window.gallery()->index(2), Qt::DisplayRole).toString();
        QVERIFY2(header.contains(QStringLiteral("R1")) && header.contains(QStringLiteral("48 px")),
                 qPrintable(header));
        QVERIFY(window.gallery()->data(window.gallery()->index(2), Qt::BackgroundRole) !=
                window.gallery()->data(window.gallery()->index(5), Qt::BackgroundRole));
        QVERIFY(!view->isRowHidden(3));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(window.gallery()->index(2)).center());
        QVERIFY(view->isRowHidden(3) && view->isRowHidden(4));
        QVERIFY(!view->isRowHidden(6));
        QVERIFY(window.workspace()->manifest().runs.front().collapsed);
        // Comparing without a selection takes the newest snapshot, never a group's header.
        window.compareSelected();
        QCOMPARE(window.compareView()->rightRow(), 7);
        // Folded stays folded in a new window.
        MainWindow again;
        again.setWorkFolder(dir_.filePath(QStringLiteral("work-groups")));
        QVERIFY(again.galleryView()->isRowHidden(3));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                          view->visualRect(window.gallery()->index(2)).center());
        QVERIFY(!view->isRowHidden(3));
    }

    // Save as a project, start afresh, open it: the same runs, images, inputs and settings.
    void projectSaveAndOpenGiveBackTheWork() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-project")));
        prepare(window, 4, 2);
        window.settingsPanel()->tvWeight()->setValue(12.5);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
        QVERIFY(window.isWindowModified());
        const QImage image = window.gallery()->image(4);
        const JobRequest before = window.currentRequest();
        auto* projects = window.projects();
        int asked = 0;
        projects->setUnsavedQuestion([&] {
            ++asked;
            return ProjectController::Unsaved::Cancel;
        });
        // New with unsaved runs asks first; Cancel keeps everything.
        QVERIFY(!projects->newProject());
        QCOMPARE(asked, 1);
        QCOMPARE(window.gallery()->rowCount(), 5);

        const QString path = dir_.filePath(QStringLiteral("my art.deepart"));
        QVERIFY(projects->saveAs(path));
        QVERIFY(QFileInfo(path).size() > 0);
        QVERIFY(!window.isWindowModified());
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("my art.deepart")));
        QCOMPARE(projects->recentProjects().value(0), QFileInfo(path).absoluteFilePath());

        QVERIFY(window.statusText().startsWith(QStringLiteral("Done")));
        QVERIFY(projects->newProject()); // saved: nothing to ask
        QCOMPARE(asked, 1);
        QCOMPARE(window.gallery()->rowCount(), 2);
        // Another workspace: the last run's "Done…" is not this one's.
        QCOMPARE(window.statusText(), QStringLiteral("Ready"));
        QCOMPARE(window.progressBar()->value(), 0);
        window.settingsPanel()->resetToDefaults();
        QVERIFY(window.inputs()->loadContent(style_));

        QVERIFY(projects->openProject(path));
        QCOMPARE(window.gallery()->rowCount(), 5);
        QCOMPARE(window.gallery()->image(4), image);
        QCOMPARE(window.gallery()->item(4).snapshot.settings.transfer.lossWeights.tv, 12.5);
        QCOMPARE(window.currentRequest().transfer, before.transfer);
        // The inputs are the project's copies, with the same pixels.
        QVERIFY(window.contentWell()->path().startsWith(window.workspace()->folder()));
        QCOMPARE(window.contentWell()->image().convertToFormat(QImage::Format_RGB32),
                 QImage(content_).convertToFormat(QImage::Format_RGB32));
        QCOMPARE(window.styleStrip()->count(), 1);
        QVERIFY(window.windowTitle().startsWith(QStringLiteral("my art.deepart")));
        // The project, and whether it has unsaved runs, outlive a restart.
        {
            MainWindow again;
            again.setWorkFolder(dir_.filePath(QStringLiteral("work-project")));
            QVERIFY2(again.windowTitle().startsWith(QStringLiteral("my art.deepart")),
                     qPrintable(again.windowTitle()));
            QVERIFY(!again.isWindowModified());
        }
        // A damaged file is refused with a message and changes nothing.
        const QString broken = dir_.filePath(QStringLiteral("broken.deepart"));
        test::writeBytes(broken, "PK not really");
        QSignalSpy failed(projects, &ProjectController::failed);
        QVERIFY(!projects->openProject(broken));
        QCOMPARE(failed.count(), 1);
        QCOMPARE(window.gallery()->rowCount(), 5);
    }

    // A run's previews and snapshots make its time-lapse; read back with OpenCV.
    void timelapseOfARun() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-timelapse")));
        prepare(window, 6, 3);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
        const QStringList frames = window.workspace()->framesOf(1);
        // At least the start image (a preview at iteration 0) and the two snapshots.
        QVERIFY2(frames.size() >= 3, qPrintable(frames.join(QLatin1Char(' '))));
        QVERIFY(frames.first().endsWith(QStringLiteral("000000.jpg")));
        QVERIFY(frames.last().endsWith(QStringLiteral("0006.png")));
        TimelapseOptions options;
        options.framesPerSecond = 5;
        options.holdFirstSeconds = 0.0;
        options.holdLastSeconds = 1.0; // five more copies of the result
        const QString path = dir_.filePath(QStringLiteral("run1.avi"));
        QCOMPARE(window.exports()->exportTimelapse(1, path, options, true), QString());
        cv::VideoCapture video(path.toStdString());
        QVERIFY(video.isOpened());
        QCOMPARE(static_cast<int>(video.get(cv::CAP_PROP_FRAME_COUNT)),
                 static_cast<int>(frames.size()) + 5);
        QCOMPARE(static_cast<int>(video.get(cv::CAP_PROP_FRAME_WIDTH)), 2 * 48);
        QCOMPARE(static_cast<int>(video.get(cv::CAP_PROP_FRAME_HEIGHT)), 36);
        // A run with nothing to show says so.
        QVERIFY(!window.exports()
                     ->exportTimelapse(7, dir_.filePath(QStringLiteral("none.mp4")), options, false)
                     .isEmpty());
        QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("none.mp4"))));
    }

    void compareAndExport() {
        MainWindow window;
        // Nothing to export before there is a picture.
        const auto actionNamed = [&](const QString& prefix) {
            for (QAction* a : window.actions())
                if (a->text().startsWith(prefix))
                    return a;
            return static_cast<QAction*>(nullptr);
        };
        QAction* exportOne = actionNamed(QStringLiteral("Export…"));
        QAction* exportAll = actionNamed(QStringLiteral("Export all"));
        QVERIFY(exportOne && exportAll);
        QVERIFY(!exportOne->isEnabled());
        QVERIFY(!exportAll->isEnabled());
        prepare(window, 6, 3);
        QVERIFY(exportOne->isEnabled());  // the photo is in the preview
        QVERIFY(!exportAll->isEnabled()); // no snapshot yet
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.session()->isRunning() && window.gallery()->rowCount() == 5, 60000);

        auto* selection = window.galleryView()->selectionModel();
        selection->select(window.gallery()->index(3), QItemSelectionModel::Select);
        selection->select(window.gallery()->index(0), QItemSelectionModel::Select);
        window.compareSelected();
        QCOMPARE(window.compareView()->leftRow(), 0);
        QCOMPARE(window.compareView()->rightRow(), 3);
        QVERIFY(exportAll->isEnabled());
        // With only the content selected, it is compared with the newest snapshot, not itself.
        selection->clearSelection();
        selection->select(window.gallery()->index(0), QItemSelectionModel::Select);
        window.compareSelected();
        QCOMPARE(window.compareView()->leftRow(), 0);
        QCOMPARE(window.compareView()->rightRow(), 4);
        // The View menu's zoom acts on what is shown: in Compare, both sides (the right follows).
        const auto viewAction = [&](const QString& text) {
            for (QAction* a : window.menuBar()->findChildren<QAction*>())
                if (a->text() == text)
                    return a;
            return static_cast<QAction*>(nullptr);
        };
        QAction* actualSize = viewAction(QStringLiteral("Actual size (100%)"));
        QAction* zoomIn = viewAction(QStringLiteral("Zoom in"));
        QVERIFY(actualSize && zoomIn);
        const double previewZoom = window.preview()->zoom();
        actualSize->trigger();
        QCOMPARE(window.compareView()->leftView()->zoom(), 1.0);
        zoomIn->trigger();
        QCOMPARE(window.compareView()->leftView()->zoom(), 1.25);
        QCOMPARE(window.compareView()->rightView()->zoom(), 1.25);
        QCOMPARE(window.preview()->zoom(), previewZoom);
        // A click on a snapshot shows it in the preview.
        const QRect item = window.galleryView()->visualRect(window.gallery()->index(3));
        QTest::mouseClick(window.galleryView()->viewport(), Qt::LeftButton, {}, item.center());
        QCOMPARE(window.preview()->image(), window.gallery()->image(3));
        QVERIFY(!window.preview()->image().isNull());

        selection->clearSelection();
        selection->select(window.gallery()->index(4), QItemSelectionModel::Select);
        const QString path = dir_.filePath(QStringLiteral("export.png"));
        QCOMPARE(window.exports()->exportSelected(path), QString());
        QImageReader reader(path);
        QVERIFY(reader.text(QStringLiteral("DeepArt-Snapshot"))
                    .contains(QStringLiteral("\"iteration\":6")));
        QVERIFY(reader.text(QStringLiteral("DeepArt-Settings"))
                    .contains(QStringLiteral("\"format\":\"deepart-settings\"")));
        QCOMPARE(reader.size(), QSize(48, 36));

        QDir().mkpath(dir_.filePath(QStringLiteral("all")));
        QCOMPARE(window.exports()->exportAllTo(dir_.filePath(QStringLiteral("all")),
                                               QStringLiteral("png")),
                 QString());
        QCOMPARE(QDir(dir_.filePath(QStringLiteral("all"))).entryList(QDir::Files).size(), 2);
    }
};

QTEST_MAIN(TestWindowGallery)
#include "tst_windowgallery.moc"
