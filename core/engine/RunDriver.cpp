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

// One run from start to finish; runStyleTransfer() makes one and executes it.
class Run {
public:
    Run(const RunPlan& plan, RunControl& control, const RunSink& sink)
        : plan_(plan), settings_(plan.settings), control_(control), sink_(sink),
          scales_(settings_.scales, static_cast<int>(plan.content.size(3)),
                  static_cast<int>(plan.content.size(2)), static_cast<int>(plan.style.size(3)),
                  static_cast<int>(plan.style.size(2))),
          outputHeight_(static_cast<int>(plan.content.size(2))),
          outputWidth_(static_cast<int>(plan.content.size(3))) {
        result_.lossWeights = settings_.lossWeights;
    }

    RunResult execute() {
        try {
            control_.throwIfStopped();
            const torch::Device device = chooseDevice(settings_.device);
            if (device.is_cpu())
                checkMemory();
            const Vgg19 network(plan_.weights, deepestLayer(settings_), settings_.pooling, device);
            const auto content = plan_.content.to(device, torch::kFloat32);
            const auto style = plan_.style.to(device, torch::kFloat32);
            for (const ScaleStage& stage : scales_.stages()) {
                control_.throwIfStopped();
                const auto stageContent = resized(content, stage.height, stage.width);
                Objective objective(network, stageContent,
                                    resized(style, stage.styleHeight, stage.styleWidth), settings_,
                                    [this] { control_.throwIfStopped(); });
                objective.setLossWeights(result_.lossWeights);
                startImage(stage, stageContent);
                const auto optimizer = makeOptimizer(settings_, image_, stage.iterations);
                if (stage.index == 0 && sink_.started)
                    sink_.started(RunStarted{describeDevice(device), outputWidth_, outputHeight_,
                                             scales_.totalIterations(), image_.detach()});
                for (int k = 0; k < stage.iterations; ++k)
                    if (!iterate(stage, objective, *optimizer))
                        return finish(); // failed: a non-finite loss
            }
        } catch (const RunCancelled&) {
            result_.outcome = RunOutcome::Cancelled;
        }
        return finish();
    }

private:
    void checkMemory() const {
        std::int64_t weightBytes = 0;
        for (const auto& layer : plan_.weights.layers)
            weightBytes += (layer.kernel.numel() + layer.bias.numel()) * 4;
        checkRunFitsInMemory(settings_, outputWidth_, outputHeight_,
                             static_cast<int>(plan_.style.size(3)),
                             static_cast<int>(plan_.style.size(2)), weightBytes,
                             plan_.memoryLimitBytes.value_or(availableMemoryBytes()));
    }

    void startImage(const ScaleStage& stage, const torch::Tensor& stageContent) {
        if (stage.index == 0) {
            image_ = initialImage(stageContent, settings_);
        } else {
            // What the coarser scale changed, scaled up (bicubic), on top of the content at this
            // scale: the result scaled up alone would lose the content's fine detail, which the
            // network sees as a large content loss to win back.
            image_ = (stageContent + upscaled(image_.detach() - previousContent_, stage.height,
                                              stage.width, false))
                         .clamp(0.0, 1.0);
        }
        previousContent_ = stageContent;
        image_.set_requires_grad(true);
    }

    // One iteration with its steering and reports. False when the loss was not finite (the run
    // has then failed, and the image is the one from before the iteration).
    bool iterate(const ScaleStage& stage, Objective& objective, OptimizerStrategy& optimizer) {
        if (!control_.waitWhilePaused([this] {
                if (sink_.paused)
                    sink_.paused(iteration_);
            }))
            throw RunCancelled{};
        if (const auto weights = control_.takeLossWeights()) {
            result_.lossWeights = *weights;
            objective.setLossWeights(*weights);
        }
        const auto start = std::chrono::steady_clock::now();
        const auto lastGood = image_.detach().clone();
        const StepResult step = optimizer.step(objective);
        {
            torch::NoGradGuard noGrad;
            image_.clamp_(0.0, 1.0);
        }
        // A step can also leave NaN pixels behind a finite loss (an infinite gradient), and the
        // clamp does not remove NaN: both end the run on the image from before the step.
        if (!allFinite(step.values) || !torch::isfinite(image_).all().item<bool>()) {
            result_.outcome = RunOutcome::Failed;
            result_.message = "the loss became infinite or not a number at iteration " +
                              std::to_string(iteration_ + 1) +
                              "; the run stopped and kept the last good image. Lower the "
                              "learning rate or the loss weights.";
            image_ = lastGood;
            return false;
        }
        ++iteration_;
        evaluations_ += step.evaluations;
        IterationStats stats;
        stats.iteration = iteration_;
        stats.totalIterations = scales_.totalIterations();
        stats.total = step.values[0];
        for (size_t t = 0; t < objective.termNames().size(); ++t)
            stats.terms.push_back({objective.termNames()[t], step.values[t + 1]});
        stats.milliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        stats.scale = stage.index;
        stats.size = std::max(stage.width, stage.height);
        stats.evaluations = evaluations_;
        stats.progress = scales_.progressAfter(iteration_);
        result_.completedIterations = iteration_;
        result_.lastStats = stats;

        const auto current = image_.detach();
        if (sink_.iteration)
            sink_.iteration(stats, current);
        const bool scheduled = settings_.saveEvery > 0 && iteration_ % settings_.saveEvery == 0;
        const bool manual = control_.takeSnapshotRequest();
        if ((scheduled || manual) && sink_.snapshot)
            sink_.snapshot(RunSnapshot{iteration_, manual && !scheduled, stage.index, stats.size,
                                       stats, result_.lossWeights, current});
        return true;
    }

    RunResult finish() {
        const torch::Tensor last = image_.defined() ? image_.detach() : plan_.content;
        result_.image = upscaled(last, outputHeight_, outputWidth_).to(torch::kCPU).contiguous();
        return result_;
    }

    const RunPlan& plan_;
    const TransferSettings& settings_;
    RunControl& control_;
    const RunSink& sink_;
    const ScalePlan scales_;
    const int outputHeight_;
    const int outputWidth_;
    RunResult result_;
    torch::Tensor image_;           // the image being optimized, at the current scale
    torch::Tensor previousContent_; // the content at the scale before
    long long evaluations_ = 0;
    int iteration_ = 0;
};

} // namespace

RunResult runStyleTransfer(const RunPlan& plan, RunControl& control, const RunSink& sink) {
    checkImage(plan.content, "content");
    checkImage(plan.style, "style");
    checkSettings(plan.settings);
    return Run(plan, control, sink).execute();
}

} // namespace deepart
