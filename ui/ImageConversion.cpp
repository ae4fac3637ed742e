#include "ImageConversion.h"

namespace deepart {

QImage toQImage(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_8UC3);
    return QImage(rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step),
                  QImage::Format_RGB888)
        .copy();
}

cv::Mat toRgbMat(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    return cv::Mat(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                   static_cast<size_t>(rgb.bytesPerLine()))
        .clone();
}

} // namespace deepart
