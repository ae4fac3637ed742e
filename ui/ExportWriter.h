#pragma once

#include "JobRequest.h"

#include <QImage>
#include <QList>
#include <QString>

namespace deepart {

// Writes artworks to disk. PNG files carry the settings as text chunks ("Software" and
// "DeepArt-Settings", JSON) so an artwork can be reproduced; other formats (JPEG, TIFF, WebP) go
// through the engine's OpenCV writer. Every write is atomic. Any thread.
class ExportWriter {
public:
    static constexpr const char* kSettingsKey = "DeepArt-Settings";

    // The settings of a snapshot as compact JSON (iteration, losses, weights, paths, ...).
    static QString settingsJson(const SnapshotInfo& snapshot);

    // Returns an empty string on success, else why it failed (nothing is left behind).
    static QString exportImage(const QImage& image, const QString& path,
                               const QString& settingsJson = {});
    // Writes every snapshot as <folder>/<prefix>-<iteration>.<extension>; stops at the first
    // failure and says which file.
    static QString exportAll(const QList<SnapshotInfo>& snapshots, const QString& folder,
                             const QString& extension,
                             const QString& prefix = QStringLiteral("deepart"));
};

} // namespace deepart
