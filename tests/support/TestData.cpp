#include "TestData.h"

#include "TimelapseWriter.h"

#include <QFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <stdexcept>
#include <utility>
#include <vector>
#include <zlib.h>

namespace deepart::test {

Vgg19Weights smallWeights(std::uint64_t seed) {
    return randomVgg19Weights(kSmallWidths, seed);
}

torch::Tensor randomImage(int height, int width, std::uint64_t seed) {
    torch::manual_seed(seed);
    return torch::rand({1, 3, height, width});
}

cv::Mat testPicture(int width, int height, int seed) {
    cv::Mat rgb(height, width, CV_8UC3);
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x)
            rgb.at<cv::Vec3b>(y, x) = cv::Vec3b(static_cast<uchar>((x * 255) / width),
                                                static_cast<uchar>((y * 255) / height),
                                                static_cast<uchar>((x + y + 40 * seed) % 256));
    cv::circle(rgb, {width / 3, height / 2}, std::max(2, height / 5), {250, 30, 30}, -1);
    cv::rectangle(rgb, {width / 2, height / 4}, {width - 2, height / 2}, {20, 200, 90}, -1);
    return rgb;
}

QString writeRgbImage(const QString& path, const cv::Mat& rgb) {
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    if (!cv::imwrite(path.toStdString(), bgr))
        throw std::runtime_error("cannot write test image " + path.toStdString());
    return path;
}

QByteArray pngClaimingSize(quint32 width, quint32 height) {
    std::vector<uchar> png;
    cv::imencode(".png", cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)), png);
    // The IHDR chunk follows the 8-byte signature: length(4) "IHDR"(4) width(4) height(4) ...
    auto putBigEndian = [&](size_t offset, quint32 value) {
        for (int i = 0; i < 4; ++i)
            png[offset + static_cast<size_t>(i)] = static_cast<uchar>(value >> (24 - 8 * i));
    };
    putBigEndian(16, width);
    putBigEndian(20, height);
    const uLong crc = crc32(0L, png.data() + 12, 17); // chunk type + 13 data bytes
    putBigEndian(29, static_cast<quint32>(crc));
    return QByteArray(reinterpret_cast<const char*>(png.data()), static_cast<int>(png.size()));
}

QByteArray jpegWithExifOrientation6(const cv::Mat& rgb) {
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> jpeg;
    cv::imencode(".jpg", bgr, jpeg, {cv::IMWRITE_JPEG_QUALITY, 100});
    // APP1: "Exif\0\0", a big-endian TIFF header, one IFD entry: Orientation (0x0112), SHORT, 6.
    const uchar tiff[] = {'M',  'M',  0, 42, 0, 0, 0, 8,             // header, IFD at offset 8
                          0,    1,                                   // one entry
                          0x01, 0x12, 0, 3,  0, 0, 0, 1, 0, 6, 0, 0, // orientation = 6
                          0,    0,    0, 0};                         // no next IFD
    QByteArray app1("Exif\0\0", 6);
    app1.append(reinterpret_cast<const char*>(tiff), sizeof tiff);
    const int length = static_cast<int>(app1.size()) + 2;
    QByteArray segment("\xff\xe1", 2);
    segment.append(static_cast<char>(length >> 8)).append(static_cast<char>(length & 0xff));
    segment.append(app1);
    QByteArray bytes(reinterpret_cast<const char*>(jpeg.data()), static_cast<int>(jpeg.size()));
    bytes.insert(2, segment); // right after the SOI marker
    return bytes;
}

void writeBytes(const QString& path, const QByteArray& bytes) {
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        throw std::runtime_error("cannot write " + path.toStdString());
}

QString writePannedClip(const QString& path, int frames) {
    const cv::Mat wide = testPicture(std::max(96, 64 + 3 * frames), 48, 4);
    TimelapseOptions options;
    options.framesPerSecond = 12.0;
    options.holdFirstSeconds = options.holdLastSeconds = 0.0;
    TimelapseWriter writer(path.toStdString(), cv::Size(64, 48), options);
    for (int k = 0; k < frames; ++k)
        writer.addFrame(wide(cv::Rect(3 * k, 0, 64, 48)).clone());
    writer.finish();
    return path;
}

} // namespace deepart::test
