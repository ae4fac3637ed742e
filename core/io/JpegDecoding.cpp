#include "ImageDecoders.h"

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include <csetjmp>
#include <cstdio> // jpeglib.h needs FILE
#include <vector>

#include <jpeglib.h>
// After jpeglib.h: the message codes (JWRN_...) as an enum.
#include <jerror.h>

namespace deepart::decoding {

namespace {

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

} // namespace

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

} // namespace deepart::decoding
