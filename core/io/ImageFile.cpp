#include "ImageFile.h"

#include "Error.h"

#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <mutex>
#include <sstream>

namespace deepart {

namespace {

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

// OpenCV reports decoder failures (including its own size guard) on std::cerr and returns an
// empty image; capture that text so it becomes part of our one-line message instead. Decodes
// that capture are serialized, since std::cerr is shared by the GUI and worker threads.
class CerrCapture {
public:
    CerrCapture() : lock_(mutex()), previous_(std::cerr.rdbuf(captured_.rdbuf())) {}
    ~CerrCapture() { std::cerr.rdbuf(previous_); }
    std::string text() const { return captured_.str(); }

private:
    static std::mutex& mutex() {
        static std::mutex m;
        return m;
    }
    std::lock_guard<std::mutex> lock_;
    std::ostringstream captured_;
    std::streambuf* previous_;
};

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

} // namespace

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

    cv::Mat decoded;
    std::string decoderMessage;
    {
        CerrCapture capture;
        try {
            // IMREAD_COLOR applies the EXIF orientation and converts grayscale, alpha and CMYK
            // to 3-channel BGR; ANYDEPTH keeps 16-bit samples so they are scaled, not clipped.
            decoded = cv::imread(path, cv::IMREAD_COLOR | cv::IMREAD_ANYDEPTH);
        } catch (const cv::Exception& e) {
            decoderMessage = e.what();
        }
        decoderMessage += capture.text();
    }
    if (decoded.empty()) {
        if (decoderMessage.find("CV_IO_MAX_IMAGE") != std::string::npos)
            throw Error(where + "the image is too large to decode safely");
        throw Error(where + "not an image, or a corrupt or truncated one (supported: PNG, JPEG, "
                            "TIFF, WebP, BMP and other formats OpenCV reads)");
    }
    if (static_cast<long long>(decoded.rows) * decoded.cols > kMaxImagePixels)
        throw Error(where + "the image is too large (" + std::to_string(decoded.cols) + "x" +
                    std::to_string(decoded.rows) + " pixels; at most " +
                    std::to_string(kMaxImagePixels / 1'000'000) + " megapixels)");
    cv::Mat rgb;
    cv::cvtColor(toEightBit(decoded), rgb, cv::COLOR_BGR2RGB);
    return rgb;
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

void checkOutputPath(const std::string& path) {
    if (!isSupportedOutputPath(path))
        throw Error("output '" + path +
                    "': unsupported file type; use .png, .jpg, .jpeg, .tif, .tiff or .webp");
    const QFileInfo info(QString::fromStdString(path));
    const QFileInfo folder(info.absolutePath());
    if (!folder.exists())
        throw Error("output '" + path + "': the folder '" + folder.filePath().toStdString() +
                    "' does not exist");
    if (!folder.isDir() || !folder.isWritable())
        throw Error("output '" + path + "': the folder '" + folder.filePath().toStdString() +
                    "' is not writable");
    if (info.isDir())
        throw Error("output '" + path + "' is a folder; give a file name");
}

std::string openCvVersion() {
    // The library loaded at run time, which may be newer than the headers built against.
    return cv::getVersionString();
}

void saveRgbImage(const cv::Mat& rgb, const std::string& path) {
    if (rgb.empty() || rgb.type() != CV_8UC3)
        throw Error("output '" + path + "': there is no image to save");
    if (!isSupportedOutputPath(path))
        throw Error("output '" + path + "': unsupported file type");
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    std::vector<uchar> encoded;
    std::vector<int> params;
    const auto ext = lowerExtension(path);
    if (ext == ".jpg" || ext == ".jpeg")
        params = {cv::IMWRITE_JPEG_QUALITY, 95};
    else if (ext == ".webp")
        params = {cv::IMWRITE_WEBP_QUALITY, 95};
    bool ok = false;
    try {
        ok = cv::imencode(ext, bgr, encoded, params);
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
