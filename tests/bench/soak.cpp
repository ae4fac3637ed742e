// deepart-soak-bench [CYCLES]: memory over many runs in one window process. Opens the real
// MainWindow (offscreen) on slim random weights and small images and, CYCLES times (default 50),
// starts a tiny run, pauses it where it holds, resumes, replaces it by a new Start, and stops
// that one; the resident set size is sampled after each cycle. Prints the samples and the growth
// after warm-up; asserts nothing (a benchmark).
#include "GalleryModel.h"
#include "InputsController.h"
#include "KerasWeightsWriter.h"
#include "MainWindow.h"
#include "SettingsPanel.h"
#include "TestData.h"
#include "TransferSession.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>

#include <cstdio>
#include <unistd.h>
#include <vector>

namespace {

double residentMiB() {
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1.0;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1
               ? fields[1].toDouble() * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0
               : -1.0;
}

// Processes events until `done` holds; false after a minute without it.
template <typename Condition> bool waitFor(Condition done) {
    QElapsedTimer clock;
    clock.start();
    while (!done()) {
        if (clock.elapsed() > 60000)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    }
    return true;
}

} // namespace

int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("DeepArtGalleryBench"));
    const int cycles = argc > 1 ? std::atoi(argv[1]) : 50;
    constexpr int kWarmup = 5;

    QTemporaryDir dir;
    const QString weights = dir.filePath(QStringLiteral("vgg19.h5"));
    deepart::test::writeKerasWeights(weights, deepart::test::smallWeights());
    const QString content = deepart::test::writeRgbImage(dir.filePath(QStringLiteral("c.png")),
                                                         deepart::test::testPicture(96, 72, 1));
    const QString style = deepart::test::writeRgbImage(dir.filePath(QStringLiteral("s.png")),
                                                       deepart::test::testPicture(72, 96, 2));

    deepart::MainWindow window;
    window.inputs()->setWeightsPath(weights);
    window.inputs()->loadContent(content);
    window.inputs()->loadStyle(style);
    window.settingsPanel()->size()->setValue(64);
    window.settingsPanel()->setIterationsPerScale(100000); // ended by Stop, never on its own
    window.show();
    deepart::TransferSession* session = window.session();
    QSignalSpy progressed(session, &deepart::TransferSession::progressed);
    QSignalSpy held(session, &deepart::TransferSession::heldAt);
    QSignalSpy failed(session, &deepart::TransferSession::failed);

    std::vector<double> rss;
    QElapsedTimer total;
    total.start();
    for (int cycle = 0; cycle < cycles; ++cycle) {
        const auto progressAfter = [&](int count) {
            return waitFor([&] { return progressed.count() > count || !failed.isEmpty(); });
        };
        progressed.clear();
        held.clear();
        window.start();
        bool ok = progressAfter(1);
        session->setPaused(true);
        ok = ok && waitFor([&] { return !held.isEmpty(); });
        session->setPaused(false);
        const int beforeReplace = progressed.count();
        ok = ok && progressAfter(beforeReplace + 1);
        window.start(); // replaces the running job
        ok = ok && progressAfter(progressed.count() + 1);
        session->stop();
        ok = ok && waitFor([&] { return !session->isRunning(); });
        if (!ok || !failed.isEmpty()) {
            std::fprintf(stderr, "deepart-soak-bench: cycle %d did not complete%s%s\n", cycle + 1,
                         failed.isEmpty() ? "" : ": ",
                         failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
            return 1;
        }
        QCoreApplication::processEvents();
        rss.push_back(residentMiB());
    }
    std::printf("deepart-soak-bench: %d cycles (start, pause, resume, replace, stop) of 64 px runs "
                "in %.0f s; gallery %d items\n",
                cycles, total.elapsed() / 1000.0, window.gallery()->rowCount());
    std::printf("  RSS MiB after each cycle:");
    for (size_t i = 0; i < rss.size(); ++i)
        std::printf("%s%.0f", i % 10 == 0 ? "\n   " : " ", rss[i]);
    std::printf("\n");
    if (static_cast<int>(rss.size()) > kWarmup) {
        std::printf("  after %d warm-up cycles: %.1f MiB; at the end: %.1f MiB; growth %+.1f MiB "
                    "(%+.2f MiB a cycle)\n",
                    kWarmup, rss[kWarmup - 1], rss.back(), rss.back() - rss[kWarmup - 1],
                    (rss.back() - rss[kWarmup - 1]) / (static_cast<double>(rss.size()) - kWarmup));
    }
    return 0;
}
