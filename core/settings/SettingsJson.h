#pragma once

#include "Error.h"
#include "RunSettings.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace deepart {

// The versioned JSON form of RunSettings (format "deepart-settings", version 2; version 1 files are
// read too), documented in README.md ("Settings files"). It is what QSettings stores, what exported
// PNGs carry, what deepart-cli --settings reads and --print-settings writes. Writing then reading
// gives back the same settings exactly (doubles are written in their shortest exact form).
//
// Reading: a missing key takes its default; "size" then "preset" are applied first (so
// {"preset": "fast", "size": 1024} is a whole settings file), then every other key overrides
// them. An unknown key, a value of the wrong type or out of range, or a newer version is
// refused with a SettingsError naming the key ("optimizer.adam.beta1: ...").
class SettingsError : public Error {
public:
    using Error::Error;
};

QJsonObject runSettingsToJson(const RunSettings& settings);
// Indented, for files and --print-settings.
QByteArray runSettingsToJsonText(const RunSettings& settings);

RunSettings runSettingsFromJson(const QJsonObject& json);
// Parses text first; a syntax error names the offset.
RunSettings runSettingsFromJsonText(const QByteArray& text);
// Reads a settings file; errors name the file.
RunSettings loadRunSettingsFile(const QString& path);

} // namespace deepart
