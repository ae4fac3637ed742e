#include "TimelapseExport.h"

#include "Error.h"
#include "ImageConversion.h"

#include <QDir>
#include <QImageReader>

namespace deepart {

QString exportTimelapse(const QStringList& frames, const QString& path,
                        const TimelapseOptions& options,
                        const std::function<bool(int, int)>& progress) {
    if (frames.isEmpty())
        return QObject::tr("This run has no frames to make a time-lapse of.");
    // The last frame is the result: its size is the video's.
    const QSize resultSize = QImageReader(frames.last()).size();
    if (!resultSize.isValid())
        return QObject::tr("The run's last image (%1) cannot be read.")
            .arg(QDir::toNativeSeparators(frames.last()));
    try {
        TimelapseWriter writer(path.toStdString(),
                               cv::Size(resultSize.width(), resultSize.height()), options);
        for (qsizetype i = 0; i < frames.size(); ++i) {
            if (progress && !progress(static_cast<int>(i), static_cast<int>(frames.size())))
                return {}; // cancelled: the writer removes its partial file
            const QImage image(frames.at(i));
            if (image.isNull())
                continue; // a frame deleted meanwhile: the video goes on without it
            writer.addFrame(toRgbMat(image));
        }
        writer.finish();
    } catch (const Error& e) {
        return QString::fromStdString(e.what());
    }
    if (progress)
        progress(static_cast<int>(frames.size()), static_cast<int>(frames.size()));
    return {};
}

} // namespace deepart
