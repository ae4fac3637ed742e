#pragma once

#include "Error.h"
#include "WorkspaceManifest.h"

#include <QString>

namespace deepart {

class ProjectError : public Error {
public:
    using Error::Error;
};

// Project files (.deepart): a ZIP archive holding "workspace.json" (the workspace manifest) and
// the files it names: every snapshot under runs/, and a copy of every input image (photo,
// paintings, painted regions, start images) under inputs/, the manifest's paths rewritten to
// those copies. So a project opens on another machine as it was saved. README.md ("Projects")
// documents it. Any thread; both throw ProjectError in the user's words.
//
// Writes the workspace in `folder`, described by `manifest`, as the project `path`. The file is
// written under a temporary name and moved into place, so an existing project is replaced only
// by a complete one.
void saveProject(const WorkspaceManifest& manifest, const QString& folder, const QString& path);

// Unpacks the project `path` into `folder` (created; it must not hold a workspace already) and
// returns its manifest. Its inputs are named relative to the folder ("inputs/2-starry.jpg")
// until resolveProjectInputs() makes them absolute, once the folder is where it stays.
WorkspaceManifest openProject(const QString& path, const QString& folder);
void resolveProjectInputs(WorkspaceManifest& manifest, const QString& folder);

// The name of the manifest inside a workspace folder and a project.
inline constexpr const char* kManifestName = "workspace.json";

} // namespace deepart
