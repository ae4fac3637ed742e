#include "RunPreparation.h"

#include "ColorTransfer.h"
#include "Error.h"
#include "Objective.h"

#include <ATen/CPUGeneratorImpl.h>
#include <torch/nn/functional/upsampling.h>

#include <cmath>
#include <string>

namespace deepart {

namespace F = torch::nn::functional;

namespace {

void checkImage(const torch::Tensor& image, const char* what) {
    if (!image.defined() || image.dim() != 4 || image.size(0) != 1 || image.size(1) != 3)
        throw Error(std::string(what) + " image must be a 1x3xHxW RGB tensor");
    if (image.size(2) < kMinImageSide || image.size(3) < kMinImageSide)
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

// A mask that is white everywhere is no mask: the run then takes the plain (faster) loss, and
// the result is the same.
torch::Tensor effectiveMask(const torch::Tensor& mask) {
    if (!mask.defined() || mask.min().item<double>() >= 1.0)
        return {};
    return mask.clamp(0.0, 1.0);
}

} // namespace

void checkRunPlan(const RunPlan& plan) {
    checkSettings(plan.settings);
    checkImage(plan.content, "content");
    if (plan.styles.empty())
        throw Error("at least one style image is needed");
    double totalWeight = 0.0;
    for (size_t k = 0; k < plan.styles.size(); ++k) {
        const StyleImage& style = plan.styles[k];
        const std::string name = "style " + std::to_string(k + 1);
        checkImage(style.image, name.c_str());
        if (!(style.weight >= 0.0) || !std::isfinite(style.weight))
            throw Error("the blend weight of " + name + " must be 0 or more");
        if (!(style.scale > 0.0) || !std::isfinite(style.scale))
            throw Error("the style scale of " + name + " must be greater than 0");
        totalWeight += style.weight;
        if (style.mask.defined() &&
            (style.mask.dim() != 4 || style.mask.size(0) != 1 || style.mask.size(1) != 1 ||
             style.mask.size(2) != plan.content.size(2) ||
             style.mask.size(3) != plan.content.size(3)))
            throw Error("the mask of " + name + " must be a 1x1xHxW tensor of the content's size");
    }
    if (!(totalWeight > 0.0))
        throw Error("the style blend weights are all 0; give at least one style some weight");
    if (plan.settings.init == InitMode::Image) {
        if (!plan.initImage.defined())
            throw Error("the run starts from an image, but none was given");
        if (plan.initImage.sizes() != plan.content.sizes())
            throw Error("the starting image must have the content's size");
    }
    for (const TemporalTarget& target : plan.temporalTargets) {
        if (!target.warped.defined() || target.warped.sizes() != plan.content.sizes())
            throw Error("a video frame's warped earlier frame must have the frame's size");
        if (!target.mask.defined() || target.mask.dim() != 4 || target.mask.size(1) != 1 ||
            target.mask.size(2) != plan.content.size(2) ||
            target.mask.size(3) != plan.content.size(3))
            throw Error("a video frame's consistency mask must be 1x1xHxW, of the frame's size");
    }
    if (!(plan.temporalWeight >= 0.0) || !std::isfinite(plan.temporalWeight))
        throw Error("the temporal weight must be 0 or more");
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
torch::Tensor upscaled(const torch::Tensor& image, int height, int width, bool clamp) {
    if (image.size(2) == height && image.size(3) == width)
        return image;
    const auto up = F::interpolate(image, F::InterpolateFuncOptions()
                                              .size(std::vector<int64_t>{height, width})
                                              .mode(torch::kBicubic)
                                              .align_corners(false));
    return clamp ? up.clamp(0.0, 1.0) : up;
}

torch::Tensor initialImage(const torch::Tensor& content, const torch::Tensor& given,
                           const TransferSettings& s) {
    if (s.init == InitMode::Content)
        return content.clone();
    if (s.init == InitMode::Image)
        return resized(given, static_cast<int>(content.size(2)), static_cast<int>(content.size(3)))
            .clone();
    // Noise comes from a CPU generator so a seed gives the same picture on every device.
    auto generator = at::make_generator<at::CPUGeneratorImpl>(s.seed);
    const auto noise =
        torch::rand(content.sizes(), generator, torch::kFloat32).to(content.device());
    if (s.init == InitMode::Noise)
        return noise;
    const double r = s.noiseRatio;
    return (content * (1.0 - r) + noise * r).clamp(0.0, 1.0);
}

std::vector<PixelSize> styleSizes(const RunPlan& plan) {
    std::vector<PixelSize> sizes;
    for (const StyleImage& style : plan.styles)
        sizes.push_back(PixelSize{static_cast<int>(style.image.size(3)),
                                  static_cast<int>(style.image.size(2))});
    return sizes;
}

PreparedInputs prepareInputs(const RunPlan& plan, const torch::Device& device) {
    PreparedInputs in;
    const ColorMode colors = plan.settings.colors;
    in.colorContent = plan.content.to(device, torch::kFloat32);
    const auto contentLuminance = luminanceOf(in.colorContent);
    in.content =
        colors == ColorMode::Luminance ? luminanceAsRgb(contentLuminance) : in.colorContent;
    double totalWeight = 0.0;
    for (const StyleImage& style : plan.styles)
        totalWeight += style.weight;
    for (const StyleImage& given : plan.styles) {
        StyleImage style = given;
        style.weight = given.weight / totalWeight;
        style.image = given.image.to(device, torch::kFloat32);
        if (colors == ColorMode::Luminance)
            style.image = luminanceAsRgb(matchLuminance(luminanceOf(style.image), contentLuminance))
                              .clamp(0.0, 1.0);
        else if (colors == ColorMode::Match)
            style.image = matchColorStatistics(style.image, in.colorContent).clamp(0.0, 1.0);
        style.mask = effectiveMask(given.mask.defined() ? given.mask.to(device, torch::kFloat32)
                                                        : given.mask);
        in.styles.push_back(style);
    }
    if (plan.initImage.defined()) {
        in.initImage = plan.initImage.to(device, torch::kFloat32);
        if (colors == ColorMode::Luminance)
            in.initImage = luminanceAsRgb(luminanceOf(in.initImage));
    }
    return in;
}

} // namespace deepart
