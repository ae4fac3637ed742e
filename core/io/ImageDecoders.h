#pragma once

// Inside deepart_imageio: what the decoders of each format share, and the decoders that
// decodeRgbImage() (ImageDecoding.cpp) dispatches to. Any thread; each decoder is silent and
// checks the declared size against `maxPixels` before allocating pixels.

#include "ImageDecoding.h"

#include <climits>
#include <cstdint>
#include <cstring>

namespace deepart::decoding {

inline std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

inline std::uint32_t littleEndian32(const unsigned char* p) {
    return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) |
           std::uint32_t{p[0]};
}

inline std::uint16_t littleEndian16(const unsigned char* p) {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

inline bool startsWith(const unsigned char* data, std::size_t size, const char* magic,
                       std::size_t n) {
    return size >= n && std::memcmp(data, magic, n) == 0;
}

// Dimensions as a header declares them, checked against the limit before anything is decoded.
inline DecodedImage declared(long long width, long long height, long long maxPixels) {
    DecodedImage d;
    if (width <= 0 || height <= 0 || width > INT32_MAX || height > INT32_MAX)
        return d; // Corrupt
    d.width = static_cast<int>(width);
    d.height = static_cast<int>(height);
    d.outcome = width * height > maxPixels ? DecodeOutcome::TooLarge : DecodeOutcome::Decoded;
    return d;
}

// JpegDecoding.cpp: libjpeg with our error handlers, EXIF orientation applied.
DecodedImage decodeJpeg(const unsigned char* data, std::size_t size, long long maxPixels);
// PngDecoding.cpp: libpng with our error handlers.
DecodedImage decodePng(const unsigned char* data, std::size_t size, long long maxPixels);

} // namespace deepart::decoding
