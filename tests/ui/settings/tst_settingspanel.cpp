#include "SettingsJson.h"
#include "SettingsPanel.h"
#include "WeightControl.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QtTest>

using namespace deepart;

class TestSettingsPanel : public QObject {
    Q_OBJECT
private:
    // Types into a line edit and leaves it, as a person would.
    static void edit(QLineEdit* line, const QString& text) {
        line->setText(text);
        Q_EMIT line->editingFinished();
    }

private Q_SLOTS:
    // The tile size reaches the job; the note under the output size says, before Start, when a
    // run will be tiled, with its memory and time per iteration.
    void tilingIsAnnouncedBeforeStart() {
        SettingsPanel panel;
        panel.setContentSize(QSize(3000, 2000));
        panel.size()->setValue(512);
        const QString small = panel.memoryNote()->text();
        QVERIFY2(small.contains(QStringLiteral("512 × 341 px")) &&
                     small.contains(QStringLiteral("of memory")) &&
                     !small.contains(QStringLiteral("tiled")),
                 qPrintable(small));
        panel.tileBox()->setValue(256);
        const QString forced = panel.memoryNote()->text();
        QVERIFY2(forced.contains(QStringLiteral("tiled: 4 tiles of 256 px")), qPrintable(forced));
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.tileSize, 256);
        // No size between Automatic and the smallest tile: typed upwards it becomes the
        // smallest, downwards Automatic.
        panel.tileBox()->setValue(0);
        panel.tileBox()->setValue(10);
        QCOMPARE(panel.tileBox()->value(), kMinTileSize);
        panel.tileBox()->setValue(kMinTileSize - 1);
        QCOMPARE(panel.tileBox()->value(), 0);
        // A settings file's tile size is shown.
        JobRequest tiled;
        tiled.transfer.tileSize = 1024;
        panel.showSettings(tiled);
        QCOMPARE(panel.tileBox()->value(), 1024);
        // Automatic at a size that fits nowhere whole: the note says tiled (16384 px needs far
        // more than any machine running these tests has).
        panel.tileBox()->setValue(0);
        panel.size()->setValue(16384);
        const QString huge = panel.memoryNote()->text();
        QVERIFY2(huge.contains(QStringLiteral("tiled")) ||
                     huge.contains(QStringLiteral("Will not run")),
                 qPrintable(huge));
    }

    void defaultsAreTheSeeds() {
        SettingsPanel panel;
        JobRequest job;
        job.transfer.scales = {{1, 1}};
        panel.applyTo(job);
        QCOMPARE(job.transfer, TransferSettings{});
        QCOMPARE(job.previewInterval, 10);
        QCOMPARE(panel.preset(), Preset::Seed);
        QCOMPARE(panel.presetBox()->currentData().toInt(), static_cast<int>(Preset::Seed));
        QCOMPARE(panel.scales()->text(), QStringLiteral("512"));
        QCOMPARE(panel.iterations()->text(), QStringLiteral("1000"));
    }

    void slidersReachTheJob() {
        SettingsPanel panel;
        QSignalSpy weights(&panel, &SettingsPanel::lossWeightsChanged);
        // Logarithmic: the slider's middle is the geometric mean of 1e-6 and 1e4, i.e. 0.1.
        panel.styleWeight()->slider()->setValue(500);
        QCOMPARE(weights.count(), 1);
        QVERIFY(qAbs(panel.styleWeight()->value() - 0.1) < 1e-6);
        panel.contentWeight()->spinBox()->setValue(2500.0);
        QCOMPARE(weights.count(), 2);
        QCOMPARE(weights.last().first().value<LossWeights>().content, 2500.0);
        edit(panel.iterations(), QStringLiteral("42"));
        panel.size()->setValue(256);
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.scales, (std::vector<ScaleStep>{{256, 42}}));
        QCOMPARE(job.transfer.lossWeights.content, 2500.0);
        QVERIFY(qAbs(job.transfer.lossWeights.style - 0.1) < 1e-6);
    }

    void presetShowsItsChoicesAndCustomOnceChanged() {
        SettingsPanel panel;
        panel.size()->setValue(1024);
        panel.setPreset(Preset::Fine);
        TransferSettings expected;
        expected.setOutputSize(1024);
        applyPreset(expected, Preset::Fine);
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.scales, expected.scales);
        QCOMPARE(job.transfer.adam, expected.adam);
        QCOMPARE(panel.presetBox()->currentData().toInt(), static_cast<int>(Preset::Fine));
        // The detailed settings show the preset's scales...
        QStringList sizes;
        for (const auto& s : expected.scales)
            sizes << QString::number(s.size);
        QCOMPARE(panel.scales()->text(), sizes.join(QStringLiteral(", ")));
        // ...and a preset follows the output size.
        panel.size()->setValue(512);
        expected.setOutputSize(512);
        applyPreset(expected, Preset::Fine);
        panel.applyTo(job);
        QCOMPARE(job.transfer.scales, expected.scales);
        QCOMPARE(panel.preset(), Preset::Fine);
        // Editing a detail makes it Custom, and the edit is kept.
        edit(panel.iterations(), QStringLiteral("7"));
        QCOMPARE(panel.preset(), Preset::Custom);
        QCOMPARE(panel.presetBox()->currentData().toInt(), static_cast<int>(Preset::Custom));
        panel.applyTo(job);
        for (const auto& s : job.transfer.scales)
            QCOMPARE(s.iterations, 7);
        // Loss weights are not a preset's business.
        panel.setPreset(Preset::Seed);
        panel.tvWeight()->setValue(3.0);
        QCOMPARE(panel.preset(), Preset::Seed);
    }

    void precisionFollowsThePresetAndReachesTheJob() {
        SettingsPanel panel;
        QComboBox* box = panel.precisionBox();
        QCOMPARE(box->currentData().toInt(), static_cast<int>(Precision::Fp32)); // the seed's
        panel.setPreset(Preset::Fast);
        QCOMPARE(box->currentData().toInt(), static_cast<int>(Precision::Auto));
        // Automatic says what it picks here.
        QVERIFY2(box->currentText().contains(QStringLiteral("fp32")) ||
                     box->currentText().contains(QStringLiteral("bf16")),
                 qPrintable(box->currentText()));
        box->setCurrentIndex(box->findData(static_cast<int>(Precision::Bf16)));
        QCOMPARE(panel.preset(), Preset::Custom);
        QCOMPARE(panel.presetBox()->currentData().toInt(), static_cast<int>(Preset::Custom));
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.precision, Precision::Bf16);
        // Settings shown from elsewhere carry their precision.
        job.transfer.precision = Precision::Fp32;
        panel.showSettings(job);
        QCOMPARE(box->currentData().toInt(), static_cast<int>(Precision::Fp32));
        // One this window cannot offer (fp16 from a GPU machine, here on a CPU-only one) shows
        // and runs as automatic.
        if (box->findData(static_cast<int>(Precision::Fp16)) < 0) {
            job.transfer.precision = Precision::Fp16;
            panel.showSettings(job);
            QCOMPARE(box->currentData().toInt(), static_cast<int>(Precision::Auto));
            panel.applyTo(job);
            QCOMPARE(job.transfer.precision, Precision::Auto);
        }
    }

    void scalesAndIterationsPerScale() {
        SettingsPanel panel;
        edit(panel.scales(), QStringLiteral("128, 256, 512"));
        edit(panel.iterations(), QStringLiteral("30, 20, 10"));
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.scales, (std::vector<ScaleStep>{{128, 30}, {256, 20}, {512, 10}}));
        QCOMPARE(panel.size()->value(), 512);
        // Text that does not make a plan is put back as it was.
        edit(panel.scales(), QStringLiteral("256, 128"));
        QCOMPARE(panel.scales()->text(), QStringLiteral("128, 256, 512"));
        edit(panel.iterations(), QStringLiteral("5, 5"));
        QCOMPARE(panel.iterations()->text(), QStringLiteral("30, 20, 10"));
        // The output size carries the scales along.
        panel.size()->setValue(1024);
        panel.applyTo(job);
        QCOMPARE(job.transfer.scales, (std::vector<ScaleStep>{{256, 30}, {512, 20}, {1024, 10}}));
    }

    void sizeLimitIsTheCommandLines() {
        // The window used to stop at 4096 px, the CLI at 8192: one limit for both.
        SettingsPanel panel;
        QCOMPARE(panel.size()->maximum(), kMaxImageSide);
        panel.size()->setValue(kMaxImageSide);
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.outputSize(), kMaxImageSide);
    }

    void optimizerOptions() {
        SettingsPanel panel;
        panel.optimizerBox()->setCurrentIndex(
            panel.optimizerBox()->findData(static_cast<int>(OptimizerKind::Lbfgs)));
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.optimizer, OptimizerKind::Lbfgs);
        QCOMPARE(job.transfer.lbfgs, LbfgsOptions{});
        QCOMPARE(job.transfer.adam, AdamOptions{});
        QCOMPARE(panel.preset(), Preset::Custom);
    }

    void spinBoxMovesSlider() {
        SettingsPanel panel;
        panel.tvWeight()->spinBox()->setValue(1000.0); // the maximum
        QCOMPARE(panel.tvWeight()->slider()->value(), panel.tvWeight()->slider()->maximum());
    }

    void resetRestoresDefaults() {
        SettingsPanel panel;
        edit(panel.iterations(), QStringLiteral("5"));
        panel.contentWeight()->setValue(1.0);
        panel.resetToDefaults();
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer, TransferSettings{});
    }

    void startsFromAnImageFile() {
        SettingsPanel panel;
        panel.setInitImage(QStringLiteral("/art/earlier.png"));
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.init, InitMode::Image);
        QCOMPARE(job.initImagePath, QStringLiteral("/art/earlier.png"));
        QVERIFY(panel.initBox()->currentText().contains(QStringLiteral("earlier.png")));
        SettingsPanel restored;
        restored.showSettings(job);
        JobRequest back;
        restored.applyTo(back);
        QCOMPARE(back.transfer.init, InitMode::Image);
        QCOMPARE(back.initImagePath, QStringLiteral("/art/earlier.png"));
        // Another choice: no image goes with the job.
        panel.initBox()->setCurrentIndex(panel.initBox()->findData(int(InitMode::Noise)));
        panel.applyTo(job);
        QCOMPARE(job.transfer.init, InitMode::Noise);
        QVERIFY(job.initImagePath.isEmpty());
        // Settings that start from an image but name none (an exported artwork's) start from the
        // content.
        JobRequest nameless;
        nameless.transfer.init = InitMode::Image;
        panel.showSettings(nameless);
        panel.applyTo(job);
        QCOMPARE(job.transfer.init, InitMode::Content);
    }

    // What the panel shows goes through the settings schema (the workspace keeps the next run
    // in it) and comes back the same, whichever section holds each part.
    void roundTripsThroughTheSettingsSchema() {
        JobRequest saved;
        {
            SettingsPanel panel;
            panel.setPreset(Preset::Fast);
            edit(panel.iterations(), QStringLiteral("77"));
            panel.styleWeight()->setValue(0.5);
            panel.colorsBox()->setCurrentIndex(panel.colorsBox()->findData(int(ColorMode::Match)));
            panel.initBox()->setCurrentIndex(panel.initBox()->findData(int(InitMode::Blend)));
            panel.saveEvery()->setValue(250000); // the files' limit, not a tenth of it
            panel.tileBox()->setValue(512);
            panel.applyTo(saved);
        }
        QCOMPARE(saved.transfer.saveEvery, 250000);
        const RunSettings back =
            runSettingsFromJsonText(runSettingsToJsonText(saved.runSettings()));
        JobRequest job;
        job.transfer = back.transfer;
        SettingsPanel restored;
        restored.showSettings(job);
        JobRequest shown;
        restored.applyTo(shown);
        QCOMPARE(shown.transfer, saved.transfer);
        QCOMPARE(shown.transfer.scales.back().iterations, 77);
        QCOMPARE(shown.transfer.lossWeights.style, 0.5);
        QCOMPARE(shown.transfer.colors, ColorMode::Match);
        QCOMPARE(shown.transfer.tileSize, 512);
    }

    // Each section's limits are the settings schema's (SettingsLimits), as the CLI's are.
    void limitsAreTheSchemas() {
        SettingsPanel panel;
        QCOMPARE(panel.size()->minimum(), kMinImageSide);
        QCOMPARE(panel.size()->maximum(), kMaxImageSide);
        QCOMPARE(panel.saveEvery()->maximum(), kMaxSnapshotEvery);
        QCOMPARE(panel.previewInterval()->maximum(), kMaxPreviewInterval);
        QCOMPARE(panel.tileBox()->maximum(), kMaxImageSide);
        // Iterations beyond the limit are put back as they were.
        edit(panel.iterations(), QString::number(kMaxIterations + 1));
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.scales.back().iterations,
                 TransferSettings{}.scales.back().iterations);
    }
};

QTEST_MAIN(TestSettingsPanel)
#include "tst_settingspanel.moc"
