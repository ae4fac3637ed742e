#pragma once

#include <QImage>

#include <opencv2/core.hpp>

namespace deepart {

// RGB cv::Mat (the engine's image I/O; 8-bit, or 16-bit as QImage::Format_RGBX64) to a QImage
// that owns its pixels, and back.
QImage toQImage(const cv::Mat& rgb);
// The returned Mat copies the pixels; any QImage format is accepted. `bitDepth` 16 gives
// CV_16UC3 (an 8-bit image's levels spread over 16 bits).
cv::Mat toRgbMat(const QImage& image, int bitDepth = 8);
// True for QImage formats of more than 8 bits a channel (the run's final image keeps 16).
bool isDeepImage(const QImage& image);

} // namespace deepart
