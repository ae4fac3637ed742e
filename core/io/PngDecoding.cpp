#include "ImageDecoders.h"

#include <opencv2/core.hpp>

#include <csetjmp>
#include <vector>

#include <png.h>

namespace deepart::decoding {

namespace {

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

} // namespace

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

} // namespace deepart::decoding
