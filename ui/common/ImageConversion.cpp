#include "ImageConversion.h"

#include <opencv2/imgproc.hpp>

namespace deepart {

QImage toQImage(const cv::Mat& rgb) {
    CV_Assert(rgb.type() == CV_8UC3 || rgb.type() == CV_16UC3);
    if (rgb.type() == CV_16UC3) {
        cv::Mat rgbx;
        cv::cvtColor(rgb, rgbx, cv::COLOR_RGB2RGBA, 4); // alpha 65535: opaque
        return QImage(rgbx.data, rgbx.cols, rgbx.rows, static_cast<qsizetype>(rgbx.step),
                      QImage::Format_RGBX64)
            .copy();
    }
    return QImage(rgb.data, rgb.cols, rgb.rows, static_cast<qsizetype>(rgb.step),
                  QImage::Format_RGB888)
        .copy();
}

bool isDeepImage(const QImage& image) {
    return image.pixelFormat().redSize() > 8;
}

cv::Mat toRgbMat(const QImage& image, int bitDepth) {
    if (bitDepth == 16) {
        const QImage rgbx = image.convertToFormat(QImage::Format_RGBX64);
        const cv::Mat view(rgbx.height(), rgbx.width(), CV_16UC4,
                           const_cast<uchar*>(rgbx.constBits()),
                           static_cast<size_t>(rgbx.bytesPerLine()));
        cv::Mat rgb;
        cv::cvtColor(view, rgb, cv::COLOR_RGBA2RGB);
        return rgb;
    }
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    return cv::Mat(rgb.height(), rgb.width(), CV_8UC3, const_cast<uchar*>(rgb.constBits()),
                   static_cast<size_t>(rgb.bytesPerLine()))
        .clone();
}

} // namespace deepart
