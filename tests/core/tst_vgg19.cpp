#include "TestData.h"
#include "Vgg19.h"

#include <QtTest>

using namespace deepart;

class TestVgg19 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void activationShapesFollowTheBlocks() {
        const Vgg19 net(test::smallWeights(), 15, Pooling::Max, torch::kCPU);
        const auto input = torch::randn({1, 3, 64, 48});
        const auto acts = net.forward(input, {0, 2, 4, 8, 12, 13});
        const std::vector<std::vector<int64_t>> expected = {{1, 4, 64, 48}, {1, 8, 32, 24},
                                                            {1, 8, 16, 12}, {1, 16, 8, 6},
                                                            {1, 16, 4, 3},  {1, 16, 4, 3}};
        for (size_t i = 0; i < expected.size(); ++i)
            QCOMPARE(acts[i].sizes().vec(), expected[i]);
    }

    void activationsArePostRelu() {
        const Vgg19 net(test::smallWeights(), 4, Pooling::Max, torch::kCPU);
        for (const auto& a : net.forward(torch::randn({1, 3, 32, 32}) * 100, {0, 1, 2, 3, 4}))
            QVERIFY(a.min().item<float>() >= 0.0f);
    }

    void firstLayerIsConvolutionPlusRelu() {
        const auto weights = test::smallWeights();
        const Vgg19 net(weights, 0, Pooling::Max, torch::kCPU);
        const auto input = torch::randn({1, 3, 8, 8});
        const auto expected = torch::relu(
            torch::conv2d(input, weights.layers[0].kernel, weights.layers[0].bias, 1, 1));
        QVERIFY(torch::allclose(net.forward(input, {0})[0], expected, 1e-5, 1e-5));
    }

    void averagePoolingDiffersFromMax() {
        const auto weights = test::smallWeights();
        const auto input = torch::randn({1, 3, 32, 32}) * 50;
        const auto viaMax = Vgg19(weights, 2, Pooling::Max, torch::kCPU).forward(input, {2})[0];
        const auto viaAvg = Vgg19(weights, 2, Pooling::Average, torch::kCPU).forward(input, {2})[0];
        QCOMPARE(viaMax.sizes(), viaAvg.sizes());
        QVERIFY(!torch::allclose(viaMax, viaAvg));
    }

    void buildsOnlyUpToDeepestLayer() {
        const Vgg19 net(test::smallWeights(), 4, Pooling::Max, torch::kCPU);
        QCOMPARE(net.deepestLayer(), 4);
        QVERIFY_THROWS_EXCEPTION(c10::Error, net.forward(torch::randn({1, 3, 32, 32}), {5}));
    }

    void weightsAreFrozen() {
        // Even weights handed over with requires_grad set get no gradients: only the input does.
        auto weights = test::smallWeights();
        for (auto& layer : weights.layers) {
            layer.kernel.set_requires_grad(true);
            layer.bias.set_requires_grad(true);
        }
        const Vgg19 net(weights, 2, Pooling::Max, torch::kCPU);
        const auto input = torch::randn({1, 3, 16, 16}, torch::requires_grad());
        net.forward(input, {2})[0].sum().backward();
        QVERIFY(input.grad().defined());
        for (int i = 0; i <= 2; ++i) {
            QVERIFY(!weights.layers[i].kernel.grad().defined());
            QVERIFY(!weights.layers[i].bias.grad().defined());
        }
    }
};

QTEST_GUILESS_MAIN(TestVgg19)
#include "tst_vgg19.moc"
