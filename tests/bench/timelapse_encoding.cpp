// Milliseconds to scale and encode one time-lapse frame, per format and size (a benchmark:
// prints figures, asserts nothing). usage: deepart-timelapse-bench [FRAMES]
#include "TestData.h"
#include "TimelapseWriter.h"

#include <QDir>
#include <QTemporaryDir>

#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace deepart;

int main(int argc, char** argv) {
    const int frames = argc > 1 ? std::atoi(argv[1]) : 40;
    QTemporaryDir dir;
    std::printf("%-6s %-12s %10s\n", "format", "frame", "ms/frame");
    for (const int side : {512, 1024}) {
        const cv::Size size(side, side * 15 / 16);
        std::vector<cv::Mat> pictures;
        for (int k = 0; k < 8; ++k)
            pictures.push_back(test::testPicture(size.width, size.height, k));
        for (const char* extension : {".mp4", ".webm", ".webp", ".avi"}) {
            TimelapseOptions options;
            options.holdFirstSeconds = 0;
            options.holdLastSeconds = 0;
            const std::string path =
                QDir(dir.path()).filePath(QStringLiteral("bench%1").arg(extension)).toStdString();
            const auto start = std::chrono::steady_clock::now();
            TimelapseWriter writer(path, size, options);
            for (int k = 0; k < frames; ++k)
                writer.addFrame(pictures[static_cast<size_t>(k) % pictures.size()]);
            writer.finish();
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                    .count();
            std::printf("%-6s %4d x %-5d %10.1f\n", extension + 1, size.width, size.height,
                        ms / frames);
        }
    }
    return 0;
}
