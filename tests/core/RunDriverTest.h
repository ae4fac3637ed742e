#pragma once

#include "AdamStrategy.h"
#include "Error.h"
#include "MemoryEstimate.h"
#include "Objective.h"
#include "RunDriver.h"
#include "TestData.h"
#include "TotalVariation.h"
#include <ATen/Parallel.h>
#include <QtTest>
#include <limits>
#include <thread>

using namespace deepart;

// What the run driver tests share.
class RunDriverTest : public QObject {
protected:
    Vgg19Weights weights_ = test::smallWeights();
    // Seeded: with unseeded noise every process tested other pictures, and an L-BFGS run
    // without line search diverged for about one in thirty of them.
    torch::Tensor content_ = test::randomImage(32, 40, 1);
    torch::Tensor style_ = test::randomImage(40, 32, 2);

    RunPlan plan(int iterations, const TransferSettings& base = TransferSettings{}) const {
        RunPlan p;
        p.weights = weights_;
        p.content = content_;
        p.styles = {StyleImage(style_)};
        p.settings = base;
        p.settings.device = DeviceChoice::Cpu;
        p.settings.scales = {{40, iterations}};
        p.settings.saveEvery = 0;
        return p;
    }

    struct Recorded {
        std::vector<IterationStats> stats;
        std::vector<RunSnapshot> snapshots;
        int started = 0;
        RunResult result;
    };

    static Recorded run(const RunPlan& p, RunControl& control,
                        const std::function<void(const IterationStats&)>& onIteration = {}) {
        Recorded r;
        RunSink sink;
        sink.started = [&](const RunStarted&) { ++r.started; };
        sink.iteration = [&](const IterationStats& s, const torch::Tensor&) {
            r.stats.push_back(s);
            if (onIteration)
                onIteration(s);
        };
        sink.snapshot = [&](const RunSnapshot& s) { r.snapshots.push_back(s); };
        r.result = runStyleTransfer(p, control, sink);
        return r;
    }
    static Recorded run(const RunPlan& p) {
        RunControl control;
        return run(p, control);
    }

    // The run is refused before it starts, with a message containing every fragment.
    static void expectRefusal(const RunPlan& p, const QStringList& fragments) {
        RunControl control;
        int started = 0;
        RunSink sink;
        sink.started = [&](const RunStarted&) { ++started; };
        try {
            runStyleTransfer(p, control, sink);
            QFAIL("accepted");
        } catch (const Error& e) {
            const QString message = QString::fromUtf8(e.what());
            for (const QString& fragment : fragments)
                QVERIFY2(message.contains(fragment),
                         qPrintable(QStringLiteral("'%1' lacks '%2'").arg(message, fragment)));
        }
        QCOMPARE(started, 0);
    }

    void setUpTestCase() {
        torch::manual_seed(5);
        at::set_num_threads(2);
    }
};
