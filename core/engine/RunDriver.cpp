#include "RunDriver.h"

#include "ColorTransfer.h"
#include "ComputeDevice.h"
#include "Error.h"
#include "MemoryEstimate.h"
#include "Objective.h"
#include "OptimizerStrategy.h"
#include "Precision.h"
#include "RunPreparation.h"
#include "ScalePlan.h"
#include "Vgg19.h"

#include <ATen/Context.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <new>
#include <string>

namespace deepart {

namespace {

constexpr int kImageStartWarmup = 10;

bool allFinite(const std::vector<double>& values) {
    return std::all_of(values.begin(), values.end(), [](double v) { return std::isfinite(v); });
}

// cuDNN picks the fastest algorithm for each layer's shape once (a run's shapes repeat for
// hundreds of iterations); TF32 only when asked for, so that fp32 is fp32.
void configureCuda(const ResolvedPrecision& precision) {
    auto& context = at::globalContext();
    context.setBenchmarkCuDNN(true);
    context.setAllowTF32CuDNN(precision.tf32);
    context.setAllowTF32CuBLAS(precision.tf32);
}

// NHWC is the tensor cores' layout, and on the CPU oneDNN's bf16 convolutions run 12-16% faster
// on it (VGG-19 forward and backward, 256 and 512 px, 2 threads); its fp32 ones gain 1-5%, which
// would not be worth the seed preset's results changing in the last bits.
bool prefersChannelsLast(const torch::Device& device, torch::ScalarType networkType) {
    return device.is_cuda() || networkType != torch::kFloat32;
}

// One run from start to finish; runStyleTransfer() makes one and executes it.
class Run {
public:
    Run(const RunPlan& plan, RunControl& control, const RunSink& sink)
        : plan_(plan), settings_(plan.settings), control_(control), sink_(sink),
          scales_(settings_.scales, static_cast<int>(plan.content.size(3)),
                  static_cast<int>(plan.content.size(2)), styleSizes(plan)),
          outputHeight_(static_cast<int>(plan.content.size(2))),
          outputWidth_(static_cast<int>(plan.content.size(3))) {
        result_.lossWeights = settings_.lossWeights;
    }

    RunResult execute() {
        try {
            control_.throwIfStopped();
            const torch::Device device = chooseDevice(settings_.device);
            const ResolvedPrecision precision = resolvePrecision(settings_.precision, device);
            if (device.is_cpu())
                memory_ = planMemory();
            else
                memory_ = forcedTiles(); // no estimate for GPU memory (yet)
            if (device.is_cuda())
                configureCuda(precision);
            const Vgg19 network(plan_.weights, deepestLayer(settings_), settings_.pooling, device,
                                precision.networkType,
                                prefersChannelsLast(device, precision.networkType));
            inputs_ = prepareInputs(plan_, device);
            for (const ScaleStage& stage : scales_.stages()) {
                control_.throwIfStopped();
                const auto stageContent = resized(inputs_.content, stage.height, stage.width);
                stageColorContent_ = resized(inputs_.colorContent, stage.height, stage.width);
                std::vector<StyleImage> styles;
                for (size_t k = 0; k < inputs_.styles.size(); ++k) {
                    const StyleImage& style = inputs_.styles[k];
                    styles.push_back(StyleImage{
                        resized(style.image, stage.styles[k].height, stage.styles[k].width),
                        style.weight, style.scale,
                        style.mask.defined() ? resized(style.mask, stage.height, stage.width)
                                             : style.mask});
                }
                Objective objective(
                    network, stageContent, styles, settings_, [this] { control_.throwIfStopped(); },
                    memory_.tileCoreSize, memory_.keptTileGraphs);
                addTemporalTerm(objective, stage);
                objective.setLossWeights(result_.lossWeights);
                if (sink_.tile)
                    objective.setTileListener([this](int pass, int tile, int tiles) {
                        sink_.tile(TileProgress{iteration_ + 1, pass, tile, tiles});
                    });
                startImage(stage, stageContent);
                const auto optimizer = makeOptimizer(
                    stage.index == 0 ? firstScaleSettings() : settings_, image_, stage.iterations);
                if (stage.index == 0 && sink_.started)
                    sink_.started(RunStarted{describeDevice(device), describePrecision(precision),
                                             outputWidth_, outputHeight_, scales_.totalIterations(),
                                             memory_.tileCoreSize, memory_.tiles,
                                             memory_.estimate.bytes, presented(image_)});
                for (int k = 0; k < stage.iterations; ++k)
                    if (!iterate(stage, objective, *optimizer))
                        return finish(); // failed: a non-finite loss
            }
        } catch (const RunCancelled&) {
            result_.outcome = RunOutcome::Cancelled;
        } catch (const std::bad_alloc&) {
            throw Error(outOfMemory());
        } catch (const c10::Error& e) {
            if (std::string(e.what()).find("can't allocate memory") == std::string::npos &&
                std::string(e.what()).find("out of memory") == std::string::npos)
                throw;
            throw Error(outOfMemory());
        }
        return finish();
    }

private:
    // An allocation failed during the run itself (the estimate passed, or it was not checked:
    // CUDA): here the output size is what sets the memory.
    std::string outOfMemory() const {
        return "out of memory during the run at " +
               std::to_string(std::max(outputWidth_, outputHeight_)) +
               " px: try a smaller output size";
    }

