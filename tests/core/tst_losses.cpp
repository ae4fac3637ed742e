#include "ContentLoss.h"
#include "StyleLoss.h"
#include "TotalVariation.h"

#include <QtTest>

#include <ATen/Parallel.h>

using namespace deepart;

// The loss formulas against values worked out by hand, and the style loss's own backward against
// autograd through the plain formula.
class TestLosses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { at::set_num_threads(2); } // the oneDNN route needs several threads

    void contentLossByHand() {
        // 1 x 2 x 1 x 2 activations; squared differences 1 + 4 + 0 + 9 = 14; n_H n_W n_C = 4.
        const auto c = torch::tensor({1.f, 2.f, 3.f, 4.f}).view({1, 2, 1, 2});
        const auto g = torch::tensor({0.f, 4.f, 3.f, 1.f}).view({1, 2, 1, 2});
        QCOMPARE(ContentLoss(c)(g).item<double>(), 14.0 / 16.0);
    }

    void gramByHand() {
        // A = [[1,2],[3,4]] -> A A^T = [[5,11],[11,25]]
        const auto a = torch::tensor({1.f, 2.f, 3.f, 4.f}).view({1, 2, 1, 2});
        const auto gram = gramMatrix(a);
        QVERIFY(torch::equal(gram, torch::tensor({5.f, 11.f, 11.f, 25.f}).view({2, 2})));
    }

    void styleLossByHand() {
        // Gram_S of [[1,2],[3,4]] is [[5,11],[11,25]]; Gram_G of [[1,0],[0,1]] is I.
        // Squared differences 16 + 121 + 121 + 576 = 834; 4 n_C^2 (n_H n_W)^2 = 4*4*4 = 64.
        const auto s = torch::tensor({1.f, 2.f, 3.f, 4.f}).view({1, 2, 1, 2});
        const auto g = torch::tensor({1.f, 0.f, 0.f, 1.f}).view({1, 2, 1, 2});
        QCOMPARE(StyleLoss(s)(g).item<double>(), 834.0 / 64.0);
    }

    void styleLossNormalizesByGeneratedSize() {
        // A style image twice as wide: its Gram sums twice the positions; n_H n_W is G's.
        const auto s = torch::ones({1, 1, 1, 4});
        const auto g = torch::ones({1, 1, 1, 2});
        // Gram_S = 4, Gram_G = 2 -> (4-2)^2 / (4 * 1 * 2^2) = 0.25
        QCOMPARE(StyleLoss(s)(g).item<double>(), 0.25);
    }

    void styleLossMatchesFormulaOnRealisticShapes() {
        torch::manual_seed(3);
        const auto s = torch::rand({1, 32, 24, 20});
        const auto g = torch::rand({1, 32, 20, 20}, torch::requires_grad());
        const auto ours = StyleLoss(s)(g);
        ours.backward();
        const auto ourGrad = g.grad().clone();
        g.grad().zero_();

        const auto as = s.reshape({32, -1});
        const auto ag = g.reshape({32, -1});
        const auto reference = (torch::mm(as, as.t()) - torch::mm(ag, ag.t())).pow(2).sum() /
                               (4.0 * 32 * 32 * 400.0 * 400.0);
        reference.backward();
        QVERIFY(torch::allclose(ours, reference, 1e-5, 0.0));
        QVERIFY(torch::allclose(ourGrad, g.grad(), 1e-4, 1e-9));
    }

    void totalVariationByHand() {
        // One channel 2x3: [[0,1,3],[2,2,2]] -> horizontal |1|+|2|+0+0 = 3, vertical 2+1+1 = 4
        auto image = torch::zeros({1, 3, 2, 3});
        image[0][1] = torch::tensor({0.f, 1.f, 3.f, 2.f, 2.f, 2.f}).view({2, 3});
        QCOMPARE(totalVariation(image).item<double>(), 7.0);
    }

    void totalVariationOfFlatImageIsZero() {
        QCOMPARE(totalVariation(torch::full({1, 3, 5, 7}, 0.3)).item<double>(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLosses)
#include "tst_losses.moc"
