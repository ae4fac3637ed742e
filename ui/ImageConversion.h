#pragma once

#include <QImage>

#include <opencv2/core.hpp>

namespace deepart {

// 8-bit RGB cv::Mat (the engine's image I/O) to a QImage that owns its pixels, and back.
QImage toQImage(const cv::Mat& rgb);
// The returned Mat copies the pixels; any QImage format is accepted.
cv::Mat toRgbMat(const QImage& image);

} // namespace deepart
