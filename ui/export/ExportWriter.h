#pragma once

#include "ImageEncoding.h"
#include "JobRequest.h"
#include "RunSettings.h"

#include <optional>

#include <QImage>
#include <QList>
#include <QString>
#include <QStringList>

namespace deepart {

// Writes artworks to disk. PNG files carry text chunks: "Software", "DeepArt-Settings" (the
// settings schema's JSON, inputs by file name, so an artwork can be reproduced or its settings
// restored) and "DeepArt-Snapshot" (iteration, scale and losses). Other formats (JPEG, TIFF,
// WebP) go through the engine's OpenCV writer. Every write is atomic. Any thread.
class ExportWriter {
public:
    static constexpr const char* kSettingsKey = "DeepArt-Settings";
    static constexpr const char* kSnapshotKey = "DeepArt-Snapshot";

    // The settings of a snapshot in the settings schema, compact.
    static QString settingsJson(const SnapshotInfo& snapshot);
    // Iteration, scale, size, evaluations and every loss term, compact JSON.
    static QString snapshotJson(const SnapshotInfo& snapshot);

    // Returns an empty string on success, else why it failed (nothing is left behind).
    // `format`: 8 or 16 bits a channel (16: PNG and TIFF) and the print resolution recorded in
    // the file (PNG's pHYs, TIFF's resolution tags).
    static QString exportImage(const QImage& image, const QString& path,
                               const QString& settingsJson = {}, const QString& snapshotJson = {},
                               const ImageWriteOptions& format = {});
    static QString exportSnapshot(const SnapshotInfo& snapshot, const QString& path,
                                  const ImageWriteOptions& format = {});
    // The format that keeps `image` as it is (16 bits for the run's final image).
    static ImageWriteOptions keeping(const QImage& image);
    // Writes every snapshot as <folder>/<prefix>-run<N>-<iteration>.<extension> (see
    // exportAllPaths); stops at the first failure and says which file.
    static QString exportAll(const QList<SnapshotInfo>& snapshots, const QString& folder,
                             const QString& extension,
                             const QString& prefix = QStringLiteral("deepart"));

    // The file dialog's filters, and `path` with the extension of `filter` ("JPEG (*.jpg
    // *.jpeg)") when it has none: a name typed without one takes the chosen format's.
    // Where exportAll() writes each snapshot: runs apart, so a second run never replaces the
    // first one's files ("-manual" for snapshots taken by hand).
    static QStringList exportAllPaths(const QList<SnapshotInfo>& snapshots, const QString& folder,
                                      const QString& extension, const QString& prefix);
    static QString fileFilters();
    static QString withFilterExtension(const QString& path, const QString& filter);
};

// The settings an exported PNG carries, if it carries valid ones (any thread).
std::optional<RunSettings> readArtworkSettings(const QString& path);

} // namespace deepart
