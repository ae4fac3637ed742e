#pragma once

#include <opencv2/core.hpp>

#include <cstddef>

namespace deepart {

// What decoding an image file's bytes came to.
enum class DecodeOutcome {
    Decoded,  // `rgb` holds the picture
    Corrupt,  // not an image in a supported format, or a damaged or truncated one
    TooLarge, // the header declares more than `maxPixels`: nothing was decoded
};

struct DecodedImage {
    DecodeOutcome outcome = DecodeOutcome::Corrupt;
    cv::Mat rgb;   // 8-bit RGB, EXIF orientation applied, alpha dropped, when Decoded
    int width = 0; // as the header declares them (TooLarge, Decoded)
    int height = 0;
};

// Decodes a whole image file held in memory. Thread-safe and silent: the codecs' own messages
// never reach stderr. The dimensions are read from the header and checked against `maxPixels`
// before any pixel buffer is allocated.
//
// JPEG and PNG (nearly every photo and painting) are decoded here with libjpeg and libpng and
// error handlers of our own: OpenCV's leave libjpeg's warnings on stderr and accept a truncated
// JPEG as a mostly grey picture ("Premature end of JPEG file" is only a warning to libjpeg).
// Any loss of data (premature end, a damaged scan) makes the image Corrupt. TIFF, WebP and BMP
// have their headers read here and are decoded by OpenCV; other formats are refused.
DecodedImage decodeRgbImage(const unsigned char* data, std::size_t size, long long maxPixels);

} // namespace deepart
