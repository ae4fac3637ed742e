#include "Error.h"
#include "StyleTransfer.h"
#include "TestData.h"
#include "TransferRun.h"

#include <QtTest>

using namespace deepart;

// Short optimization runs on a slim VGG-19 at 32-48 px.
class TestStyleTransfer : public QObject {
    Q_OBJECT
private:
    Vgg19Weights weights_ = test::smallWeights();
    torch::Tensor content_ = torch::rand({1, 3, 32, 40});
    torch::Tensor style_ = torch::rand({1, 3, 40, 32});

private Q_SLOTS:
    void initTestCase() { torch::manual_seed(5); }

    void totalLossGoesDown() {
        TransferSettings settings;
        settings.init = InitMode::Noise;
        StyleTransfer transfer(weights_, content_, style_, settings, torch::kCPU);
        const double first = transfer.step().total;
        double last = first;
        for (int i = 0; i < 30; ++i)
            last = transfer.step().total;
        QVERIFY2(last < 0.8 * first, qPrintable(QStringLiteral("%1 -> %2").arg(first).arg(last)));
    }

    void contentInitStartsWithZeroContentLoss() {
        StyleTransfer transfer(weights_, content_, style_, TransferSettings{}, torch::kCPU);
        const auto first = transfer.step();
        QCOMPARE(first.iteration, 1);
        QCOMPARE(first.content, 0.0);
        QVERIFY(first.style > 0.0 && first.tv > 0.0);
        QVERIFY(qAbs(first.total - (first.content + first.style + first.tv)) <= 1e-5 * first.total);
        QVERIFY(transfer.step().content > 0.0);
    }

    void imageStaysInUnitRangeAndContentSize() {
        TransferSettings settings;
        settings.learningRate = 0.5;
        StyleTransfer transfer(weights_, content_, style_, settings, torch::kCPU);
        for (int i = 0; i < 3; ++i)
            transfer.step();
        const auto image = transfer.image();
        QCOMPARE(image.sizes(), content_.sizes());
        QVERIFY(image.min().item<float>() >= 0.0f && image.max().item<float>() <= 1.0f);
    }

    void noiseIsSeeded() {
        TransferSettings settings;
        settings.init = InitMode::Noise;
        settings.seed = 42;
        const StyleTransfer a(weights_, content_, style_, settings, torch::kCPU);
        const StyleTransfer b(weights_, content_, style_, settings, torch::kCPU);
        settings.seed = 43;
        const StyleTransfer c(weights_, content_, style_, settings, torch::kCPU);
        QVERIFY(torch::equal(a.image(), b.image()));
        QVERIFY(!torch::equal(a.image(), c.image()));
    }

    void blendMixesContentAndNoise() {
        TransferSettings settings;
        settings.init = InitMode::Noise;
        const auto noise = StyleTransfer(weights_, content_, style_, settings, torch::kCPU).image();
        settings.init = InitMode::Blend;
        settings.noiseRatio = 0.25;
        const auto blend = StyleTransfer(weights_, content_, style_, settings, torch::kCPU).image();
        QVERIFY(torch::allclose(blend, content_ * 0.75 + noise * 0.25, 1e-6, 1e-6));
    }

    void snapshotsAtMultiplesOfSaveEvery() {
        TransferSettings settings;
        StyleTransfer transfer(weights_, content_, style_, settings, torch::kCPU);
        std::vector<int> iterations;
        std::vector<int> snapshots;
        RunCallbacks callbacks;
        callbacks.iteration = [&](const IterationStats& s) { iterations.push_back(s.iteration); };
        callbacks.snapshot = [&](int k, const torch::Tensor& image) {
            snapshots.push_back(k);
            QVERIFY(torch::equal(image, transfer.image()));
        };
        const std::atomic<bool> cancel{false};
        QCOMPARE(runTransfer(transfer, 10, 3, callbacks, cancel), RunOutcome::Finished);
        QCOMPARE(iterations, (std::vector<int>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}));
        QCOMPARE(snapshots, (std::vector<int>{3, 6, 9}));
    }

    void cancelStopsBetweenSteps() {
        StyleTransfer transfer(weights_, content_, style_, TransferSettings{}, torch::kCPU);
        std::atomic<bool> cancel{false};
        RunCallbacks callbacks;
        callbacks.iteration = [&](const IterationStats& s) {
            if (s.iteration == 4)
                cancel = true;
        };
        QCOMPARE(runTransfer(transfer, 100, 0, callbacks, cancel), RunOutcome::Cancelled);
        QCOMPARE(transfer.completedIterations(), 4);
    }

    void lossWeightsCanChangeMidRun() {
        StyleTransfer transfer(weights_, content_, style_, TransferSettings{}, torch::kCPU);
        transfer.step();
        const auto before = transfer.step();
        LossWeights heavier = transfer.lossWeights();
        heavier.tv *= 10.0;
        transfer.setLossWeights(heavier);
        const auto after = transfer.step();
        // The TV term of neighbouring images hardly moves; its weight went up tenfold.
        QVERIFY2(after.tv > 5.0 * before.tv,
                 qPrintable(QStringLiteral("%1 %2").arg(before.tv).arg(after.tv)));
    }

    void rejectsBadSettings() {
        TransferSettings settings;
        settings.contentLayer = "block9_conv9";
        QVERIFY_THROWS_EXCEPTION(Error,
                                 StyleTransfer(weights_, content_, style_, settings, torch::kCPU));
        QVERIFY_THROWS_EXCEPTION(Error, StyleTransfer(weights_, torch::rand({1, 3, 8, 8}), style_,
                                                      TransferSettings{}, torch::kCPU));
    }
};

QTEST_GUILESS_MAIN(TestStyleTransfer)
#include "tst_styletransfer.moc"
