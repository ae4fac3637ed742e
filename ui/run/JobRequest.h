#pragma once

#include "RunEvents.h"
#include "RunSettings.h"
#include "TransferSettings.h"

#include <QImage>
#include <QMetaType>
#include <QString>

#include <optional>
#include <vector>

namespace deepart {

// One run as the window asks for it: the engine's settings plus what the UI adds.
struct JobRequest {
    QString contentPath;
    std::vector<StyleSource> styles;
    QString initImagePath; // for InitMode::Image, e.g. a snapshot to continue from
    QString continuedFrom; // when continuing from a snapshot: how the gallery names it
    int runNumber = 0;     // the window's count of runs (1, 2…), naming snapshots and exports
    QString weightsPath;
    int previewInterval = 10;
    int threads = 0; // 0: all cores
    TransferSettings transfer;
    // A video run (Run ▸ Stylize a video…): `contentPath` is the clip, whose frames come back as
    // snapshots (SnapshotInfo::frame) and are written as the video `videoOutputPath` (known while
    // the run is on; a run read back from a workspace has its settings only).
    std::optional<VideoSettings> video;
    QString videoOutputPath;

    bool isVideo() const { return video.has_value(); }

    // The run in the settings schema's terms (what exports and the workspace store).
    RunSettings runSettings() const {
        return RunSettings{contentPath.toStdString(), styles, initImagePath.toStdString(), transfer,
                           video};
    }
};

// A gallery-worthy image from a run, with the settings it was made with (the loss weights as
// they were at that iteration, live steering included).
struct SnapshotInfo {
    int iteration = 0; // a video run's: counted across its frames
    bool manual = false;
    QImage image;
    IterationStats stats;
    JobRequest settings;
    int scale = 0; // index into settings.transfer.scales
    int size = 0;  // longer side of the image at that scale
    // Where the workspace keeps the image. Once written there, `image` may be left empty (the
    // gallery keeps thumbnails only, so memory does not grow with the number of snapshots).
    QString file;
    int frame = 0; // a video run's frame (in the clip, from 1); 0: not a video frame

    QImage loadImage() const { return image.isNull() && !file.isEmpty() ? QImage(file) : image; }
};

} // namespace deepart

Q_DECLARE_METATYPE(deepart::JobRequest)
Q_DECLARE_METATYPE(deepart::SnapshotInfo)
Q_DECLARE_METATYPE(deepart::IterationStats)
