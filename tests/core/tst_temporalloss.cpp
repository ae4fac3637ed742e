#include "Error.h"
#include "TemporalLoss.h"

#include <QtTest>

#include <torch/torch.h>

using namespace deepart;

// The temporal term of video style transfer on its own.
class TestTemporalLoss : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void zeroWhenTheFrameIsTheWarpedPrevious() {
        const torch::Tensor previous = torch::rand({1, 3, 12, 16});
        const TemporalLoss loss(previous, torch::ones({1, 1, 12, 16}));
        QCOMPARE(loss(previous.clone()).item<double>(), 0.0);
    }

    void theMaskedMeanOfSquares() {
        const torch::Tensor previous = torch::zeros({1, 3, 4, 4});
        torch::Tensor mask = torch::zeros({1, 1, 4, 4});
        mask.index_put_({0, 0, 0, 0}, 1.0);
        const torch::Tensor frame = torch::full({1, 3, 4, 4}, 0.5);
        const TemporalLoss loss(previous, mask);
        // One pixel of 16 counts, 3 values of 0.25 each, over D = 48 values.
        QVERIFY(std::abs(loss(frame).item<double>() - 3 * 0.25 / 48) < 1e-9);
    }

    void noPullWhereTheMaskIsZero() {
        const torch::Tensor previous = torch::rand({1, 3, 6, 8});
        torch::Tensor mask = torch::ones({1, 1, 6, 8});
        mask.index_put_({0, 0, torch::indexing::Slice(0, 3)}, 0.0); // the top half disoccluded
        const TemporalLoss loss(previous, mask);
        torch::Tensor frame = torch::rand({1, 3, 6, 8}).requires_grad_(true);
        loss(frame).backward();
        const torch::Tensor grad = frame.grad();
        QCOMPARE(grad.index({0, torch::indexing::Slice(), torch::indexing::Slice(0, 3)})
                     .abs()
                     .max()
                     .item<double>(),
                 0.0);
        QVERIFY(grad.index({0, torch::indexing::Slice(), torch::indexing::Slice(3, 6)})
                    .abs()
                    .max()
                    .item<double>() > 0.0);
    }

    void refusesShapesThatDoNotFit() {
        QVERIFY_THROWS_EXCEPTION(
            Error, TemporalLoss(torch::rand({1, 3, 4, 4}), torch::ones({1, 1, 4, 5})));
        QVERIFY_THROWS_EXCEPTION(Error,
                                 TemporalLoss(torch::rand({3, 4, 4}), torch::ones({1, 1, 4, 4})));
        const TemporalLoss loss(torch::rand({1, 3, 4, 4}), torch::ones({1, 1, 4, 4}));
        QVERIFY_THROWS_EXCEPTION(Error, loss(torch::rand({1, 3, 4, 6})));
    }
};

QTEST_GUILESS_MAIN(TestTemporalLoss)
#include "tst_temporalloss.moc"
