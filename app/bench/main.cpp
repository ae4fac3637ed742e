#include "DeviceCrossCheck.h"
#include "EngineBenchmark.h"

#include "Error.h"

#include <iostream>

namespace {

// --cross-check: exit status 0 when the device agrees with the CPU within the tolerance, 1 when
// not, so that a script can stop on it.
int crossCheck(const deepart::BenchmarkOptions& options) {
    deepart::CrossCheckOptions check;
    check.size = options.sizes.front();
    check.iterations = options.crossCheck;
    check.threads = options.threads;
    check.device = options.device;
    check.precision = options.precision.value_or(deepart::Precision::Fp32);
    const auto result = deepart::crossCheckAgainstCpu(check, std::cout);
    const bool agrees = result.maxRelativeError < options.tolerance;
    std::cout << (agrees ? "cross-check passed" : "cross-check FAILED") << ": largest relative "
              << "error " << result.maxRelativeError << (agrees ? " < " : " >= ")
              << options.tolerance << '\n';
    return agrees ? 0 : 1;
}

} // namespace

int main(int argc, char** argv) {
    try {
        const auto options =
            deepart::parseBenchmarkArguments(std::vector<std::string>(argv + 1, argv + argc));
        if (options.crossCheck > 0)
            return crossCheck(options);
        deepart::runEngineBenchmark(options, std::cout);
        return 0;
    } catch (const std::invalid_argument& e) {
        std::cerr << "deepart-bench: " << e.what() << '\n';
        return 2;
    } catch (const std::exception& e) {
        std::cerr << "deepart-bench: " << deepart::describeException(e) << '\n';
        return 1;
    }
}
