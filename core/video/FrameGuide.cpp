#include "FrameGuide.h"

#include "Error.h"
#include "FrameMotion.h"

namespace deepart {

FrameGuide guideFrame(const cv::Mat& content, const std::vector<PastFrame>& past) {
    if (past.empty() || past.front().offset != 1)
        throw Error("a video frame is guided by the frame before it, which is missing");
    FrameGuide guide;
    cv::Mat covered = cv::Mat::zeros(content.size(), CV_32F); // held by a nearer frame
    for (const PastFrame& frame : past) {
        if (frame.stylized.size() != content.size() || frame.stylized.type() != CV_8UC3)
            throw Error("an earlier stylized frame differs from the frame in size or type");
        const cv::Mat backward = opticalFlow(content, frame.content);
        const cv::Mat forward = opticalFlow(frame.content, content);
        FrameTarget target;
        target.offset = frame.offset;
        target.warped = warpByFlow(frame.stylized, backward);
        const cv::Mat consistent = consistencyMask(backward, forward);
        target.mask = cv::max(consistent - covered, 0.0);
        covered = cv::max(covered, consistent);
        guide.targets.push_back(std::move(target));
    }
    const FrameTarget& previous = guide.targets.front();
    guide.start = content.clone();
    cv::Mat holds;
    previous.mask.convertTo(holds, CV_8U, 255.0);
    previous.warped.copyTo(guide.start, holds);
    return guide;
}

} // namespace deepart
