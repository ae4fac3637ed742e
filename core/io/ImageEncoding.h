#pragma once

#include <opencv2/core.hpp>

#include <cstdint>
#include <vector>

namespace deepart {

// How an image file is written: 8 or 16 bits a channel (16: PNG and TIFF only), and the print
// resolution the file records (dots per inch; 0: none), which a print shop or a layout program
// reads to know the printed size.
struct ImageWriteOptions {
    int bitDepth = 8;
    double dpi = 0.0;
};

// PNG bytes of an RGB image (CV_8UC3 or CV_16UC3), through libpng (OpenCV's PNG writer records
// no resolution): 16-bit samples big-endian as PNG wants them, the resolution as a pHYs chunk
// in dots per metre. Returns false when libpng refuses. Thread-safe.
bool encodePng(const cv::Mat& rgb, double dpi, std::vector<std::uint8_t>& out);

} // namespace deepart
