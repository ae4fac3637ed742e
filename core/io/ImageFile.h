#pragma once

#include <opencv2/core.hpp>

#include <string>

namespace deepart {

// Image files in and out, through OpenCV's codecs. Every failure throws deepart::Error with a
// sentence that names the file and says what is wrong.

// Largest decoded image accepted, in pixels (about 100 megapixels). OpenCV refuses headers past
// its own, larger, limit before allocating; this one keeps the run's memory bounded.
constexpr long long kMaxImagePixels = 100'000'000;

// Reads an image as 8-bit RGB: EXIF orientation applied, grayscale expanded, alpha dropped,
// 16-bit and float scaled down, CMYK converted. `role` ("content image") starts the messages.
cv::Mat loadRgbImage(const std::string& path, const std::string& role);

// Scales so that the longer side is `size` pixels, keeping the aspect ratio. An image whose longer
// side already is `size` is returned untouched (not resampled).
cv::Mat resizeLongerSide(const cv::Mat& image, int size);

// True for the extensions the writer handles: .png, .jpg, .jpeg, .tif, .tiff, .webp.
bool isSupportedOutputPath(const std::string& path);

// Checks, before any work, that `path` has a supported extension and that its folder exists and
// is writable.
void checkOutputPath(const std::string& path);

// The version of the OpenCV library that reads and writes the images ("4.6.0"), for the About
// dialog.
std::string openCvVersion();

// Encodes an 8-bit RGB image in the format of `path`'s extension and writes it atomically: to a
// temporary file first, renamed over `path` only when complete, so a failed write (disk full,
// no permission) leaves no partial file and no half-overwritten old one.
void saveRgbImage(const cv::Mat& rgb, const std::string& path);

} // namespace deepart