    // Whole or in tiles, and the estimate the run is checked against (Error when it cannot fit).
    MemoryPlan planMemory() const {
        std::int64_t weightBytes = 0;
        for (const auto& layer : plan_.weights.layers)
            weightBytes += (layer.kernel.numel() + layer.bias.numel()) * 4;
        // The styles' targets are computed one after the other: the largest one counts.
        PixelSize largest;
        const int masked = static_cast<int>(
            std::count_if(plan_.styles.begin(), plan_.styles.end(),
                          [](const StyleImage& style) { return style.mask.defined(); }));
        for (const PixelSize& size : styleSizes(plan_))
            if (static_cast<double>(size.width) * size.height >
                static_cast<double>(largest.width) * largest.height)
                largest = size;
        return planRunMemory(settings_, outputWidth_, outputHeight_, largest.width, largest.height,
                             weightBytes, plan_.memoryLimitBytes.value_or(availableMemoryBytes()),
                             masked, deepestLayer(settings_));
    }

    // Video: the temporal term at this stage's size, in what the optimization sees (luminance in
    // Luminance mode).
    void addTemporalTerm(Objective& objective, const ScaleStage& stage) const {
        if (plan_.temporalTargets.empty())
            return;
        const torch::Device device = inputs_.content.device();
        std::vector<TemporalLoss> losses;
        for (const TemporalTarget& target : plan_.temporalTargets) {
            auto warped =
                resized(target.warped.to(device, torch::kFloat), stage.height, stage.width);
            if (settings_.colors == ColorMode::Luminance)
                warped = luminanceAsRgb(luminanceOf(warped));
            const auto mask =
                resized(target.mask.to(device, torch::kFloat), stage.height, stage.width)
                    .clamp(0.0, 1.0);
            losses.emplace_back(warped, mask);
        }
        objective.addTemporalTerm(std::move(losses), plan_.temporalWeight);
    }

    // On a GPU: tiles only when asked for.
    MemoryPlan forcedTiles() const {
        MemoryPlan plan;
        if (settings_.tileSize > 0) {
            plan.tileCoreSize = settings_.tileSize;
            plan.tiles = static_cast<int>(
                TilePlan(outputWidth_, outputHeight_, settings_.tileSize, deepestLayer(settings_))
                    .tiles()
                    .size());
        }
        return plan;
    }

    // A run that starts from an image (an earlier result, most often) restarts Adam without its
    // moments: its first steps move every pixel by the full rate and undo much of what the image
    // had (measured: a continuation's loss jumped 2.6x at its second step and ended above where
    // it began). A short warm-up, unless the settings have one, keeps the first steps small.
    TransferSettings firstScaleSettings() const {
        TransferSettings s = settings_;
        if (s.init == InitMode::Image && s.optimizer == OptimizerKind::Adam)
            s.adam.warmupIterations = std::max(s.adam.warmupIterations, kImageStartWarmup);
        return s;
    }

