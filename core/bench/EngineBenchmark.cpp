#include "EngineBenchmark.h"

#include "Error.h"
#include "MemoryEstimate.h"
#include "RandomVgg19Weights.h"
#include "RunDriver.h"

#include <torch/version.h>

#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <sstream>
#include <stdexcept>

namespace deepart {

namespace {

double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // ru_maxrss is in KiB on Linux
}

int toInt(const std::string& flag, const std::string& text, int min) {
    try {
        size_t used = 0;
        const int value = std::stoi(text, &used);
        if (used == text.size() && value >= min)
            return value;
    } catch (const std::exception&) {
    }
    throw std::invalid_argument(flag + ": '" + text +
                                "' is not a whole number >= " + std::to_string(min));
}

double toPositive(const std::string& flag, const std::string& text) {
    try {
        size_t used = 0;
        const double value = std::stod(text, &used);
        if (used == text.size() && value > 0.0 && std::isfinite(value))
            return value;
    } catch (const std::exception&) {
    }
    throw std::invalid_argument(flag + ": '" + text + "' is not a number greater than 0");
}

} // namespace

BenchmarkOptions parseBenchmarkArguments(const std::vector<std::string>& arguments) {
    BenchmarkOptions options;
    for (size_t i = 0; i < arguments.size(); ++i) {
        const std::string& flag = arguments[i];
        if (i + 1 >= arguments.size())
            throw std::invalid_argument(
                "unknown or incomplete argument '" + flag +
                "'; usage: deepart-bench [--sizes 128,256,512] "
                "[--iterations 10] [--warmup 2] [--threads 0] "
                "[--device auto|cpu|cuda] [--precision auto|fp32|tf32|bf16|fp16] "
                "[--preset seed|fast|fine|print] "
                "[--styles 1] [--regions on|off] "
                "[--preserve-colors none|luminance|match] [--tile PX] [--memory-limit MIB] "
                "[--cross-check ITERATIONS] [--tolerance 1e-3]");
        const std::string& value = arguments[++i];
        if (flag == "--sizes") {
            options.sizes.clear();
            std::stringstream list(value);
            for (std::string item; std::getline(list, item, ',');)
                options.sizes.push_back(toInt(flag, item, 16));
        } else if (flag == "--iterations") {
            options.iterations = toInt(flag, value, 1);
        } else if (flag == "--warmup") {
            options.warmup = toInt(flag, value, 0);
        } else if (flag == "--threads") {
            options.threads = toInt(flag, value, 0);
        } else if (flag == "--device") {
            if (value == "auto")
                options.device = DeviceChoice::Auto;
            else if (value == "cpu")
                options.device = DeviceChoice::Cpu;
            else if (value == "cuda")
                options.device = DeviceChoice::Cuda;
            else
                throw std::invalid_argument("--device: '" + value + "'; allowed: auto, cpu, cuda");
        } else if (flag == "--precision") {
            options.precision = precisionFromString(value);
            if (!options.precision)
                throw std::invalid_argument("--precision: '" + value +
                                            "'; allowed: auto, fp32, tf32, bf16, fp16");
        } else if (flag == "--preset") {
            const auto preset = presetFromString(value);
            if (!preset || *preset == Preset::Custom)
                throw std::invalid_argument("--preset: '" + value + "'; allowed: " + presetNames());
            options.preset = *preset;
        } else if (flag == "--styles") {
            options.styles = toInt(flag, value, 1);
        } else if (flag == "--regions") {
            if (value != "on" && value != "off")
                throw std::invalid_argument("--regions: '" + value + "'; allowed: on, off");
            options.regions = value == "on";
        } else if (flag == "--preserve-colors") {
            const ColorMode modes[] = {ColorMode::None, ColorMode::Luminance, ColorMode::Match};
            const auto* mode = std::find_if(std::begin(modes), std::end(modes),
                                            [&](ColorMode m) { return value == toString(m); });
            if (mode == std::end(modes))
                throw std::invalid_argument("--preserve-colors: '" + value +
                                            "'; allowed: none, luminance, match");
            options.colors = *mode;
        } else if (flag == "--tile") {
            options.tileSize = toInt(flag, value, 0);
        } else if (flag == "--memory-limit") {
            options.memoryLimitMiB = toInt(flag, value, 1);
        } else if (flag == "--cross-check") {
            options.crossCheck = toInt(flag, value, 1);
        } else if (flag == "--tolerance") {
            options.tolerance = toPositive(flag, value);
        } else {
            throw std::invalid_argument("unknown argument '" + flag + "'");
        }
    }
    return options;
}

