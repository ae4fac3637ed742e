#include "Error.h"
#include "Presets.h"
#include "ScalePlan.h"

#include <QtTest>

using namespace deepart;

// Coarse-to-fine plans in pixels, and the presets that produce them.
class TestScalePlan : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void singleScaleIsTheImagesAsGiven() {
        const ScalePlan plan({{512, 1000}}, 512, 384, {{400, 512}});
        QCOMPARE(plan.stages().size(), size_t(1));
        const auto& s = plan.stages().front();
        QCOMPARE(s.width, 512);
        QCOMPARE(s.height, 384);
        QCOMPARE(s.styles[0].width, 400);
        QCOMPARE(s.styles[0].height, 512);
        QCOMPARE(plan.totalIterations(), 1000);
    }

    void coarserScalesKeepProportions() {
        // Landscape content 512x341, portrait style 384x512 (its longer side = the output's).
        const ScalePlan plan({{128, 300}, {256, 200}, {512, 100}}, 512, 341, {{384, 512}});
        const auto& st = plan.stages();
        QCOMPARE(st.size(), size_t(3));
        QCOMPARE(st[0].width, 128);
        QCOMPARE(st[0].height, 85); // 341 / 4 = 85.25
        QCOMPARE(st[0].styles[0].width, 96);
        QCOMPARE(st[0].styles[0].height, 128);
        QCOMPARE(st[1].width, 256);
        QCOMPARE(st[1].height, 171); // 170.5 rounds up
        QCOMPARE(st[1].styles[0].width, 192);
        QCOMPARE(st[2].width, 512);
        QCOMPARE(st[2].height, 341);
        QCOMPARE(st[0].firstIteration, 0);
        QCOMPARE(st[1].firstIteration, 300);
        QCOMPARE(st[2].firstIteration, 500);
        QCOMPARE(plan.totalIterations(), 600);
        // Work: 300 iterations at 1/16 the pixels are worth less than 100 at the full size.
        QVERIFY(plan.progressAfter(300) < plan.progressAfter(600) - plan.progressAfter(500));
        QCOMPARE(plan.progressAfter(0), 0.0);
        QCOMPARE(plan.progressAfter(600), 1.0);
    }

    void refusals_data() {
        QTest::addColumn<int>("first");
        QTest::addColumn<int>("last");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not increasing") << 512 << 512 << "must increase";
        QTest::newRow("last not output") << 128 << 256 << "must be the output size";
        QTest::newRow("too small") << 20 << 512 << "at least 16 px";
    }

    void refusals() {
        QFETCH(int, first);
        QFETCH(int, last);
        QFETCH(QString, expected);
        try {
            // A wide content: at 20 px its short side would be 5 px.
            ScalePlan({{first, 10}, {last, 10}}, 512, 128, {{512, 512}});
            QFAIL("accepted");
        } catch (const Error& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains(expected), e.what());
        }
    }

    void presetsSetTheRouteOnly() {
        TransferSettings custom;
        custom.lossWeights = {1.0, 2.0, 3.0};
        custom.pooling = Pooling::Average;
        custom.setOutputSize(1024);
        for (Preset p : {Preset::Seed, Preset::Fast, Preset::Fine}) {
            TransferSettings s = custom;
            applyPreset(s, p);
            QCOMPARE(s.lossWeights, custom.lossWeights);
            QCOMPARE(s.pooling, Pooling::Average);
            QCOMPARE(s.outputSize(), 1024);
            QCOMPARE(matchingPreset(s), p);
            for (size_t i = 1; i < s.scales.size(); ++i)
                QVERIFY(s.scales[i].size > s.scales[i - 1].size);
        }
        QCOMPARE(matchingPreset(TransferSettings{}), Preset::Seed);
        TransferSettings changed;
        changed.adam.beta1 = 0.9;
        QCOMPARE(matchingPreset(changed), Preset::Custom);
    }

    void seedPresetIsTheNotebook() {
        TransferSettings s;
        s.setOutputSize(300);
        applyPreset(s, Preset::Seed);
        QCOMPARE(s.scales, (std::vector<ScaleStep>{{300, 1000}}));
        QCOMPARE(s.optimizer, OptimizerKind::Adam);
        QCOMPARE(s.adam, AdamOptions{});
        QCOMPARE(s.adam.learningRate, 0.02);
        QCOMPARE(s.adam.beta1, 0.99);
        QCOMPARE(s.adam.epsilon, 0.1);
    }

    void outputSizeKeepsProportions() {
        TransferSettings s;
        s.scales = {{128, 10}, {256, 20}, {512, 30}};
        s.setOutputSize(1024);
        QCOMPARE(s.scales, (std::vector<ScaleStep>{{256, 10}, {512, 20}, {1024, 30}}));
        s.setIterationsPerScale(7);
        QCOMPARE(s.totalIterations(), 21);
        // Scales that rounding makes as large as the next are dropped: sizes still increase.
        s.setOutputSize(20);
        QCOMPARE(s.scales, (std::vector<ScaleStep>{{16, 7}, {20, 7}}));
    }
};

QTEST_GUILESS_MAIN(TestScalePlan)
#include "tst_scaleplan.moc"
