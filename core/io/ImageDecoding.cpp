#include "ImageDecoding.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <csetjmp>
#include <cstdint>
#include <cstdio> // jpeglib.h needs FILE
#include <cstring>
#include <vector>

#include <jpeglib.h>
// After jpeglib.h: the message codes (JWRN_...) as an enum.
#include <jerror.h>
#include <png.h>

namespace deepart {

namespace {

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) |
           std::uint32_t{p[3]};
}

std::uint32_t littleEndian32(const unsigned char* p) {
    return (std::uint32_t{p[3]} << 24) | (std::uint32_t{p[2]} << 16) | (std::uint32_t{p[1]} << 8) |
           std::uint32_t{p[0]};
}

std::uint16_t littleEndian16(const unsigned char* p) {
    return static_cast<std::uint16_t>(p[0] | (p[1] << 8));
}

bool startsWith(const unsigned char* data, std::size_t size, const char* magic, std::size_t n) {
    return size >= n && std::memcmp(data, magic, n) == 0;
}

// Dimensions as a header declares them, checked against the limit before anything is decoded.
DecodedImage declared(long long width, long long height, long long maxPixels) {
    DecodedImage d;
    if (width <= 0 || height <= 0 || width > INT32_MAX || height > INT32_MAX)
        return d; // Corrupt
    d.width = static_cast<int>(width);
    d.height = static_cast<int>(height);
    d.outcome = width * height > maxPixels ? DecodeOutcome::TooLarge : DecodeOutcome::Decoded;
    return d;
}

// --- EXIF orientation (JPEG APP1) --------------------------------------------------------------

// The Orientation tag (1-8) of an APP1 "Exif" segment, 1 when absent or unreadable.
int exifOrientation(const unsigned char* data, std::size_t size) {
    if (size < 14 || std::memcmp(data, "Exif\0\0", 6) != 0)
        return 1;
    const unsigned char* tiff = data + 6;
    const std::size_t n = size - 6;
    const bool little = tiff[0] == 'I' && tiff[1] == 'I';
    if (!little && !(tiff[0] == 'M' && tiff[1] == 'M'))
        return 1;
    const auto u16 = [&](std::size_t at) -> unsigned {
        return little ? littleEndian16(tiff + at)
                      : static_cast<unsigned>((tiff[at] << 8) | tiff[at + 1]);
    };
    const auto u32 = [&](std::size_t at) {
        return little ? littleEndian32(tiff + at) : bigEndian32(tiff + at);
    };
    const std::uint32_t ifd = u32(4);
    if (ifd > n || n - ifd < 2)
        return 1;
    const unsigned entries = u16(ifd);
    for (unsigned i = 0; i < entries; ++i) {
        const std::size_t at = ifd + 2 + 12 * std::size_t{i};
        if (at + 12 > n)
            return 1;
        if (u16(at) == 0x0112 && u16(at + 2) == 3) { // Orientation, SHORT
            const unsigned value = u16(at + 8);
            return value >= 1 && value <= 8 ? static_cast<int>(value) : 1;
        }
    }
    return 1;
}

cv::Mat oriented(const cv::Mat& image, int orientation) {
    cv::Mat out;
    switch (orientation) {
    case 2:
        cv::flip(image, out, 1);
        return out;
    case 3:
        cv::rotate(image, out, cv::ROTATE_180);
        return out;
    case 4:
        cv::flip(image, out, 0);
        return out;
    case 5:
        cv::transpose(image, out);
        return out;
    case 6:
        cv::rotate(image, out, cv::ROTATE_90_CLOCKWISE);
        return out;
    case 7:
        cv::transpose(image, out);
        cv::flip(out, out, -1);
        return out;
    case 8:
        cv::rotate(image, out, cv::ROTATE_90_COUNTERCLOCKWISE);
        return out;
    default:
        return image;
    }
}

// --- JPEG ----------------------------------------------------------------------------------------

