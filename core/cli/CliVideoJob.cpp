#include "CliVideoJob.h"

#include "CliInterrupt.h"
#include "DurationText.h"
#include "IterationLog.h"
#include "ProgressReporter.h"
#include "VideoStylizer.h"

#include <iostream>
#include <memory>
#include <unistd.h>

namespace deepart {

namespace {

std::string frameText(const VideoFrameEvent& event) {
    return "frame " + std::to_string(event.frame) +
           (event.count > 0
                ? " (" + std::to_string(event.number) + " of " + std::to_string(event.count) + ")"
                : std::string());
}

} // namespace

CliJobResult runCliVideo(const CliOptions& o, const Vgg19Weights& weights) {
    VideoJob job;
    job.run = o.run;
    job.outputPath = o.outputPath;
    job.weights = weights;
    std::unique_ptr<IterationLog> log;
    if (!o.logJsonPath.empty())
        log = std::make_unique<IterationLog>(o.logJsonPath);

    ProgressReporter progress(isatty(STDERR_FILENO) != 0, std::cerr);
    bool described = false;
    int frame = 0;
    VideoSink sink;
    sink.frameStarted = [&](const VideoFrameEvent& event) {
        frame = event.frame;
        if (!o.quiet && !event.resumed)
            std::cerr << "deepart-cli: " << frameText(event) << ": " << event.iterations
                      << " iterations" << (event.number > 1 ? ", from the frame before" : "")
                      << '\n';
    };
    sink.run.started = [&](const RunStarted& started) {
        if (!o.quiet && !described)
            std::cerr << "deepart-cli: video '" << o.run.contentPath << "' at " << started.width
                      << "x" << started.height << " px on " << started.deviceText << ", "
                      << started.precisionText << '\n';
        described = true;
    };
    sink.run.iteration = [&](const IterationStats& stats, const torch::Tensor&) {
        if (log)
            log->append(stats, frame);
        if (!o.quiet)
            progress.update(stats);
    };
    sink.run.tile = [&](const TileProgress& tile) {
        if (!o.quiet)
            progress.tile(tile);
    };
    sink.frameFinished = [&](const VideoFrameEvent& event, const cv::Mat&, const FrameGuide*) {
        if (o.quiet)
            return;
        if (!event.resumed)
            progress.finish();
        std::cerr << "deepart-cli: " << frameText(event)
                  << (event.resumed ? " kept from an earlier run"
                                    : " done in " + formatDuration(event.seconds))
                  << (event.etaSeconds >= 0.0 && event.number < event.count
                          ? "; about " + formatDuration(event.etaSeconds) + " left"
                          : std::string())
                  << '\n';
    };
    RunControl control;
    const ScopedInterruptTarget interruptTarget(control);
    const VideoResult result = stylizeVideo(job, control, sink);
    switch (result.outcome) {
    case RunOutcome::Cancelled:
        return {130, result.message + ": run the same command again to go on from there"};
    case RunOutcome::Failed:
        return {1, result.message};
    case RunOutcome::Finished:
        break;
    }
    return {0, result.message};
}

} // namespace deepart
