#pragma once

#include <opencv2/core.hpp>

namespace deepart {

// Motion between two frames of a clip, and what Ruder, Dosovitskiy and Brox (2016, "Artistic
// style transfer for videos") build on it: the previous stylized frame carried into the current
// one, and where that can be trusted. Flow is OpenCV's DIS optical flow (fast, in the main video
// module), not the paper's DeepFlow. Any thread; each call works on its own data.

// Dense flow from `from` to `to` (8-bit RGB of one size): CV_32FC2, for each pixel p of `from`
// the displacement (dx, dy) such that p + flow(p) is where it went in `to`.
cv::Mat opticalFlow(const cv::Mat& from, const cv::Mat& to);

// `image` sampled at p + flow(p) for each pixel p (bilinear; outside the image, its edge): with
// the backward flow (current frame to previous), the previous frame carried into the current.
cv::Mat warpByFlow(const cv::Mat& image, const cv::Mat& flow);

// Where the warp can be trusted, for each pixel of the current frame: CV_32F, 1 or 0. Given the
// backward flow (current to previous) and the forward flow (previous to current), a pixel is 0
// where the two disagree (disoccluded: what it shows was hidden in the previous frame,
// |w̃ + ŵ|² > 0.01 (|w̃|² + |ŵ|²) + 0.5 with w̃ the forward flow at the pixel's source), at
// motion boundaries (|∇ŵ|² > 0.01 |ŵ|² + 0.002), and where its source lies outside the
// previous frame.
cv::Mat consistencyMask(const cv::Mat& backward, const cv::Mat& forward);

} // namespace deepart
