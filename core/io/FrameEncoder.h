#pragma once

#include <opencv2/core.hpp>

#include <memory>
#include <string>

namespace deepart {

// Where a video's frames go, by the file's extension (any case):
//  - .mp4: H.264 (fourcc avc1, libx264 through OpenCV's FFmpeg backend): every browser and player
//    plays it;
//  - .webm: VP9 (fourcc VP90, FFmpeg);
//  - .avi: Motion JPEG (OpenCV's own writer, no FFmpeg needed);
//  - .webp: an animated WebP that loops forever, through libwebp's animation encoder (OpenCV 4.6
//    writes still WebP images only).
// H.264 and VP9 store colour at half resolution (4:2:0) and need even frame sides; the caller pads
// (needsEvenFrameSize). Not thread-safe: one thread feeds an encoder.
class FrameEncoder {
public:
    virtual ~FrameEncoder() = default;

    // Appends one frame: 8-bit BGR of the size the encoder was opened with.
    virtual void write(const cv::Mat& bgr) = 0;
    // Finishes the file. Throws deepart::Error when it cannot be written.
    virtual void close() = 0;

    // The extensions handled: ".mp4", ".webm", ".avi", ".webp" (lower case).
    static bool isSupportedExtension(const std::string& extension);
    static bool needsEvenFrameSize(const std::string& extension);
    // Opens `path` for frames of `size` at `framesPerSecond`, the format chosen by `extension`
    // (the final file's: `path` may be a temporary name). Throws deepart::Error naming `name`
    // and what this system lacks, e.g. an FFmpeg without libx264.
    static std::unique_ptr<FrameEncoder> open(const std::string& path, const std::string& extension,
                                              cv::Size size, double framesPerSecond,
                                              const std::string& name);
};

} // namespace deepart
