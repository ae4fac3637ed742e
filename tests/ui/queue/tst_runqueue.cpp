#include "QueueRunner.h"
#include "RunQueue.h"

#include <QAbstractItemModelTester>
#include <QtTest>

using namespace deepart;

namespace {

JobRequest job(const QString& content, int iterations = 100) {
    JobRequest j;
    j.contentPath = QStringLiteral("/photos/%1").arg(content);
    j.styles = {StyleSource{"/paintings/starry.jpg"}, StyleSource{"/paintings/wave.jpg", 0.5}};
    j.transfer.setOutputSize(256);
    j.transfer.setIterationsPerScale(iterations);
    return j;
}

QStringList contents(const RunQueue& queue) {
    QStringList names;
    for (int row = 0; row < queue.rowCount(); ++row)
        names << QFileInfo(queue.job(row).contentPath).fileName();
    return names;
}

// The window as the runner sees it: busy from the start of a job until its end is reported.
struct FakeWindow {
    explicit FakeWindow(RunQueue& queue) : runner(&queue, [this] { return busy; }) {
        QObject::connect(&runner, &QueueRunner::runNext, [this](const JobRequest& j) {
            if (refuse)
                return;
            started << QFileInfo(j.contentPath).fileName();
            busy = true;
        });
    }
    void finish(bool stopped = false) {
        busy = false;
        runner.runFinished(stopped ? 3 : 100, stopped);
    }
    void fail(const QString& message) {
        busy = false;
        runner.runFailed(message);
    }

    bool busy = false;
    bool refuse = false;
    QStringList started;
    QueueRunner runner;
};

} // namespace

class TestRunQueue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void modelIsConsistent() {
        RunQueue queue;
        QAbstractItemModelTester tester(&queue,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (const char* name : {"a.png", "b.png", "c.png", "d.png"})
            queue.add(job(QString::fromLatin1(name)));
        QVERIFY(queue.moveDown(0));
        QVERIFY(queue.moveUp(3));
        QVERIFY(queue.moveRows({}, 0, 2, {}, 4)); // two rows to the end
        queue.setStatus(1, RunQueue::Status::Running);
        queue.setStatus(2, RunQueue::Status::Done);
        queue.setStatus(3, RunQueue::Status::Failed, QStringLiteral("unreadable"));
        queue.clearFinished();
        QVERIFY(queue.remove(0));
        QCOMPARE(queue.rowCount(), 1);
        queue.setStatus(0, RunQueue::Status::Stopped);
        queue.clearFinished();
        QCOMPARE(queue.rowCount(), 0);
    }

    void addRemoveAndMoveKeepTheOrder() {
        RunQueue queue;
        QCOMPARE(queue.add(job(QStringLiteral("a.png"))), 0);
        QCOMPARE(queue.add(job(QStringLiteral("b.png"))), 1);
        QCOMPARE(queue.add(job(QStringLiteral("c.png"))), 2);
        QCOMPARE(contents(queue), (QStringList{"a.png", "b.png", "c.png"}));
        QVERIFY(queue.moveUp(2));
        QCOMPARE(contents(queue), (QStringList{"a.png", "c.png", "b.png"}));
        QVERIFY(queue.moveDown(0));
        QCOMPARE(contents(queue), (QStringList{"c.png", "a.png", "b.png"}));
        // Nowhere to go.
        QVERIFY(!queue.moveUp(0));
        QVERIFY(!queue.moveDown(2));
        QVERIFY(!queue.moveUp(7));
        QVERIFY(!queue.moveDown(-1));
        // As a view's drag and drop asks: the last row to the top, the first past the end.
        QVERIFY(queue.moveRows({}, 2, 1, {}, 0));
        QCOMPARE(contents(queue), (QStringList{"b.png", "c.png", "a.png"}));
        QVERIFY(queue.moveRows({}, 0, 1, {}, 3));
        QCOMPARE(contents(queue), (QStringList{"c.png", "a.png", "b.png"}));
        QVERIFY(!queue.moveRows({}, 1, 1, {}, 1));             // onto itself
        QVERIFY(!queue.moveRows({}, 1, 1, {}, 2));             // just after itself: the same place
        QVERIFY(!queue.moveRows(queue.index(0), 0, 1, {}, 2)); // a list has no children
        QCOMPARE(contents(queue), (QStringList{"c.png", "a.png", "b.png"}));

        // The running entry stays until it ends; the others go.
        queue.setStatus(1, RunQueue::Status::Running);
        QVERIFY(!queue.remove(1));
        QVERIFY(queue.remove(0));
        QVERIFY(!queue.remove(5));
        QCOMPARE(contents(queue), (QStringList{"a.png", "b.png"}));
        QCOMPARE(queue.runningRow(), 0);
        QCOMPARE(queue.nextWaiting(), 1);
        QCOMPARE(queue.waitingCount(), 1);
    }

