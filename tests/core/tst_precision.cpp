#include "Error.h"
#include "Precision.h"
#include "Presets.h"

#include <QtTest>

using namespace deepart;

Q_DECLARE_METATYPE(deepart::Precision)

// Precision choices: their spelling, what each resolves to on a device (with the CPU's features
// given, so the answers do not depend on the machine), and the presets' choices.
class TestPrecision : public QObject {
    Q_OBJECT
private:
    const torch::Device cpu_{torch::kCPU};
    const torch::Device cuda_{torch::kCUDA, 0};

    static CpuFeatures features(bool oneDnn, bool avx512Bf16, bool amx) {
        CpuFeatures f;
        f.oneDnn = oneDnn;
        f.avx512Bf16 = avx512Bf16;
        f.amxBf16 = amx;
        return f;
    }

    // The choice is refused with a message naming it and what to use instead.
    void expectRefused(Precision choice, const torch::Device& device, bool cudaBf16,
                       const QStringList& fragments) const {
        try {
            resolvePrecision(choice, device, features(true, true, false), cudaBf16);
            QFAIL("accepted");
        } catch (const Error& e) {
            const QString message = QString::fromUtf8(e.what());
            for (const QString& fragment : fragments)
                QVERIFY2(message.contains(fragment),
                         qPrintable(QStringLiteral("'%1' lacks '%2'").arg(message, fragment)));
        }
    }

private Q_SLOTS:
    void spellingsRoundTrip() {
        for (Precision p :
             {Precision::Auto, Precision::Fp32, Precision::Tf32, Precision::Bf16, Precision::Fp16})
            QCOMPARE(precisionFromString(toString(p)), std::optional<Precision>(p));
        QCOMPARE(QString::fromUtf8(toString(Precision::Bf16)), QStringLiteral("bf16"));
        for (const char* bad : {"", "FP32", "bf-16", "float16", "half", "fp32 "})
            QVERIFY2(!precisionFromString(bad), bad);
    }

    void autoOnTheCpu_data() {
        QTest::addColumn<bool>("oneDnn");
        QTest::addColumn<bool>("avx512Bf16");
        QTest::addColumn<bool>("amx");
        QTest::addColumn<Precision>("expected");
        QTest::addColumn<QString>("described");
        QTest::newRow("AVX512-BF16")
            << true << true << false << Precision::Bf16 << "bf16 (auto: AVX512-BF16)";
        QTest::newRow("AMX") << true << true << true << Precision::Bf16 << "bf16 (auto: AMX-BF16)";
        QTest::newRow("AVX2 only")
            << true << false << false << Precision::Fp32 << "fp32 (auto: no fast bf16 on this CPU)";
        QTest::newRow("no oneDNN")
            << false << true << true << Precision::Fp32 << "fp32 (auto: no fast bf16 on this CPU)";
    }
    void autoOnTheCpu() {
        QFETCH(bool, oneDnn);
        QFETCH(bool, avx512Bf16);
        QFETCH(bool, amx);
        QFETCH(Precision, expected);
        QFETCH(QString, described);
        const auto r =
            resolvePrecision(Precision::Auto, cpu_, features(oneDnn, avx512Bf16, amx), false);
        QCOMPARE(r.precision, expected);
        QCOMPARE(r.networkType, expected == Precision::Bf16 ? torch::kBFloat16 : torch::kFloat32);
        QVERIFY(!r.tf32);
        QCOMPARE(QString::fromStdString(describePrecision(r)), described);
    }

    void autoOnCuda() {
        const auto bf16 =
            resolvePrecision(Precision::Auto, cuda_, features(false, false, false), true);
        QCOMPARE(bf16.precision, Precision::Bf16);
        QCOMPARE(bf16.networkType, torch::kBFloat16);
        // The CPU's features say nothing of a GPU.
        const auto fp32 =
            resolvePrecision(Precision::Auto, cuda_, features(true, true, true), false);
        QCOMPARE(fp32.precision, Precision::Fp32);
        QVERIFY(!fp32.tf32);
    }

    void explicitChoices() {
        const CpuFeatures none = features(false, false, false);
        // Explicit choices do not depend on the CPU's features: bf16 runs anywhere, and where
        // it is emulated (slowly) its description says so.
        const auto bf16 = resolvePrecision(Precision::Bf16, cpu_, none, false);
        QCOMPARE(bf16.networkType, torch::kBFloat16);
        const QString slow = QString::fromStdString(describePrecision(bf16));
        QVERIFY2(slow.startsWith(QStringLiteral("bf16 (slow here")) &&
                     slow.contains(QStringLiteral("AVX512-BF16")),
                 qPrintable(slow));
        const auto fast =
            resolvePrecision(Precision::Bf16, cpu_, features(true, true, false), false);
        QCOMPARE(QString::fromStdString(describePrecision(fast)), QStringLiteral("bf16"));
        const auto gpu = resolvePrecision(Precision::Bf16, cuda_, none, true);
        QCOMPARE(QString::fromStdString(describePrecision(gpu)), QStringLiteral("bf16"));
        const auto fp32 = resolvePrecision(Precision::Fp32, cuda_, none, true);
        QCOMPARE(fp32.networkType, torch::kFloat32);
        QVERIFY(!fp32.tf32); // fp32 on a GPU is strict fp32
        const auto tf32 = resolvePrecision(Precision::Tf32, cuda_, none, false);
        QCOMPARE(tf32.networkType, torch::kFloat32);
        QVERIFY(tf32.tf32);
        const auto fp16 = resolvePrecision(Precision::Fp16, cuda_, none, false);
        QCOMPARE(fp16.networkType, torch::kHalf);
    }

    void whatADeviceCannotRunIsRefused() {
        expectRefused(Precision::Fp16, cpu_, false, {"fp16", "CUDA", "bf16, fp32 or auto"});
        expectRefused(Precision::Tf32, cpu_, false, {"tf32", "CUDA", "fp32, bf16 or auto"});
        expectRefused(Precision::Bf16, cuda_, false, {"bf16", "fp16, fp32 or auto"});
    }

    void thisMachineResolvesAuto() {
        // Whatever this CPU offers, auto picks one of the two CPU precisions and says why.
        const auto r = resolvePrecision(Precision::Auto, cpu_);
        QVERIFY(r.precision == Precision::Fp32 || r.precision == Precision::Bf16);
        QCOMPARE(r.precision == Precision::Bf16, detectCpuFeatures().fastBf16());
        QVERIFY(!r.reason.empty());
    }

    void presetsChoose() {
        TransferSettings settings;
        QCOMPARE(settings.precision, Precision::Fp32); // the seed's defaults
        applyPreset(settings, Preset::Fast);
        QCOMPARE(settings.precision, Precision::Auto);
        applyPreset(settings, Preset::Fine);
        QCOMPARE(settings.precision, Precision::Auto);
        applyPreset(settings, Preset::Seed);
        QCOMPARE(settings.precision, Precision::Fp32);
        QCOMPARE(settings, TransferSettings{}); // the seed is the defaults, precision included
        // Another precision makes the route custom: the seed preset means its exact arithmetic.
        settings.precision = Precision::Bf16;
        QCOMPARE(matchingPreset(settings), Preset::Custom);
    }
};

QTEST_GUILESS_MAIN(TestPrecision)
#include "tst_precision.moc"
