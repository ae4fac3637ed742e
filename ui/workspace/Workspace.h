#pragma once

#include "JobRequest.h"
#include "WorkspaceManifest.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <vector>

namespace deepart {

// The window's work on disk, kept as it happens, so that quitting, a crash or a kill loses
// nothing that matters: every snapshot is written into the workspace folder when it arrives (a
// PNG that carries its settings, under runs/R<n>/), and the manifest (workspace.json, see
// WorkspaceManifest) is replaced atomically after every change. Loss curves and the next run's
// settings, which change all the time, are saved within two seconds. Projects (.deepart) are this
// folder packed (ProjectArchive). GUI thread only.
class Workspace : public QObject {
    Q_OBJECT
public:
    explicit Workspace(QObject* parent = nullptr);
    ~Workspace() override; // saves what is pending

    // Opens the workspace in `folder`, made if missing. A manifest that cannot be read is moved
    // aside (workspace.json.broken) and the workspace starts empty; returns why, else "".
    QString open(const QString& folder);
    QString folder() const { return folder_; }
    const WorkspaceManifest& manifest() const { return manifest_; }

    // A stored run as the window knows it, and its snapshots (images on disk, not loaded).
    static JobRequest jobOf(const StoredRun& run);
    std::vector<SnapshotInfo> snapshotsOf(const StoredRun& run) const;

    void beginRun(const JobRequest& job);
    // Writes the image and records the snapshot; returns it with `file` set. When the image
    // cannot be written (disk full…) `file` stays empty, the caller keeps the image in memory,
    // and `error` says why.
    SnapshotInfo addSnapshot(const SnapshotInfo& snapshot, QString* error);
    void addLoss(int run, const IterationStats& stats);
    // Keeps a live preview as a time-lapse frame (runs/R<n>/frames/, JPEG; projects carry them).
    void addFrame(int run, int iteration, const QImage& image);
    // The run's time-lapse frames, in iteration order: previews and snapshots (a snapshot
    // replaces the preview of its iteration).
    QStringList framesOf(int run) const;
    void endRun(int run, StoredRunOutcome outcome);
    void removeSnapshot(const QString& file);
    void removeRun(int run);
    void setCollapsed(int run, bool collapsed);
    void setNext(const RunSettings& next);
    // Forgets every run and deletes their files (File ▸ New project); the inputs stay.
    void clear();

    // Writes the manifest now; returns the error, or "".
    QString save();

    // Packs the workspace as the project `path` / replaces the workspace by the project `path`.
    // Both return the error in the user's words, or "" (the workspace is unchanged on error).
    QString saveProject(const QString& path);
    QString openProject(const QString& path);
    QString projectPath() const { return manifest_.projectPath; }
    // Whether there are changes since the project was saved, opened or started.
    bool isModified() const { return manifest_.modified; }

Q_SIGNALS:
    void modifiedChanged(bool modified);

private:
    void changed(bool now); // marks the work modified; saves now or within two seconds
    void setModified(bool modified);
    QString absolute(const QString& file) const;

    QString folder_;
    WorkspaceManifest manifest_;
    QTimer saveTimer_;
};

} // namespace deepart
