#include "RunDriverTest.h"

// The run driver on a slim VGG-19 at 32-48 px: optimizers, precision, scales, snapshots, starts.
class TestRunDriver : public RunDriverTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void adamLowersTheLoss() {
        TransferSettings settings;
        settings.init = InitMode::Noise;
        const auto r = run(plan(31, settings));
        QCOMPARE(r.result.outcome, RunOutcome::Finished);
        QCOMPARE(int(r.stats.size()), 31);
        const double first = r.stats.front().total;
        const double last = r.stats.back().total;
        QVERIFY2(last < 0.8 * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
        QCOMPARE(r.stats.back().evaluations, 31LL); // Adam: one evaluation per iteration
    }

    void lbfgsLowersTheLossAndStaysFinite() {
        for (bool strongWolfe : {false, true}) {
            TransferSettings settings;
            settings.init = InitMode::Noise;
            settings.optimizer = OptimizerKind::Lbfgs;
            settings.lbfgs.strongWolfe = strongWolfe;
            settings.lbfgs.historySize = 10;
            const auto r = run(plan(15, settings));
            QCOMPARE(r.result.outcome, RunOutcome::Finished);
            QCOMPARE(int(r.stats.size()), 15);
            const double first = r.stats.front().total;
            const double last = r.stats.back().total;
            QVERIFY2(
                std::isfinite(last) && last < 0.8 * first,
                qPrintable(QStringLiteral("%1: %2 -> %3").arg(strongWolfe).arg(first).arg(last)));
            QVERIFY(torch::isfinite(r.result.image).all().item<bool>());
            // Evaluations are counted: one per iteration without a line search, at least one
            // with it.
            if (strongWolfe)
                QVERIFY(r.stats.back().evaluations >= 15);
            else
                QCOMPARE(r.stats.back().evaluations, 15LL);
        }
    }

