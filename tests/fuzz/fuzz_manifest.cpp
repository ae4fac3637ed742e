// libFuzzer harness: any bytes as a workspace manifest (core/project/WorkspaceManifest, the
// workspace.json of the workspace folder and of .deepart projects). Reading must either give a
// manifest or throw deepart::Error (SettingsError) naming the key. What it reads, the program
// writes back at the next save and must be able to read at the next start: otherwise the
// workspace would be moved aside as unreadable, the gallery lost. The first write may normalise
// (dates to UTC whole seconds, large integers through doubles); from then on it is stable.
#include "Error.h"
#include "WorkspaceManifest.h"

#include <QByteArray>
#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

QByteArray written(const deepart::WorkspaceManifest& manifest) {
    return QJsonDocument(deepart::workspaceToJson(manifest)).toJson(QJsonDocument::Compact);
}

QByteArray readAndWrite(const QByteArray& text) {
    try {
        return written(deepart::workspaceFromJsonText(text));
    } catch (const deepart::Error&) {
        std::abort(); // what the program wrote, it must read back
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1 << 20)
        return 0;
    const QByteArray text(reinterpret_cast<const char*>(data), static_cast<int>(size));
    QByteArray first;
    try {
        first = written(deepart::workspaceFromJsonText(text));
    } catch (const deepart::Error&) {
        return 0;
    }
    const QByteArray second = readAndWrite(first);
    if (readAndWrite(second) != second)
        std::abort(); // written, read and written again, it must not change
    return 0;
}
