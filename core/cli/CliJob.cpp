#include "CliJob.h"

#include "CliInterrupt.h"
#include "Error.h"
#include "ImageFile.h"
#include "ImageTensor.h"
#include "IterationLog.h"
#include "Looks.h"
#include "MemoryEstimate.h"
#include "Presets.h"
#include "ProgressReporter.h"
#include "RunDriver.h"
#include "RunInputs.h"
#include "TimelapseWriter.h"
#include "WeightsStore.h"

#include <QDir>
#include <QFileInfo>
#include <QString>

#include <iostream>
#include <memory>
#include <unistd.h>

namespace deepart {

namespace {

std::string withSuffix(const std::string& path, const std::string& suffix) {
    const QFileInfo info(QString::fromStdString(path));
    const QString name = info.completeBaseName() + QString::fromStdString(suffix) +
                         QStringLiteral(".") + info.suffix();
    return QDir(info.path()).filePath(name).toStdString();
}

std::string snapshotPath(const CliOptions& o, const std::string& outputPath, int iteration) {
    const QFileInfo output(QString::fromStdString(outputPath));
    const QString folder =
        o.snapshotDir.empty() ? output.path() : QString::fromStdString(o.snapshotDir);
    const QString name = QStringLiteral("%1-%2.%3")
                             .arg(output.completeBaseName())
                             .arg(iteration, 4, 10, QLatin1Char('0'))
                             .arg(output.suffix());
    return QDir(folder).filePath(name).toStdString();
}

// The run's time-lapse, when asked for: the starting image, a frame every `every` iterations
// and the result, which the run's own callbacks deliver (no second loop, no extra copies of
// images that are not recorded).
class TimelapseRecording {
public:
    TimelapseRecording(const CliOptions& o, const RunPlan& plan) : every_(o.timelapseEvery) {
        if (o.timelapsePath.empty())
            return;
        TimelapseOptions options;
        options.framesPerSecond = o.timelapseFps;
        if (o.timelapseSideBySide)
            options.content = tensorToRgbMat(plan.content);
        const cv::Size size(static_cast<int>(plan.content.size(3)),
                            static_cast<int>(plan.content.size(2)));
        writer_ = std::make_unique<TimelapseWriter>(o.timelapsePath, size, options);
    }

    void started(const torch::Tensor& image) { record(0, image); }

    void iteration(int iteration, const torch::Tensor& image) {
        if (iteration % every_ == 0)
            record(iteration, image);
    }

    // Adds the result unless it was the last frame, and finishes the video. Returns what to tell
    // the user ("" when there is no time-lapse, or the run stopped before its first image).
    std::string finish(const RunResult& result) {
        if (!writer_ || lastIteration_ < 0)
            return {};
        if (lastIteration_ != result.completedIterations)
            writer_->addFrame(result.image);
        writer_->finish();
        const QString seconds = QString::number(writer_->durationSeconds(), 'f', 1);
        return "; time-lapse '" + writer_->path() +
               "': " + std::to_string(writer_->framesWritten()) + " frames, " +
               seconds.toStdString() + " s";
    }

private:
    void record(int iteration, const torch::Tensor& image) {
        if (!writer_)
            return;
        writer_->addFrame(image);
        lastIteration_ = iteration;
    }

    int every_;
    std::unique_ptr<TimelapseWriter> writer_;
    int lastIteration_ = -1;
};

} // namespace

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

void prepareJobOutputs(const CliOptions& o, const RunSettings& run, const std::string& outputPath) {
    checkOutputPath(outputPath);
    if (!o.timelapsePath.empty())
        TimelapseWriter::checkPath(o.timelapsePath);
    if (o.snapshotDir.empty() || run.transfer.saveEvery == 0)
        return;
    if (!QDir().mkpath(QString::fromStdString(o.snapshotDir)))
        throw Error("--snapshot-dir '" + o.snapshotDir + "' cannot be created");
    checkOutputPath(snapshotPath(o, outputPath, 0));
}

namespace {

// ", in 16 tiles of 1024 px (about 5.2 GiB)" for a tiled run.
std::string tilingText(const RunStarted& started) {
    std::string text;
    if (started.tileSize > 0 && started.tiles > 1)
        text = ", in " + std::to_string(started.tiles) + " tiles of " +
               std::to_string(started.tileSize) + " px";
    if (started.memoryEstimateBytes > 0)
        text += (text.empty() ? ", memory about " : " (about ") +
                formatBytes(started.memoryEstimateBytes) + (text.empty() ? "" : ")");
    return text;
}

} // namespace

CliJobResult runCliJob(const CliOptions& o, const RunSettings& run, const std::string& outputPath,
                       const Vgg19Weights& weights) {
    const TransferSettings& settings = run.transfer;
    std::unique_ptr<IterationLog> log;
    if (!o.logJsonPath.empty())
        log = std::make_unique<IterationLog>(o.logJsonPath);
    RunPlan plan;
    plan.settings = settings;
    plan.weights = weights; // tensors are shared, not copied
    loadRunInputs(run, plan);
    TimelapseRecording timelapse(o, plan);

    ProgressReporter progress(isatty(STDERR_FILENO) != 0, std::cerr);
    RunSink sink;
    sink.started = [&](const RunStarted& started) {
        if (!o.quiet)
            std::cerr << "deepart-cli: " << started.width << "x" << started.height << " px, "
                      << started.totalIterations << " iterations (preset "
                      << toString(matchingPreset(settings)) << ", " << run.styles.size()
                      << (run.styles.size() == 1 ? " style, look " : " styles, look ")
                      << toString(matchingLook(run)) << ") on " << started.deviceText << ", "
                      << started.precisionText << tilingText(started) << '\n';
        timelapse.started(started.image);
    };
    sink.iteration = [&](const IterationStats& stats, const torch::Tensor& image) {
        if (log)
            log->append(stats);
        if (!o.quiet)
            progress.update(stats);
        timelapse.iteration(stats.iteration, image);
    };
    sink.tile = [&](const TileProgress& tile) {
        if (!o.quiet)
            progress.tile(tile);
    };
    sink.snapshot = [&](const RunSnapshot& snapshot) {
        saveRgbImage(tensorToRgbMat(snapshot.image),
                     snapshotPath(o, outputPath, snapshot.iteration));
    };
    RunControl control;
    const ScopedInterruptTarget interruptTarget(control);
    const RunResult result = runStyleTransfer(plan, control, sink);
    if (!o.quiet)
        progress.finish();

    CliJobResult outcome;
    std::string imagePath = outputPath;
    switch (result.outcome) {
    case RunOutcome::Cancelled:
        imagePath = withSuffix(outputPath, "-interrupted");
        outcome = {130, "interrupted after " + std::to_string(result.completedIterations) +
                            " iterations; the image so far is in '" + imagePath + "'"};
        break;
    case RunOutcome::Failed:
        imagePath = withSuffix(outputPath, "-last-good");
        outcome = {1, result.message + " It is in '" + imagePath + "'"};
        break;
    case RunOutcome::Finished:
        outcome = {0, "wrote '" + outputPath + "'"};
        break;
    }
    saveRgbImage(tensorToRgbMat(result.image, o.outputFormat.bitDepth), imagePath, o.outputFormat);
    outcome.message += timelapse.finish(result);
    return outcome;
}

} // namespace deepart
