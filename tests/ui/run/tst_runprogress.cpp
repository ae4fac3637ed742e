#include "RunProgress.h"

#include <QLabel>
#include <QProgressBar>
#include <QSignalSpy>
#include <QtTest>

using namespace deepart;

// The progress bar and status line on their own: what each moment of a run reads, iterations
// batched into one update (and handed on once each), pauses without an ETA, and an end or a
// failure that pending progress cannot overwrite.
class TestRunProgress : public QObject {
    Q_OBJECT
private:
    static IterationStats stats(int iteration, int total) {
        IterationStats s;
        s.iteration = iteration;
        s.totalIterations = total;
        s.total = 1234.5;
        s.size = 64;
        s.progress = double(iteration) / total;
        return s;
    }

private Q_SLOTS:
    void aRunFromPreparingToDone() {
        QProgressBar bar;
        QLabel text;
        RunProgress progress(&bar, &text);
        QCOMPARE(text.text(), QStringLiteral("Ready"));
        progress.preparing(10);
        QVERIFY(text.text().startsWith(QStringLiteral("Preparing")));
        QCOMPARE(bar.value(), 0);
        progress.started();
        QSignalSpy flushed(&progress, &RunProgress::statsFlushed);
        for (int k = 1; k <= 4; ++k)
            progress.addIteration(stats(k, 10));
        // Shown together, at most ~30 times a second.
        QVERIFY(flushed.wait(2000));
        QCOMPARE(flushed.count(), 1);
        QCOMPARE(flushed.first().first().value<QList<IterationStats>>().size(), 4);
        QCOMPARE(bar.value(), 40);
        QVERIFY2(text.text().startsWith(QStringLiteral("Iteration 4/10 · 64 px")),
                 qPrintable(text.text()));
        QVERIFY(text.text().contains(QStringLiteral("ETA")));
        QVERIFY(text.text().contains(QStringLiteral("loss 1.23e+03")));
        progress.addIteration(stats(10, 10));
        progress.finished(10, false);
        QCOMPARE(bar.value(), 100);
        QVERIFY2(text.text().startsWith(QStringLiteral("Done: 10 iterations in")),
                 qPrintable(text.text()));
        QCOMPARE(flushed.count(), 2); // the last one, before the end
    }

    // A video whose frames were all kept from an earlier run iterates nothing and is done.
    void aVideoOfKeptFramesEndsAtAHundredPercent() {
        QProgressBar bar;
        QLabel text;
        RunProgress progress(&bar, &text);
        progress.preparing(10);
        progress.started();
        for (int frame = 1; frame <= 3; ++frame) {
            progress.frameStarted(frame, frame, 3);
            progress.frameDone();
        }
        progress.finished(0, false);
        QCOMPARE(bar.value(), 100);
        QVERIFY2(text.text().startsWith(QStringLiteral("Done: 3 frames")), qPrintable(text.text()));
    }

    void pausedShowsNoEta() {
        QProgressBar bar;
        QLabel text;
        RunProgress progress(&bar, &text);
        progress.preparing(10);
        progress.started();
        progress.setPaused(true);
        QCOMPARE(text.text(), QStringLiteral("Paused"));
        progress.addIteration(stats(3, 10));
        progress.heldAt(3);
        QCOMPARE(text.text(), QStringLiteral("Paused at iteration 3/10"));
        QCOMPARE(bar.value(), 30);
        progress.tileProgressed(4, 1, 0, 4); // a tile's line does not replace "Paused"
        QCOMPARE(text.text(), QStringLiteral("Paused at iteration 3/10"));
        progress.setPaused(false);
        progress.tileProgressed(4, 2, 1, 4);
        QCOMPARE(text.text(), QStringLiteral("Iteration 4/10 · gradient of tile 2/4"));
    }

    void stoppedAndFailedAreTheLastWord() {
        QProgressBar bar;
        QLabel text;
        RunProgress progress(&bar, &text);
        progress.preparing(10);
        progress.started();
        progress.addIteration(stats(2, 10));
        progress.finished(2, true);
        QCOMPARE(text.text(), QStringLiteral("Stopped at iteration 2"));
        progress.preparing(10);
        progress.started();
        QSignalSpy flushed(&progress, &RunProgress::statsFlushed);
        progress.addIteration(stats(1, 10));
        progress.failed();
        QCOMPARE(text.text(), QStringLiteral("Failed"));
        // The pending iteration went out before the message, so nothing is left to overwrite it.
        QCOMPARE(flushed.count(), 1);
        QCOMPARE(bar.value(), 10);
    }
};

QTEST_MAIN(TestRunProgress)
#include "tst_runprogress.moc"
