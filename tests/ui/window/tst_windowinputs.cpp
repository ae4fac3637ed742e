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

// The next run's inputs in the window: styles, painted regions, looks, drops, sliders, an artwork's
// settings.
class TestWindowInputs : public WindowTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { createInputs("tst_windowinputs"); }
    // Each test starts with an empty workspace: the window restores the runs it finds there.
    void init() { clearUserState(); }

    void severalStylesReachTheJob() {
        MainWindow window;
        window.setWorkFolder(dir_.filePath(QStringLiteral("work-styles")));
        QVERIFY(window.inputs()->loadContent(content_));
        const QString second = test::writeRgbImage(dir_.filePath(QStringLiteral("s2.png")),
                                                   test::testPicture(40, 40, 3));
        StyleStrip* strip = window.styleStrip();
        QVERIFY(window.inputs()->loadStyle(style_));
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
        QVERIFY(window.inputs()->loadContent(content_));
        QVERIFY(window.inputs()->loadStyle(style_));
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
        QVERIFY(window.inputs()->loadContent(content_));
        QVERIFY(window.inputs()->loadStyle(style_));
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
        QCOMPARE(window.exports()->exportSelected(path), QString());

        window.settingsPanel()->resetToDefaults();
        int asked = 0;
        window.inputs()->setRestoreConfirmation([&](const QString& name) {
            ++asked;
            return name == QStringLiteral("refused.png") ? false : true;
        });
        QVERIFY(QFile::copy(path, dir_.filePath(QStringLiteral("refused.png"))));
        QVERIFY(window.inputs()->loadContent(dir_.filePath(QStringLiteral("refused.png"))));
        QCOMPARE(asked, 1);
        QCOMPARE(window.currentRequest().transfer, JobRequest{}.transfer);
        QVERIFY(window.inputs()->loadContent(path));
        QCOMPARE(asked, 2);
        QCOMPARE(window.currentRequest().transfer, made.transfer);
        QCOMPARE(window.currentRequest().transfer.adam.warmupIterations, 20); // fast's schedule
        QCOMPARE(window.currentRequest().transfer.lossWeights.tv, 42.0);
        // An ordinary image asks nothing.
        QVERIFY(window.inputs()->loadContent(content_));
        QCOMPARE(asked, 2);
    }
};

QTEST_MAIN(TestWindowInputs)
#include "tst_windowinputs.moc"