    void clearFinishedKeepsWaitingAndRunning() {
        RunQueue queue;
        for (const char* name : {"a.png", "b.png", "c.png", "d.png", "e.png"})
            queue.add(job(QString::fromLatin1(name)));
        queue.setStatus(0, RunQueue::Status::Done);
        queue.setStatus(1, RunQueue::Status::Failed, QStringLiteral("no such file"));
        queue.setStatus(2, RunQueue::Status::Running);
        queue.setStatus(3, RunQueue::Status::Stopped);
        queue.clearFinished();
        QCOMPARE(contents(queue), (QStringList{"c.png", "e.png"}));
        QCOMPARE(queue.status(0), RunQueue::Status::Running);
        QCOMPARE(queue.status(1), RunQueue::Status::Waiting);
    }

    void summaryAndTooltipDescribeTheRun() {
        RunQueue queue;
        JobRequest j = job(QStringLiteral("photo.jpg"), 300);
        j.transfer.optimizer = OptimizerKind::Lbfgs;
        queue.add(j);
        const QString line = queue.data(queue.index(0), Qt::DisplayRole).toString();
        QCOMPARE(line, QStringLiteral("Waiting · photo.jpg ← starry.jpg, wave.jpg · 256 px · 300 "
                                      "it · custom, L-BFGS"));
        QVERIFY(!line.contains(QLatin1Char('\n'))); // one line
        QCOMPARE(queue.data(queue.index(0), RunQueue::SummaryRole).toString(),
                 RunQueue::summary(j));
        queue.add(job(QStringLiteral("seed.jpg")));
        JobRequest seed = job(QStringLiteral("seed.jpg"));
        seed.transfer = TransferSettings{};
        QVERIFY(RunQueue::summary(seed).endsWith(QStringLiteral("512 px · 1000 it · seed, Adam")));

        queue.setStatus(0, RunQueue::Status::Failed, QStringLiteral("photo.jpg: unreadable"));
        QVERIFY(queue.data(queue.index(0), Qt::DisplayRole).toString().startsWith("Failed · "));
        QCOMPARE(queue.data(queue.index(0), RunQueue::StatusRole).toInt(),
                 int(RunQueue::Status::Failed));
        QCOMPARE(queue.data(queue.index(0), RunQueue::MessageRole).toString(),
                 QStringLiteral("photo.jpg: unreadable"));
        const QString tip = queue.data(queue.index(0), Qt::ToolTipRole).toString();
        for (const QString& part :
             {QStringLiteral("/photos/photo.jpg"), QStringLiteral("/paintings/wave.jpg, 33 %"),
              QStringLiteral("256 px × 300"), QStringLiteral("photo.jpg: unreadable")})
            QVERIFY2(tip.contains(part), qPrintable(tip));
    }

    void pausedFlagIsSignalled() {
        RunQueue queue;
        QSignalSpy spy(&queue, &RunQueue::pausedChanged);
        queue.setPaused(true);
        queue.setPaused(true);
        queue.setPaused(false);
        QCOMPARE(spy.count(), 2);
        QVERIFY(!queue.isPaused());
    }

    void anEntryAddedToAnIdleWindowStartsAtOnce() {
        RunQueue queue;
        FakeWindow window(queue);
        queue.add(job(QStringLiteral("a.png")));
        QCOMPARE(window.started, QStringList{"a.png"});
        QCOMPARE(queue.status(0), RunQueue::Status::Running);
        window.finish();
        QCOMPARE(queue.status(0), RunQueue::Status::Done);
        QCOMPARE(window.started.size(), 1);
        QVERIFY(!window.busy);
    }

