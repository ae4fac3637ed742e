#pragma once

// Inside deepart_settings: the schema's constants and the readers of its sections, shared by
// SettingsJson.cpp (the whole file, written and read) and SettingsJsonSections.cpp. Each reader
// throws SettingsError naming the key. Any thread.

#include "JsonFields.h"
#include "RunSettings.h"

#include <QJsonObject>
#include <QLatin1String>

#include <cstdint>
#include <string>
#include <vector>

namespace deepart::json {

inline constexpr QLatin1String kFormat("deepart-settings");
// Version 2: several styles (inputs.styles, with blend weight, scale and mask), the starting
// image, preserve_colors. Version 3: precision (older files read as what their preset says, or
// fp32). Version 4: tile (older files read as automatic tiling). Version 5: video (a video
// run's own settings; older files are image runs). Version 1 files (inputs.style) read as one
// style.
inline constexpr int kVersion = 5;

// Readers that hold JSON numbers as doubles (JavaScript, many JSON tools) lose integers above
// 2^53, so larger seeds travel as decimal strings.
inline constexpr std::uint64_t kMaxExactJsonInteger = std::uint64_t{1} << 53;

inline constexpr std::array<Spelling<bool>, 2> kLineSearch{
    {{false, "none"}, {true, "strong_wolfe"}}};

// The format, program and version keys: a file of another kind or a newer version is refused.
void readFormat(const QJsonObject& json);
std::uint64_t seedAt(const QJsonValue& value, const QString& path);
std::vector<ScaleStep> scalesAt(const QJsonValue& value, const QString& path);
void readLoss(const QJsonValue& value, TransferSettings& t);
void readOptimizer(const QJsonValue& value, TransferSettings& t);
void readInit(const QJsonValue& value, TransferSettings& t);
void readInputs(const QJsonValue& value, RunSettings& settings);
QJsonObject videoJson(const VideoSettings& video);
VideoSettings videoAt(const QJsonValue& value);

} // namespace deepart::json
