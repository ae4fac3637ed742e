#include "TimelapseWriter.h"

#include "Error.h"
#include "FrameEncoder.h"
#include "ImageFile.h"
#include "ImageTensor.h"

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <system_error>

namespace deepart {

namespace {

// `<folder>/<name>.part.<ext>`: same folder, so that the final rename is atomic, and the same
// extension, because OpenCV picks the container by it.
std::string partPathFor(const std::string& path) {
    std::filesystem::path part(path);
    const std::string ext = part.extension().string();
    part.replace_extension(".part" + ext);
    return part.string();
}

int evenUp(int n) {
    return n + n % 2;
}

// Shrinking averages (no aliasing); enlarging an early, coarse frame interpolates smoothly.
cv::Mat scaledTo(const cv::Mat& image, cv::Size size) {
    if (image.size() == size)
        return image;
    cv::Mat out;
    const bool shrinking = image.cols >= size.width && image.rows >= size.height;
    cv::resize(image, out, size, 0, 0, shrinking ? cv::INTER_AREA : cv::INTER_CUBIC);
    return out;
}

int holdFrames(double seconds, double fps) {
    return static_cast<int>(std::lround(seconds * fps));
}

} // namespace

bool TimelapseWriter::isSupportedPath(const std::string& path) {
    return FrameEncoder::isSupportedExtension(lowerExtension(path));
}

void TimelapseWriter::checkPath(const std::string& path) {
    if (!isSupportedPath(path))
        throw Error("time-lapse '" + path +
                    "': unsupported video type; use .mp4, .webm, .webp or .avi");
    checkWritableFilePath("time-lapse", path);
}

TimelapseWriter::TimelapseWriter(const std::string& path, cv::Size resultSize,
                                 const TimelapseOptions& options)
    : path_(path), partPath_(partPathFor(path)), options_(options) {
    checkPath(path);
    const double fps = options.framesPerSecond;
    if (!(fps > 0.0 && fps <= 240.0))
        throw Error("time-lapse '" + path + "': the frame rate must be above 0 and at most 240");
    for (double hold : {options.holdFirstSeconds, options.holdLastSeconds})
        if (!(hold >= 0.0 && hold <= 3600.0))
            throw Error("time-lapse '" + path + "': a hold must be from 0 to 3600 seconds");
    if (resultSize.width < 1 || resultSize.height < 1)
        throw Error("time-lapse '" + path + "': the frame size is empty");
    if (!options.content.empty() && options.content.type() != CV_8UC3)
        throw Error("time-lapse '" + path + "': the content image is not 8-bit RGB");

    panelSize_ = resultSize;
    cv::Size picture = panelSize_;
    if (!options.content.empty()) {
        cv::cvtColor(scaledTo(options.content, panelSize_), contentPanel_, cv::COLOR_RGB2BGR);
        picture.width *= 2;
    }
    options_.content.release(); // the panel is what is kept
    // H.264 and VP9 need even sides: an odd picture gets one more row or column, a copy of its
    // edge, rather than losing one (or being scaled).
    const std::string extension = lowerExtension(path);
    frameSize_ = FrameEncoder::needsEvenFrameSize(extension)
                     ? cv::Size(evenUp(picture.width), evenUp(picture.height))
                     : picture;
    try {
        encoder_ =
            FrameEncoder::open(partPath_, extension, frameSize_, fps, "time-lapse '" + path + "'");
    } catch (...) {
        discard();
        throw;
    }
}

TimelapseWriter::~TimelapseWriter() {
    if (!finished_)
        discard();
}

void TimelapseWriter::discard() noexcept {
    encoder_.reset();
    std::error_code ignored;
    std::filesystem::remove(partPath_, ignored);
}

void TimelapseWriter::writeCopies(const cv::Mat& bgr, int count) {
    for (int k = 0; k < count; ++k)
        encoder_->write(bgr);
    framesWritten_ += count;
}

void TimelapseWriter::addFrame(const cv::Mat& rgb) {
    if (finished_)
        throw Error("time-lapse '" + path_ + "': a frame came after the video was finished");
    if (rgb.empty() || rgb.type() != CV_8UC3)
        throw Error("time-lapse '" + path_ + "': a frame is empty or not 8-bit RGB");
    cv::Mat panel;
    cv::cvtColor(scaledTo(rgb, panelSize_), panel, cv::COLOR_RGB2BGR);
    cv::Mat frame;
    if (contentPanel_.empty())
        frame = panel;
    else
        cv::hconcat(contentPanel_, panel, frame);
    if (frame.size() != frameSize_)
        cv::copyMakeBorder(frame, frame, 0, frameSize_.height - frame.rows, 0,
                           frameSize_.width - frame.cols, cv::BORDER_REPLICATE);
    writeCopies(frame, framesAdded_ == 0
                           ? 1 + holdFrames(options_.holdFirstSeconds, options_.framesPerSecond)
                           : 1);
    ++framesAdded_;
    lastFrame_ = frame;
}

void TimelapseWriter::addFrame(const torch::Tensor& image) {
    addFrame(tensorToRgbMat(image));
}

void TimelapseWriter::finish() {
    if (finished_)
        throw Error("time-lapse '" + path_ + "' was already finished");
    finished_ = true;
    if (framesAdded_ == 0) {
        discard();
        throw Error("time-lapse '" + path_ + "': no frames were recorded, so none was written");
    }
    writeCopies(lastFrame_, holdFrames(options_.holdLastSeconds, options_.framesPerSecond));
    try {
        encoder_->close();
    } catch (...) {
        discard();
        throw;
    }
    std::error_code error;
    const auto size = std::filesystem::file_size(partPath_, error);
    if (error || size == 0) {
        discard();
        throw Error("time-lapse '" + path_ +
                    "' cannot be written: the encoder wrote nothing "
                    "(is the disk full?)");
    }
    std::filesystem::rename(partPath_, path_, error);
    if (error) {
        discard();
        throw Error("time-lapse '" + path_ + "' cannot be written: " + error.message());
    }
}

} // namespace deepart
