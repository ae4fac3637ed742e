// libFuzzer harness: any bytes as a Keras HDF5 weights file. The loader must either return
// weights that pass Vgg19Weights::validate() or throw deepart::Error; anything else (a crash,
// another exception, an allocation the file's declared sizes asked for) is a finding.
#include "Error.h"
#include "KerasWeightsFile.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

namespace {
// The loader reads a path (HDF5 opens files): one temporary file per process, rewritten per input.
const std::string& scratchPath() {
    static const std::string path = [] {
        const char* folder = std::getenv("TMPDIR");
        return std::string(folder && *folder ? folder : "/tmp") + "/deepart-fuzz-weights-" +
               std::to_string(getpid()) + ".h5";
    }();
    return path;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string& path = scratchPath();
    std::FILE* file = std::fopen(path.c_str(), "wb");
    if (!file)
        std::abort();
    if (size > 0 && std::fwrite(data, 1, size, file) != size)
        std::abort();
    std::fclose(file);
    try {
        const deepart::Vgg19Weights weights = deepart::loadKerasVgg19Weights(path);
        weights.validate(path); // what the loader promises
    } catch (const deepart::Error&) {
        // A refusal in words: the expected outcome for almost every input.
    }
    return 0;
}
