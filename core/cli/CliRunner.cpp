#include "CliRunner.h"

#include "CliOptions.h"
#include "ComputeDevice.h"
#include "Error.h"
#include "ImageFile.h"
#include "ImageTensor.h"
#include "IterationLog.h"
#include "KerasWeightsFile.h"
#include "ProgressReporter.h"
#include "TransferRun.h"
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

extern "C" void onInterrupt(int) {
    interrupted.store(true);
    // A second Ctrl-C ends the process at once, as users expect.
    std::signal(SIGINT, SIG_DFL);
}

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
    if (o.snapshotDir.empty() || o.transfer.saveEvery == 0)
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
    checkOutputPath(o.outputPath);
    prepareSnapshotFolder(o);
    std::unique_ptr<IterationLog> log;
    if (!o.logJsonPath.empty())
        log = std::make_unique<IterationLog>(o.logJsonPath);

    configureThreads(o.threads);
    const torch::Device device = chooseDevice(o.device);
    const auto weights = loadKerasVgg19Weights(resolveWeightsPath(o));
    const cv::Mat content = resizeLongerSide(loadRgbImage(o.contentPath, "content image"), o.size);
    const cv::Mat style = resizeLongerSide(loadRgbImage(o.stylePath, "style image"), o.size);
    if (!o.quiet)
        std::cerr << "deepart-cli: " << content.cols << "x" << content.rows << " px, "
                  << o.transfer.iterations << " iterations on " << describeDevice(device) << '\n';

    StyleTransfer transfer(weights, rgbMatToTensor(content), rgbMatToTensor(style), o.transfer,
                           device);
    ProgressReporter progress(o.transfer.iterations, isatty(STDERR_FILENO) != 0, std::cerr);
    RunCallbacks callbacks;
    callbacks.iteration = [&](const IterationStats& stats) {
        if (log)
            log->append(stats);
        if (!o.quiet)
            progress.update(stats);
    };
    callbacks.snapshot = [&](int iteration, const torch::Tensor& image) {
        saveRgbImage(tensorToRgbMat(image), snapshotPath(o, iteration));
    };
    const RunOutcome outcome =
        runTransfer(transfer, o.transfer.iterations, o.transfer.saveEvery, callbacks, interrupted);
    if (!o.quiet)
        progress.finish();

    if (outcome == RunOutcome::Cancelled) {
        const std::string path = withSuffix(o.outputPath, "-interrupted");
        saveRgbImage(tensorToRgbMat(transfer.image()), path);
        std::cerr << "deepart-cli: interrupted after " << transfer.completedIterations()
                  << " iterations; the image so far is in '" << path << "'\n";
        return 130;
    }
    saveRgbImage(tensorToRgbMat(transfer.image()), o.outputPath);
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
            if (fetched != 0 || options.contentPath.empty())
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
