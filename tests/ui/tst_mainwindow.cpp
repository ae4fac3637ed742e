#include "CompareView.h"
#include "ExportController.h"
#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "KerasWeightsWriter.h"
#include "Looks.h"
#include "LossChart.h"
#include "MainWindow.h"
#include "ProjectController.h"
#include "QueuePanel.h"
#include "RegionEditing.h"
#include "RunQueue.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "TestData.h"
#include "TransferSession.h"
#include "WeightControl.h"
#include "Workspace.h"
#include <QLabel>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QImageReader>
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

// The whole window, driven as a person would, on a slim VGG-19 at 48 px.
class TestMainWindow : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString weights_, content_, style_;

    void prepare(MainWindow& window, int iterations, int saveEvery) {
        window.setWeightsPath(weights_);
        QVERIFY(window.loadContent(content_));
        QVERIFY(window.loadStyle(style_));
        window.settingsPanel()->resetToDefaults();
        window.settingsPanel()->size()->setValue(48);
        window.settingsPanel()->setIterationsPerScale(iterations);
        window.settingsPanel()->saveEvery()->setValue(saveEvery);
        const JobRequest job = window.currentRequest();
        QCOMPARE(job.transfer.scales, (std::vector<ScaleStep>{{48, iterations}}));
        QCOMPARE(job.transfer.saveEvery, saveEvery);
    }

