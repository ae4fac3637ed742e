#include "ComputeDevice.h"

#include "Error.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>

#include <thread>

namespace deepart {

torch::Device chooseDevice(DeviceChoice choice) {
    switch (choice) {
    case DeviceChoice::Cpu:
        return torch::kCPU;
    case DeviceChoice::Cuda:
        if (!torch::cuda::is_available())
            throw Error("no CUDA device is available (this LibTorch build or machine has none); "
                        "use --device cpu or auto");
        return {torch::kCUDA, 0};
    case DeviceChoice::Auto:
        break;
    }
    return torch::cuda::is_available() ? torch::Device(torch::kCUDA, 0)
                                       : torch::Device(torch::kCPU);
}

std::string describeDevice(torch::Device device) {
    if (device.is_cuda())
        return "CUDA device " + std::to_string(device.index() < 0 ? 0 : device.index()) + " (" +
               std::to_string(torch::cuda::device_count()) + " visible)";
    const int threads = at::get_num_threads();
    return "CPU, " + std::to_string(threads) + (threads == 1 ? " thread" : " threads");
}

int configureThreads(int requested) {
    int threads = requested;
    if (threads <= 0)
        threads = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    at::set_num_threads(threads);
    return at::get_num_threads();
}

} // namespace deepart
