#include "ImageEncoding.h"

#include <cmath>
#include <csetjmp>

#include <png.h>

namespace deepart {

namespace {

void pngWrite(png_structp png, png_bytep data, png_size_t length) {
    auto* out = static_cast<std::vector<std::uint8_t>*>(png_get_io_ptr(png));
    out->insert(out->end(), data, data + length);
}

void pngFlush(png_structp) {}

void pngFail(png_structp png, png_const_charp) {
    png_longjmp(png, 1);
}

void pngWarn(png_structp, png_const_charp) {}

} // namespace

bool encodePng(const cv::Mat& rgb, double dpi, std::vector<std::uint8_t>& out) {
    if (rgb.empty() || (rgb.type() != CV_8UC3 && rgb.type() != CV_16UC3))
        return false;
    const bool wide = rgb.depth() == CV_16U;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, pngFail, pngWarn);
    if (!png)
        return false;
    png_infop info = png_create_info_struct(png);
    // libpng reports failures by longjmp: nothing with a destructor lives between here and the
    // end, the rows included (they point into `rgb`).
    if (!info || setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, info ? &info : nullptr);
        return false;
    }
    out.clear();
    png_set_write_fn(png, &out, pngWrite, pngFlush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(rgb.cols), static_cast<png_uint_32>(rgb.rows),
                 wide ? 16 : 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    if (dpi > 0.0) {
        const auto perMetre = static_cast<png_uint_32>(std::lround(dpi / 0.0254));
        png_set_pHYs(png, info, perMetre, perMetre, PNG_RESOLUTION_METER);
    }
    png_write_info(png, info);
    if (wide)
        png_set_swap(png); // the machine's little-endian samples to PNG's big-endian
    for (int y = 0; y < rgb.rows; ++y)
        png_write_row(png, const_cast<png_bytep>(rgb.ptr<png_byte>(y)));
    png_write_end(png, info);
    png_destroy_write_struct(&png, &info);
    return true;
}

} // namespace deepart
