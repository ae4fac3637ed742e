// deepart-ui-bench [SIZE] [ITERATIONS]: how responsive the window stays during a run. Opens the
// real MainWindow (offscreen), starts a run at SIZE px (default 512) on random full-width VGG-19
// weights, and measures how late a 10 ms timer fires on the GUI thread while the worker computes,
// which bounds how long a repaint can wait. Prints the figures; asserts nothing.
#include "InputsController.h"
#include "KerasWeightsWriter.h"
#include "MainWindow.h"
#include "RandomVgg19Weights.h"
#include "SettingsPanel.h"
#include "TransferSession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DeepArtGalleryBench"));
    const int size = argc > 1 ? std::atoi(argv[1]) : 512;
    const int iterations = argc > 2 ? std::atoi(argv[2]) : 5;

    QTemporaryDir dir;
    const QString weights = dir.filePath(QStringLiteral("vgg19.h5"));
    deepart::test::writeKerasWeights(weights, deepart::randomVgg19Weights());
    const QString samples = QStringLiteral(DEEPART_SOURCE_DIR "/resources/samples/");

    deepart::MainWindow window;
    window.inputs()->setWeightsPath(weights);
    window.inputs()->loadContent(samples + QStringLiteral("fruits.jpg"));
    window.inputs()->loadStyle(samples + QStringLiteral("starry_night.jpg"));
    window.settingsPanel()->size()->setValue(size);
    window.settingsPanel()->setIterationsPerScale(iterations);
    window.show();

    std::vector<double> lateness;
    QElapsedTimer clock;
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        if (clock.isValid())
            lateness.push_back(std::max(0.0, clock.nsecsElapsed() / 1e6 - 10.0));
        clock.restart();
        window.update(); // ask for a repaint each tick, as a preview does
    });
    QObject::connect(window.session(), &deepart::TransferSession::finished, &app,
                     &QApplication::quit);
    QObject::connect(window.session(), &deepart::TransferSession::failed, &app,
                     [&](const QString& message) {
                         std::fprintf(stderr, "run failed: %s\n", qPrintable(message));
                         app.exit(1);
                     });
    tick.start(10);
    window.start();
    const int code = QApplication::exec();
    std::sort(lateness.begin(), lateness.end());
    if (lateness.empty())
        return 1;
    std::printf("deepart-ui-bench: %d px, %d iterations, %zu timer ticks on the GUI thread\n", size,
                iterations, lateness.size());
    std::printf("  timer lateness: median %.1f ms, 95th percentile %.1f ms, max %.1f ms\n",
                lateness[lateness.size() / 2], lateness[lateness.size() * 95 / 100],
                lateness.back());
    return code;
}
