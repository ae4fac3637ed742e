#include "DeviceCrossCheck.h"

#include <QtTest>

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <sstream>

using namespace deepart;

// The cross-check is how a new device path (CUDA) is judged against the CPU; here it runs on the
// CPU against itself, where it must find no difference, and against bf16, where it must find one.
class TestDeviceCrossCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { at::set_num_threads(2); }

    void theCpuAgreesWithItself() {
        CrossCheckOptions options;
        options.size = 48;
        options.iterations = 3;
        options.device = DeviceChoice::Cpu;
        std::ostringstream out;
        const CrossCheckResult result = crossCheckAgainstCpu(options, out);
        QCOMPARE(result.rows.size(), size_t(3));
        for (const CrossCheckRow& row : result.rows) {
            QCOMPARE(row.terms.size(), size_t(4)); // total, content, style, tv
            QCOMPARE(row.terms.front().name, std::string("total"));
            QVERIFY(row.terms.front().reference > 0.0);
            for (const CrossCheckTerm& term : row.terms)
                QCOMPARE(term.tested, term.reference);
        }
        QCOMPARE(result.maxRelativeError, 0.0);
        QCOMPARE(result.maxImageDifference, 0.0);
        QVERIFY(result.testedText.find("fp32") != std::string::npos);
        QVERIFY(out.str().find("largest relative error 0.000e+00") != std::string::npos);
    }

    void aLowerPrecisionIsSeenAsADifference() {
        CrossCheckOptions options;
        options.size = 48;
        options.iterations = 2;
        options.device = DeviceChoice::Cpu;
        options.precision = Precision::Bf16;
        std::ostringstream out;
        const CrossCheckResult result = crossCheckAgainstCpu(options, out);
        QCOMPARE(result.rows.size(), size_t(2));
        QVERIFY2(result.maxRelativeError > 1e-4, out.str().c_str());
        QVERIFY(std::isfinite(result.maxRelativeError));
        QVERIFY(result.maxImageDifference > 0.0);
        QVERIFY(result.testedText.find("bf16") != std::string::npos);
    }

    void aDeviceThatIsNotThereIsAnError() {
        if (torch::cuda::is_available())
            QSKIP("this machine has a CUDA device");
        CrossCheckOptions options;
        options.device = DeviceChoice::Cuda;
        std::ostringstream out;
        QVERIFY_THROWS_EXCEPTION(std::exception, crossCheckAgainstCpu(options, out));
    }
};

QTEST_GUILESS_MAIN(TestDeviceCrossCheck)
#include "tst_devicecrosscheck.moc"
