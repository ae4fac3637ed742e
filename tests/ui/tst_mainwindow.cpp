#include "CompareView.h"
#include "GalleryModel.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "KerasWeightsWriter.h"
#include "Looks.h"
#include "LossChart.h"
#include "MainWindow.h"
#include "RegionEditing.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "TestData.h"
#include "TransferSession.h"
#include "WeightControl.h"
#include <QLabel>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QImageReader>
#include <QListView>
#include <QMenuBar>
#include <QMimeData>
#include <QPainter>
#include <QProgressBar>
#include <QScrollArea>
#include <QScrollBar>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

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
    void initTestCase() {
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
        QCOMPARE(window.gallery()->rowCount(), 4);      // content, style, #2, #4
        QVERIFY(!window.continueAction()->isEnabled()); // nothing selected
        window.galleryView()->setCurrentIndex(window.gallery()->index(3));
        QVERIFY(window.continueAction()->isEnabled());
        const QImage from = window.gallery()->item(3).image;

        QSignalSpy started(window.session(), &TransferSession::started);
        window.continueAction()->trigger();
        QVERIFY(started.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 60000);
        QCOMPARE(window.gallery()->rowCount(), 6);
        const SnapshotInfo& next = window.gallery()->item(4).snapshot;
        QCOMPARE(next.settings.transfer.init, InitMode::Image);
        QCOMPARE(next.settings.continuedFrom, QStringLiteral("R1 #4"));
        QCOMPARE(next.settings.runNumber, 2);
        // The run started from the snapshot's image, written losslessly.
        QImage start(next.settings.initImagePath);
        QCOMPARE(start.convertToFormat(QImage::Format_RGB32),
                 from.convertToFormat(QImage::Format_RGB32));
        const QString label =
            window.gallery()->data(window.gallery()->index(4), Qt::DisplayRole).toString();
        QVERIFY2(label.startsWith(QStringLiteral("R2 #2 ↳ R1 #4")), qPrintable(label));
        // Export all after the two runs: every snapshot in its own file (the second run used to
        // replace the first one's), the last ones marked final in the gallery.
        const QString folder = dir_.filePath(QStringLiteral("two-runs"));
        QDir().mkpath(folder);
        QCOMPARE(window.exportAllTo(folder, QStringLiteral("png")), QString());
        const QStringList files = QDir(folder).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{"c-run1-0002.png", "c-run1-0004.png", "c-run2-0002.png",
                                     "c-run2-0004.png"}));
        QVERIFY(window.gallery()
                    ->data(window.gallery()->index(5), Qt::DisplayRole)
                    .toString()
                    .endsWith(QStringLiteral("· final")));
        // The panel's own choice is untouched: the next Start begins from the content again.
        QCOMPARE(window.currentRequest().transfer.init, InitMode::Content);
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
        QCOMPARE(window.gallery()->rowCount(), 4); // content, style, #5, #10
        QCOMPARE(window.gallery()->item(3).snapshot.iteration, 10);
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
        // The snapshot taken while paused, and the image the run stopped at.
        QCOMPARE(window.gallery()->rowCount(), 4);
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
            !window.session()->isRunning() && window.gallery()->rowCount() == 4, 60000);

        auto* selection = window.galleryView()->selectionModel();
        selection->select(window.gallery()->index(2), QItemSelectionModel::Select);
        selection->select(window.gallery()->index(0), QItemSelectionModel::Select);
        window.compareSelected();
        QCOMPARE(window.compareView()->leftRow(), 0);
        QCOMPARE(window.compareView()->rightRow(), 2);
        QVERIFY(exportAll->isEnabled());
        // With only the content selected, it is compared with the newest snapshot, not itself.
        selection->clearSelection();
        selection->select(window.gallery()->index(0), QItemSelectionModel::Select);
        window.compareSelected();
        QCOMPARE(window.compareView()->leftRow(), 0);
        QCOMPARE(window.compareView()->rightRow(), 3);
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
        const QRect item = window.galleryView()->visualRect(window.gallery()->index(2));
        QTest::mouseClick(window.galleryView()->viewport(), Qt::LeftButton, {}, item.center());
        QCOMPARE(window.preview()->image(), window.gallery()->item(2).image);

        selection->clearSelection();
        selection->select(window.gallery()->index(3), QItemSelectionModel::Select);
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
            !window.session()->isRunning() && window.gallery()->rowCount() == 3, 60000);
        const JobRequest made = window.currentRequest();
        window.galleryView()->selectionModel()->select(window.gallery()->index(2),
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
            !window.session()->isRunning() && window.gallery()->rowCount() == 4, 60000);

        test::writeBytes(dir_.filePath(QStringLiteral("broken.h5")), "not weights");
        window.setWeightsPath(dir_.filePath(QStringLiteral("broken.h5")));
        window.start();
        QTRY_VERIFY_WITH_TIMEOUT(!window.errorText().isEmpty(), 30000);
        QVERIFY2(window.errorText().contains(QStringLiteral("broken.h5")) &&
                     window.errorText().contains(QStringLiteral("not an HDF5 file")),
                 qPrintable(window.errorText()));
        QCOMPARE(window.gallery()->rowCount(), 4);
        QVERIFY(!window.session()->isRunning());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