// A progressive JPEG may declare thousands of tiny scans, each a pass over the whole image: a few
// kilobytes that take minutes to decode. Real files have about ten.
constexpr int kMaxJpegScans = 500;

struct JpegErrors {
    jpeg_error_mgr pub; // first, so that cinfo->err points at the whole struct
    std::jmp_buf jump;
    bool dataLost = false;
};

void jpegFail(j_common_ptr cinfo) {
    std::longjmp(reinterpret_cast<JpegErrors*>(cinfo->err)->jump, 1);
}

// libjpeg's default prints warnings on stderr and carries on; here they are recorded. Those that
// mean pixels were lost (the data ended early or is damaged: libjpeg fills the rest with grey)
// make the image corrupt; the harmless ones (extra bytes between markers) are ignored.
void jpegWarn(j_common_ptr cinfo, int level) {
    if (level >= 0)
        return; // trace messages
    auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
    switch (cinfo->err->msg_code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
    case JWRN_ARITH_BAD_CODE:
    case JWRN_MUST_RESYNC:
    case JWRN_NOT_SEQUENTIAL:
    case JWRN_BOGUS_PROGRESSION:
        errors->dataLost = true;
        break;
    default:
        break;
    }
}

void jpegSilent(j_common_ptr) {}

void jpegProgress(j_common_ptr cinfo) {
    if (cinfo->is_decompressor &&
        reinterpret_cast<j_decompress_ptr>(cinfo)->input_scan_number > kMaxJpegScans)
        jpegFail(cinfo);
}

// Adobe's CMYK JPEGs store inverted ink values; others plain ones.
void cmykToRgb(const cv::Mat& cmyk, cv::Mat& rgb, bool inverted) {
    rgb.create(cmyk.rows, cmyk.cols, CV_8UC3);
    for (int y = 0; y < cmyk.rows; ++y) {
        const auto* in = cmyk.ptr<unsigned char>(y);
        auto* out = rgb.ptr<unsigned char>(y);
        for (int x = 0; x < cmyk.cols; ++x, in += 4, out += 3) {
            const int k = inverted ? in[3] : 255 - in[3];
            for (int c = 0; c < 3; ++c)
                out[c] = static_cast<unsigned char>((inverted ? in[c] : 255 - in[c]) * k / 255);
        }
    }
}

DecodedImage decodeJpeg(const unsigned char* data, std::size_t size, long long maxPixels) {
    // Everything that lives across setjmp is declared before it and not a register variable.
    jpeg_decompress_struct cinfo{};
    JpegErrors errors{};
    jpeg_progress_mgr progress{};
    DecodedImage result;
    cv::Mat pixels;
    int orientation = 1;
    bool cmyk = false;

    cinfo.err = jpeg_std_error(&errors.pub);
    errors.pub.error_exit = jpegFail;
    errors.pub.emit_message = jpegWarn;
    errors.pub.output_message = jpegSilent;
    jpeg_create_decompress(&cinfo);
    if (setjmp(errors.jump)) {
        jpeg_destroy_decompress(&cinfo);
        return DecodedImage{}; // Corrupt
    }
    progress.progress_monitor = jpegProgress;
    cinfo.progress = &progress;
    jpeg_mem_src(&cinfo, data, static_cast<unsigned long>(size));
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xffff);
    jpeg_read_header(&cinfo, TRUE);
    result = declared(cinfo.image_width, cinfo.image_height, maxPixels);
    if (result.outcome != DecodeOutcome::Decoded) {
        jpeg_destroy_decompress(&cinfo);
        return result;
    }
    for (jpeg_saved_marker_ptr m = cinfo.marker_list; m; m = m->next)
        if (m->marker == JPEG_APP0 + 1 && orientation == 1)
            orientation = exifOrientation(m->data, m->data_length);
    cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
    cinfo.out_color_space = cmyk ? JCS_CMYK : JCS_RGB;
    jpeg_start_decompress(&cinfo);
    if (cinfo.output_components != (cmyk ? 4 : 3))
        jpegFail(reinterpret_cast<j_common_ptr>(&cinfo));
    try {
        pixels.create(static_cast<int>(cinfo.output_height), static_cast<int>(cinfo.output_width),
                      cmyk ? CV_8UC4 : CV_8UC3);
    } catch (...) { // out of memory: the caller says so
        jpeg_destroy_decompress(&cinfo);
        throw;
    }
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels.ptr<unsigned char>(static_cast<int>(cinfo.output_scanline));
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    const bool inverted = cinfo.saw_Adobe_marker;
    jpeg_destroy_decompress(&cinfo);
    if (errors.dataLost)
        return DecodedImage{}; // Corrupt
    if (cmyk) {
        cv::Mat rgb;
        cmykToRgb(pixels, rgb, inverted);
        pixels = rgb;
    }
    result.rgb = oriented(pixels, orientation);
    return result;
}

