// Milliseconds for the motion of one video frame at 512 and 1024 px: DIS optical flow one way,
// and everything a frame needs (flow both ways, the warp, the consistency mask). A benchmark:
// prints figures, asserts nothing. usage: deepart-flow-bench [REPEATS]
#include "FrameMotion.h"
#include "TestData.h"

#include <opencv2/imgproc.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace deepart;

namespace {
double msSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}
} // namespace

int main(int argc, char** argv) {
    const int repeats = argc > 1 ? std::atoi(argv[1]) : 10;
    std::printf("%-12s %14s %16s\n", "frame", "flow ms", "whole frame ms");
    for (const int side : {512, 1024}) {
        const cv::Mat previous = test::testPicture(side, side * 3 / 4, 5);
        const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1.02, 0, 4, 0, 1.02, 2); // pan and zoom
        cv::Mat current;
        cv::warpAffine(previous, current, shift, previous.size(), cv::INTER_LINEAR,
                       cv::BORDER_REPLICATE);
        opticalFlow(current, previous); // warm-up
        auto start = std::chrono::steady_clock::now();
        for (int k = 0; k < repeats; ++k)
            opticalFlow(current, previous);
        const double flowMs = msSince(start) / repeats;
        start = std::chrono::steady_clock::now();
        for (int k = 0; k < repeats; ++k) {
            const cv::Mat backward = opticalFlow(current, previous);
            const cv::Mat forward = opticalFlow(previous, current);
            const cv::Mat carried = warpByFlow(previous, backward);
            const cv::Mat mask = consistencyMask(backward, forward);
        }
        const double frameMs = msSince(start) / repeats;
        std::printf("%4d x %-5d %14.1f %16.1f\n", previous.cols, previous.rows, flowMs, frameMs);
    }
    return 0;
}
