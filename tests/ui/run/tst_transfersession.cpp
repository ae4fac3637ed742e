#include "KerasWeightsWriter.h"
#include "TestData.h"
#include "TransferSession.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// The worker thread seen from the GUI thread: a tiny real run on a slim VGG-19.
class TestTransferSession : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    JobRequest job_;

    JobRequest jobWith(int iterations, int saveEvery) const {
        JobRequest job = job_;
        job.transfer.setIterationsPerScale(iterations);
        job.transfer.saveEvery = saveEvery;
        return job;
    }

private Q_SLOTS:
    void initTestCase() {
        job_.weightsPath = dir_.filePath(QStringLiteral("w.h5"));
        test::writeKerasWeights(job_.weightsPath, test::smallWeights());
        job_.contentPath = test::writeRgbImage(dir_.filePath(QStringLiteral("c.png")),
                                               test::testPicture(64, 48, 1));
        job_.styles = {StyleSource{test::writeRgbImage(dir_.filePath(QStringLiteral("s.png")),
                                                       test::testPicture(48, 64, 2))
                                       .toStdString()}};
        job_.transfer.scales = {{48, 10}};
        job_.threads = 1;
        job_.transfer.device = DeviceChoice::Cpu;
        job_.previewInterval = 1;
        job_.transfer.saveEvery = 5;
    }

    void tinyRunReportsEverything() {
        TransferSession session;
        QSignalSpy started(&session, &TransferSession::started);
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy previews(&session, &TransferSession::previewReady);
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        QSignalSpy finished(&session, &TransferSession::finished);
        session.start(job_);
        QVERIFY(session.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).toInt(), 10);
        QCOMPARE(finished.first().at(1).toBool(), false);
        QVERIFY(!session.isRunning());
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.first().at(1).toSize(), QSize(48, 36));
        QCOMPARE(progressed.count(), 10);
        QCOMPARE(progressed.last().first().value<IterationStats>().iteration, 10);
        QVERIFY(!previews.isEmpty());
        QCOMPARE(previews.last().at(1).value<QImage>().size(), QSize(48, 36));
        QCOMPARE(snapshots.count(), 2);
        const auto first = snapshots.at(0).first().value<SnapshotInfo>();
        QCOMPARE(first.iteration, 5);
        QCOMPARE(first.image.size(), QSize(48, 36));
        QCOMPARE(first.settings.transfer.totalIterations(), 10);
        QCOMPARE(snapshots.at(1).first().value<SnapshotInfo>().iteration, 10);
    }

    // A tiled run says so with its device, reports its tiles within each iteration, and ends
    // on a 16-bit image (the artwork exported for print keeps its gradients).
    void tiledRunReportsItsTiles() {
        JobRequest job = jobWith(2, 0);
        job.transfer.scales = {{128, 2}};
        job.transfer.tileSize = 64;
        TransferSession session;
        QSignalSpy started(&session, &TransferSession::started);
        QSignalSpy tiles(&session, &TransferSession::tileProgressed);
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        QSignalSpy finished(&session, &TransferSession::finished);
        session.start(job);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).toInt(), 2);
        QVERIFY2(started.first().at(0).toString().contains(QStringLiteral("4 tiles of 64 px")),
                 qPrintable(started.first().at(0).toString()));
        // Throttled, but the last tile of every pass always comes.
        QVERIFY(tiles.count() >= 4);
        QCOMPARE(tiles.last().at(0).toInt(), 2); // iteration
        QCOMPARE(tiles.last().at(1).toInt(), 2); // pass
        QCOMPARE(tiles.last().at(2).toInt(), 3); // tile
        QCOMPARE(tiles.last().at(3).toInt(), 4); // of
        QCOMPARE(snapshots.count(), 1);
        const QImage last = snapshots.first().first().value<SnapshotInfo>().image;
        QCOMPARE(last.size(), QSize(128, 96));
        QCOMPARE(last.format(), QImage::Format_RGBX64);
    }

    void previewsAndSnapshotsAcrossScales() {
        JobRequest job = job_;
        job.transfer.scales = {{24, 4}, {48, 4}};
        job.transfer.saveEvery = 2;
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy previews(&session, &TransferSession::previewReady);
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        QSignalSpy finished(&session, &TransferSession::finished);
        session.start(job);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(finished.first().at(0).toInt(), 8);
        QCOMPARE(progressed.count(), 8);
        QCOMPARE(progressed.at(3).first().value<IterationStats>().size, 24);
        QCOMPARE(progressed.at(4).first().value<IterationStats>().size, 48);
        // The first preview is the starting image at the first scale, the last the result.
        QCOMPARE(previews.first().at(1).value<QImage>().size(), QSize(24, 18));
        QCOMPARE(previews.last().at(1).value<QImage>().size(), QSize(48, 36));
        QCOMPARE(snapshots.count(), 4); // 2, 4 at 24 px; 6, 8 at 48 px
        const auto coarse = snapshots.at(1).first().value<SnapshotInfo>();
        QCOMPARE(coarse.iteration, 4);
        QCOMPARE(coarse.scale, 0);
        QCOMPARE(coarse.size, 24);
        QCOMPARE(coarse.image.size(), QSize(24, 18));
        const auto fine = snapshots.at(3).first().value<SnapshotInfo>();
        QCOMPARE(fine.iteration, 8);
        QCOMPARE(fine.scale, 1);
        QCOMPARE(fine.image.size(), QSize(48, 36));
    }

    void pauseHoldsAndResumeContinues() {
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy held(&session, &TransferSession::heldAt);
        QSignalSpy finished(&session, &TransferSession::finished);
        // Long enough never to end on its own: a short run could finish before the pause.
        session.start(jobWith(100000, 0));
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 2, 60000);
        session.setPaused(true);
        QVERIFY(session.isPaused());
        // The run says where it holds, after reporting every iteration before it.
        QVERIFY(held.wait(30000));
        const int at = held.first().first().toInt();
        QCOMPARE(progressed.count(), at);
        // Still held there: a snapshot asked for now is taken by the holding run at once, of
        // iteration `at`, and nothing came before it (a round trip, not a timed look).
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        session.snapshotNow();
        QVERIFY(snapshots.wait(30000));
        QCOMPARE(snapshots.first().first().value<SnapshotInfo>().iteration, at);
        QCOMPARE(progressed.count(), at);
        QVERIFY(finished.isEmpty());
        session.setPaused(false);
        QVERIFY(!session.isPaused());
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() > at, 30000);
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().at(0).toInt(), progressed.count());
    }

    void pauseInTheLastIterationDoesNotOutliveTheRun() {
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy finished(&session, &TransferSession::finished);
        session.start(jobWith(3, 0));
        // Paused when the last iteration has been reported: the run ends anyway.
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() == 3 || !finished.isEmpty(), 60000);
        session.setPaused(true);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QVERIFY(!session.isPaused());
        QVERIFY(!session.isRunning());
    }

    void stopEndsEarlyAndKeepsTheImage() {
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        QSignalSpy finished(&session, &TransferSession::finished);
        const JobRequest job = jobWith(100000, 0);
        session.start(job);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 3, 60000);
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().at(1).toBool(), true);
        const int completed = finished.first().at(0).toInt();
        QVERIFY(completed >= 3 && completed < 100000);
        QCOMPARE(snapshots.count(), 1);
        const auto kept = snapshots.first().first().value<SnapshotInfo>();
        QCOMPARE(kept.iteration, completed);
        QVERIFY(kept.manual);
    }

    void manualSnapshot() {
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        QSignalSpy finished(&session, &TransferSession::finished);
        session.start(jobWith(100000, 0)); // never ends on its own before the request lands
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 2, 60000);
        session.snapshotNow();
        QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 30000);
        const auto manual = snapshots.first().first().value<SnapshotInfo>();
        QVERIFY(manual.manual);
        QVERIFY(manual.iteration >= 2);
        QVERIFY(finished.isEmpty());
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
    }

    void liveWeightsReachTheRun() {
        // Changed while the run holds on a pause after iteration k (so exactly there): iteration
        // k+1 is weighted with the new gamma. Checked on the weighting itself: a twin run
        // without the change reports, for the same image, gamma_old x the same raw TV.
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy held(&session, &TransferSession::heldAt);
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        QSignalSpy finished(&session, &TransferSession::finished);
        const JobRequest job = jobWith(100000, 0);
        session.start(job);
        session.setPaused(true); // holds before an iteration, whichever it is
        QVERIFY(held.wait(30000));
        const int k = held.first().first().toInt();
        LossWeights heavier = job.transfer.lossWeights;
        heavier.tv = 750.0;
        session.setLossWeights(heavier);
        session.setPaused(false);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() > k, 60000);
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto next = progressed.at(k).first().value<IterationStats>();
        QCOMPARE(next.iteration, k + 1);
        // The image the run stopped at remembers the weights it was made with.
        QCOMPARE(snapshots.last().first().value<SnapshotInfo>().settings.transfer.lossWeights.tv,
                 750.0);

        TransferSession twinSession;
        QSignalSpy twin(&twinSession, &TransferSession::progressed);
        QSignalSpy twinFinished(&twinSession, &TransferSession::finished);
        twinSession.start(jobWith(k + 1, 0));
        QTRY_COMPARE_WITH_TIMEOUT(twinFinished.count(), 1, 60000);
        QCOMPARE(twin.count(), k + 1);
        const double ratio = next.tv() / twin.at(k).first().value<IterationStats>().tv();
        QVERIFY2(qAbs(ratio - 100.0) < 1e-3, qPrintable(QString::number(ratio)));
    }

    void stopRightAfterStartEndsWithoutStarting() {
        // A large content image (2048 px) makes preparation long (decoding, resizing, the
        // network's targets). A stop right after Start lands before or during it, and the run
        // ends without starting (tst_rundriver checks the stop between network layers).
        JobRequest job = job_;
        job.contentPath = test::writeRgbImage(dir_.filePath(QStringLiteral("big.png")),
                                              test::testPicture(2048, 1536, 3));
        job.transfer.scales = {{2048, 5}};
        TransferSession session;
        QSignalSpy started(&session, &TransferSession::started);
        QSignalSpy finished(&session, &TransferSession::finished);
        session.start(job);
        session.stop();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 30000);
        QCOMPARE(finished.first().at(0).toInt(), 0);
        QCOMPARE(finished.first().at(1).toBool(), true);
        QCOMPARE(started.count(), 0);
        QVERIFY(!session.isRunning());
    }

    void callsAfterShutdownDoNothing() {
        TransferSession session;
        session.shutdown();
        QCOMPARE(session.start(job_), quint64(0));
        QVERIFY(!session.isRunning());
        session.setPaused(true);
        QVERIFY(!session.isPaused());
        session.setLossWeights(LossWeights{});
        session.snapshotNow();
        session.stop();
        session.shutdown(); // twice is fine
    }

    void failureIsReportedInWords() {
        TransferSession session;
        QSignalSpy failed(&session, &TransferSession::failed);
        JobRequest job = job_;
        job.contentPath = dir_.filePath(QStringLiteral("gone.png"));
        session.start(job);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 30000);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("content image")) &&
                     message.contains(QStringLiteral("gone.png")) &&
                     message.contains(QStringLiteral("not found")),
                 qPrintable(message));
        QVERIFY(!session.isRunning());
    }

    void replacedJobIsDropped() {
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy finished(&session, &TransferSession::finished);
        JobRequest slow = job_;
        slow.transfer.setIterationsPerScale(100000);
        session.start(slow);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 1, 60000);
        JobRequest quick = job_;
        quick.transfer.setIterationsPerScale(4);
        const quint64 id = session.start(quick);
        progressed.clear();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(session.currentJob(), id);
        // Only the replacement's results came through: iterations 1..4, finished with 4.
        QCOMPARE(finished.first().at(0).toInt(), 4);
        // The replaced job's queued signals (it had run at least one iteration) must not show:
        // exactly iterations 1, 2, 3, 4 arrive.
        QCOMPARE(progressed.count(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(progressed.at(i).first().value<IterationStats>().iteration, i + 1);
    }

    void destroyedWhileRunning() {
        auto* session = new TransferSession;
        QSignalSpy progressed(session, &TransferSession::progressed);
        const JobRequest job = jobWith(100000, job_.transfer.saveEvery);
        session->start(job);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 1, 60000);
        delete session; // stops the job and waits for the thread; must not hang or crash
    }
};

QTEST_MAIN(TestTransferSession)
#include "tst_transfersession.moc"