    void entriesRunInOrderOneAfterAnother() {
        RunQueue queue;
        FakeWindow window(queue);
        window.busy = true; // the window runs a job of its own
        for (const char* name : {"a.png", "b.png", "c.png"})
            queue.add(job(QString::fromLatin1(name)));
        QVERIFY(window.started.isEmpty());
        QCOMPARE(queue.waitingCount(), 3);
        queue.moveUp(2); // a, c, b
        window.finish(); // the window's own job ended: the queue's turn
        QCOMPARE(window.started, QStringList{"a.png"});
        // While an entry runs, nothing else starts, whatever is added or resumed.
        queue.add(job(QStringLiteral("d.png")));
        window.runner.startNextIfIdle();
        QCOMPARE(window.started.size(), 1);
        window.finish();
        window.finish();
        window.finish();
        QCOMPARE(window.started, (QStringList{"a.png", "c.png", "b.png", "d.png"}));
        window.finish(); // d's end: nothing left to start
        QCOMPARE(window.started.size(), 4);
        for (int row = 0; row < queue.rowCount(); ++row)
            QCOMPARE(queue.status(row), RunQueue::Status::Done);
    }

    void theEndOfARunIsWaitedFor() {
        // The window is idle for a moment before it reports the end (a queued signal): an entry
        // added then must not start beside the one still marked running.
        RunQueue queue;
        FakeWindow window(queue);
        queue.add(job(QStringLiteral("a.png")));
        window.busy = false; // ended, not yet reported
        queue.add(job(QStringLiteral("b.png")));
        QCOMPARE(window.started, QStringList{"a.png"});
        window.runner.runFinished(100, false);
        QCOMPARE(window.started, (QStringList{"a.png", "b.png"}));
    }

    void aPausedQueueStartsNothingUntilResumed() {
        RunQueue queue;
        FakeWindow window(queue);
        queue.setPaused(true);
        queue.add(job(QStringLiteral("a.png")));
        queue.add(job(QStringLiteral("b.png")));
        QVERIFY(window.started.isEmpty());
        queue.setPaused(false);
        QCOMPARE(window.started, QStringList{"a.png"});
        // Paused during a run: the run goes on, the next waits.
        queue.setPaused(true);
        QCOMPARE(queue.status(0), RunQueue::Status::Running);
        window.finish();
        QCOMPARE(queue.status(0), RunQueue::Status::Done);
        QCOMPARE(window.started, QStringList{"a.png"});
        queue.setPaused(false);
        QCOMPARE(window.started, (QStringList{"a.png", "b.png"}));
    }

    void stopPausesTheQueue() {
        RunQueue queue;
        FakeWindow window(queue);
        queue.add(job(QStringLiteral("a.png")));
        queue.add(job(QStringLiteral("b.png")));
        window.finish(/*stopped=*/true);
        QCOMPARE(queue.status(0), RunQueue::Status::Stopped);
        QCOMPARE(queue.message(0), QStringLiteral("Stopped at iteration 3"));
        QVERIFY(queue.isPaused());
        QCOMPARE(window.started, QStringList{"a.png"});
        queue.setPaused(false);
        QCOMPARE(window.started, (QStringList{"a.png", "b.png"}));
        // With nothing waiting a stop leaves the queue as it is, so that the next entry added
        // starts.
        window.finish(true);
        QVERIFY(!queue.isPaused());
    }

    void aFailedEntryDoesNotHoldUpTheOthers() {
        RunQueue queue;
        FakeWindow window(queue);
        queue.add(job(QStringLiteral("a.png")));
        queue.add(job(QStringLiteral("b.png")));
        window.fail(QStringLiteral("a.png: not an image"));
        QCOMPARE(queue.status(0), RunQueue::Status::Failed);
        QCOMPARE(queue.message(0), QStringLiteral("a.png: not an image"));
        QCOMPARE(window.started, (QStringList{"a.png", "b.png"}));
        QVERIFY(!queue.isPaused());
    }

    void aRefusedStartFailsTheEntryAndPauses() {
        RunQueue queue;
        FakeWindow window(queue);
        window.refuse = true;
        window.runner.setRefusalText([] { return QStringLiteral("The weights are missing."); });
        queue.add(job(QStringLiteral("a.png")));
        queue.add(job(QStringLiteral("b.png")));
        QCOMPARE(queue.status(0), RunQueue::Status::Failed);
        QCOMPARE(queue.message(0), QStringLiteral("The weights are missing."));
        QCOMPARE(queue.status(1), RunQueue::Status::Waiting);
        QVERIFY(queue.isPaused());
        window.refuse = false;
        queue.setPaused(false);
        QCOMPARE(window.started, QStringList{"b.png"});
    }
};

QTEST_MAIN(TestRunQueue)
#include "tst_runqueue.moc"
