#include "VideoClip.h"

#include "Error.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace deepart {

VideoClip::VideoClip(const std::string& path) : path_(path) {
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        throw Error("the video '" + path + "' does not exist");
    if (!std::filesystem::is_regular_file(path, error))
        throw Error("'" + path + "' is not a video file");
    // FFmpeg's own complaints ("moov atom not found") would come before ours, which says the
    // same in the user's words: OpenCV reads this variable when it first loads FFmpeg (quiet:
    // -8). One set by the user is kept.
    ::setenv("OPENCV_FFMPEG_LOGLEVEL", "-8", 0);
    // FFmpeg only: OpenCV's other backends would take a folder or an image sequence pattern.
    if (!capture_.open(path, cv::CAP_FFMPEG) || !capture_.isOpened())
        throw Error("'" + path + "' cannot be read as a video (is it one?)");
    size_ = cv::Size(static_cast<int>(capture_.get(cv::CAP_PROP_FRAME_WIDTH)),
                     static_cast<int>(capture_.get(cv::CAP_PROP_FRAME_HEIGHT)));
    if (size_.width <= 0 || size_.height <= 0)
        throw Error("the video '" + path + "' has no pictures");
    const double count = capture_.get(cv::CAP_PROP_FRAME_COUNT);
    frameCount_ = std::isfinite(count) && count > 0.0 && count < 1e7 ? static_cast<int>(count) : 0;
    // Some containers report their time base (1000) instead of a frame rate; beyond 240 frames a
    // second (what the video writers take) the rate is taken as unknown.
    const double fps = capture_.get(cv::CAP_PROP_FPS);
    if (std::isfinite(fps) && fps > 0.0 && fps <= 240.0)
        framesPerSecond_ = fps;
}

cv::Mat VideoClip::next() {
    cv::Mat bgr;
    if (!capture_.read(bgr) || bgr.empty())
        return {};
    cv::Mat rgb;
    if (bgr.channels() == 1)
        cv::cvtColor(bgr, rgb, cv::COLOR_GRAY2RGB);
    else
        cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    if (rgb.depth() != CV_8U)
        rgb.convertTo(rgb, CV_8U, rgb.depth() == CV_16U ? 1.0 / 257.0 : 1.0);
    return rgb;
}

} // namespace deepart
