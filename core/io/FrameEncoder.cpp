#include "FrameEncoder.h"

#include "Error.h"

#include <opencv2/videoio.hpp>

#include <cmath>
#include <fstream>

#include <webp/encode.h>
#include <webp/mux.h>

namespace deepart {

namespace {

// OpenCV's VideoWriter: H.264 and VP9 through FFmpeg, Motion JPEG through its own writer.
class VideoWriterEncoder : public FrameEncoder {
public:
    VideoWriterEncoder(const std::string& path, const std::string& extension, cv::Size size,
                       double fps, const std::string& name) {
        struct Codec {
            int api;
            int fourcc;
            const char* description;
        };
        const Codec codec =
            extension == ".mp4" ? Codec{cv::CAP_FFMPEG, cv::VideoWriter::fourcc('a', 'v', 'c', '1'),
                                        "H.264 (avc1) encoder"}
            : extension == ".webm"
                ? Codec{cv::CAP_FFMPEG, cv::VideoWriter::fourcc('V', 'P', '9', '0'), "VP9 encoder"}
                : Codec{cv::CAP_OPENCV_MJPEG, cv::VideoWriter::fourcc('M', 'J', 'P', 'G'),
                        "Motion JPEG writer"};
        try {
            writer_.open(path, codec.api, codec.fourcc, fps, size, true);
            if (extension == ".avi" && writer_.isOpened())
                writer_.set(cv::VIDEOWRITER_PROP_QUALITY, 95);
        } catch (const cv::Exception&) {
            writer_.release();
        }
        if (!writer_.isOpened())
            throw Error(name + " cannot be written: this system's OpenCV has no " +
                        codec.description + " for " + std::to_string(size.width) + " x " +
                        std::to_string(size.height) + " frames" +
                        (extension == ".avi" ? std::string() : "; try .avi"));
    }

    void write(const cv::Mat& bgr) override { writer_.write(bgr); }
    void close() override { writer_.release(); }

private:
    cv::VideoWriter writer_;
};

// libwebp's animation encoder: each frame is a timestamp in milliseconds; the file is assembled
// at the end and loops forever.
class WebpAnimationEncoder : public FrameEncoder {
public:
    WebpAnimationEncoder(std::string path, cv::Size size, double fps, std::string name)
        : path_(std::move(path)), name_(std::move(name)), size_(size), fps_(fps) {
        WebPAnimEncoderOptions options;
        if (!WebPAnimEncoderOptionsInit(&options))
            throw Error(name_ + " cannot be written: this libwebp has no animation encoder");
        options.anim_params.loop_count = 0; // forever
        encoder_ = WebPAnimEncoderNew(size.width, size.height, &options);
        if (!encoder_ || !WebPConfigInit(&config_))
            throw Error(name_ + " cannot be written: libwebp's animation encoder did not start");
        config_.quality = 85.0f;
        config_.method = 4;
    }
    ~WebpAnimationEncoder() override { WebPAnimEncoderDelete(encoder_); }
    WebpAnimationEncoder(const WebpAnimationEncoder&) = delete;
    WebpAnimationEncoder& operator=(const WebpAnimationEncoder&) = delete;

    void write(const cv::Mat& bgr) override {
        WebPPicture picture;
        if (!WebPPictureInit(&picture))
            throw Error(name_ + ": libwebp could not take a frame");
        picture.use_argb = 1;
        picture.width = size_.width;
        picture.height = size_.height;
        const cv::Mat frame = bgr.isContinuous() ? bgr : bgr.clone();
        const bool imported =
            WebPPictureImportBGR(&picture, frame.ptr(), static_cast<int>(frame.step[0])) != 0;
        const bool added =
            imported && WebPAnimEncoderAdd(encoder_, &picture, timestamp(frames_), &config_) != 0;
        WebPPictureFree(&picture);
        if (!added)
            throw Error(name_ + ": libwebp could not encode frame " + std::to_string(frames_ + 1) +
                        " (" + WebPAnimEncoderGetError(encoder_) + ")");
        ++frames_;
    }

    void close() override {
        WebPData data;
        WebPDataInit(&data);
        // The end of the last frame, then the file.
        const bool assembled = WebPAnimEncoderAdd(encoder_, nullptr, timestamp(frames_), nullptr) &&
                               WebPAnimEncoderAssemble(encoder_, &data);
        bool written = false;
        if (assembled) {
            std::ofstream file(path_, std::ios::binary | std::ios::trunc);
            file.write(reinterpret_cast<const char*>(data.bytes),
                       static_cast<std::streamsize>(data.size));
            written = static_cast<bool>(file.flush());
        }
        WebPDataClear(&data);
        if (!assembled)
            throw Error(name_ + " cannot be written: libwebp could not assemble the animation (" +
                        WebPAnimEncoderGetError(encoder_) + ")");
        if (!written)
            throw Error(name_ + " cannot be written (is the disk full?)");
    }

private:
    int timestamp(int frame) const { return static_cast<int>(std::lround(frame * 1000.0 / fps_)); }

    std::string path_;
    std::string name_;
    cv::Size size_;
    double fps_;
    WebPAnimEncoder* encoder_ = nullptr;
    WebPConfig config_{};
    int frames_ = 0;
};

} // namespace

bool FrameEncoder::isSupportedExtension(const std::string& extension) {
    return extension == ".mp4" || extension == ".webm" || extension == ".avi" ||
           extension == ".webp";
}

bool FrameEncoder::needsEvenFrameSize(const std::string& extension) {
    return extension == ".mp4" || extension == ".webm";
}

std::unique_ptr<FrameEncoder> FrameEncoder::open(const std::string& path,
                                                 const std::string& extension, cv::Size size,
                                                 double framesPerSecond, const std::string& name) {
    if (extension == ".webp")
        return std::make_unique<WebpAnimationEncoder>(path, size, framesPerSecond, name);
    return std::make_unique<VideoWriterEncoder>(path, extension, size, framesPerSecond, name);
}

} // namespace deepart