    // The image as the user sees it: in Luminance mode its luminance with the content's colours.
    torch::Tensor presented(const torch::Tensor& image) const {
        const auto detached = image.detach();
        if (settings_.colors != ColorMode::Luminance)
            return detached;
        torch::NoGradGuard noGrad;
        return withLuminance(luminanceOf(detached), stageColorContent_);
    }

    void startImage(const ScaleStage& stage, const torch::Tensor& stageContent) {
        if (stage.index == 0) {
            image_ = initialImage(stageContent, inputs_.initImage, settings_);
            // In Luminance mode the run works on gray images from the start.
            if (settings_.colors == ColorMode::Luminance && settings_.init != InitMode::Content)
                image_ = luminanceAsRgb(luminanceOf(image_));
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
        bool deferredSnapshot = false;
        const bool goOn = control_.waitWhilePaused(
            [this] {
                if (sink_.paused)
                    sink_.paused(iteration_);
            },
            [&] {
                // "Snapshot now" while held: the image as it stands, without waiting for Resume
                // (before the first iteration there is none yet: it waits for that one).
                if (iteration_ == 0)
                    deferredSnapshot = true;
                else if (sink_.snapshot)
                    sink_.snapshot(
                        RunSnapshot{iteration_, true, stage.index,
                                    static_cast<int>(std::max(image_.size(2), image_.size(3))),
                                    result_.lastStats, result_.lossWeights, presented(image_)});
            });
        if (deferredSnapshot)
            control_.requestSnapshot();
        if (!goOn)
            throw RunCancelled{};
        if (const auto weights = control_.takeLossWeights()) {
            result_.lossWeights = *weights;
            objective.setLossWeights(*weights);
        }
        const auto start = std::chrono::steady_clock::now();
        const auto lastGood = image_.detach().clone();
        StepResult step;
        try {
            step = optimizer.step(objective);
        } catch (const RunCancelled&) {
            // A stop within a (tiled, long) evaluation: L-BFGS may have moved the image to a
            // point of its line search. The run keeps the image it had.
            torch::NoGradGuard noGrad;
            image_.copy_(lastGood);
            throw;
        }
        std::vector<double> values;
        {
            torch::NoGradGuard noGrad;
            image_.clamp_(0.0, 1.0);
            // A step can also leave NaN pixels behind a finite loss (an infinite gradient), and
            // the clamp does not remove NaN. Whether the image is finite travels to the host with
            // the losses: one copy, the iteration's only wait for the device.
            const auto finite = torch::isfinite(image_).all().to(step.values.options());
            const auto host =
                torch::cat({step.values, finite.unsqueeze(0)}).to(torch::kCPU, torch::kDouble);
            values.assign(host.data_ptr<double>(), host.data_ptr<double>() + host.numel());
        }
        const bool imageFinite = values.back() != 0.0;
        values.pop_back();
        // Either ends the run on the image from before the step.
        if (!allFinite(values) || !imageFinite) {
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
        stats.total = values[0];
        for (size_t t = 0; t < objective.termNames().size(); ++t)
            stats.terms.push_back({objective.termNames()[t], values[t + 1]});
        stats.milliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        stats.scale = stage.index;
        stats.size = std::max(stage.width, stage.height);
        stats.evaluations = evaluations_;
        stats.progress = scales_.progressAfter(iteration_);
        result_.completedIterations = iteration_;
        result_.lastStats = stats;

        const auto current = presented(image_);
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
        if (!image_.defined()) {
            result_.image = plan_.content.to(torch::kCPU).contiguous();
            return result_;
        }
        const auto last = upscaled(image_.detach(), outputHeight_, outputWidth_);
        stageColorContent_ = inputs_.colorContent; // the result is at the output size
        result_.image = presented(last).to(torch::kCPU).contiguous();
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
    MemoryPlan memory_;
    PreparedInputs inputs_;
    torch::Tensor stageColorContent_; // the content as given, at the current scale
    torch::Tensor image_;             // the image being optimized, at the current scale
    torch::Tensor previousContent_;   // the content at the scale before
    long long evaluations_ = 0;
    int iteration_ = 0;
};

} // namespace

RunResult runStyleTransfer(const RunPlan& plan, RunControl& control, const RunSink& sink) {
    checkRunPlan(plan);
    return Run(plan, control, sink).execute();
}

} // namespace deepart