std::vector<BenchmarkResult> runEngineBenchmark(const BenchmarkOptions& options,
                                                std::ostream& out) {
    configureThreads(options.threads);
    const torch::Device device = chooseDevice(options.device);
    const Vgg19Weights weights = randomVgg19Weights();
    TransferSettings presetSettings;
    applyPreset(presetSettings, options.preset);
    const ResolvedPrecision precision =
        resolvePrecision(options.precision.value_or(presetSettings.precision), device);
    out << "deepart-bench: " << describeDevice(device) << ", " << describePrecision(precision)
        << ", LibTorch " << TORCH_VERSION << ", random VGG-19 weights, preset "
        << toString(options.preset) << ", " << options.styles
        << (options.styles == 1 ? " style" : " styles") << (options.regions ? " in regions" : "")
        << ", colours " << toString(options.colors) << ", " << options.iterations
        << " timed iterations after " << options.warmup << " warm-up\n";
    out << "  size   median ms/it   mean ms/it   peak RSS MiB   estimate MiB   tiles\n";

    std::vector<BenchmarkResult> results;
    for (int size : options.sizes) {
        RunPlan plan;
        plan.weights = weights;
        plan.content = torch::rand({1, 3, size, size});
        for (int k = 0; k < options.styles; ++k) {
            torch::Tensor mask;
            if (options.regions) {
                // Style k in the k-th vertical band.
                mask = torch::zeros({1, 1, size, size});
                mask.slice(3, size * k / options.styles, size * (k + 1) / options.styles)
                    .fill_(1.0);
            }
            plan.styles.emplace_back(torch::rand({1, 3, size, size}), 1.0, 1.0, mask);
        }
        plan.settings.colors = options.colors;
        plan.settings.tileSize = options.tileSize;
        if (options.memoryLimitMiB > 0)
            plan.memoryLimitBytes = options.memoryLimitMiB * 1024 * 1024;
        plan.settings.device = options.device;
        plan.settings.saveEvery = 0;
        plan.settings.setOutputSize(size);
        applyPreset(plan.settings, options.preset);
        if (options.precision)
            plan.settings.precision = *options.precision;
        for (auto& scale : plan.settings.scales)
            scale.iterations = std::max(1, options.warmup);
        plan.settings.scales.back().iterations = options.warmup + options.iterations;
        const int timedFrom = plan.settings.totalIterations() - options.iterations;
        std::vector<double> times;
        RunSink sink;
        BenchmarkResult r;
        sink.started = [&](const RunStarted& started) {
            r.tiles = started.tiles;
            r.estimateMiB = static_cast<double>(started.memoryEstimateBytes) / (1024.0 * 1024.0);
        };
        sink.iteration = [&](const IterationStats& stats, const torch::Tensor&) {
            if (stats.iteration > timedFrom)
                times.push_back(stats.milliseconds);
        };
        RunControl control;
        const RunResult run = runStyleTransfer(plan, control, sink);
        if (run.outcome != RunOutcome::Finished || times.empty())
            throw Error("the " + std::to_string(size) + " px run did not finish: " + run.message);
        std::sort(times.begin(), times.end());
        r.size = size;
        r.medianMs = times[times.size() / 2];
        r.meanMs = std::accumulate(times.begin(), times.end(), 0.0) / times.size();
        r.peakRssMiB = peakRssMiB();
        char line[128];
        std::snprintf(line, sizeof line, "  %4d   %12.1f   %10.1f   %12.0f   %12.0f   %5d\n",
                      r.size, r.medianMs, r.meanMs, r.peakRssMiB, r.estimateMiB, r.tiles);
        out << line << std::flush;
        results.push_back(r);
    }
    return results;
}

} // namespace deepart
