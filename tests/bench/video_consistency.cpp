// Temporal consistency of video style transfer (issue 18's goal): a clip made here from a
// picture panned and zoomed, so that the true motion is known, stylized per frame (every frame
// on its own, as a plain run would) and as a video (stylizeVideo: warped start and temporal
// term, with and without the long-term frames, and with the warped start alone). For each, the
// warp error: the mean squared difference (0-255 values) between each stylized frame and the
// one before carried along the true motion, where that motion stays in the picture; and the
// seconds per frame. Random VGG-19 weights (the real ones cannot be had here). A benchmark:
// prints figures, asserts nothing.
// usage: deepart-video-bench [WIDTH HEIGHT FRAMES ITERATIONS] (default 160 120 8 60)
#include "ImageFile.h"
#include "ImageTensor.h"
#include "RandomVgg19Weights.h"
#include "RunInputs.h"
#include "TestData.h"
#include "TimelapseWriter.h"
#include "VideoClip.h"
#include "VideoStylizer.h"

#include <QTemporaryDir>

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

using namespace deepart;

namespace {

// The camera: frame k shows the picture zoomed by 1 + 1% k around a centre that pans 3 px
// right and 1.5 px down a frame.
struct Camera {
    cv::Size frame;
    cv::Point2d start;
    double zoom(int k) const { return 1.0 + 0.01 * k; }
    cv::Point2d centre(int k) const { return start + cv::Point2d(3.0 * k, 1.5 * k); }
    // Picture coordinates q to frame k's: z (q - c) + the frame's middle.
    cv::Mat affine(int k) const {
        const double z = zoom(k);
        const cv::Point2d c = centre(k);
        return (cv::Mat_<double>(2, 3) << z, 0, frame.width / 2.0 - z * c.x, 0, z,
                frame.height / 2.0 - z * c.y);
    }
    // Where each pixel of frame k was in frame k - 1.
    cv::Point2d previousPosition(int k, cv::Point2d p) const {
        const cv::Point2d middle(frame.width / 2.0, frame.height / 2.0);
        const cv::Point2d q = (p - middle) / zoom(k) + centre(k);
        return (q - centre(k - 1)) * zoom(k - 1) + middle;
    }
};

double seconds(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

// Mean over frames 2.. of the mean squared difference to the previous frame carried along the
// true motion, where its source lies inside the previous frame (1 px margin).
double warpError(const std::vector<cv::Mat>& frames, const Camera& camera) {
    double total = 0.0;
    for (size_t k = 1; k < frames.size(); ++k) {
        cv::Mat mapX(frames[k].size(), CV_32F);
        cv::Mat mapY(frames[k].size(), CV_32F);
        cv::Mat valid(frames[k].size(), CV_8U);
        for (int y = 0; y < mapX.rows; ++y)
            for (int x = 0; x < mapX.cols; ++x) {
                const cv::Point2d s =
                    camera.previousPosition(static_cast<int>(k), {double(x), double(y)});
                mapX.at<float>(y, x) = static_cast<float>(s.x);
                mapY.at<float>(y, x) = static_cast<float>(s.y);
                valid.at<uchar>(y, x) =
                    s.x >= 1 && s.y >= 1 && s.x <= mapX.cols - 2 && s.y <= mapX.rows - 2 ? 255 : 0;
            }
        cv::Mat carried;
        cv::remap(frames[k - 1], carried, mapX, mapY, cv::INTER_LINEAR);
        cv::Mat a, b, difference;
        frames[k].convertTo(a, CV_32F);
        carried.convertTo(b, CV_32F);
        cv::pow(a - b, 2.0, difference);
        const cv::Scalar perChannel = cv::mean(difference, valid);
        total += (perChannel[0] + perChannel[1] + perChannel[2]) / 3.0;
    }
    return total / static_cast<double>(frames.size() - 1);
}

struct Outcome {
    std::vector<cv::Mat> frames;
    double secondsPerFrame = 0.0;
    int iterations = 0;
    double loss = 0.0; // mean over frames of the last iteration's content + style + TV
};

// What the style transfer itself measures, the temporal term left out.
double transferLoss(const IterationStats& stats) {
    return stats.content() + stats.style() + stats.tv();
}

RunSettings baseRun(const std::string& stylePath, int size, int iterations) {
    RunSettings run;
    run.styles = {StyleSource(stylePath)};
    run.transfer.device = DeviceChoice::Cpu;
    run.transfer.scales = {ScaleStep{size, iterations}};
    run.transfer.saveEvery = 0;
    return run;
}

// Every frame on its own, from its content, with the same settings.
Outcome perFrame(const std::string& clipPath, const RunSettings& run, const Vgg19Weights& weights) {
    Outcome outcome;
    RunPlan base;
    base.weights = weights;
    base.settings = run.transfer;
    loadStyleInputs(run, base);
    VideoClip clip(clipPath);
    const auto start = std::chrono::steady_clock::now();
    for (cv::Mat frame = clip.next(); !frame.empty(); frame = clip.next()) {
        RunPlan plan = base;
        plan.content = rgbMatToTensor(resizeLongerSide(frame, base.settings.outputSize()));
        RunControl control;
        const RunResult result = runStyleTransfer(plan, control, {});
        outcome.iterations += result.completedIterations;
        outcome.loss += transferLoss(result.lastStats);
        outcome.frames.push_back(tensorToRgbMat(result.image));
    }
    outcome.secondsPerFrame = seconds(start) / static_cast<double>(outcome.frames.size());
    outcome.loss /= static_cast<double>(outcome.frames.size());
    return outcome;
}

Outcome asVideo(const std::string& clipPath, const std::string& folder, const RunSettings& run,
                const Vgg19Weights& weights, const VideoSettings& video) {
    Outcome outcome;
    VideoJob job;
    job.run = run;
    job.run.contentPath = clipPath;
    job.outputPath = folder + ".avi";
    job.weights = weights;
    job.run.video = video;
    job.run.video->framesFolder = folder;
    VideoSink sink;
    IterationStats last;
    sink.run.iteration = [&](const IterationStats& stats, const torch::Tensor&) { last = stats; };
    sink.frameFinished = [&](const VideoFrameEvent&, const cv::Mat& stylized, const FrameGuide*) {
        outcome.frames.push_back(stylized.clone());
        outcome.loss += transferLoss(last);
    };
    RunControl control;
    const auto start = std::chrono::steady_clock::now();
    const VideoResult result = stylizeVideo(job, control, sink);
    outcome.secondsPerFrame = seconds(start) / static_cast<double>(outcome.frames.size());
    outcome.iterations = result.iterations;
    outcome.loss /= static_cast<double>(outcome.frames.size());
    return outcome;
}

} // namespace

int main(int argc, char** argv) {
    const int width = argc > 1 ? std::atoi(argv[1]) : 160;
    const int height = argc > 2 ? std::atoi(argv[2]) : 120;
    const int frameCount = argc > 3 ? std::atoi(argv[3]) : 8;
    const int iterations = argc > 4 ? std::atoi(argv[4]) : 60;
    const std::string images = std::string(DEEPART_SOURCE_DIR) + "/../shared/images/";
    const cv::Mat picture = loadRgbImage(images + "fruits.jpg", "content picture");

    // The picture at twice the frame's width, so that the camera stays inside it.
    const cv::Mat base = resizeLongerSide(picture, 2 * std::max(width, height));
    const Camera camera{cv::Size(width, height),
                        cv::Point2d(base.cols / 2.0 - 3.0 * frameCount / 2.0,
                                    base.rows / 2.0 - 1.5 * frameCount / 2.0)};
    QTemporaryDir dir;
    const std::string clipPath = dir.filePath(QStringLiteral("clip.avi")).toStdString();
    {
        TimelapseOptions options;
        options.holdFirstSeconds = options.holdLastSeconds = 0.0;
        TimelapseWriter writer(clipPath, camera.frame, options);
        for (int k = 0; k < frameCount; ++k) {
            cv::Mat frame;
            cv::warpAffine(base, frame, camera.affine(k), camera.frame, cv::INTER_AREA);
            writer.addFrame(frame);
        }
        writer.finish();
    }
    std::vector<cv::Mat> contentFrames;
    {
        VideoClip clip(clipPath);
        for (cv::Mat frame = clip.next(); !frame.empty(); frame = clip.next())
            contentFrames.push_back(frame);
    }
    const Vgg19Weights weights = randomVgg19Weights();
    const RunSettings run =
        baseRun(images + "starry_night.jpg", std::max(width, height), iterations);
    std::printf("clip: %d frames of %d x %d px (pan 3 px and zoom 1%% a frame); %d iterations "
                "a frame on its own and for the first frame of a video, %d for the others\n",
                frameCount, width, height, iterations, std::max(1, iterations / 2));
    std::printf("warp error of the clip itself: %.1f\n\n", warpError(contentFrames, camera));
    std::printf("| run | warp error | vs per frame | s per frame | iterations | loss at the end "
                "(content + style + TV, mean of the frames) |\n");
    std::printf("| --- | --- | --- | --- | --- | --- |\n");
    const Outcome single = perFrame(clipPath, run, weights);
    const double reference = warpError(single.frames, camera);
    const auto row = [&](const std::string& name, const Outcome& outcome) {
        const double error = warpError(outcome.frames, camera);
        std::printf("| %s | %.1f | %.2fx lower | %.2f | %d | %.4g |\n", name.c_str(), error,
                    reference / error, outcome.secondsPerFrame, outcome.iterations, outcome.loss);
        std::fflush(stdout);
    };
    row("per frame", single);
    // Per frame with the video's later frames' iterations: what the warped start saves.
    RunSettings shorter = run;
    shorter.transfer.scales.back().iterations = std::max(1, iterations / 2);
    row("per frame, " + std::to_string(std::max(1, iterations / 2)) + " iterations",
        perFrame(clipPath, shorter, weights));
    int folder = 0;
    const auto video = [&](const std::string& name, double temporalWeight, bool longTerm) {
        VideoSettings settings;
        settings.temporalWeight = temporalWeight;
        settings.longTerm = longTerm;
        const QString frames = dir.filePath(QStringLiteral("frames-%1").arg(++folder));
        row(name, asVideo(clipPath, frames.toStdString(), run, weights, settings));
    };
    video("video: warped start only (temporal weight 0)", 0.0, false);
    for (const double gamma : {2.0, 20.0, VideoSettings().temporalWeight})
        video("video: warped start + temporal term, weight " + std::to_string(int(gamma)), gamma,
              false);
    video("video: + long-term frames 2 and 4 back, weight " +
              std::to_string(int(VideoSettings().temporalWeight)),
          VideoSettings().temporalWeight, true);
    return 0;
}
