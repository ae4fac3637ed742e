#include "Precision.h"

#include "Error.h"

#include <ATen/Context.h>
#include <ATen/detail/CUDAHooksInterface.h>

#if defined(__x86_64__) || defined(__i386__)
#include <cpuid.h>
#endif

namespace deepart {

namespace {

#if defined(__x86_64__) || defined(__i386__)
// AMX needs the CPU's tile instructions and the operating system's saving of tile state (XCR0
// bits 17 and 18); Linux also asks each process to request it, which oneDNN does itself.
bool cpuHasAmxBf16() {
    unsigned eax = 0, ebx = 0, ecx = 0, edx = 0;
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx) || !(edx & (1U << 22)))
        return false;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx) || !(ecx & (1U << 27))) // OSXSAVE
        return false;
    unsigned low = 0, high = 0;
    __asm__("xgetbv" : "=a"(low), "=d"(high) : "c"(0));
    const unsigned tileState = (1U << 17) | (1U << 18);
    return (low & tileState) == tileState;
}
#endif

} // namespace

CpuFeatures detectCpuFeatures() {
    CpuFeatures cpu;
    cpu.oneDnn = at::hasMKLDNN();
#if defined(__x86_64__) || defined(__i386__)
    __builtin_cpu_init();
    // The builtin also checks that the operating system saves the AVX-512 state.
    cpu.avx512Bf16 = __builtin_cpu_supports("avx512bf16") != 0;
    cpu.amxBf16 = cpuHasAmxBf16();
#endif
    return cpu;
}

ResolvedPrecision resolvePrecision(Precision choice, const torch::Device& device,
                                   const CpuFeatures& cpu, bool cudaBf16) {
    ResolvedPrecision r;
    const bool cuda = device.is_cuda();
    switch (choice) {
    case Precision::Auto:
        if (cuda && cudaBf16) {
            r.precision = Precision::Bf16;
            r.reason = "CUDA bf16";
        } else if (!cuda && cpu.fastBf16()) {
            r.precision = Precision::Bf16;
            r.reason = cpu.amxBf16 ? "AMX-BF16" : "AVX512-BF16";
        } else {
            r.precision = Precision::Fp32;
            r.reason = cuda ? "no bf16 on this GPU" : "no fast bf16 on this CPU";
        }
        break;
    case Precision::Fp32:
        r.precision = Precision::Fp32;
        break;
    case Precision::Tf32:
        if (!cuda)
            throw Error("precision tf32 runs on CUDA GPUs only (Ampere or newer); on the CPU use "
                        "fp32, bf16 or auto");
        r.precision = Precision::Tf32;
        break;
    case Precision::Bf16:
        if (cuda && !cudaBf16)
            throw Error("precision bf16 needs a CUDA GPU with bf16 convolutions (Ampere or "
                        "newer, cuDNN 8); use fp16, fp32 or auto");
        r.precision = Precision::Bf16;
        // Still run it (a user may be checking bf16's effect on the result), but say so.
        if (!cuda && !cpu.fastBf16())
            r.warning = "slow here: this CPU has no AVX512-BF16 or AMX, so bf16 is emulated, "
                        "many times slower than fp32";
        break;
    case Precision::Fp16:
        if (!cuda)
            throw Error("precision fp16 runs on CUDA GPUs only; on the CPU use bf16, fp32 or "
                        "auto");
        r.precision = Precision::Fp16;
        break;
    }
    r.networkType = r.precision == Precision::Bf16   ? torch::kBFloat16
                    : r.precision == Precision::Fp16 ? torch::kHalf
                                                     : torch::kFloat32;
    r.tf32 = r.precision == Precision::Tf32;
    return r;
}

ResolvedPrecision resolvePrecision(Precision choice, const torch::Device& device) {
    static const CpuFeatures cpu = detectCpuFeatures();
    const bool cudaBf16 =
        device.is_cuda() && at::detail::getCUDAHooks().supportsBFloat16ConvolutionWithCuDNNv8();
    return resolvePrecision(choice, device, cpu, cudaBf16);
}

std::string describePrecision(const ResolvedPrecision& precision) {
    std::string text = toString(precision.precision);
    if (!precision.reason.empty())
        text += " (auto: " + precision.reason + ")";
    if (!precision.warning.empty())
        text += " (" + precision.warning + ")";
    return text;
}

} // namespace deepart
