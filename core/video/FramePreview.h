#pragma once

#include <opencv2/core.hpp>

#include <string>

namespace deepart {

// One frame of a clip as a video run would see it, for a preview before the run.
struct FramePreview {
    cv::Mat frame; // 8-bit RGB
    // Where the previous frame's result would be carried into this one (consistencyMask): 8-bit,
    // 255 where it holds, 0 where the frame starts from its own content. Empty for frame 1.
    cv::Mat mask;
};

// Frame `frame` (from 1) of the clip at `path` and its mask, scaled to at most `side` px on the
// longer side (the flow is measured at that size too). Reads the clip from its start: seconds
// for a frame far into a long clip, so call it off the GUI thread. Throws deepart::Error for an
// unreadable clip or a frame past its end. Any thread.
FramePreview previewFrame(const std::string& path, int frame, int side);

} // namespace deepart
