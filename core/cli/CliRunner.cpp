#include "CliRunner.h"

#include "BatchRunner.h"
#include "CliInterrupt.h"
#include "CliJob.h"
#include "CliOptions.h"
#include "CliVideoJob.h"
#include "ComputeDevice.h"
#include "Error.h"
#include "KerasWeightsFile.h"
#include "WeightsDownloader.h"
#include "WeightsStore.h"

#include <QCoreApplication>
#include <QTimer>

#include <cstdio>
#include <iostream>
#include <unistd.h>

namespace deepart {

namespace {

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
        if (interruptRequested())
            downloader.cancel();
    });
    interruptPoll.start(100);
    if (!quiet)
        std::cerr << "deepart-cli: downloading " << url.toStdString() << '\n';
    downloader.start(true);
    QCoreApplication::exec();
    return exitCode;
}

int runSingle(const CliOptions& o) {
    const bool video = o.run.video.has_value();
    if (!video)
        prepareJobOutputs(o, o.run, o.outputPath);
    configureThreads(o.threads);
    const Vgg19Weights weights = loadKerasVgg19Weights(resolveWeightsPath(o));
    const CliJobResult result =
        video ? runCliVideo(o, weights) : runCliJob(o, o.run, o.outputPath, weights);
    if (result.exitCode != 0 || !o.quiet)
        std::cerr << "deepart-cli: " << result.message << '\n';
    return result.exitCode;
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
        installInterruptHandler();
        const CliOptions& options = *parsed.options;
        if (options.fetchWeights) {
            const int fetched = fetchWeights(options.quiet);
            if (fetched != 0 || (!options.batch && !options.run.video &&
                                 (options.run.contentPath.empty() || options.run.styles.empty())))
                return fetched;
        }
        return options.batch ? runBatch(options) : runSingle(options);
    } catch (const std::exception& e) {
        std::cerr << "deepart-cli: " << describeException(e) << '\n';
    } catch (...) {
        std::cerr << "deepart-cli: unexpected error\n";
    }
    return 1;
}

} // namespace deepart
