#pragma once

#include "RandomVgg19Weights.h"

#include <QByteArray>
#include <QString>

#include <opencv2/core.hpp>

namespace deepart::test {

// A VGG-19 with the real structure but 4-16 channels per block: fast enough for optimization
// runs in unit tests.
constexpr Vgg19Widths kSmallWidths = {4, 8, 8, 16, 16};
Vgg19Weights smallWeights(std::uint64_t seed = 7);

// A 1x3xHxW image of uniform noise in [0,1], the same for a seed in every process (LibTorch's
// global generator is not seeded the same way at start-up everywhere). Reseeds that generator.
torch::Tensor randomImage(int height, int width, std::uint64_t seed);

// A smooth, colourful 8-bit RGB test picture (gradients plus a few shapes), different per seed.
cv::Mat testPicture(int width, int height, int seed = 0);

// Writes an 8-bit RGB image with OpenCV (format from the extension); fails the test on error.
QString writeRgbImage(const QString& path, const cv::Mat& rgb);

// A valid PNG whose header claims width x height: a decompression bomb in miniature.
QByteArray pngClaimingSize(quint32 width, quint32 height);

// A JPEG of `rgb` whose EXIF block says "rotate 90 degrees clockwise to display" (orientation 6).
QByteArray jpegWithExifOrientation6(const cv::Mat& rgb);

void writeBytes(const QString& path, const QByteArray& bytes);

// A clip for the video tests: `frames` frames of 64 x 48 px cut from a wider picture, 3 px
// further right each time (the picture moves left), as Motion JPEG at 12 fps. Returns `path`.
QString writePannedClip(const QString& path, int frames = 4);

} // namespace deepart::test
