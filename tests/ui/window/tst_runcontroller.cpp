#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageView.h"
#include "ImageWell.h"
#include "InputsController.h"
#include "KerasWeightsWriter.h"
#include "LossChart.h"
#include "RunController.h"
#include "RunProgress.h"
#include "RunRecorder.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "TestData.h"
#include "TransferSession.h"
#include "Workspace.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// RunController with the real parts it wires, without a window: a job is checked before it
// starts and says why not, takes the window's weights when it has none, is numbered, and its
// run reaches the gallery.
class TestRunController : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString weights_, content_, style_;

    // The parts of a window, owned by one widget.
    struct Parts {
        QWidget window;
        TransferSession session;
        Workspace workspace;
        GalleryModel gallery;
        ImageWell* content =
            new ImageWell(QStringLiteral("Content"), QStringLiteral("photo"), &window);
        StyleStrip* styles = new StyleStrip(&window);
        SettingsPanel* settings = new SettingsPanel(&window);
        GalleryView* view = new GalleryView(&gallery, &window);
        LossChart* chart = new LossChart(&window);
        ImageView* preview = new ImageView(&window);
        QProgressBar* bar = new QProgressBar(&window);
        QLabel* text = new QLabel(&window);
        QLabel* device = new QLabel(&window);
        RunProgress progress{bar, text};
        InputsController inputs{{content, styles, settings, &gallery, view, &workspace}, &window};
        RunRecorder recorder{&workspace, &gallery, view, chart};
        RunController runs{{&session, &inputs, &recorder, &progress, chart, preview, device},
                           nullptr};
        ~Parts() { session.shutdown(); }
    };

    JobRequest tinyJob(Parts& parts) const {
        parts.settings->resetToDefaults();
        parts.settings->setIterationsPerScale(2);
        JobRequest job = parts.inputs.request();
        job.contentPath = content_;
        job.styles = {StyleSource{style_.toStdString()}};
        job.transfer.scales = {{40, 2}};
        job.transfer.saveEvery = 0;
        return job;
    }

private Q_SLOTS:
    void initTestCase() {
        weights_ = dir_.filePath(QStringLiteral("w.h5"));
        test::writeKerasWeights(weights_, test::smallWeights());
        content_ = test::writeRgbImage(dir_.filePath(QStringLiteral("c.png")),
                                       test::testPicture(40, 32, 1));
        style_ = test::writeRgbImage(dir_.filePath(QStringLiteral("s.png")),
                                     test::testPicture(32, 40, 2));
    }

    void aJobWithoutItsInputsIsRefusedInWords() {
        Parts parts;
        QCOMPARE(parts.workspace.open(dir_.filePath(QStringLiteral("ws-refuse"))), QString());
        QSignalSpy refused(&parts.runs, &RunController::refused);
        QSignalSpy starting(&parts.runs, &RunController::starting);
        parts.runs.startJob(JobRequest{});
        QCOMPARE(refused.count(), 1);
        QVERIFY(refused.last().first().toString().contains(QStringLiteral("content image")));

        JobRequest job = tinyJob(parts);
        job.styles[0].weight = 0.0;
        job.weightsPath = weights_;
        parts.runs.startJob(job);
        QVERIFY(refused.last().first().toString().contains(QStringLiteral("blend weight is 0")));

        job = tinyJob(parts); // no weights, and none in the window
        parts.runs.startJob(job);
        QCOMPARE(refused.last().first().toString(), RunController::missingWeightsText());
        QCOMPARE(starting.count(), 0);
        QVERIFY(!parts.session.isRunning());
    }

    void aJobWithoutWeightsTakesTheWindowsAndIsNumbered() {
        Parts parts;
        QCOMPARE(parts.workspace.open(dir_.filePath(QStringLiteral("ws-run"))), QString());
        parts.inputs.setWeightsPath(weights_); // chosen after the job was made
        parts.runs.setRunCount(4);             // the workspace's last run
        QSignalSpy starting(&parts.runs, &RunController::starting);
        QSignalSpy finished(&parts.session, &TransferSession::finished);
        QSignalSpy failed(&parts.runs, &RunController::failed);
        parts.runs.startJob(tinyJob(parts));
        QCOMPARE(starting.count(), 1);
        QVERIFY(finished.wait(120000));
        QCOMPARE(failed.count(), 0);
        QCOMPARE(finished.first().at(0).toInt(), 2);
        QVERIFY(parts.gallery.runRow(5) >= 0); // numbered on from the workspace's
        QVERIFY(parts.device->text().contains(QStringLiteral("40 × 32 px")));
        QVERIFY(!parts.preview->image().isNull());
    }

    void aContinuationThatCannotWriteItsStartFails() {
        Parts parts;
        QCOMPARE(parts.workspace.open(dir_.filePath(QStringLiteral("ws-continue"))), QString());
        // The starts folder is a file: the snapshot's image cannot be written there.
        const QString blocked = dir_.filePath(QStringLiteral("blocked"));
        QFile file(blocked);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.close();
        parts.runs.setStartsFolder(blocked);
        SnapshotInfo snapshot;
        snapshot.settings.runNumber = 1;
        snapshot.iteration = 3;
        snapshot.image = QImage(8, 8, QImage::Format_RGB32);
        snapshot.image.fill(Qt::green);
        QSignalSpy failed(&parts.runs, &RunController::failed);
        parts.runs.continueFrom(snapshot, tinyJob(parts));
        QCOMPARE(failed.count(), 1);
        QVERIFY(!failed.first().first().toString().isEmpty());
        QVERIFY(!parts.session.isRunning());
    }
};

QTEST_MAIN(TestRunController)
#include "tst_runcontroller.moc"
