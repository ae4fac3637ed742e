#pragma once

#include "ComputeDevice.h"
#include "TransferSettings.h"

#include <QImage>
#include <QMetaType>
#include <QString>

namespace deepart {

// One run as the window asks for it: the engine's settings plus what the UI adds.
struct JobRequest {
    QString contentPath;
    QString stylePath;
    QString weightsPath;
    int size = 512;
    int previewInterval = 10;
    int threads = 0; // 0: all cores
    DeviceChoice device = DeviceChoice::Auto;
    TransferSettings transfer;
};

// A gallery-worthy image from a run, with the settings it was made with (the loss weights as
// they were at that iteration, live steering included).
struct SnapshotInfo {
    int iteration = 0;
    bool manual = false;
    QImage image;
    IterationStats stats;
    JobRequest settings;
};

} // namespace deepart

Q_DECLARE_METATYPE(deepart::JobRequest)
Q_DECLARE_METATYPE(deepart::SnapshotInfo)
Q_DECLARE_METATYPE(deepart::IterationStats)
