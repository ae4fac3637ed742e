#include "VideoStylizer.h"

#include "Error.h"
#include "ImageFile.h"
#include "ImageTensor.h"
#include "RunInputs.h"
#include "SettingsJson.h"
#include "TimelapseWriter.h"
#include "VideoClip.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <optional>
#include <sstream>

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

constexpr const char* kRecordName = "video-run.json";

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

// What the frames in a folder were made from: the clip (path, size, time) and every setting but
// the frame range, so that a second run takes only frames it would have made itself.
std::string runRecord(const VideoJob& job) {
    std::error_code error;
    const fs::path clip = fs::absolute(job.run.contentPath, error);
    const auto size = fs::file_size(clip, error);
    const auto time = fs::last_write_time(clip, error).time_since_epoch().count();
    RunSettings run = job.run;
    run.contentPath = clip.string();
    // Which frames and where they are kept do not change what a frame looks like.
    run.video->firstFrame = 1;
    run.video->frameCount = 0;
    run.video->framesFolder.clear();
    std::ostringstream record;
    record << "{\"bytes\": " << size << ", \"modified\": " << time
           << ",\n\"settings\": " << runSettingsToJsonText(run).toStdString() << "}\n";
    return record.str();
}

// Writes the folder's record, or checks that the one there is this run's.
void claimFramesFolder(const std::string& folder, const std::string& record) {
    const fs::path file = fs::path(folder) / kRecordName;
    std::error_code error;
    if (fs::exists(file, error)) {
        std::ifstream in(file);
        const std::string existing((std::istreambuf_iterator<char>(in)),
                                   std::istreambuf_iterator<char>());
        if (existing == record)
            return;
        throw Error("the frames folder '" + folder +
                    "' holds the frames of another clip or other settings; choose another "
                    "output name or frames folder, or delete that folder to start afresh");
    }
    std::ofstream out(file, std::ios::trunc);
    out << record;
    if (!out.flush())
        throw Error("the frames folder '" + folder + "' cannot be written");
}

