#include "KerasWeightsFile.h"
#include "KerasWeightsWriter.h"
#include "Presets.h"
#include "RunDriver.h"
#include "TestData.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <ATen/Parallel.h>

using namespace deepart;

// The engine against an independent PyTorch (Python) implementation of the same formulas
// (tests/bench/nst_reference.py, Debian's python3-torch): same weights file, same images, same
// number of Adam steps; every loss term of every iteration and the final image must agree.
class TestCrossCheck : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    static void writeRaw(const QString& path, const torch::Tensor& t) {
        const auto data = t.contiguous();
        test::writeBytes(path, QByteArray(reinterpret_cast<const char*>(data.data_ptr<float>()),
                                          static_cast<int>(data.numel() * sizeof(float))));
    }

private Q_SLOTS:
    void initTestCase() { at::set_num_threads(2); }

    void agreesWithPythonReference() {
        // Three steps: with random weights and alpha = 1e4 the trajectory is chaotic (one step
        // takes J_content from 0 to ~6e5), so from the fourth step on a max-pool argmax that flips
        // on a last-bit rounding difference moves pixels by a whole Adam step. Up to there both
        // implementations agree to float precision.
        constexpr int kIterations = 3;
        const QString weightsPath = dir_.filePath(QStringLiteral("w.h5"));
        test::writeKerasWeights(weightsPath, randomVgg19Weights({8, 16, 16, 32, 32}, 9));
        torch::manual_seed(2);
        const auto content = torch::rand({1, 3, 40, 48});
        const auto style = torch::rand({1, 3, 48, 36}); // another shape on purpose
        writeRaw(dir_.filePath(QStringLiteral("c.f32")), content);
        writeRaw(dir_.filePath(QStringLiteral("s.f32")), style);

        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(DEEPART_SOURCE_DIR "/tests/core/crosscheck.py"), weightsPath,
                      dir_.filePath(QStringLiteral("c.f32")), QStringLiteral("40"),
                      QStringLiteral("48"), dir_.filePath(QStringLiteral("s.f32")),
                      QStringLiteral("48"), QStringLiteral("36"), QString::number(kIterations),
                      dir_.filePath(QStringLiteral("out.f32"))});
        QVERIFY2(python.waitForFinished(120000), "python3 did not finish");
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const auto lines = QString::fromUtf8(python.readAllStandardOutput())
                               .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), kIterations);

        // The seed preset through the run driver, as every front end runs it.
        RunPlan plan;
        plan.weights = loadKerasVgg19Weights(weightsPath.toStdString());
        plan.content = content;
        plan.styles = {StyleImage(style)};
        applyPreset(plan.settings, Preset::Seed);
        plan.settings.device = DeviceChoice::Cpu;
        plan.settings.saveEvery = 0;
        plan.settings.scales = {{48, kIterations}};
        std::vector<IterationStats> stats;
        RunSink sink;
        sink.iteration = [&](const IterationStats& s, const torch::Tensor&) { stats.push_back(s); };
        RunControl control;
        const RunResult result = runStyleTransfer(plan, control, sink);
        QCOMPARE(result.outcome, RunOutcome::Finished);
        QCOMPARE(int(stats.size()), kIterations);
        for (int k = 1; k <= kIterations; ++k) {
            const auto& ours = stats[static_cast<size_t>(k - 1)];
            const auto fields = lines[k - 1].split(QLatin1Char(' '));
            QCOMPARE(fields.size(), 5);
            QCOMPARE(fields[0].toInt(), k);
            const double theirs[] = {fields[1].toDouble(), fields[2].toDouble(),
                                     fields[3].toDouble(), fields[4].toDouble()};
            const double mine[] = {ours.total, ours.content(), ours.style(), ours.tv()};
            for (int t = 0; t < 4; ++t) {
                const double tolerance = 1e-5 * std::max(std::abs(theirs[t]), 1e-3 * ours.total);
                QVERIFY2(std::abs(mine[t] - theirs[t]) <= tolerance,
                         qPrintable(QStringLiteral("iteration %1 term %2: ours %3, reference %4")
                                        .arg(k)
                                        .arg(t)
                                        .arg(mine[t], 0, 'g', 9)
                                        .arg(theirs[t], 0, 'g', 9)));
            }
        }
        QFile out(dir_.filePath(QStringLiteral("out.f32")));
        QVERIFY(out.open(QIODevice::ReadOnly));
        const QByteArray bytes = out.readAll();
        const auto reference =
            torch::from_blob(const_cast<char*>(bytes.constData()), {1, 3, 40, 48}, torch::kFloat32);
        // The image after the last update. Its losses are not measured, and the chaotic start
        // (Adam's moments cancelling after the overshoot of step 2) amplifies rounding: measured
        // mean difference 1.7e-4, max 0.012. A wrong step rule or clamp would move every pixel
        // by about the learning rate, 0.02.
        const auto diff = (result.image - reference).abs();
        QVERIFY2(diff.mean().item<double>() < 1e-3,
                 qPrintable(QString::number(diff.mean().item<double>())));
        QVERIFY2(diff.max().item<double>() < 0.05,
                 qPrintable(QString::number(diff.max().item<double>())));
    }
};

QTEST_GUILESS_MAIN(TestCrossCheck)
#include "tst_crosscheck.moc"
