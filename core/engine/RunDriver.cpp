#include "RunDriver.h"

#include "ComputeDevice.h"
#include "Error.h"
#include "MemoryEstimate.h"
#include "Objective.h"
#include "OptimizerStrategy.h"
#include "ScalePlan.h"
#include "Vgg19.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/upsampling.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace deepart {

namespace {

namespace F = torch::nn::functional;

void checkImage(const torch::Tensor& image, const char* what) {
    if (!image.defined() || image.dim() != 4 || image.size(0) != 1 || image.size(1) != 3)
        throw Error(std::string(what) + " image must be a 1x3xHxW RGB tensor");
    if (image.size(2) < 16 || image.size(3) < 16)
        throw Error(std::string(what) + " image is too small: at least 16x16 pixels are needed");
}

void checkSettings(const TransferSettings& s) {
    if (s.styleLayers.empty())
        throw Error("at least one style layer is needed");
    if (s.optimizer == OptimizerKind::Adam &&
        !(s.adam.learningRate > 0.0 && s.adam.finalLearningRate > 0.0))
        throw Error("the learning rate must be greater than 0");
    if (s.optimizer == OptimizerKind::Lbfgs &&
        !(s.lbfgs.learningRate > 0.0 && s.lbfgs.historySize >= 1))
        throw Error("L-BFGS needs a learning rate greater than 0 and a history of at least 1");
    if (s.noiseRatio < 0.0 || s.noiseRatio > 1.0)
        throw Error("the noise ratio must be between 0 and 1");
    vgg19LayerIndexOrThrow(s.contentLayer);
    for (const auto& layer : s.styleLayers)
        vgg19LayerIndexOrThrow(layer.name);
}

int deepestLayer(const TransferSettings& s) {
    int deepest = vgg19LayerIndexOrThrow(s.contentLayer);
    for (const auto& layer : s.styleLayers)
        deepest = std::max(deepest, vgg19LayerIndexOrThrow(layer.name));
    return deepest;
}

// Downscaled inputs for a coarser scale (antialiased, so no aliasing of fine texture); the
// output scale uses the images exactly as given.
torch::Tensor resized(const torch::Tensor& image, int height, int width) {
    if (image.size(2) == height && image.size(3) == width)
        return image;
    return F::interpolate(image, F::InterpolateFuncOptions()
                                     .size(std::vector<int64_t>{height, width})
                                     .mode(torch::kBilinear)
                                     .align_corners(false)
                                     .antialias(true))
        .clamp(0.0, 1.0);
}

// An image (or a difference of images, unclamped) brought up to a larger scale.
torch::Tensor upscaled(const torch::Tensor& image, int height, int width, bool clamp = true) {
    if (image.size(2) == height && image.size(3) == width)
        return image;
    const auto up = F::interpolate(image, F::InterpolateFuncOptions()
                                              .size(std::vector<int64_t>{height, width})
                                              .mode(torch::kBicubic)
                                              .align_corners(false));
    return clamp ? up.clamp(0.0, 1.0) : up;
}

torch::Tensor initialImage(const torch::Tensor& content, const TransferSettings& s) {
    if (s.init == InitMode::Content)
        return content.clone();
    // Noise comes from a CPU generator so a seed gives the same picture on every device.
    auto generator = at::make_generator<at::CPUGeneratorImpl>(s.seed);
    const auto noise =
        torch::rand(content.sizes(), generator, torch::kFloat32).to(content.device());
    if (s.init == InitMode::Noise)
        return noise;
    const double r = s.noiseRatio;
    return (content * (1.0 - r) + noise * r).clamp(0.0, 1.0);
}

bool allFinite(const std::vector<double>& values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

} // namespace

RunResult runStyleTransfer(const RunPlan& plan, RunControl& control, const RunSink& sink) {
    const TransferSettings& settings = plan.settings;
    checkImage(plan.content, "content");
    checkImage(plan.style, "style");
    checkSettings(settings);
    const ScalePlan scales(settings.scales, static_cast<int>(plan.content.size(3)),
                           static_cast<int>(plan.content.size(2)),
                           static_cast<int>(plan.style.size(3)),
                           static_cast<int>(plan.style.size(2)));
    const int outputHeight = static_cast<int>(plan.content.size(2));
    const int outputWidth = static_cast<int>(plan.content.size(3));

    RunResult result;
    result.lossWeights = settings.lossWeights;
    torch::Tensor image;    // the image being optimized, at the current scale
    torch::Tensor lastGood; // a copy from before the iteration in progress
    const auto checkpoint = [&control] { control.throwIfStopped(); };
    try {
        control.throwIfStopped();
        const torch::Device device = chooseDevice(settings.device);
        if (device.is_cpu()) {
            std::int64_t weightBytes = 0;
            for (const auto& layer : plan.weights.layers)
                weightBytes += (layer.kernel.numel() + layer.bias.numel()) * 4;
            checkRunFitsInMemory(settings, outputWidth, outputHeight,
                                 static_cast<int>(plan.style.size(3)),
                                 static_cast<int>(plan.style.size(2)), weightBytes,
                                 plan.memoryLimitBytes.value_or(availableMemoryBytes()));
        }
        const Vgg19 network(plan.weights, deepestLayer(settings), settings.pooling, device);
        const auto content = plan.content.to(device, torch::kFloat32);
        const auto style = plan.style.to(device, torch::kFloat32);
        long long evaluations = 0;
        int iteration = 0;
        torch::Tensor previousContent; // the content at the scale before

        for (const ScaleStage& stage : scales.stages()) {
            control.throwIfStopped();
            const auto stageContent = resized(content, stage.height, stage.width);
            Objective objective(network, stageContent,
                                resized(style, stage.styleHeight, stage.styleWidth), settings,
                                checkpoint);
            objective.setLossWeights(result.lossWeights);
            if (stage.index == 0) {
                image = initialImage(stageContent, settings);
            } else {
                // What the coarser scale changed, scaled up (bicubic), on top of the content at
                // this scale: the result scaled up alone would lose the content's fine detail,
                // which the network sees as a large content loss to win back.
                image = (stageContent + upscaled(image.detach() - previousContent, stage.height,
                                                 stage.width, false))
                            .clamp(0.0, 1.0);
            }
            previousContent = stageContent;
            image.set_requires_grad(true);
            const auto optimizer = makeOptimizer(settings, image, stage.iterations);
            if (stage.index == 0 && sink.started)
                sink.started(RunStarted{describeDevice(device), outputWidth, outputHeight,
                                        scales.totalIterations(), image.detach()});

            for (int k = 0; k < stage.iterations; ++k) {
                if (!control.waitWhilePaused([&] {
                        if (sink.paused)
                            sink.paused(iteration);
                    }))
                    throw RunCancelled{};
                if (const auto weights = control.takeLossWeights()) {
                    result.lossWeights = *weights;
                    objective.setLossWeights(*weights);
                }
                const auto start = std::chrono::steady_clock::now();
                lastGood = image.detach().clone();
                const StepResult step = optimizer->step(objective);
                {
                    torch::NoGradGuard noGrad;
                    image.clamp_(0.0, 1.0);
                }
                if (!allFinite(step.values)) {
                    result.outcome = RunOutcome::Failed;
                    result.message =
                        "the loss became infinite or not a number at iteration " +
                        std::to_string(iteration + 1) +
                        "; the run stopped and kept the last good image. Lower the learning "
                        "rate or the loss weights.";
                    image = lastGood;
                    break;
                }
                ++iteration;
                evaluations += step.evaluations;
                IterationStats stats;
                stats.iteration = iteration;
                stats.totalIterations = scales.totalIterations();
                stats.total = step.values[0];
                for (size_t t = 0; t < objective.termNames().size(); ++t)
                    stats.terms.push_back({objective.termNames()[t], step.values[t + 1]});
                stats.milliseconds = std::chrono::duration<double, std::milli>(
                                         std::chrono::steady_clock::now() - start)
                                         .count();
                stats.scale = stage.index;
                stats.size = std::max(stage.width, stage.height);
                stats.evaluations = evaluations;
                stats.progress = scales.progressAfter(iteration);
                result.completedIterations = iteration;
                result.lastStats = stats;

                const auto current = image.detach();
                if (sink.iteration)
                    sink.iteration(stats, current);
                const bool scheduled =
                    settings.saveEvery > 0 && iteration % settings.saveEvery == 0;
                const bool manual = control.takeSnapshotRequest();
                if ((scheduled || manual) && sink.snapshot)
                    sink.snapshot(RunSnapshot{iteration, manual && !scheduled, stage.index,
                                              stats.size, stats, result.lossWeights, current});
            }
            if (result.outcome == RunOutcome::Failed)
                break;
        }
    } catch (const RunCancelled&) {
        result.outcome = RunOutcome::Cancelled;
    }
    if (!image.defined())
        image = plan.content; // stopped before the first scale began
    result.image = upscaled(image.detach(), outputHeight, outputWidth).to(torch::kCPU).contiguous();
    return result;
}

} // namespace deepart
