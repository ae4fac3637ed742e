#pragma once

#include "Spelling.h"

#include <torch/types.h>

#include <string>

namespace deepart {

enum class DeviceChoice { Auto, Cpu, Cuda };

// The spellings of settings files and the command line.
constexpr std::array<Spelling<DeviceChoice>, 3> spellings(DeviceChoice) {
    return {
        {{DeviceChoice::Auto, "auto"}, {DeviceChoice::Cpu, "cpu"}, {DeviceChoice::Cuda, "cuda"}}};
}
inline const char* toString(DeviceChoice choice) {
    return spell(choice);
}

// Runtime choice of where to compute: Auto takes CUDA when LibTorch sees a device. Asking for
// CUDA where there is none throws deepart::Error.
torch::Device chooseDevice(DeviceChoice choice);

// "CUDA device 0 (3 visible)" or "CPU, 8 threads", for logs and the UI.
std::string describeDevice(torch::Device device);

// Sets LibTorch's intra-op thread count; 0 means one per hardware thread. Returns the count used.
int configureThreads(int requested);

} // namespace deepart
