#include "SettingsPanel.h"
#include "WeightControl.h"

#include <QDoubleSpinBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

class TestSettingsPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsAreTheSeeds() {
        SettingsPanel panel;
        JobRequest job;
        job.transfer.iterations = 1;
        panel.applyTo(job);
        QCOMPARE(job.transfer.lossWeights.content, 1e4);
        QCOMPARE(job.transfer.lossWeights.style, 1e-2);
        QCOMPARE(job.transfer.lossWeights.tv, 7.5);
        QCOMPARE(job.transfer.iterations, 1000);
        QCOMPARE(job.transfer.saveEvery, 200);
        QCOMPARE(job.size, 512);
        QCOMPARE(job.previewInterval, 10);
        QCOMPARE(job.transfer.learningRate, 0.02);
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
        panel.iterations()->setValue(42);
        panel.size()->setValue(256);
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.iterations, 42);
        QCOMPARE(job.size, 256);
        QCOMPARE(job.transfer.lossWeights.content, 2500.0);
        QVERIFY(qAbs(job.transfer.lossWeights.style - 0.1) < 1e-6);
    }

    void spinBoxMovesSlider() {
        SettingsPanel panel;
        panel.tvWeight()->spinBox()->setValue(1000.0); // the maximum
        QCOMPARE(panel.tvWeight()->slider()->value(), panel.tvWeight()->slider()->maximum());
    }

    void resetRestoresDefaults() {
        SettingsPanel panel;
        panel.iterations()->setValue(5);
        panel.contentWeight()->setValue(1.0);
        panel.resetToDefaults();
        JobRequest job;
        panel.applyTo(job);
        QCOMPARE(job.transfer.iterations, 1000);
        QCOMPARE(job.transfer.lossWeights.content, 1e4);
    }

    void persists() {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
        {
            SettingsPanel panel;
            panel.iterations()->setValue(77);
            panel.styleWeight()->setValue(0.5);
            panel.save(settings);
        }
        SettingsPanel restored;
        restored.restore(settings);
        JobRequest job;
        restored.applyTo(job);
        QCOMPARE(job.transfer.iterations, 77);
        QCOMPARE(job.transfer.lossWeights.style, 0.5);
    }
};

QTEST_MAIN(TestSettingsPanel)
#include "tst_settingspanel.moc"
