#include "FramePreview.h"

#include "Error.h"
#include "FrameMotion.h"
#include "ImageFile.h"
#include "VideoClip.h"

namespace deepart {

FramePreview previewFrame(const std::string& path, int frame, int side) {
    if (frame < 1)
        throw Error("frames are counted from 1");
    VideoClip clip(path);
    cv::Mat previous;
    cv::Mat current;
    for (int k = 1; k <= frame; ++k) {
        previous = current;
        current = clip.next();
        if (current.empty())
            throw Error("the video has " + std::to_string(k - 1) + " frames, not " +
                        std::to_string(frame));
    }
    const auto sized = [side](const cv::Mat& image) {
        return std::max(image.cols, image.rows) > side ? resizeLongerSide(image, side) : image;
    };
    FramePreview preview;
    preview.frame = sized(current);
    if (!previous.empty()) {
        const cv::Mat before = sized(previous);
        const cv::Mat backward = opticalFlow(preview.frame, before);
        const cv::Mat forward = opticalFlow(before, preview.frame);
        consistencyMask(backward, forward).convertTo(preview.mask, CV_8U, 255.0);
    }
    return preview;
}

} // namespace deepart
