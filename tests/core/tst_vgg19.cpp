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

    void bf16LayersReturnFp32CloseToFp32() {
        const auto weights = test::smallWeights();
        const auto input = torch::randn({1, 3, 32, 32}, torch::requires_grad());
        const Vgg19 fp32(weights, 8, Pooling::Max, torch::kCPU);
        for (bool channelsLast : {false, true}) {
            const Vgg19 bf16(weights, 8, Pooling::Max, torch::kCPU, torch::kBFloat16, channelsLast);
            QCOMPARE(bf16.networkType(), torch::kBFloat16);
            const auto low = bf16.forward(input, {2, 8});
            const auto exact = fp32.forward(input, {2, 8});
            for (size_t i = 0; i < low.size(); ++i) {
                QCOMPARE(low[i].scalar_type(), torch::kFloat32);
                QCOMPARE(low[i].sizes(), exact[i].sizes());
                const double error = ((low[i] - exact[i]).norm() / exact[i].norm()).item<double>();
                // bf16 keeps 8 bits of mantissa: a few layers deep, errors of about 1%.
                QVERIFY2(error > 0.0 && error < 0.05, qPrintable(QString::number(error)));
            }
            // The gradient reaches the fp32 input, in fp32.
            input.mutable_grad() = torch::Tensor();
            low[1].sum().backward();
            const auto grad = input.grad();
            QCOMPARE(grad.scalar_type(), torch::kFloat32);
            QVERIFY(torch::isfinite(grad).all().item<bool>());
            QVERIFY(grad.abs().sum().item<double>() > 0.0);
        }
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
