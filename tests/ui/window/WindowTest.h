#pragma once

#include "InputsController.h"
#include "JobRequest.h"
#include "KerasWeightsWriter.h"
#include "MainWindow.h"
#include "SettingsPanel.h"
#include "TestData.h"

#include <QApplication>
#include <QDir>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

// What the window's tests share: a slim VGG-19, a 64 x 48 photo and a 48 x 64 painting, and a
// window prepared for a tiny run at 48 px. Each test class derives from it and calls
// createInputs() from initTestCase() and clearUserState() from init().
class WindowTest : public QObject {
protected:
    QTemporaryDir dir_;
    QString weights_, content_, style_;

    void createInputs(const char* applicationName) {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("DeepArtGalleryTests"));
        QApplication::setApplicationName(QLatin1String(applicationName));
        weights_ = dir_.filePath(QStringLiteral("w.h5"));
        deepart::test::writeKerasWeights(weights_, deepart::test::smallWeights());
        content_ = deepart::test::writeRgbImage(dir_.filePath(QStringLiteral("c.png")),
                                                deepart::test::testPicture(64, 48, 1));
        style_ = deepart::test::writeRgbImage(dir_.filePath(QStringLiteral("s.png")),
                                              deepart::test::testPicture(48, 64, 2));
    }

    // No workspace, next run or preferences that an earlier test left (the window saves as it
    // goes, and restores what it finds).
    static void clearUserState() {
        QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
            .removeRecursively();
        QSettings().clear();
    }

    void prepare(deepart::MainWindow& window, int iterations, int saveEvery) {
        window.inputs()->setWeightsPath(weights_);
        QVERIFY(window.inputs()->loadContent(content_));
        QVERIFY(window.inputs()->loadStyle(style_));
        window.settingsPanel()->resetToDefaults();
        window.settingsPanel()->size()->setValue(48);
        window.settingsPanel()->setIterationsPerScale(iterations);
        window.settingsPanel()->saveEvery()->setValue(saveEvery);
        const deepart::JobRequest job = window.currentRequest();
        QCOMPARE(job.transfer.scales, (std::vector<deepart::ScaleStep>{{48, iterations}}));
        QCOMPARE(job.transfer.saveEvery, saveEvery);
    }
};
