#include "DeviceSection.h"
#include "LossWeightsSection.h"
#include "ScheduleSection.h"
#include "StartSection.h"
#include "WeightControl.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QtTest>

#include <torch/cuda.h>

using namespace deepart;

// Each section of the settings panel on its own, bound to its part of the settings schema.
class TestSettingsSections : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lossWeightsSectionRoundTripsItsPart() {
        LossWeightsSection section;
        TransferSettings settings;
        settings.lossWeights = {5.0, 0.25, 0.5};
        settings.colors = ColorMode::Luminance;
        settings.pooling = Pooling::Average;
        settings.seed = 99; // not this section's: left alone
        section.show(settings);
        TransferSettings back;
        section.applyTo(back);
        QCOMPARE(back.lossWeights, settings.lossWeights);
        QCOMPARE(back.colors, ColorMode::Luminance);
        QCOMPARE(back.pooling, Pooling::Average);
        QCOMPARE(back.seed, TransferSettings{}.seed);
    }

    void aLookSetsTheColoursAndSaysSo() {
        LossWeightsSection section;
        QSignalSpy chosen(&section, &LossWeightsSection::lookChosen);
        QSignalSpy colors(&section, &LossWeightsSection::colorsChanged);
        QComboBox* look = section.lookBox();
        look->setCurrentIndex(look->findData(int(Look::PhotoPalette)));
        Q_EMIT look->activated(look->currentIndex());
        QCOMPARE(chosen.count(), 1);
        QCOMPARE(chosen.first().first().value<Look>(), Look::PhotoPalette);
        QCOMPARE(colors.count(), 1);
        TransferSettings back;
        section.applyTo(back);
        QCOMPARE(back.colors, ColorMode::Match);
    }

    void scheduleSectionFollowsThePresetAndTheSize() {
        ScheduleSection section;
        section.show(TransferSettings{});
        QCOMPARE(section.preset(), Preset::Seed);
        section.setPreset(Preset::Print);
        section.size()->setValue(2048);
        QCOMPARE(section.preset(), Preset::Print); // a preset scales with the output
        TransferSettings back;
        section.applyTo(back);
        QCOMPARE(back.outputSize(), 2048);
        QCOMPARE(back.scales.front().size, 512);
        QCOMPARE(section.scales()->text(), QStringLiteral("512, 1024, 2048"));
        // Iterations beyond the limit do not parse: the text is put back.
        section.iterations()->setText(QString::number(kMaxIterations + 1));
        Q_EMIT section.iterations()->editingFinished();
        section.applyTo(back);
        QCOMPARE(back.scales.front().iterations, 400);
    }

    void theScheduleKeepsThePrecisionItIsTold() {
        ScheduleSection section;
        section.show(TransferSettings{});
        QSignalSpy shown(&section, &ScheduleSection::shown);
        section.setPrecision(Precision::Bf16);
        QCOMPARE(shown.count(), 1);
        QCOMPARE(shown.first().first().value<TransferSettings>().precision, Precision::Bf16);
        TransferSettings back;
        section.applyTo(back);
        QCOMPARE(back.precision, Precision::Bf16);
        QCOMPARE(section.preset(), Preset::Custom); // the seed is fp32
        section.setPrecision(Precision::Bf16);      // no change, no signal
        QCOMPARE(shown.count(), 1);
    }

    void theMemoryNoteWeighsTheTileSize() {
        ScheduleSection section;
        section.show(TransferSettings{});
        section.setContentSize(QSize(4000, 3000));
        section.size()->setValue(4096);
        const QString whole = section.memoryNote()->text();
        section.setTileSize(512);
        QVERIFY2(section.memoryNote()->text().contains(QStringLiteral("tile")),
                 qPrintable(section.memoryNote()->text()));
        QVERIFY(section.memoryNote()->text() != whole);
    }

    void deviceSectionOffersWhatThisMachineHas() {
        DeviceSection section;
        const bool cuda = torch::cuda::is_available();
        QCOMPARE(section.precisionBox()->findData(int(Precision::Fp16)) >= 0, cuda);
        // A GPU machine's fp16 shows (and runs) as automatic where there is none.
        QCOMPARE(section.showPrecision(Precision::Fp16), cuda ? Precision::Fp16 : Precision::Auto);
        QCOMPARE(section.showPrecision(Precision::Bf16), Precision::Bf16);
        // bf16 is offered everywhere, and said to be slow where this CPU would emulate it.
        const bool emulated =
            !cuda && !resolvePrecision(Precision::Bf16, torch::kCPU).warning.empty();
        QCOMPARE(section.precisionBox()->currentText().contains(QStringLiteral("slow")), emulated);
        QSignalSpy tile(&section, &DeviceSection::tileSizeChanged);
        section.tileBox()->setValue(10); // no tile size: up to the smallest
        QCOMPARE(section.tileBox()->value(), kMinTileSize);
        QCOMPARE(tile.last().first().toInt(), kMinTileSize);
        section.tileBox()->setValue(30); // downwards: automatic
        QCOMPARE(section.tileBox()->value(), 0);
        TransferSettings back;
        section.applyTo(back);
        QCOMPARE(back.tileSize, 0);
        QCOMPARE(back.device, DeviceChoice::Auto);
    }

    void startSectionNamesItsImageOnlyForAnImageStart() {
        StartSection section;
        section.setInitImage(QStringLiteral("/art/earlier.png"));
        JobRequest job;
        section.applyTo(job);
        QCOMPARE(job.transfer.init, InitMode::Image);
        QCOMPARE(job.initImagePath, QStringLiteral("/art/earlier.png"));
        job.transfer.init = InitMode::Blend;
        job.transfer.noiseRatio = 0.25;
        job.transfer.saveEvery = 500000;
        job.previewInterval = 7;
        section.show(job);
        JobRequest back;
        section.applyTo(back);
        QCOMPARE(back.transfer.init, InitMode::Blend);
        QVERIFY(back.initImagePath.isEmpty());
        QCOMPARE(back.transfer.noiseRatio, 0.25);
        QCOMPARE(back.transfer.saveEvery, 500000);
        QCOMPARE(back.previewInterval, 7);
    }
};

QTEST_MAIN(TestSettingsSections)
#include "tst_settingssections.moc"
