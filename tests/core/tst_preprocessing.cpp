#include "Preprocessing.h"

#include <QtTest>

using namespace deepart;

class TestPreprocessing : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scalesReordersAndSubtractsMean() {
        // One pixel, RGB = (1.0, 0.5, 0.0) -> x255 = (255, 127.5, 0) -> BGR = (0, 127.5, 255)
        // minus (103.939, 116.779, 123.68).
        const auto rgb = torch::tensor({1.f, 0.5f, 0.f}).view({1, 3, 1, 1});
        const auto bgr = toVggInput(rgb);
        QCOMPARE(bgr.sizes().vec(), (std::vector<int64_t>{1, 3, 1, 1}));
        QVERIFY(qAbs(bgr[0][0][0][0].item<double>() - (0.0 - 103.939)) < 1e-4);
        QVERIFY(qAbs(bgr[0][1][0][0].item<double>() - (127.5 - 116.779)) < 1e-4);
        QVERIFY(qAbs(bgr[0][2][0][0].item<double>() - (255.0 - 123.68)) < 1e-4);
    }

    void isDifferentiable() {
        const auto rgb = torch::rand({1, 3, 4, 4}, torch::requires_grad());
        toVggInput(rgb).sum().backward();
        QVERIFY(torch::allclose(rgb.grad(), torch::full({1, 3, 4, 4}, 255.0)));
    }
};

QTEST_GUILESS_MAIN(TestPreprocessing)
#include "tst_preprocessing.moc"
