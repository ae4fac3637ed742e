#include "FrameMotion.h"

#include "Error.h"

#include <opencv2/imgproc.hpp>
#include <opencv2/video/tracking.hpp>

namespace deepart {

namespace {

// The sampling grid p + flow(p) as remap's two maps.
void sourceMaps(const cv::Mat& flow, cv::Mat& mapX, cv::Mat& mapY) {
    mapX.create(flow.size(), CV_32F);
    mapY.create(flow.size(), CV_32F);
    for (int y = 0; y < flow.rows; ++y) {
        const auto* f = flow.ptr<cv::Vec2f>(y);
        auto* mx = mapX.ptr<float>(y);
        auto* my = mapY.ptr<float>(y);
        for (int x = 0; x < flow.cols; ++x) {
            mx[x] = static_cast<float>(x) + f[x][0];
            my[x] = static_cast<float>(y) + f[x][1];
        }
    }
}

void checkFlow(const cv::Mat& flow, const char* what) {
    if (flow.empty() || flow.type() != CV_32FC2)
        throw Error(std::string(what) + " flow must be a non-empty CV_32FC2 field");
}

} // namespace

cv::Mat opticalFlow(const cv::Mat& from, const cv::Mat& to) {
    if (from.empty() || from.type() != CV_8UC3 || to.size() != from.size() || to.type() != CV_8UC3)
        throw Error("optical flow needs two 8-bit RGB frames of one size");
    cv::Mat grayFrom;
    cv::Mat grayTo;
    cv::cvtColor(from, grayFrom, cv::COLOR_RGB2GRAY);
    cv::cvtColor(to, grayTo, cv::COLOR_RGB2GRAY);
    cv::Mat flow;
    cv::DISOpticalFlow::create(cv::DISOpticalFlow::PRESET_MEDIUM)->calc(grayFrom, grayTo, flow);
    return flow;
}

cv::Mat warpByFlow(const cv::Mat& image, const cv::Mat& flow) {
    checkFlow(flow, "the warp's");
    if (image.size() != flow.size())
        throw Error("the image to warp and the flow differ in size");
    cv::Mat mapX;
    cv::Mat mapY;
    sourceMaps(flow, mapX, mapY);
    cv::Mat warped;
    cv::remap(image, warped, mapX, mapY, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    return warped;
}

cv::Mat consistencyMask(const cv::Mat& backward, const cv::Mat& forward) {
    checkFlow(backward, "the backward");
    checkFlow(forward, "the forward");
    if (backward.size() != forward.size())
        throw Error("the backward and forward flows differ in size");
    // The forward flow at each pixel's source in the previous frame.
    const cv::Mat forwardAtSource = warpByFlow(forward, backward);
    cv::Mat gradX;
    cv::Mat gradY;
    cv::Sobel(backward, gradX, CV_32F, 1, 0, 1);
    cv::Sobel(backward, gradY, CV_32F, 0, 1, 1);
    cv::Mat mask(backward.size(), CV_32F);
    for (int y = 0; y < backward.rows; ++y) {
        const auto* b = backward.ptr<cv::Vec2f>(y);
        const auto* f = forwardAtSource.ptr<cv::Vec2f>(y);
        const auto* gx = gradX.ptr<cv::Vec2f>(y);
        const auto* gy = gradY.ptr<cv::Vec2f>(y);
        auto* m = mask.ptr<float>(y);
        for (int x = 0; x < backward.cols; ++x) {
            const float sx = static_cast<float>(x) + b[x][0];
            const float sy = static_cast<float>(y) + b[x][1];
            const bool inside = sx >= 0.0f && sy >= 0.0f && sx <= float(backward.cols - 1) &&
                                sy <= float(backward.rows - 1);
            const cv::Vec2f sum = f[x] + b[x];
            const float b2 = b[x].dot(b[x]);
            const bool consistent = sum.dot(sum) <= 0.01f * (f[x].dot(f[x]) + b2) + 0.5f;
            // Sobel with ksize 1 is a central difference times 2: halve it for the gradient.
            const float gradient = 0.25f * (gx[x].dot(gx[x]) + gy[x].dot(gy[x]));
            const bool smooth = gradient <= 0.01f * b2 + 0.002f;
            m[x] = inside && consistent && smooth ? 1.0f : 0.0f;
        }
    }
    return mask;
}

} // namespace deepart
