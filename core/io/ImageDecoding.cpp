#include "ImageDecoding.h"

#include "ImageDecoders.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cstdint>
#include <vector>

namespace deepart {

namespace {

using namespace decoding;

// --- TIFF, WebP, BMP: header here, pixels by OpenCV ---------------------------------------------

// The first image's size from a TIFF's first IFD (ImageWidth 256, ImageLength 257).
DecodedImage tiffHeader(const unsigned char* data, std::size_t size, long long maxPixels) {
    if (size < 8)
        return DecodedImage{};
    const bool little = data[0] == 'I';
    const auto u16 = [&](std::size_t at) -> std::uint32_t {
        return little ? littleEndian16(data + at)
                      : static_cast<std::uint32_t>((data[at] << 8) | data[at + 1]);
    };
    const auto u32 = [&](std::size_t at) {
        return little ? littleEndian32(data + at) : bigEndian32(data + at);
    };
    const std::uint32_t ifd = u32(4);
    if (ifd > size || size - ifd < 2)
        return DecodedImage{};
    const std::uint32_t entries = u16(ifd);
    long long width = 0;
    long long height = 0;
    for (std::uint32_t i = 0; i < entries; ++i) {
        const std::size_t at = ifd + 2 + 12 * std::size_t{i};
        if (at + 12 > size)
            return DecodedImage{};
        const std::uint32_t tag = u16(at);
        const std::uint32_t type = u16(at + 2);
        const long long value = type == 3 ? u16(at + 8) : type == 4 ? u32(at + 8) : 0;
        if (tag == 256)
            width = value;
        else if (tag == 257)
            height = value;
    }
    return declared(width, height, maxPixels);
}

DecodedImage webpHeader(const unsigned char* data, std::size_t size, long long maxPixels) {
    // RIFF's length counts what follows its first 8 bytes: a shorter file is truncated.
    if (size < 30 || littleEndian32(data + 4) > size - 8)
        return DecodedImage{};
    const unsigned char* chunk = data + 12;
    if (std::memcmp(chunk, "VP8 ", 4) == 0) {
        // Frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height.
        const unsigned char* frame = chunk + 8;
        if (frame[3] != 0x9d || frame[4] != 0x01 || frame[5] != 0x2a)
            return DecodedImage{};
        return declared(littleEndian16(frame + 6) & 0x3fff, littleEndian16(frame + 8) & 0x3fff,
                        maxPixels);
    }
    if (std::memcmp(chunk, "VP8L", 4) == 0) {
        const unsigned char* bits = chunk + 8;
        if (bits[0] != 0x2f)
            return DecodedImage{};
        const std::uint32_t packed = littleEndian32(bits + 1);
        return declared((packed & 0x3fff) + 1, ((packed >> 14) & 0x3fff) + 1, maxPixels);
    }
    if (std::memcmp(chunk, "VP8X", 4) == 0) {
        const unsigned char* canvas = chunk + 12;
        const auto u24 = [](const unsigned char* p) {
            return static_cast<long long>(p[0] | (p[1] << 8) | (p[2] << 16));
        };
        return declared(u24(canvas) + 1, u24(canvas + 3) + 1, maxPixels);
    }
    return DecodedImage{};
}

// OpenCV's BMP decoder prints on std::cerr (and gives up) for a header it cannot use: everything
// it would refuse is refused here first, silently.
DecodedImage bmpHeader(const unsigned char* data, std::size_t size, long long maxPixels) {
    if (size < 26)
        return DecodedImage{};
    const std::uint32_t pixelsAt = littleEndian32(data + 10);
    const std::uint32_t headerSize = littleEndian32(data + 14);
    const bool core = headerSize == 12; // OS/2
    if (!core && headerSize != 40 && headerSize != 52 && headerSize != 56 && headerSize != 108 &&
        headerSize != 124)
        return DecodedImage{};
    if (size < 14 + std::size_t{headerSize} || pixelsAt < 14 + headerSize || pixelsAt >= size)
        return DecodedImage{};
    long long width = 0;
    long long height = 0;
    unsigned bitsPerPixel = 0;
    std::uint32_t compression = 0;
    std::uint32_t colours = 0;
    if (core) {
        width = littleEndian16(data + 18);
        height = littleEndian16(data + 20);
        bitsPerPixel = littleEndian16(data + 24);
    } else {
        width = static_cast<std::int32_t>(littleEndian32(data + 18));
        height = static_cast<std::int32_t>(littleEndian32(data + 22));
        if (height < 0)
            height = -height; // stored top-down
        bitsPerPixel = littleEndian16(data + 28);
        compression = littleEndian32(data + 30);
        colours = littleEndian32(data + 46);
    }
    const bool knownDepth = bitsPerPixel == 1 || bitsPerPixel == 4 || bitsPerPixel == 8 ||
                            bitsPerPixel == 16 || bitsPerPixel == 24 || bitsPerPixel == 32;
    // Uncompressed, RLE8, RLE4 (with their depths), bit fields.
    const bool knownCompression = compression == 0 || (compression == 1 && bitsPerPixel == 8) ||
                                  (compression == 2 && bitsPerPixel == 4) || compression == 3;
    if (!knownDepth || !knownCompression)
        return DecodedImage{};
    if (bitsPerPixel <= 8) { // the palette must be there
        const std::uint32_t entries =
            colours == 0 || colours > (1u << bitsPerPixel) ? 1u << bitsPerPixel : colours;
        if (14 + std::size_t{headerSize} + std::size_t{entries} * (core ? 3 : 4) > pixelsAt)
            return DecodedImage{};
    }
    DecodedImage d = declared(width, height, maxPixels);
    if (d.outcome != DecodeOutcome::Decoded)
        return d;
    // Uncompressed rows: the file must hold all of them, or it is truncated.
    if (compression == 0 || compression == 3) {
        const long long stride = (width * bitsPerPixel + 31) / 32 * 4;
        if (static_cast<long long>(pixelsAt) + stride * height > static_cast<long long>(size))
            return DecodedImage{};
    }
    return d;
}

cv::Mat toEightBit(const cv::Mat& image) {
    if (image.depth() == CV_8U)
        return image;
    cv::Mat converted;
    if (image.depth() == CV_16U)
        image.convertTo(converted, CV_8U, 1.0 / 257.0);
    else if (image.depth() == CV_32F || image.depth() == CV_64F)
        image.convertTo(converted, CV_8U, 255.0);
    else
        image.convertTo(converted, CV_8U);
    return converted;
}

DecodedImage decodeWithOpenCv(const DecodedImage& header, const unsigned char* data,
                              std::size_t size) {
    if (header.outcome != DecodeOutcome::Decoded)
        return header;
    cv::Mat decoded;
    try {
        const cv::Mat bytes(1, static_cast<int>(size), CV_8UC1, const_cast<unsigned char*>(data));
        // IMREAD_COLOR applies the EXIF orientation and converts grayscale, alpha and CMYK to
        // 3-channel BGR; ANYDEPTH keeps 16-bit samples so they are scaled, not clipped.
        decoded = cv::imdecode(bytes, cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH);
    } catch (const cv::Exception&) {
        decoded.release();
    }
    if (decoded.empty() || decoded.channels() != 3)
        return DecodedImage{};
    DecodedImage result = header;
    cv::cvtColor(toEightBit(decoded), result.rgb, cv::COLOR_BGR2RGB);
    result.width = result.rgb.cols;
    result.height = result.rgb.rows;
    return result;
}

} // namespace

DecodedImage decodeRgbImage(const unsigned char* data, std::size_t size, long long maxPixels) {
    if (!data || size == 0 || size > static_cast<std::size_t>(INT32_MAX))
        return DecodedImage{};
    if (startsWith(data, size, "\xff\xd8\xff", 3))
        return decodeJpeg(data, size, maxPixels);
    if (startsWith(data, size, "\x89PNG\r\n\x1a\n", 8))
        return decodePng(data, size, maxPixels);
    if (startsWith(data, size, "II*\0", 4) || startsWith(data, size, "MM\0*", 4))
        return decodeWithOpenCv(tiffHeader(data, size, maxPixels), data, size);
    if (startsWith(data, size, "RIFF", 4) && size >= 12 && std::memcmp(data + 8, "WEBP", 4) == 0)
        return decodeWithOpenCv(webpHeader(data, size, maxPixels), data, size);
    if (startsWith(data, size, "BM", 2))
        return decodeWithOpenCv(bmpHeader(data, size, maxPixels), data, size);
    return DecodedImage{};
}

} // namespace deepart
