#pragma once

#include "RunEvents.h"
#include "RunSettings.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace deepart {

// One snapshot of a stored run: its image file (relative to the workspace folder) and what it
// measured, with the loss weights in force at that iteration (live steering included).
struct StoredSnapshot {
    int iteration = 0;
    int frame = 0; // a video run's frame (in the clip, from 1); 0: not a video frame
    bool manual = false;
    int scale = 0;
    int size = 0;
    IterationStats stats;
    LossWeights lossWeights;
    QString file;
};

// What became of a run. A run still "running" in a manifest read at start-up was interrupted (a
// crash or a kill): its snapshots are all there, its end is not.
enum class StoredRunOutcome { Running, Finished, Stopped, Failed };
constexpr std::array<Spelling<StoredRunOutcome>, 4> spellings(StoredRunOutcome) {
    return {{{StoredRunOutcome::Running, "running"},
             {StoredRunOutcome::Finished, "finished"},
             {StoredRunOutcome::Stopped, "stopped"},
             {StoredRunOutcome::Failed, "failed"}}};
}
inline const char* toString(StoredRunOutcome outcome) {
    return spell(outcome);
}

// One run as the gallery groups it: number, start time, settings, losses and snapshots.
struct StoredRun {
    int number = 0;
    QDateTime started;
    QString continuedFrom; // "R1 #200" when it started from a snapshot
    RunSettings settings;
    StoredRunOutcome outcome = StoredRunOutcome::Running;
    bool collapsed = false;                // in the gallery
    std::vector<IterationStats> losses;    // iteration, total and terms, in order
    std::vector<StoredSnapshot> snapshots; // in the order they came
};

// Everything a workspace (and a project) holds: the runs, and the inputs and settings for the
// next run. Its JSON form is format "deepart-workspace", version 1, documented in README.md
// ("Projects"); settings are in the settings schema. Any thread.
struct WorkspaceManifest {
    static constexpr int kVersion = 1;
    std::optional<RunSettings> next;
    std::vector<StoredRun> runs;
    // Only in a workspace, never in a project file: the project it was last opened from or saved
    // as, and whether it changed since.
    QString projectPath;
    bool modified = false;

    StoredRun* run(int number);
    int lastRunNumber() const;
};

QJsonObject workspaceToJson(const WorkspaceManifest& manifest);
// Throws SettingsError naming the key for anything malformed, a newer version or a file name
// that leaves the workspace folder.
WorkspaceManifest workspaceFromJson(const QJsonObject& json);
WorkspaceManifest workspaceFromJsonText(const QByteArray& text);

} // namespace deepart
