#include "ImageFile.h"

#include "Error.h"
#include "ImageDecoding.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <new>
#include <vector>

namespace deepart {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

cv::Mat loadRgbImage(const std::string& path, const std::string& role) {
    namespace fs = std::filesystem;
    const std::string where = role + " '" + path + "': ";
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(where + "file not found");
    if (fs::is_directory(path, ec))
        throw Error(where + "is a folder, not an image file");
    if (fs::file_size(path, ec) == 0)
        throw Error(where + "the file is empty");
    if (!QFileInfo(QString::fromStdString(path)).isReadable())
        throw Error(where + "the file cannot be read (permission denied)");

    // Read whole, then decoded from memory: the header's dimensions are checked before any
    // pixel buffer exists, and nothing the codecs say reaches stderr (ImageDecoding.h).
    const auto bytes = fs::file_size(path, ec);
    if (ec || bytes > kMaxImageFileBytes)
        throw Error(where + "the file is too large to be an image this program reads (at most " +
                    std::to_string(kMaxImageFileBytes >> 20) + " MiB)");
    std::vector<unsigned char> data(static_cast<size_t>(bytes));
    std::ifstream in(path, std::ios::binary);
    if (!in.read(reinterpret_cast<char*>(data.data()), static_cast<std::streamsize>(data.size())))
        throw Error(where + "the file cannot be read");
    DecodedImage decoded;
    try {
        decoded = decodeRgbImage(data.data(), data.size(), kMaxImagePixels);
    } catch (const std::bad_alloc&) {
        throw Error(where + "out of memory while decoding the image");
    } catch (const cv::Exception&) { // OpenCV's allocation failure
        throw Error(where + "out of memory while decoding the image");
    }
    switch (decoded.outcome) {
    case DecodeOutcome::Decoded:
        return decoded.rgb;
    case DecodeOutcome::TooLarge:
        throw Error(where + "the image is too large (" + std::to_string(decoded.width) + "x" +
                    std::to_string(decoded.height) + " pixels; at most " +
                    std::to_string(kMaxImagePixels / 1'000'000) + " megapixels)");
    case DecodeOutcome::Corrupt:
        break;
    }
    throw Error(where + "not an image, or a corrupt or truncated one (supported: PNG, JPEG, "
                        "TIFF, WebP and BMP)");
}

cv::Mat resizeLongerSide(const cv::Mat& image, int size) {
    if (size <= 0)
        throw Error("the image size must be a positive number of pixels");
    const int longer = std::max(image.cols, image.rows);
    if (longer == size)
        return image;
    const double scale = static_cast<double>(size) / longer;
    const int width = std::max(1, static_cast<int>(std::lround(image.cols * scale)));
    const int height = std::max(1, static_cast<int>(std::lround(image.rows * scale)));
    cv::Mat resized;
    // Area averaging avoids aliasing when shrinking; cubic keeps edges when enlarging.
    cv::resize(image, resized, cv::Size(width, height), 0, 0,
               scale < 1.0 ? cv::INTER_AREA : cv::INTER_CUBIC);
    return resized;
}

bool isSupportedOutputPath(const std::string& path) {
    static const char* const supported[] = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".webp"};
    const auto ext = lowerExtension(path);
    return std::any_of(std::begin(supported), std::end(supported),
                       [&](const char* s) { return ext == s; });
}

void checkWritableFilePath(const std::string& what, const std::string& path) {
    const QFileInfo info(QString::fromStdString(path));
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        throw Error(what + " '" + path + "': the folder '" + folder.filePath().toStdString() +
                    "' does not exist");
    if (!folder.isDir() || !folder.isWritable())
        throw Error(what + " '" + path + "': the folder '" + folder.filePath().toStdString() +
                    "' is not writable");
    if (info.isDir())
        throw Error(what + " '" + path + "' is a folder; give a file name");
}

void checkOutputPath(const std::string& path) {
    if (!isSupportedOutputPath(path))
        throw Error("output '" + path +
                    "': unsupported file type; use .png, .jpg, .jpeg, .tif, .tiff or .webp");
    checkWritableFilePath("output", path);
}

std::string openCvVersion() {
    // The library loaded at run time, which may be newer than the headers built against.
    return cv::getVersionString();
}

void checkWriteOptions(const std::string& path, const ImageWriteOptions& options) {
    const auto ext = lowerExtension(path);
    const bool deep = ext == ".png" || ext == ".tif" || ext == ".tiff";
    if (options.bitDepth != 8 && options.bitDepth != 16)
        throw Error("output '" + path + "': the bit depth must be 8 or 16");
    if (options.bitDepth == 16 && !deep)
        throw Error("output '" + path + "': " + ext.substr(std::min<size_t>(1, ext.size())) +
                    " holds 8 bits a channel; use .png or .tif for 16 bits");
    if (!(options.dpi >= 0.0 && options.dpi <= 100000.0))
        throw Error("output '" + path + "': the resolution must be from 1 to 100000 dpi");
    if (options.dpi > 0.0 && !deep)
        throw Error("output '" + path +
                    "': a print resolution is recorded in PNG and TIFF "
                    "files; use .png or .tif");
}

void saveRgbImage(const cv::Mat& rgb, const std::string& path, const ImageWriteOptions& options) {
    if (rgb.empty() || (rgb.type() != CV_8UC3 && rgb.type() != CV_16UC3))
        throw Error("output '" + path + "': there is no image to save");
    if (!isSupportedOutputPath(path))
        throw Error("output '" + path + "': unsupported file type");
    checkWriteOptions(path, options);
    cv::Mat image = rgb;
    const int depth = options.bitDepth == 16 ? CV_16U : CV_8U;
    if (image.depth() != depth)
        image.convertTo(image, depth, depth == CV_16U ? 257.0 : 1.0 / 257.0);
    std::vector<uchar> encoded;
    const auto ext = lowerExtension(path);
    bool ok = false;
    try {
        if (ext == ".png") {
            ok = encodePng(image, options.dpi, encoded);
        } else {
            cv::Mat bgr;
            cv::cvtColor(image, bgr, cv::COLOR_RGB2BGR);
            std::vector<int> params;
            if (ext == ".jpg" || ext == ".jpeg")
                params = {cv::IMWRITE_JPEG_QUALITY, 95};
            else if (ext == ".webp")
                params = {cv::IMWRITE_WEBP_QUALITY, 95};
            else if (options.dpi > 0.0) // TIFF: resolution unit 2 is the inch
                params = {cv::IMWRITE_TIFF_RESUNIT, 2,
                          cv::IMWRITE_TIFF_XDPI,    static_cast<int>(std::lround(options.dpi)),
                          cv::IMWRITE_TIFF_YDPI,    static_cast<int>(std::lround(options.dpi))};
            ok = cv::imencode(ext, bgr, encoded, params);
        }
    } catch (const cv::Exception&) {
        ok = false;
    }
    if (!ok)
        throw Error("output '" + path + "': the image could not be encoded as " + ext);

    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly))
        throw Error("output '" + path + "' cannot be written: " + file.errorString().toStdString());
    const auto size = static_cast<qint64>(encoded.size());
    if (file.write(reinterpret_cast<const char*>(encoded.data()), size) != size) {
        const auto why = file.errorString().toStdString();
        file.cancelWriting();
        throw Error("output '" + path + "' cannot be written: " + why);
    }
    if (!file.commit())
        throw Error("output '" + path + "' cannot be written: " + file.errorString().toStdString());
}

} // namespace deepart
