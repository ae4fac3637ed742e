#pragma once

#include <opencv2/core.hpp>

#include <vector>

namespace deepart {

// An earlier frame of the clip: what it showed and what it became (8-bit RGB, the current
// frame's size), `offset` frames back.
struct PastFrame {
    int offset = 1;
    cv::Mat content;
    cv::Mat stylized;
};

// An earlier stylized frame carried into the current one, and where it holds (Ruder et al.'s
// c, or for long-term frames c_long: only where no nearer frame holds).
struct FrameTarget {
    int offset = 1;
    cv::Mat warped; // 8-bit RGB
    cv::Mat mask;   // CV_32F, 1 or 0
};

// What a frame after the first starts from and is held to.
struct FrameGuide {
    // The previous stylized frame carried along the motion where the consistency check passes,
    // the content frame where it fails (disoccluded regions, motion boundaries, the edges).
    cv::Mat start;
    std::vector<FrameTarget> targets; // nearest first
};

// Ruder, Dosovitskiy and Brox (2016), sections 3-4, with DIS flow (FrameMotion): for each past
// frame, the flow both ways between it and `content`, the previous stylized frame warped by the
// backward flow, and its consistency mask; a farther frame's mask keeps only what the nearer
// ones lack (eq. 8). `past` holds the frame 1 back and any farther ones, nearest first. Throws
// deepart::Error for frames of other sizes or types. Any thread.
FrameGuide guideFrame(const cv::Mat& content, const std::vector<PastFrame>& past);

} // namespace deepart
