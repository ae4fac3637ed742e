#include "VideoStylizer.h"

#include "Error.h"
#include "ImageFile.h"
#include "ImageTensor.h"
#include "TimelapseWriter.h"
#include "VideoClip.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>

namespace deepart {

namespace fs = std::filesystem;

std::string defaultFramesFolder(const std::string& outputPath) {
    const fs::path output(outputPath);
    return (output.parent_path() / (output.stem().string() + "-frames")).string();
}

std::string framePath(const std::string& folder, int frame) {
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05d.png", frame);
    return (fs::path(folder) / name).string();
}

namespace {

torch::Tensor maskTensor(const cv::Mat& mask) {
    return torch::from_blob(mask.data, {1, 1, mask.rows, mask.cols}, torch::kFloat32).clone();
}

// A frame kept by an earlier run, when it is there and whole (a file that cannot be read, or of
// another size, is stylized again).
std::optional<cv::Mat> keptFrame(const std::string& path, cv::Size size) {
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        return std::nullopt;
    try {
        cv::Mat image = loadRgbImage(path, "a kept video frame");
        if (image.size() == size && image.type() == CV_8UC3)
            return image;
    } catch (const Error&) {
    }
    return std::nullopt;
}

// The run's pace: seconds per frame, the first frame (a full run) apart from the later ones.
class FramePace {
public:
    void add(bool first, double seconds, double iterationShare) {
        if (first)
            firstEstimate_ = seconds * iterationShare;
        else {
            total_ += seconds;
            ++frames_;
        }
    }
    double etaSeconds(int framesLeft) const {
        if (framesLeft < 0)
            return -1.0;
        const double perFrame = frames_ > 0 ? total_ / frames_ : firstEstimate_;
        return perFrame < 0.0 ? -1.0 : perFrame * framesLeft;
    }

private:
    double total_ = 0.0;
    int frames_ = 0;
    double firstEstimate_ = -1.0;
};

int iterationsOf(const TransferSettings& settings) {
    int total = 0;
    for (const ScaleStep& step : settings.scales)
        total += step.iterations;
    return total;
}

} // namespace

VideoResult stylizeVideo(const VideoJob& job, RunControl& control, const VideoSink& sink) {
    const VideoSettings& video = job.video;
    for (const StyleImage& style : job.plan.styles)
        if (style.mask.defined())
            throw Error("style masks cannot be used for a video: its frames have no fixed shape "
                        "to paint them on");
    if (video.firstFrame < 1 || video.frameCount < 0 || video.frameIterations < 0 ||
        !(video.temporalWeight >= 0.0))
        throw Error("the video's frame range, iterations or temporal weight is out of range");
    TimelapseWriter::checkPath(job.outputPath);
    VideoResult result;
    result.framesFolder =
        video.framesFolder.empty() ? defaultFramesFolder(job.outputPath) : video.framesFolder;
    std::error_code error;
    fs::create_directories(result.framesFolder, error);
    if (!fs::is_directory(result.framesFolder))
        throw Error("the frames folder '" + result.framesFolder + "' cannot be created");

    VideoClip clip(job.inputPath);
    result.framesPerSecond = clip.framesPerSecond();
    const int outputSize = job.plan.settings.outputSize();
    const int firstIterations = iterationsOf(job.plan.settings);
    const int laterIterations =
        video.frameIterations > 0 ? video.frameIterations : std::max(1, firstIterations / 2);
    int count = video.frameCount;
    if (count == 0 && clip.frameCount() > 0)
        count = std::max(0, clip.frameCount() - (video.firstFrame - 1));
    for (int skipped = 1; skipped < video.firstFrame; ++skipped)
        if (clip.next().empty())
            throw Error("the video '" + job.inputPath + "' has fewer than " +
                        std::to_string(video.firstFrame) + " frames");

    TimelapseOptions writing;
    writing.framesPerSecond = clip.framesPerSecond();
    writing.holdFirstSeconds = writing.holdLastSeconds = 0.0;
    std::unique_ptr<TimelapseWriter> writer;
    std::deque<PastFrame> past; // the nearest first, as far back as the offsets go
    const std::vector<int> offsets = video.offsets();
    const int farthest = *std::max_element(offsets.begin(), offsets.end());
    FramePace pace;

    for (int number = 1; video.frameCount == 0 || number <= video.frameCount; ++number) {
        control.throwIfStopped();
        const cv::Mat original = clip.next();
        if (original.empty())
            break;
        VideoFrameEvent event;
        event.frame = video.firstFrame + number - 1;
        event.number = number;
        event.count = std::max(count, number);
        const cv::Mat content = resizeLongerSide(original, outputSize);
        const std::string path = framePath(result.framesFolder, event.frame);
        cv::Mat stylized;
        std::optional<FrameGuide> guide;
        if (auto kept = keptFrame(path, content.size())) {
            stylized = *kept;
            event.resumed = true;
            if (sink.frameStarted)
                sink.frameStarted(event);
        } else {
            RunPlan plan = job.plan;
            plan.content = rgbMatToTensor(content);
            plan.settings.saveEvery = 0;
            if (!past.empty()) {
                std::vector<PastFrame> guides;
                for (int offset : offsets)
                    if (offset <= static_cast<int>(past.size()))
                        guides.push_back(
                            PastFrame{offset, past[offset - 1].content, past[offset - 1].stylized});
                guide = guideFrame(content, guides);
                plan.settings.init = InitMode::Image;
                plan.initImage = rgbMatToTensor(guide->start);
                plan.settings.scales = {ScaleStep{outputSize, laterIterations}};
                for (const FrameTarget& target : guide->targets)
                    plan.temporalTargets.push_back(
                        TemporalTarget{rgbMatToTensor(target.warped), maskTensor(target.mask)});
                plan.temporalWeight = video.engineWeight(plan.settings.lossWeights.content);
            }
            event.iterations = iterationsOf(plan.settings);
            if (sink.frameStarted)
                sink.frameStarted(event);
            const auto started = std::chrono::steady_clock::now();
            const RunResult run = runStyleTransfer(plan, control, sink.run);
            event.seconds =
                std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            result.iterations += run.completedIterations;
            const std::string done = std::to_string(result.frames) +
                                     (result.frames == 1 ? " frame is" : " frames are") +
                                     " kept in '" + result.framesFolder + "'";
            if (run.outcome == RunOutcome::Cancelled) {
                result.outcome = RunOutcome::Cancelled;
                result.message = "stopped at frame " + std::to_string(event.frame) + "; " + done +
                                 ": run the same command again to go on from there";
                return result;
            }
            if (run.outcome == RunOutcome::Failed) {
                result.outcome = RunOutcome::Failed;
                result.message =
                    "frame " + std::to_string(event.frame) + " failed: " + run.message + " " + done;
                return result;
            }
            stylized = tensorToRgbMat(run.image);
            saveRgbImage(stylized, path);
            pace.add(past.empty(), event.seconds,
                     static_cast<double>(laterIterations) / std::max(1, firstIterations));
        }
        if (!writer)
            writer = std::make_unique<TimelapseWriter>(job.outputPath, stylized.size(), writing);
        writer->addFrame(stylized);
        ++result.frames;
        result.resumed += event.resumed ? 1 : 0;
        event.etaSeconds = pace.etaSeconds(count > 0 ? count - number : -1);
        if (sink.frameFinished)
            sink.frameFinished(event, stylized, guide ? &*guide : nullptr);
        past.push_front(PastFrame{1, content, stylized});
        if (static_cast<int>(past.size()) > farthest)
            past.pop_back();
    }
    if (!writer)
        throw Error("the video '" + job.inputPath + "' has no frames from frame " +
                    std::to_string(video.firstFrame));
    writer->finish();
    result.message = "wrote '" + job.outputPath + "': " + std::to_string(result.frames) +
                     " frames (" + std::to_string(result.resumed) +
                     " kept from an earlier run), no sound";
    return result;
}

} // namespace deepart
