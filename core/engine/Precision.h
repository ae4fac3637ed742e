#pragma once

#include "Spelling.h"

#include <torch/types.h>

#include <optional>
#include <string>

namespace deepart {

// The arithmetic the network's convolutions run in. Whatever is chosen, the optimized image,
// the optimizer's state, the Gram matrices, the style targets, the loss reductions and every
// reported loss stay fp32: only VGG-19's layers (convolutions, ReLU, pooling and their backward)
// run lower.
//  - Auto: bf16 where it is fast (a CPU whose oneDNN has a native bf16 path: AVX512-BF16 or
//    AMX; a CUDA device that supports bf16 convolutions), fp32 elsewhere;
//  - Fp32: strict fp32 everywhere (on CUDA without TF32), the seed's arithmetic;
//  - Tf32: fp32 storage with TF32 tensor-core products (CUDA only);
//  - Bf16, Fp16: the network in that type (fp16 on CUDA only).
enum class Precision { Auto, Fp32, Tf32, Bf16, Fp16 };

// The spellings of settings files and the command line.
constexpr std::array<Spelling<Precision>, 5> spellings(Precision) {
    return {{{Precision::Auto, "auto"},
             {Precision::Fp32, "fp32"},
             {Precision::Tf32, "tf32"},
             {Precision::Bf16, "bf16"},
             {Precision::Fp16, "fp16"}}};
}
inline const char* toString(Precision precision) {
    return spell(precision);
}
inline std::optional<Precision> precisionFromString(const std::string& text) {
    return parseSpelling<Precision>(text);
}

// What the CPU offers LibTorch's oneDNN for bf16. Detected once at run time; tests pass their
// own answer so that they run the same on any machine.
struct CpuFeatures {
    bool oneDnn = false;     // this LibTorch was built with oneDNN (MKLDNN)
    bool avx512Bf16 = false; // AVX512-BF16 instructions usable
    bool amxBf16 = false;    // AMX tiles with bf16, usable

    bool fastBf16() const { return oneDnn && (avx512Bf16 || amxBf16); }
};
CpuFeatures detectCpuFeatures();

// What a choice means on a device: the type the network runs in, and for CUDA whether TF32 may
// be used. Throws deepart::Error, in the user's words, for a choice the device cannot run
// (fp16 or tf32 on a CPU, bf16 on a CUDA device without bf16 convolutions).
struct ResolvedPrecision {
    Precision precision = Precision::Fp32; // never Auto
    torch::ScalarType networkType = torch::kFloat32;
    bool tf32 = false;
    std::string reason; // why Auto chose it, e.g. "AVX512-BF16"; empty when chosen explicitly
    // An explicit choice that runs, but badly here: bf16 on a CPU without AVX512-BF16 or AMX,
    // which LibTorch 1.13 computes in single-threaded reference code (about 80x slower than fp32
    // on this project's 2-core EPYC). Empty when there is nothing to say.
    std::string warning;
};
ResolvedPrecision resolvePrecision(Precision choice, const torch::Device& device,
                                   const CpuFeatures& cpu, bool cudaBf16);
// The same for this machine: the detected CPU features and, for a CUDA device, what LibTorch's
// CUDA hooks say of bf16 convolutions.
ResolvedPrecision resolvePrecision(Precision choice, const torch::Device& device);

// "bf16 (auto: AVX512-BF16)", "fp32", "bf16 (slow here: …)": for logs and the window.
std::string describePrecision(const ResolvedPrecision& precision);

} // namespace deepart