// The run's pace: seconds per frame, the first frame (a full run) apart from the later ones.
class FramePace {
public:
    void add(bool first, double seconds, double iterationShare) {
        if (first) {
            firstEstimate_ = seconds * iterationShare;
        } else {
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

void checkJob(const VideoJob& job) {
    if (!job.run.video)
        throw Error("these settings are not a video run's");
    const VideoSettings& video = *job.run.video;
    if (video.firstFrame < 1 || video.frameCount < 0 || video.frameIterations < 0 ||
        !(video.temporalWeight >= 0.0))
        throw Error("the video's frame range, iterations or temporal weight is out of range");
    if (job.run.transfer.init == InitMode::Image)
        throw Error("a video's first frame starts from its content, noise or a blend, not from an "
                    "image");
    TimelapseWriter::checkPath(job.outputPath);
    std::error_code error;
    if (fs::exists(job.outputPath, error) &&
        fs::equivalent(job.outputPath, job.run.contentPath, error))
        throw Error("the output '" + job.outputPath + "' is the clip itself; choose another name");
}

} // namespace

VideoResult stylizeVideo(const VideoJob& job, RunControl& control, const VideoSink& sink) {
    checkJob(job);
    const VideoSettings& video = *job.run.video;
    RunPlan base;
    base.weights = job.weights;
    base.settings = job.run.transfer;
    base.settings.saveEvery = 0;
    base.memoryLimitBytes = job.memoryLimitBytes;
    loadStyleInputs(job.run, base); // refuses style masks
    VideoClip clip(job.run.contentPath);

    VideoResult result;
    result.lossWeights = base.settings.lossWeights;
    result.framesPerSecond = clip.framesPerSecond();
    result.framesFolder =
        video.framesFolder.empty() ? defaultFramesFolder(job.outputPath) : video.framesFolder;
    std::error_code error;
    fs::create_directories(result.framesFolder, error);
    if (!fs::is_directory(result.framesFolder))
        throw Error("the frames folder '" + result.framesFolder + "' cannot be created");
    claimFramesFolder(result.framesFolder, runRecord(job));

    const int outputSize = base.settings.outputSize();
    const int firstIterations = iterationsOf(base.settings);
    const int laterIterations = video.laterFrameIterations(firstIterations);
    // What the container announces, which can be wrong (then 0: unknown).
    int count = video.frameCount;
    if (count == 0 && clip.frameCount() > 0)
        count = std::max(0, clip.frameCount() - (video.firstFrame - 1));
    for (int skipped = 1; skipped < video.firstFrame; ++skipped)
        if (clip.next().empty())
            throw Error("the video '" + job.run.contentPath + "' has fewer than " +
                        std::to_string(video.firstFrame) + " frames");

    TimelapseOptions writing;
    writing.framesPerSecond = clip.framesPerSecond();
    writing.holdFirstSeconds = writing.holdLastSeconds = 0.0;
    std::unique_ptr<TimelapseWriter> writer;
    std::deque<PastFrame> past; // the nearest first, as far back as the offsets go
    const std::vector<int> offsets = video.offsets();
    const int farthest = *std::max_element(offsets.begin(), offsets.end());
    FramePace pace;
    const auto ended = [&result](RunOutcome outcome, const std::string& what) {
        result.outcome = outcome;
        result.message = what + "; " + std::to_string(result.frames) +
                         (result.frames == 1 ? " frame is" : " frames are") + " kept in '" +
                         result.framesFolder + "'";
        return result;
    };

    int number = 1;
    for (; video.frameCount == 0 || number <= video.frameCount; ++number) {
        const int frame = video.firstFrame + number - 1;
        if (control.stopRequested())
            return ended(RunOutcome::Cancelled, "stopped before frame " + std::to_string(frame));
        const cv::Mat original = clip.next();
        if (original.empty())
            break;
        VideoFrameEvent event;
        event.frame = frame;
        event.number = number;
        event.count = number <= count ? count : 0;
        const cv::Mat content = resizeLongerSide(original, outputSize);
        // Opened before the first frame's run, so that a codec this system lacks is said at once.
        if (!writer)
            writer = std::make_unique<TimelapseWriter>(job.outputPath, content.size(), writing);
        const std::string path = framePath(result.framesFolder, frame);
        cv::Mat stylized;
        std::optional<FrameGuide> guide;
        if (auto kept = keptFrame(path, content.size())) {
            stylized = *kept;
            event.resumed = true;
            if (sink.frameStarted)
                sink.frameStarted(event);
        } else {
            RunPlan plan = base;
            plan.content = rgbMatToTensor(content);
            plan.settings.lossWeights = result.lossWeights;
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
            result.lossWeights = run.lossWeights;
            if (run.outcome == RunOutcome::Cancelled)
                return ended(RunOutcome::Cancelled, "stopped at frame " + std::to_string(frame));
            if (run.outcome == RunOutcome::Failed)
                return ended(RunOutcome::Failed,
                             "frame " + std::to_string(frame) + " failed (" + run.message + ")");
            stylized = tensorToRgbMat(run.image);
            saveRgbImage(stylized, path);
            pace.add(past.empty(), event.seconds,
                     static_cast<double>(laterIterations) / std::max(1, firstIterations));
        }
        writer->addFrame(stylized);
        ++result.frames;
        result.resumed += event.resumed ? 1 : 0;
        event.etaSeconds = pace.etaSeconds(event.count > 0 ? event.count - number : -1);
        if (sink.frameFinished)
            sink.frameFinished(event, stylized, guide ? &*guide : nullptr);
        past.push_front(PastFrame{1, content, stylized});
        if (static_cast<int>(past.size()) > farthest)
            past.pop_back();
    }
    if (!writer || result.frames == 0)
        throw Error("the video '" + job.run.contentPath + "' has no frames from frame " +
                    std::to_string(video.firstFrame));
    writer->finish();
    result.message =
        "wrote '" + job.outputPath + "': " + std::to_string(result.frames) + " frames" +
        (result.resumed > 0 ? " (" + std::to_string(result.resumed) + " kept from an earlier run)"
                            : std::string()) +
        ", no sound";
    // A clip that ends before its container said (or a frame that cannot be decoded, which
    // looks the same to FFmpeg's reader): said, not hidden.
    if (video.frameCount == 0 && count > result.frames)
        result.message += "; the clip announced " + std::to_string(count) +
                          " frames, but only these could be read";
    return result;
}

} // namespace deepart
