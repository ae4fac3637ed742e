// libFuzzer harness: any bytes as a settings file (core/settings/SettingsJson). Reading must
// either give settings or throw deepart::Error (SettingsError) naming the key; settings read
// must survive a round trip: written and read again, they are written the same.
#include "Error.h"
#include "SettingsJson.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 1 << 20)
        return 0;
    const QByteArray text(reinterpret_cast<const char*>(data), static_cast<int>(size));
    deepart::RunSettings settings;
    try {
        settings = deepart::runSettingsFromJsonText(text);
    } catch (const deepart::Error&) {
        return 0;
    }
    const QByteArray written = deepart::runSettingsToJsonText(settings);
    QByteArray again;
    try {
        again = deepart::runSettingsToJsonText(deepart::runSettingsFromJsonText(written));
    } catch (const deepart::Error&) {
        std::abort(); // what the program wrote, it must read back
    }
    if (again != written)
        std::abort(); // and it must read back the same settings
    return 0;
}
