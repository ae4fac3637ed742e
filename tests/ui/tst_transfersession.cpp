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
        job.transfer.iterations = iterations;
        job.transfer.saveEvery = saveEvery;
        return job;
    }

private Q_SLOTS:
    void initTestCase() {
        job_.weightsPath = dir_.filePath(QStringLiteral("w.h5"));
        test::writeKerasWeights(job_.weightsPath, test::smallWeights());
        job_.contentPath = test::writeRgbImage(dir_.filePath(QStringLiteral("c.png")),
                                               test::testPicture(64, 48, 1));
        job_.stylePath = test::writeRgbImage(dir_.filePath(QStringLiteral("s.png")),
                                             test::testPicture(48, 64, 2));
        job_.size = 48;
        job_.threads = 1;
        job_.device = DeviceChoice::Cpu;
        job_.previewInterval = 1;
        job_.transfer.iterations = 10;
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
        QCOMPARE(first.settings.transfer.iterations, 10);
        QCOMPARE(snapshots.at(1).first().value<SnapshotInfo>().iteration, 10);
    }

    void pauseHoldsAndResumeContinues() {
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy finished(&session, &TransferSession::finished);
        const JobRequest job = jobWith(30, job_.transfer.saveEvery);
        session.start(job);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 2, 60000);
        session.setPaused(true);
        QVERIFY(session.isPaused());
        QTest::qWait(300); // let the iteration in flight land
        const int held = static_cast<int>(progressed.count());
        QTest::qWait(500);
        QCOMPARE(progressed.count(), held);
        QVERIFY(finished.isEmpty());
        session.setPaused(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QCOMPARE(progressed.count(), 30);
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
        const JobRequest job = jobWith(40, 0);
        session.start(job);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 2, 60000);
        session.snapshotNow();
        QTRY_VERIFY_WITH_TIMEOUT(!snapshots.isEmpty(), 30000);
        QVERIFY(snapshots.first().first().value<SnapshotInfo>().manual);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
    }

    void liveWeightsReachTheRun() {
        TransferSession session;
        QSignalSpy progressed(&session, &TransferSession::progressed);
        QSignalSpy snapshots(&session, &TransferSession::snapshotReady);
        QSignalSpy finished(&session, &TransferSession::finished);
        const JobRequest job = jobWith(40, 40);
        session.start(job);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 2, 60000);
        LossWeights heavier = job.transfer.lossWeights;
        heavier.tv = 750.0;
        session.setLossWeights(heavier);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        const auto before = progressed.first().first().value<IterationStats>();
        const auto after = progressed.last().first().value<IterationStats>();
        QVERIFY2(after.tv > 20.0 * before.tv,
                 qPrintable(QStringLiteral("%1 -> %2").arg(before.tv).arg(after.tv)));
        // The snapshot remembers the weights it was made with.
        QCOMPARE(snapshots.last().first().value<SnapshotInfo>().settings.transfer.lossWeights.tv,
                 750.0);
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
        slow.transfer.iterations = 100000;
        session.start(slow);
        QTRY_VERIFY_WITH_TIMEOUT(progressed.count() >= 1, 60000);
        JobRequest quick = job_;
        quick.transfer.iterations = 4;
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