    void bf16RunLowersTheLossInFp32() {
        TransferSettings settings;
        settings.init = InitMode::Noise;
        settings.precision = Precision::Bf16;
        RunControl control;
        RunStarted started;
        std::vector<IterationStats> stats;
        RunSink sink;
        sink.started = [&](const RunStarted& s) { started = s; };
        sink.iteration = [&](const IterationStats& s, const torch::Tensor&) { stats.push_back(s); };
        const RunResult result = runStyleTransfer(plan(31, settings), control, sink);
        QCOMPARE(result.outcome, RunOutcome::Finished);
        // "bf16", and on a CPU that emulates it, "bf16 (slow here: …)".
        QCOMPARE(started.precisionText,
                 describePrecision(resolvePrecision(Precision::Bf16, torch::kCPU)));
        QVERIFY(started.precisionText.rfind("bf16", 0) == 0);
        QCOMPARE(int(stats.size()), 31);
        for (const auto& s : stats)
            QVERIFY2(std::isfinite(s.total), qPrintable(QString::number(s.iteration)));
        const double first = stats.front().total;
        const double last = stats.back().total;
        QVERIFY2(last < 0.8 * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
        // The image is optimized in fp32 whatever the network runs in.
        QCOMPARE(result.image.scalar_type(), torch::kFloat32);
        QVERIFY(torch::isfinite(result.image).all().item<bool>());
        QCOMPARE(result.image.size(2), 32);
        QCOMPARE(result.image.size(3), 40);
    }

    void bf16StartsCloseToFp32() {
        // Same image, same weights: the first losses differ by bf16's rounding only (8 bits of
        // mantissa through 13 layers), far less than the objective's own scale.
        const auto firstLoss = [this](Precision precision) {
            TransferSettings settings;
            settings.init = InitMode::Noise;
            settings.precision = precision;
            return run(plan(1, settings)).stats.at(0).total;
        };
        const double fp32 = firstLoss(Precision::Fp32);
        const double bf16 = firstLoss(Precision::Bf16);
        QVERIFY2(std::abs(bf16 - fp32) < 0.05 * fp32,
                 qPrintable(QStringLiteral("fp32 %1, bf16 %2").arg(fp32).arg(bf16)));
        QVERIFY(bf16 != fp32); // it did run in bf16
    }

    void fp16AndTf32AreRefusedOnTheCpu() {
        for (Precision precision : {Precision::Fp16, Precision::Tf32}) {
            TransferSettings settings;
            settings.precision = precision;
            expectRefusal(plan(3, settings), {QString::fromUtf8(toString(precision)),
                                              QStringLiteral("CUDA"), QStringLiteral("bf16")});
        }
    }

    void contentInitStartsWithZeroContentLoss() {
        const auto r = run(plan(2));
        const auto& first = r.stats.front();
        QCOMPARE(first.iteration, 1);
        QCOMPARE(first.content(), 0.0);
        QVERIFY(first.style() > 0.0 && first.tv() > 0.0);
        QVERIFY(qAbs(first.total - (first.content() + first.style() + first.tv())) <=
                1e-5 * first.total);
        QVERIFY(r.stats.back().content() > 0.0);
        QCOMPARE(first.terms.size(), size_t(3));
        QCOMPARE(first.terms[0].name, std::string("content"));
    }

    void imageStaysInUnitRangeAndContentSize() {
        TransferSettings settings;
        settings.adam.learningRate = settings.adam.finalLearningRate = 0.5;
        const auto r = run(plan(3, settings));
        QCOMPARE(r.result.image.sizes(), content_.sizes());
        QVERIFY(r.result.image.min().item<float>() >= 0.0f &&
                r.result.image.max().item<float>() <= 1.0f);
    }

    void noiseIsSeeded() {
        TransferSettings settings;
        settings.init = InitMode::Noise;
        settings.seed = 42;
        torch::Tensor images[3];
        for (int i = 0; i < 3; ++i) {
            settings.seed = i < 2 ? 42 : 43;
            RunControl control;
            RunSink sink;
            sink.started = [&](const RunStarted& s) {
                images[i] = s.image.clone();
                control.requestStop();
            };
            runStyleTransfer(plan(5, settings), control, sink);
        }
        QVERIFY(torch::equal(images[0], images[1]));
        QVERIFY(!torch::equal(images[0], images[2]));
    }

    void snapshotsAtMultiplesOfSaveEvery() {
        RunPlan p = plan(10);
        p.settings.saveEvery = 3;
        const auto r = run(p);
        std::vector<int> iterations;
        for (const auto& s : r.stats)
            iterations.push_back(s.iteration);
        QCOMPARE(iterations, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        std::vector<int> snapshots;
        for (const auto& s : r.snapshots)
            snapshots.push_back(s.iteration);
        QCOMPARE(snapshots, (std::vector<int>{3, 6, 9}));
        QVERIFY(!r.snapshots.front().manual);
    }

    void scalesRunCoarseToFine() {
        RunPlan p = plan(1);
        p.settings.scales = {{20, 3}, {30, 2}, {40, 2}};
        p.settings.saveEvery = 2;
        const auto r = run(p);
        QCOMPARE(r.result.outcome, RunOutcome::Finished);
        QCOMPARE(int(r.stats.size()), 7);
        std::vector<int> sizes;
        std::vector<int> scales;
        for (const auto& s : r.stats) {
            sizes.push_back(s.size);
            scales.push_back(s.scale);
            QCOMPARE(s.totalIterations, 7);
        }
        QCOMPARE(sizes, (std::vector<int>{20, 20, 20, 30, 30, 40, 40}));
        QCOMPARE(scales, (std::vector<int>{0, 0, 0, 1, 1, 2, 2}));
        // Progress follows the pixels: three 20x16 iterations are worth less than one 40x32.
        QVERIFY(r.stats[2].progress < 0.5 * r.stats[5].progress);
        QCOMPARE(r.stats.back().progress, 1.0);
        // Snapshots across scales carry their scale and are at that scale's size.
        QCOMPARE(int(r.snapshots.size()), 3);
        QCOMPARE(r.snapshots[0].iteration, 2);
        QCOMPARE(r.snapshots[0].scale, 0);
        QCOMPARE(r.snapshots[0].image.sizes(), (torch::IntArrayRef{1, 3, 16, 20}));
        QCOMPARE(r.snapshots[1].scale, 1);
        QCOMPARE(r.snapshots[1].image.sizes(), (torch::IntArrayRef{1, 3, 24, 30}));
        QCOMPARE(r.snapshots[2].scale, 2);
        QCOMPARE(r.result.image.sizes(), content_.sizes());
    }

    void nonFiniteLossStopsAndKeepsTheLastGoodImage() {
        TransferSettings settings;
        settings.lossWeights.style = 1e39; // past float's range: the style term is infinite
        const auto r = run(plan(5, settings));
        QCOMPARE(r.result.outcome, RunOutcome::Failed);
        QVERIFY2(QString::fromStdString(r.result.message).contains(QStringLiteral("infinite")),
                 r.result.message.c_str());
        QCOMPARE(r.result.completedIterations, 0);
        QVERIFY(r.stats.empty());
        // Nothing good came after the start: the starting image (the content) is kept, finite.
        QVERIFY(torch::equal(r.result.image, content_));
    }

    void learningRateScheduleIsGeometric() {
        AdamOptions o;
        o.learningRate = 0.1;
        o.finalLearningRate = 0.001;
        QCOMPARE(AdamStrategy::learningRateAt(o, 0, 101), 0.1);
        QVERIFY(qAbs(AdamStrategy::learningRateAt(o, 50, 101) - 0.01) < 1e-12);
        QVERIFY(qAbs(AdamStrategy::learningRateAt(o, 100, 101) - 0.001) < 1e-12);
        o.finalLearningRate = o.learningRate;
        QCOMPARE(AdamStrategy::learningRateAt(o, 70, 101), 0.1);
        QVERIFY(!AdamStrategy::hasSchedule(o));
        // A warm-up climbs linearly to the peak, then the decay spans the rest.
        o.finalLearningRate = 0.001;
        o.warmupIterations = 10;
        QVERIFY(AdamStrategy::hasSchedule(o));
        QVERIFY(qAbs(AdamStrategy::learningRateAt(o, 0, 111) - 0.01) < 1e-12);
        QVERIFY(qAbs(AdamStrategy::learningRateAt(o, 4, 111) - 0.05) < 1e-12);
        QCOMPARE(AdamStrategy::learningRateAt(o, 10, 111), 0.1);
        QVERIFY(qAbs(AdamStrategy::learningRateAt(o, 110, 111) - 0.001) < 1e-12);
    }

    void aRunThatWouldNotFitIsRefusedBeforeItStarts() {
        RunPlan p = plan(2);
        p.memoryLimitBytes = 1; // nothing fits
        expectRefusal(p, {QStringLiteral("needs about"), QStringLiteral("40 px")});
        // With room for what a smaller size adds, the message names that size.
        const auto half = estimateRunMemory(p.settings, 20, 16, 16, 20, 0);
        p.memoryLimitBytes = half.bytes - half.baseBytes;
        expectRefusal(p, {QStringLiteral("largest output size")});
    }

    void memoryEstimateGrowsWithSizeAndHistory() {
        TransferSettings s;
        const auto small = estimateRunMemory(s, 256, 256, 256, 256, 80'000'000);
        const auto large = estimateRunMemory(s, 1024, 1024, 1024, 1024, 80'000'000);
        QVERIFY(large.activationBytes > 15 * small.activationBytes);
        s.optimizer = OptimizerKind::Lbfgs;
        s.lbfgs.historySize = 100;
        const auto lbfgs = estimateRunMemory(s, 1024, 1024, 1024, 1024, 80'000'000);
        // 100 pairs of 3 x 1024 x 1024 floats: 2.4 GB more than Adam's state.
        QVERIFY(lbfgs.optimizerBytes - large.optimizerBytes > 2'000'000'000LL);
    }

    void startsFromTheGivenImage() {
        RunPlan p = plan(2);
        p.settings.init = InitMode::Image;
        const auto start = torch::rand({1, 3, 32, 40});
        p.initImage = start;
        torch::Tensor started;
        RunControl control;
        RunSink sink;
        sink.started = [&](const RunStarted& s) { started = s.image.clone(); };
        std::vector<IterationStats> stats;
        sink.iteration = [&](const IterationStats& s, const torch::Tensor&) { stats.push_back(s); };
        QCOMPARE(runStyleTransfer(p, control, sink).outcome, RunOutcome::Finished);
        QVERIFY(torch::equal(started, start));
        // Iteration 1 is measured at that image: its TV is gamma times the image's.
        const double rawTv = totalVariation(start).item<double>();
        QVERIFY(qAbs(stats.at(0).tv() - 7.5 * rawTv) <= 1e-5 * 7.5 * rawTv);
        QVERIFY(stats.at(0).content() > 0.0);
        // With a coarser scale first, the run starts from it brought to that scale.
        p.settings.scales = {{20, 1}, {40, 1}};
        runStyleTransfer(p, control, sink);
        QCOMPARE(started.sizes(), (torch::IntArrayRef{1, 3, 16, 20}));
    }

    void aRunFromAnImageWarmsUp() {
        // The first step of Adam moves a pixel by at most about the rate; from an image the rate
        // starts at a tenth (a warm-up of 10), so an earlier result is not thrown off.
        const auto firstStep = [&](InitMode init) {
            RunPlan p = plan(12);
            p.settings.init = init;
            p.initImage = content_.clone();
            torch::Tensor after;
            RunControl control;
            RunSink sink;
            sink.iteration = [&](const IterationStats& stats, const torch::Tensor& image) {
                if (stats.iteration == 1) {
                    after = image.clone();
                    control.requestStop();
                }
            };
            runStyleTransfer(p, control, sink);
            return (after - content_).abs().max().item<double>();
        };
        const double fromContent = firstStep(InitMode::Content);
        const double fromImage = firstStep(InitMode::Image);
        QVERIFY2(fromContent > 0.005, qPrintable(QString::number(fromContent)));
        QVERIFY2(fromImage <= 0.02 / 10 * 1.01, qPrintable(QString::number(fromImage)));
    }

    void refusesAStartingImageItCannotUse() {
        RunPlan p = plan(2);
        p.settings.init = InitMode::Image;
        expectRefusal(p, {QStringLiteral("none was given")});
        p.initImage = torch::rand({1, 3, 40, 32}); // the content is 32 x 40
        expectRefusal(p, {QStringLiteral("starting image"), QStringLiteral("content's size")});
    }

    void refusesStylesItCannotUse() {
        RunPlan p = plan(2);
        p.styles.clear();
        expectRefusal(p, {QStringLiteral("at least one style")});
        p = plan(2);
        p.styles = {StyleImage(style_, 0.0), StyleImage(style_, 0.0)};
        expectRefusal(p, {QStringLiteral("all 0")});
        for (double bad : {-1.0, std::numeric_limits<double>::quiet_NaN(),
                           std::numeric_limits<double>::infinity()}) {
            p = plan(2);
            p.styles = {StyleImage(style_), StyleImage(style_, bad)};
            expectRefusal(p,
                          {QStringLiteral("blend weight of style 2"), QStringLiteral("0 or more")});
        }
        for (double bad : {0.0, -0.5, std::numeric_limits<double>::quiet_NaN()}) {
            p = plan(2);
            p.styles = {StyleImage(style_, 1.0, bad)};
            expectRefusal(
                p, {QStringLiteral("style scale of style 1"), QStringLiteral("greater than 0")});
        }
        // Masks: one channel at the content's size (32 x 40), nothing else.
        for (const auto& bad : {torch::ones({1, 1, 16, 20}), torch::ones({1, 1, 40, 32}),
                                torch::ones({1, 3, 32, 40}), torch::ones({32, 40})}) {
            p = plan(2);
            p.styles = {StyleImage(style_), StyleImage(style_, 1.0, 1.0, bad)};
            expectRefusal(p, {QStringLiteral("mask of style 2"), QStringLiteral("content's size")});
        }
    }

    void rejectsBadSettings() {
        RunPlan p = plan(2);
        p.settings.contentLayer = "block9_conv9";
        QVERIFY_THROWS_EXCEPTION(Error, run(p));
        p = plan(2);
        p.content = torch::rand({1, 3, 8, 8});
        QVERIFY_THROWS_EXCEPTION(Error, run(p));
        p = plan(2);
        p.settings.scales = {{40, 2}, {30, 2}};
        QVERIFY_THROWS_EXCEPTION(Error, run(p));
    }
};

QTEST_GUILESS_MAIN(TestRunDriver)
#include "tst_rundriver.moc"
