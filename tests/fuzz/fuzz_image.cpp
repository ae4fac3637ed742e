// libFuzzer harness: any bytes, decoded as an image file (what loadRgbImage does once it has
// read the file). Decoding must not crash, leak or misbehave under ASan/UBSan, and what it
// returns must keep the loader's promises.
#include "ImageDecoding.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {
// Smaller than the program's limit, so that the fuzzer spends its time on parsing rather than on
// filling legitimately large images.
constexpr long long kFuzzMaxPixels = 4'000'000;
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const deepart::DecodedImage image = deepart::decodeRgbImage(data, size, kFuzzMaxPixels);
    if (image.outcome == deepart::DecodeOutcome::Decoded) {
        // An 8-bit RGB picture, within the limit checked on the header before decoding.
        if (image.rgb.empty() || image.rgb.type() != CV_8UC3 ||
            static_cast<long long>(image.rgb.rows) * image.rgb.cols > kFuzzMaxPixels)
            std::abort();
    } else if (!image.rgb.empty()) {
        std::abort(); // a refusal carries no picture
    }
    return 0;
}
