#include "RunDriverTest.h"

// A run steered while it goes: stop, pause, loss weights and snapshots on demand.
class TestRunSteering : public RunDriverTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void aStoppedCoarseRunEndsAtTheOutputSize() {
        RunPlan p = plan(1);
        p.settings.scales = {{20, 50}, {40, 50}};
        RunControl control;
        const auto r = run(p, control, [&](const IterationStats& s) {
            if (s.iteration == 4)
                control.requestStop();
        });
        QCOMPARE(r.result.outcome, RunOutcome::Cancelled);
        QCOMPARE(r.result.completedIterations, 4);
        QCOMPARE(r.result.image.sizes(), content_.sizes());
    }

    void cancelStopsBetweenIterations() {
        RunControl control;
        const auto r = run(plan(100), control, [&](const IterationStats& s) {
            if (s.iteration == 4)
                control.requestStop();
        });
        QCOMPARE(r.result.outcome, RunOutcome::Cancelled);
        QCOMPARE(r.result.completedIterations, 4);
        QCOMPARE(int(r.stats.size()), 4);
    }

    void stopBeforeTheRunPreparesNothing() {
        RunControl control;
        control.requestStop();
        const auto r = run(plan(100), control);
        QCOMPARE(r.result.outcome, RunOutcome::Cancelled);
        QCOMPARE(r.started, 0);
        QVERIFY(r.stats.empty());
        QCOMPARE(r.result.image.sizes(), content_.sizes());
    }

    void weightsSetBeforeTheFirstIterationAreUsedByIt() {
        // Set while the run is still preparing: the latest value wins, and the very first
        // iteration is weighted with it. The content image is the first image, so its TV is
        // known: the reported term must be exactly gamma times it.
        RunControl control;
        LossWeights first = TransferSettings{}.lossWeights;
        first.tv = 1.0;
        control.setLossWeights(first);
        LossWeights latest = first;
        latest.tv = 750.0;
        control.setLossWeights(latest);
        const auto r = run(plan(2), control);
        const double rawTv = totalVariation(content_).item<double>();
        QVERIFY2(qAbs(r.stats.front().tv() - 750.0 * rawTv) <= 1e-5 * 750.0 * rawTv,
                 qPrintable(QStringLiteral("%1 vs %2").arg(r.stats.front().tv()).arg(750 * rawTv)));
        QCOMPARE(r.result.lossWeights.tv, 750.0);
    }

    void weightsChangedMidRunWeighTheNextIteration() {
        // Changed from the callback of iteration 3, so exactly there; iteration 4 is compared
        // with a twin run without the change. The image is the same, so tv4 / tv4' must be the
        // weights' ratio.
        const auto twin = run(plan(4));
        RunControl control;
        LossWeights heavier = TransferSettings{}.lossWeights;
        heavier.tv *= 10.0;
        const auto r = run(plan(4), control, [&](const IterationStats& s) {
            if (s.iteration == 3)
                control.setLossWeights(heavier);
        });
        const double ratio = r.stats[3].tv() / twin.stats[3].tv();
        QVERIFY2(qAbs(ratio - 10.0) < 1e-4, qPrintable(QString::number(ratio)));
        QCOMPARE(r.stats[2].tv(), twin.stats[2].tv());
    }

    void manualSnapshotIsTakenAtTheNextIteration() {
        RunControl control;
        const auto r = run(plan(6), control, [&](const IterationStats& s) {
            if (s.iteration == 2)
                control.requestSnapshot();
        });
        QCOMPARE(int(r.snapshots.size()), 1);
        QCOMPARE(r.snapshots.front().iteration, 2);
        QVERIFY(r.snapshots.front().manual);
    }

    void aSnapshotAskedForWhilePausedComesAtOnce() {
        RunControl control;
        std::atomic<int> heldAt{-1};
        std::atomic<int> snapshotAt{-1};
        std::atomic<bool> manual{false};
        RunSink sink;
        sink.iteration = [&](const IterationStats& s, const torch::Tensor&) {
            if (s.iteration == 2)
                control.setPaused(true);
        };
        sink.paused = [&](int completed) { heldAt = completed; };
        sink.snapshot = [&](const RunSnapshot& s) {
            snapshotAt = s.iteration;
            manual = s.manual;
        };
        RunPlan p = plan(5);
        std::thread runner([&] { runStyleTransfer(p, control, sink); });
        QTRY_COMPARE_WITH_TIMEOUT(heldAt.load(), 2, 30000);
        control.requestSnapshot();
        // Still paused: the snapshot of iteration 2 comes without a Resume.
        QTRY_COMPARE_WITH_TIMEOUT(snapshotAt.load(), 2, 30000);
        QVERIFY(manual.load());
        QVERIFY(control.isPaused());
        control.setPaused(false);
        runner.join();
    }

    void pauseHoldsUntilResumed() {
        RunControl control;
        std::atomic<int> done{0};
        std::atomic<int> heldAt{-1};
        control.setPaused(true);
        RunSink sink;
        sink.iteration = [&](const IterationStats& s, const torch::Tensor&) { done = s.iteration; };
        sink.paused = [&](int completed) { heldAt = completed; };
        const RunPlan p = plan(3);
        std::thread runner([&] { runStyleTransfer(p, control, sink); });
        // The run says when it holds (no timed look for an absence): before its first iteration.
        QTRY_COMPARE_WITH_TIMEOUT(heldAt.load(), 0, 30000);
        QCOMPARE(done.load(), 0);
        control.setPaused(false);
        runner.join();
        QCOMPARE(done.load(), 3);
    }

    void preparationChecksForAStopBetweenLayers() {
        // The targets' forward passes call the checkpoint between layers; one that throws (a
        // stop) ends the preparation there, not after the whole network.
        const Vgg19 network(weights_, kVgg19ConvCount - 1, Pooling::Max, torch::kCPU);
        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(RunCancelled,
                                 Objective(network, content_, style_, TransferSettings{}, [&] {
                                     if (++calls == 3)
                                         throw RunCancelled{};
                                 }));
        QCOMPARE(calls, 3);
    }
};

QTEST_GUILESS_MAIN(TestRunSteering)
#include "tst_runsteering.moc"
