#pragma once

#include "ImageEncoding.h"

#include <opencv2/core.hpp>

#include <string>

namespace deepart {

// Image files in and out, through OpenCV's codecs. Every failure throws deepart::Error with a
// sentence that names the file and says what is wrong.

// Largest image accepted, in pixels (100 megapixels: 300 MB decoded), checked on the file's
// header before anything is decoded, so a small file declaring a huge picture costs nothing.
constexpr long long kMaxImagePixels = 100'000'000;
// Largest image file read (a 100-megapixel TIFF is 300 MB uncompressed).
constexpr long long kMaxImageFileBytes = 1LL << 30;

// Reads an image (PNG, JPEG, TIFF, WebP, BMP) as 8-bit RGB: EXIF orientation applied, grayscale
// expanded, alpha dropped, 16-bit and float scaled down, CMYK converted. A truncated or damaged
// file is refused, whatever its format, with the same message; the codecs print nothing.
// Thread-safe. `role` ("content image") starts the messages.
cv::Mat loadRgbImage(const std::string& path, const std::string& role);

// Scales so that the longer side is `size` pixels, keeping the aspect ratio. An image whose longer
// side already is `size` is returned untouched (not resampled).
cv::Mat resizeLongerSide(const cv::Mat& image, int size);

// The extension of `path` in lower case, with its dot (".jpg"); "" when there is none.
std::string lowerExtension(const std::string& path);

// True for the extensions the writer handles: .png, .jpg, .jpeg, .tif, .tiff, .webp.
bool isSupportedOutputPath(const std::string& path);

// Checks, before any work, that `path` has a supported extension and that its folder exists and
// is writable.
void checkOutputPath(const std::string& path);
// That `path` can be written as a file: its folder exists and is writable, and it is not a
// folder itself. Throws Error naming it as `what` ("output", "time-lapse").
void checkWritableFilePath(const std::string& what, const std::string& path);

// The version of the OpenCV library that reads and writes the images ("4.6.0"), for the About
// dialog.
std::string openCvVersion();

// Encodes an RGB image (8-bit, or 16-bit for PNG and TIFF) in the format of `path`'s extension
// and writes it atomically: to a temporary file first, renamed over `path` only when complete, so
// a failed write (disk full, no permission) leaves no partial file and no half-overwritten old
// one. A resolution is recorded in PNG (pHYs) and TIFF files; JPEG and WebP hold 8 bits and no
// resolution here, and asking for either with them throws Error before anything is written.
void saveRgbImage(const cv::Mat& rgb, const std::string& path,
                  const ImageWriteOptions& options = {});
// That `options` suit the format of `path` (checked before a run, so a mistake costs nothing).
void checkWriteOptions(const std::string& path, const ImageWriteOptions& options);

} // namespace deepart