// --- PNG -----------------------------------------------------------------------------------------

struct PngSource {
    const unsigned char* data;
    std::size_t size;
    std::size_t position;
};

void pngRead(png_structp png, png_bytep out, png_size_t length) {
    auto* source = static_cast<PngSource*>(png_get_io_ptr(png));
    if (length > source->size - source->position)
        png_error(png, "truncated");
    std::memcpy(out, source->data + source->position, length);
    source->position += length;
}

void pngFail(png_structp png, png_const_charp) {
    png_longjmp(png, 1);
}

// Warnings (an sRGB profile libpng dislikes, a damaged ancillary chunk it skips) do not lose
// pixels; libpng's default prints them.
void pngWarn(png_structp, png_const_charp) {}

DecodedImage decodePng(const unsigned char* data, std::size_t size, long long maxPixels) {
    PngSource source{data, size, 0};
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, nullptr, pngFail, pngWarn);
    if (!png)
        return DecodedImage{};
    png_infop info = png_create_info_struct(png);
    DecodedImage result;
    cv::Mat pixels;
    std::vector<png_bytep> rows;
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_read_struct(&png, info ? &info : nullptr, nullptr);
        return DecodedImage{}; // Corrupt
    }
    png_set_read_fn(png, &source, pngRead);
    // libpng's own limit (a million pixels a side) would call a large image corrupt; ours,
    // on the pixel count, says what it is.
    png_set_user_limits(png, 0x7fffffff, 0x7fffffff);
    png_read_info(png, info);
    result = declared(png_get_image_width(png, info), png_get_image_height(png, info), maxPixels);
    if (result.outcome != DecodeOutcome::Decoded) {
        png_destroy_read_struct(&png, &info, nullptr);
        return result;
    }
    // To 8-bit RGB: palettes and small grey depths expanded, 16 bits scaled (rounded, as v/257),
    // alpha dropped (not composited: what the pixel's colour is), grey to three channels.
    png_set_expand(png);
    png_set_scale_16(png);
    png_set_strip_alpha(png);
    png_set_gray_to_rgb(png);
    png_set_interlace_handling(png);
    png_read_update_info(png, info);
    if (png_get_rowbytes(png, info) != std::size_t{3} * static_cast<std::size_t>(result.width))
        png_error(png, "unexpected row layout");
    try {
        pixels.create(result.height, result.width, CV_8UC3);
        rows.resize(static_cast<std::size_t>(result.height));
    } catch (...) { // out of memory: the caller says so
        png_destroy_read_struct(&png, &info, nullptr);
        throw;
    }
    for (int y = 0; y < result.height; ++y)
        rows[static_cast<std::size_t>(y)] = pixels.ptr<unsigned char>(y);
    png_read_image(png, rows.data());
    // Reads to IEND, checking the chunks after the image: a file cut after its pixels is corrupt.
    png_read_end(png, nullptr);
    png_destroy_read_struct(&png, &info, nullptr);
    result.rgb = pixels;
    return result;
}

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
