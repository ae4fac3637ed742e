#include "CliRunner.h"

#include "CliOptions.h"
#include "ComputeDevice.h"
#include "Error.h"
#include "ImageFile.h"
#include "ImageTensor.h"
#include "IterationLog.h"
#include "KerasWeightsFile.h"
#include "Looks.h"
#include "Presets.h"
#include "ProgressReporter.h"
#include "RunDriver.h"
#include "RunInputs.h"
#include "WeightsDownloader.h"
#include "WeightsStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace deepart {

namespace {

std::atomic<bool> interrupted{false};
// The run that Ctrl-C stops, while one is going.
std::atomic<RunControl*> interruptTarget{nullptr};

extern "C" void onInterrupt(int) {
    interrupted.store(true);
    if (RunControl* control = interruptTarget.load())
        control->requestStopFromSignal();
    // A second Ctrl-C ends the process at once, as users expect.
    std::signal(SIGINT, SIG_DFL);
}

// Points Ctrl-C at a run for the run's lifetime; a Ctrl-C that came before (during loading)
// stops it at once.
class ScopedInterruptTarget {
public:
    explicit ScopedInterruptTarget(RunControl& control) {
        interruptTarget.store(&control);
        if (interrupted.load())
            control.requestStopFromSignal();
    }
    ~ScopedInterruptTarget() { interruptTarget.store(nullptr); }
    ScopedInterruptTarget(const ScopedInterruptTarget&) = delete;
    ScopedInterruptTarget& operator=(const ScopedInterruptTarget&) = delete;
};

std::string withSuffix(const std::string& path, const std::string& suffix) {
    const QFileInfo info(QString::fromStdString(path));
    const QString name = info.completeBaseName() + QString::fromStdString(suffix) +
                         QStringLiteral(".") + info.suffix();
    return QDir(info.path()).filePath(name).toStdString();
}

std::string snapshotPath(const CliOptions& o, int iteration) {
    const QFileInfo output(QString::fromStdString(o.outputPath));
    const QString folder =
        o.snapshotDir.empty() ? output.path() : QString::fromStdString(o.snapshotDir);
    const QString name = QStringLiteral("%1-%2.%3")
                             .arg(output.completeBaseName())
                             .arg(iteration, 4, 10, QLatin1Char('0'))
                             .arg(output.suffix());
    return QDir(folder).filePath(name).toStdString();
}

std::string resolveWeightsPath(const CliOptions& o) {
    if (!o.weightsPath.empty())
        return o.weightsPath;
    const WeightsStore store;
    const QString found = store.findExisting();
    if (found.isEmpty())
        throw Error("no VGG-19 weights found (looked for '" + store.storedPath().toStdString() +
                    "' and '" + WeightsStore::kerasCachePath().toStdString() +
                    "'); pass --weights FILE with the Keras file " + WeightsStore::kFileName);
    return found.toStdString();
}

void prepareSnapshotFolder(const CliOptions& o) {
    if (o.snapshotDir.empty() || o.run.transfer.saveEvery == 0)
        return;
    if (!QDir().mkpath(QString::fromStdString(o.snapshotDir)))
        throw Error("--snapshot-dir '" + o.snapshotDir + "' cannot be created");
    checkOutputPath(snapshotPath(o, 0));
}

// Downloads the weights into the store (the URL can be overridden with DEEPART_WEIGHTS_URL, for
// mirrors). Returns 0, 1 (failed) or 130 (interrupted; the partial file is kept for resuming).
int fetchWeights(bool quiet) {
    const WeightsStore store;
    const QString url = qEnvironmentVariable("DEEPART_WEIGHTS_URL", WeightsStore::kUrl);
    WeightsDownloader downloader(store.storedPath(), QUrl(url), WeightsStore::kMd5);
    const bool interactive = isatty(STDERR_FILENO) != 0;
    int exitCode = 1;
    int lastTenth = -1;
    QObject::connect(&downloader, &WeightsDownloader::progress, [&](qint64 got, qint64 total) {
        if (quiet || total <= 0)
            return;
        const int percent = static_cast<int>(got * 100 / total);
        if (interactive) {
            std::fprintf(stderr, "\r\033[Kdownloading VGG-19 weights: %3d%% (%.1f of %.1f MB)",
                         percent, got / 1e6, total / 1e6);
        } else if (percent / 10 > lastTenth) {
            lastTenth = percent / 10;
            std::fprintf(stderr, "downloading VGG-19 weights: %d%%\n", percent);
        }
    });
    QObject::connect(&downloader, &WeightsDownloader::finished, [&](const QString& path) {
        if (!quiet)
            std::cerr << (interactive ? "\n" : "") << "deepart-cli: weights saved to '"
                      << path.toStdString() << "'\n";
        exitCode = 0;
        QCoreApplication::quit();
    });
    QObject::connect(&downloader, &WeightsDownloader::failed, [&](const QString& message) {
        std::cerr << (interactive && !quiet ? "\n" : "") << "deepart-cli: " << message.toStdString()
                  << '\n';
        exitCode = 1;
        QCoreApplication::quit();
    });
    QObject::connect(&downloader, &WeightsDownloader::canceled, [&] {
        std::cerr << "\ndeepart-cli: download interrupted; run --fetch-weights again to resume\n";
        exitCode = 130;
        QCoreApplication::quit();
    });
    QTimer interruptPoll;
    QObject::connect(&interruptPoll, &QTimer::timeout, [&] {
        if (interrupted.load())
            downloader.cancel();
    });
    interruptPoll.start(100);
    if (!quiet)
        std::cerr << "deepart-cli: downloading " << url.toStdString() << '\n';
    downloader.start(true);
    QCoreApplication::exec();
    return exitCode;
}

int run(const CliOptions& o) {
    const TransferSettings& settings = o.run.transfer;
    checkOutputPath(o.outputPath);
    prepareSnapshotFolder(o);
    std::unique_ptr<IterationLog> log;
    if (!o.logJsonPath.empty())
        log = std::make_unique<IterationLog>(o.logJsonPath);

    configureThreads(o.threads);
    RunPlan plan;
    plan.settings = settings;
    plan.weights = loadKerasVgg19Weights(resolveWeightsPath(o));
    loadRunInputs(o.run, plan);

    ProgressReporter progress(isatty(STDERR_FILENO) != 0, std::cerr);
    RunSink sink;
    sink.started = [&](const RunStarted& started) {
        if (!o.quiet)
            std::cerr << "deepart-cli: " << started.width << "x" << started.height << " px, "
                      << started.totalIterations << " iterations (preset "
                      << toString(matchingPreset(settings)) << ", " << o.run.styles.size()
                      << (o.run.styles.size() == 1 ? " style, look " : " styles, look ")
                      << toString(matchingLook(o.run)) << ") on " << started.deviceText << '\n';
    };
    sink.iteration = [&](const IterationStats& stats, const torch::Tensor&) {
        if (log)
            log->append(stats);
        if (!o.quiet)
            progress.update(stats);
    };
    sink.snapshot = [&](const RunSnapshot& snapshot) {
        saveRgbImage(tensorToRgbMat(snapshot.image), snapshotPath(o, snapshot.iteration));
    };
    RunControl control;
    const ScopedInterruptTarget interruptTarget(control);
    const RunResult result = runStyleTransfer(plan, control, sink);
    if (!o.quiet)
        progress.finish();

    switch (result.outcome) {
    case RunOutcome::Cancelled: {
        const std::string path = withSuffix(o.outputPath, "-interrupted");
        saveRgbImage(tensorToRgbMat(result.image), path);
        std::cerr << "deepart-cli: interrupted after " << result.completedIterations
                  << " iterations; the image so far is in '" << path << "'\n";
        return 130;
    }
    case RunOutcome::Failed: {
        const std::string path = withSuffix(o.outputPath, "-last-good");
        saveRgbImage(tensorToRgbMat(result.image), path);
        std::cerr << "deepart-cli: " << result.message << " It is in '" << path << "'\n";
        return 1;
    }
    case RunOutcome::Finished:
        break;
    }
    saveRgbImage(tensorToRgbMat(result.image), o.outputPath);
    if (!o.quiet)
        std::cerr << "deepart-cli: wrote '" << o.outputPath << "'\n";
    return 0;
}

} // namespace

int runCli(int argc, char** argv) {
    try {
        QCoreApplication app(argc, argv);
        QCoreApplication::setOrganizationName(QStringLiteral("DeepArtGallery"));
        QCoreApplication::setApplicationName(QStringLiteral("deepart"));
        QCoreApplication::setApplicationVersion(QStringLiteral(DEEPART_VERSION));

        const CliParseResult parsed = parseCliArguments(QCoreApplication::arguments());
        if (!parsed.options) {
            (parsed.exitCode == 0 ? std::cout : std::cerr) << parsed.message << '\n';
            return parsed.exitCode;
        }
        std::signal(SIGINT, onInterrupt);
        const CliOptions& options = *parsed.options;
        if (options.fetchWeights) {
            const int fetched = fetchWeights(options.quiet);
            if (fetched != 0 || options.run.contentPath.empty() || options.run.styles.empty())
                return fetched;
        }
        return run(options);
    } catch (const std::exception& e) {
        std::cerr << "deepart-cli: " << describeException(e) << '\n';
    } catch (...) {
        std::cerr << "deepart-cli: unexpected error\n";
    }
    return 1;
}

} // namespace deepart
