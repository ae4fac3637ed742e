#include "CompareView.h"
#include "GalleryModel.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "KerasWeightsWriter.h"
#include "MainWindow.h"
#include "SettingsPanel.h"
#include "TestData.h"
#include "TransferSession.h"
#include "WeightControl.h"

#include <QAction>
#include <QApplication>
#include <QImageReader>
#include <QListView>
#include <QMimeData>
#include <QProgressBar>
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
        window.startAction()->trigger();
        QVERIFY(window.stopAction()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(window.progressBar()->value(), 100, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 30000);
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Done")),
                 qPrintable(window.statusText()));
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
        // Nothing moves while paused (a bounded look for an absence: it cannot fail by chance).
        QVERIFY(!progressed.wait(300));
        QCOMPARE(progressed.last().first().value<IterationStats>().iteration, at);
        window.pauseAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(progressed.last().first().value<IterationStats>().iteration > at,
                                 30000);
        window.stopAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->isRunning(), 30000);
        QVERIFY2(window.statusText().startsWith(QStringLiteral("Stopped")),
                 qPrintable(window.statusText()));
        QCOMPARE(window.gallery()->rowCount(), 3); // the image the run stopped at
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
        prepare(window, 6, 3);
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
