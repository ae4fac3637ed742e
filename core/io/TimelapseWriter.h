#pragma once

#include <opencv2/core.hpp>
#include <torch/types.h>

#include <memory>
#include <string>

namespace deepart {

// How a time-lapse looks.
struct TimelapseOptions {
    double framesPerSecond = 10.0;
    // The first and the last frame stay on screen this much longer (whole frames at the frame
    // rate: round(seconds x fps) extra copies), so the start and the result can be seen.
    double holdFirstSeconds = 1.0;
    double holdLastSeconds = 2.0;
    // When set (8-bit RGB, any size): every frame shows it on the left, scaled to the result's
    // frame size, and the result on the right; the video is twice as wide.
    cv::Mat content;
};

class FrameEncoder;

// A video of a run taking shape (FrameEncoder): .mp4 (H.264, which every browser and player
// plays), .webm (VP9), .webp (an animated WebP that loops) or .avi (Motion JPEG, no FFmpeg needed).
//
// The frame size is fixed up front from the result's size; frames of any size (coarse scales are
// smaller) are scaled to it. H.264 and VP9 need even sides: an odd size is padded with a copy of
// the last row or column, never cropped or rescaled. The
// video is written to `<name>.part.<ext>` beside `path` and renamed to `path` by finish(), so a
// video under `path` is always complete; a writer destroyed without finish() (an error, a stop)
// removes its partial file. Not thread-safe: one thread feeds it.
class TimelapseWriter {
public:
    // Opens the video. Throws deepart::Error, naming the file, for an unsupported extension, a
    // folder that does not exist or is not writable, options out of range, or a codec that this
    // system's OpenCV does not have.
    TimelapseWriter(const std::string& path, cv::Size resultSize,
                    const TimelapseOptions& options = {});
    ~TimelapseWriter();
    TimelapseWriter(const TimelapseWriter&) = delete;
    TimelapseWriter& operator=(const TimelapseWriter&) = delete;

    // True for the extensions the writer handles: .mp4, .webm, .webp and .avi (any case).
    static bool isSupportedPath(const std::string& path);
    // Checks, before any work, what the constructor checks about the path (extension, folder).
    static void checkPath(const std::string& path);

    // Appends a frame: 8-bit RGB of any size. The first frame is held as the options say.
    // Throws deepart::Error for an empty or non-RGB image, or after finish().
    void addFrame(const cv::Mat& rgb);
    // The same for a 1x3xHxW tensor in [0,1] on any device (as the run driver reports images).
    void addFrame(const torch::Tensor& image);

    // Holds the last frame, closes the video and moves it to its final name. Throws
    // deepart::Error when no frame was added or the file cannot be moved (the partial file is
    // then removed). Called once.
    void finish();

    const std::string& path() const { return path_; }
    // The size of every frame of the video: the result's (twice its width side by side), each
    // side rounded up to even for H.264 and VP9.
    cv::Size frameSize() const { return frameSize_; }
    // Frames added with addFrame().
    int framesAdded() const { return framesAdded_; }
    // Frames in the video so far, held copies included.
    int framesWritten() const { return framesWritten_; }
    // How long the video so far plays.
    double durationSeconds() const { return framesWritten_ / options_.framesPerSecond; }

private:
    void writeCopies(const cv::Mat& bgr, int count);
    void discard() noexcept;

    std::string path_;
    std::string partPath_;
    cv::Size panelSize_; // the result's part of a frame
    cv::Size frameSize_;
    TimelapseOptions options_;
    cv::Mat contentPanel_; // BGR, panelSize_, when side by side
    cv::Mat lastFrame_;    // BGR, frameSize_, for the final hold
    std::unique_ptr<FrameEncoder> encoder_;
    int framesAdded_ = 0;
    int framesWritten_ = 0;
    bool finished_ = false;
};

} // namespace deepart
