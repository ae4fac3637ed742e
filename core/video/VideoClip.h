#pragma once

#include <opencv2/core.hpp>
#include <opencv2/videoio.hpp>

#include <string>

namespace deepart {

// A video file read frame by frame, in order, through OpenCV (FFmpeg): the pictures only, its
// sound is not read. Not thread-safe: one thread reads it.
class VideoClip {
public:
    // Throws deepart::Error naming the file when it cannot be opened as a video.
    explicit VideoClip(const std::string& path);

    // As the container says: may be an estimate, 0 when unknown.
    int frameCount() const { return frameCount_; }
    // 25 when the container does not say (or says more than 240, which is its time base).
    double framesPerSecond() const { return framesPerSecond_; }
    cv::Size frameSize() const { return size_; }

    // The next frame as 8-bit RGB; empty at the end of the clip.
    cv::Mat next();

private:
    std::string path_;
    cv::VideoCapture capture_;
    int frameCount_ = 0;
    double framesPerSecond_ = 25.0;
    cv::Size size_;
};

} // namespace deepart
