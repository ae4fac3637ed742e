#pragma once

#include "RunSettings.h"

class QCommandLineParser;

namespace deepart::cli {

// The run's settings from the command line, checked (a bad value throws UsageError) so that it
// never costs a weights load or an image decode. Any thread.

// --settings FILE, read as the settings schema.
RunSettings readSettingsFile(const QCommandLineParser& parser);

// The flags layered over a run's settings (the defaults, a --settings file or a batch job's):
// inputs and styles, preset, size and scales, then single flags.
void layerRunFlags(const QCommandLineParser& parser, RunSettings& run);

} // namespace deepart::cli
