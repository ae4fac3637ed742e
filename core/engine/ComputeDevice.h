#pragma once

#include <torch/types.h>

#include <string>

namespace deepart {

enum class DeviceChoice { Auto, Cpu, Cuda };

// "auto", "cpu", "cuda": the spelling of settings files and the command line.
const char* toString(DeviceChoice choice);

// Runtime choice of where to compute: Auto takes CUDA when LibTorch sees a device. Asking for
// CUDA where there is none throws deepart::Error.
torch::Device chooseDevice(DeviceChoice choice);

// "CUDA device 0 (3 visible)" or "CPU, 8 threads", for logs and the UI.
std::string describeDevice(torch::Device device);

// Sets LibTorch's intra-op thread count; 0 means one per hardware thread. Returns the count used.
int configureThreads(int requested);

} // namespace deepart