private Q_SLOTS:
    // Each test starts with an empty workspace: the window restores the runs it finds there.
    void init() {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .removeRecursively();
        QSettings().clear(); // nor what an earlier test left (the window saves as it goes)
    }

    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeepArtGalleryTests"));
        QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        weights_ = dir_.filePath(QStringLiteral("w.h5"));
        test::writeKerasWeights(weights_, test::smallWeights());
        content_ = test::writeRgbImage(dir_.filePath(QStringLiteral("c.png")),
                                       test::testPicture(64, 48, 1));
        style_ = test::writeRgbImage(dir_.filePath(QStringLiteral("s.png")),
                                     test::testPicture(48, 64, 2));
    }

    void severalStylesReachTheJob() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-styles")));
        QVERIFY(window.loadContent(content_));
        const QString second = test::writeRgbImage(dir_.filePath(QStringLiteral("s2.png")),
                                                   test::testPicture(40, 40, 3));
        StyleStrip* strip = window.styleStrip();
        QVERIFY(window.loadStyle(style_));
        QVERIFY(strip->addStyleFile(second));
        strip->setWeight(0, 0.25);
        strip->setScale(1, 0.5);
        const JobRequest job = window.currentRequest();
        QCOMPARE(int(job.styles.size()), 2);
        QCOMPARE(QString::fromStdString(job.styles[0].path), style_);
        QCOMPARE(job.styles[0].weight, 0.25);
        QCOMPARE(QString::fromStdString(job.styles[1].path), second);
        QCOMPARE(job.styles[1].scale, 0.5);
        // The gallery's style item names both.
        QVERIFY2(window.gallery()->item(1).title.contains(QStringLiteral("+1 more")),
                 qPrintable(window.gallery()->item(1).title));
        // Reordered, the job follows.
        strip->moveStyle(1, 0);
        QCOMPARE(QString::fromStdString(window.currentRequest().styles[0].path), second);
    }

    void paintedRegionIsSavedAndReachesTheJob() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-region")));
        QVERIFY(window.loadContent(content_));
        QVERIFY(window.loadStyle(style_));
        RegionEditing::Request seen;
        // The user paints the left half white (the dialog itself is tested in tst_maskeditor).
        window.regionEditing()->setEditor([&](const RegionEditing::Request& request) {
            seen = request;
            QImage mask(request.content.size(), QImage::Format_Grayscale8);
            mask.fill(Qt::black);
            QPainter(&mask).fillRect(0, 0, mask.width() / 2, mask.height(), Qt::white);
            return mask;
        });
        Q_EMIT window.styleStrip()->maskEditRequested(0);
        QCOMPARE(seen.content.size(), QSize(64, 48));
        QVERIFY(seen.mask.isNull()); // no region yet
        const std::string maskPath = window.currentRequest().styles[0].maskPath;
        QVERIFY(!maskPath.empty());
        QImage saved(QString::fromStdString(maskPath));
        QCOMPARE(saved.size(), QSize(64, 48));
        QCOMPARE(qGray(saved.pixel(5, 5)), 255);
        QCOMPARE(qGray(saved.pixel(60, 5)), 0);
        // Editing again starts from the saved region; cancelling keeps it.
        window.regionEditing()->setEditor([&](const RegionEditing::Request& request) {
            seen = request;
            return QImage();
        });
        Q_EMIT window.styleStrip()->maskEditRequested(0);
        QCOMPARE(qGray(seen.mask.pixel(5, 5)), 255);
        QCOMPARE(window.currentRequest().styles[0].maskPath, maskPath);
    }

    void looksSetColoursAndScales() {
        MainWindow window;
        QVERIFY(window.loadContent(content_));
        QVERIFY(window.loadStyle(style_));
        QVERIFY(window.styleStrip()->addStyleFile(style_));
        QComboBox* looks = window.settingsPanel()->lookBox();
        const auto choose = [&](Look look) {
            looks->setCurrentIndex(looks->findData(static_cast<int>(look)));
            Q_EMIT looks->activated(looks->currentIndex());
        };
        choose(Look::BoldStrokes);
        JobRequest job = window.currentRequest();
        QCOMPARE(job.styles[0].scale, 0.5);
        QCOMPARE(job.styles[1].scale, 0.5);
        QCOMPARE(job.transfer.colors, ColorMode::None);
        choose(Look::PhotoColors);
        job = window.currentRequest();
        QCOMPARE(job.styles[1].scale, 1.0);
        QCOMPARE(job.transfer.colors, ColorMode::Luminance);
        // An edit that leaves the look shows "Custom"; the colours choice is the panel's.
        window.styleStrip()->setScale(0, 2.0);
        QCOMPARE(looks->currentData().toInt(), static_cast<int>(Look::Custom));
        QComboBox* colors = window.settingsPanel()->colorsBox();
        colors->setCurrentIndex(colors->findData(static_cast<int>(ColorMode::Match)));
        QCOMPARE(window.currentRequest().transfer.colors, ColorMode::Match);
        window.styleStrip()->setScale(0, 1.0);
        QCOMPARE(looks->currentData().toInt(), static_cast<int>(Look::PhotoPalette));
    }

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
        QCOMPARE(window.exportAllTo(folder, QStringLiteral("png")), QString());
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

        QVERIFY(projects->newProject()); // saved: nothing to ask
        QCOMPARE(asked, 1);
        QCOMPARE(window.gallery()->rowCount(), 2);
        window.settingsPanel()->resetToDefaults();
        QVERIFY(window.loadContent(style_));

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
        QCOMPARE(window.exportTimelapse(1, path, options, true), QString());
        cv::VideoCapture video(path.toStdString());
        QVERIFY(video.isOpened());
        QCOMPARE(static_cast<int>(video.get(cv::CAP_PROP_FRAME_COUNT)),
                 static_cast<int>(frames.size()) + 5);
        QCOMPARE(static_cast<int>(video.get(cv::CAP_PROP_FRAME_WIDTH)), 2 * 48);
        QCOMPARE(static_cast<int>(video.get(cv::CAP_PROP_FRAME_HEIGHT)), 36);
        // A run with nothing to show says so.
        QVERIFY(
            !window.exportTimelapse(7, dir_.filePath(QStringLiteral("none.mp4")), options, false)
                 .isEmpty());
        QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("none.mp4"))));
    }

    void wheelScrollsThePanelInsteadOfChangingValues() {
        MainWindow window;
        QVERIFY(window.loadContent(content_));
        QVERIFY(window.loadStyle(style_));
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
        QVERIFY(window.loadContent(content_));
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
        QVERIFY(window.loadContent(content_));
        QVERIFY(window.loadStyle(style_));
        window.start();
        QVERIFY2(window.errorText().contains(QStringLiteral("VGG-19 weights…")),
                 qPrintable(window.errorText()));
        QVERIFY(!window.session()->isRunning());
        window.setWeightsChooser([] { return QString(); }); // closed without weights
        window.chooseWeights();
        QVERIFY(window.weightsPath().isEmpty());
        window.setWeightsChooser([this] { return weights_; });
        window.chooseWeights();
        QCOMPARE(window.weightsPath(), weights_);
        QVERIFY(window.errorText().isEmpty());
    }

    void dropLoadsContentIntoGallery() {
        MainWindow window;
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(content_)});
        ImageWell* well = window.contentWell();
        QDragEnterEvent enter(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(well, &enter);
        QDropEvent drop(QPoint(5, 5), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(well, &drop);
        QCOMPARE(window.currentRequest().contentPath, content_);
        QCOMPARE(window.gallery()->item(0).image.size(), QSize(64, 48));
    }

    void slidersReachTheJob() {
        MainWindow window;
        window.settingsPanel()->tvWeight()->slider()->setValue(0);
        QCOMPARE(window.currentRequest().transfer.lossWeights.tv, 1e-3);
    }

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
        window.setWeightsPath(QString());
        RunQueue* queue = window.runQueue();
        queue->setPaused(true);
        window.addToQueueAction()->trigger();
        QVERIFY(queue->job(0).weightsPath.isEmpty());
        window.setWeightsPath(weights_);
        queue->setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(queue->status(0) == RunQueue::Status::Done ||
                                     queue->status(0) == RunQueue::Status::Failed,
                                 60000);
        QVERIFY2(queue->status(0) == RunQueue::Status::Done, qPrintable(queue->message(0)));
    }

    void aQueuedJobTheWindowCannotStartFails() {
        MainWindow window;
        QVERIFY(window.loadContent(content_));
        QVERIFY(window.loadStyle(style_));
        window.addToQueueAction()->trigger(); // no weights
        RunQueue* queue = window.runQueue();
        QCOMPARE(queue->status(0), RunQueue::Status::Failed);
        QVERIFY2(queue->message(0).contains(QStringLiteral("weights are missing")),
                 qPrintable(queue->message(0)));
        QVERIFY(queue->isPaused()); // so that the next entries do not fail in turn
        QVERIFY(!window.session()->isRunning());
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
        window.snapshotNow();
        QVERIFY(snapshots.wait(30000));
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Paused at iteration")),
                 qPrintable(window.statusText()));
        // Resumed, the ETA is back.
        window.pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.statusText().contains(eta), 30000);
        window.stop();
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
        QCOMPARE(window.exportSelected(path), QString());
        QImageReader reader(path);
        QVERIFY(reader.text(QStringLiteral("DeepArt-Snapshot"))
                    .contains(QStringLiteral("\"iteration\":6")));
        QVERIFY(reader.text(QStringLiteral("DeepArt-Settings"))
                    .contains(QStringLiteral("\"format\":\"deepart-settings\"")));
        QCOMPARE(reader.size(), QSize(48, 36));

        QDir().mkpath(dir_.filePath(QStringLiteral("all")));
        QCOMPARE(window.exportAllTo(dir_.filePath(QStringLiteral("all")), QStringLiteral("png")),
                 QString());
        QCOMPARE(QDir(dir_.filePath(QStringLiteral("all"))).entryList(QDir::Files).size(), 2);
    }

    void droppedArtworkOffersItsSettings() {
        // An artwork exported by the app carries its settings: loading it asks, and "yes"
        // restores them; "no" leaves the panel alone.
        MainWindow window;
        prepare(window, 2, 0);
        window.settingsPanel()->setPreset(Preset::Fast);  // a route far from the defaults...
        window.settingsPanel()->setIterationsPerScale(2); // ...kept short
        window.settingsPanel()->tvWeight()->setValue(42.0);
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.session()->isRunning() && window.gallery()->rowCount() == 4, 60000);
        const JobRequest made = window.currentRequest();
        window.galleryView()->selectionModel()->select(window.gallery()->index(3),
                                                       QItemSelectionModel::Select);
        const QString path = dir_.filePath(QStringLiteral("restorable.png"));
        QCOMPARE(window.exportSelected(path), QString());

        window.settingsPanel()->resetToDefaults();
        int asked = 0;
        window.setRestoreConfirmation([&](const QString& name) {
            ++asked;
            return name == QStringLiteral("refused.png") ? false : true;
        });
        QVERIFY(QFile::copy(path, dir_.filePath(QStringLiteral("refused.png"))));
        QVERIFY(window.loadContent(dir_.filePath(QStringLiteral("refused.png"))));
        QCOMPARE(asked, 1);
        QCOMPARE(window.currentRequest().transfer, JobRequest{}.transfer);
        QVERIFY(window.loadContent(path));
        QCOMPARE(asked, 2);
        QCOMPARE(window.currentRequest().transfer, made.transfer);
        QCOMPARE(window.currentRequest().transfer.adam.warmupIterations, 20); // fast's schedule
        QCOMPARE(window.currentRequest().transfer.lossWeights.tv, 42.0);
        // An ordinary image asks nothing.
        QVERIFY(window.loadContent(content_));
        QCOMPARE(asked, 2);
    }

    void failureShowsMessageAndKeepsSnapshots() {
        MainWindow window;
        prepare(window, 4, 2);
        window.show();
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            !window.session()->isRunning() && window.gallery()->rowCount() == 5, 60000);

        test::writeBytes(dir_.filePath(QStringLiteral("broken.h5")), "not weights");
        window.setWeightsPath(dir_.filePath(QStringLiteral("broken.h5")));
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
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
