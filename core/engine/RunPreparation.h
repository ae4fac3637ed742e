#pragma once

#include "RunDriver.h"
#include "ScalePlan.h"

#include <torch/types.h>

#include <vector>

namespace deepart {

// What the run driver does before and between its scales: checking a plan, the inputs after
// ColorMode, images brought to a scale, the starting image. Internal to the engine.

// Throws deepart::Error for unusable settings or images (sizes, weights, masks, start image).
void checkRunPlan(const RunPlan& plan);

// The deepest VGG-19 layer the settings use (content or style).
int deepestLayer(const TransferSettings& settings);

// Downscaled inputs for a coarser scale (antialiased, so no aliasing of fine texture); the
// output scale uses the images exactly as given.
torch::Tensor resized(const torch::Tensor& image, int height, int width);

// An image (or a difference of images, unclamped) brought up to a larger scale (bicubic).
torch::Tensor upscaled(const torch::Tensor& image, int height, int width, bool clamp = true);

// The first scale's starting image: the content, noise from the settings' seed (on the CPU, so
// that a seed gives the same picture on every device), a blend, or the given image.
torch::Tensor initialImage(const torch::Tensor& content, const torch::Tensor& given,
                           const TransferSettings& settings);

std::vector<PixelSize> styleSizes(const RunPlan& plan);

// The inputs as the optimization sees them, after ColorMode: on the run's device, blend weights
// normalized, masks that are white everywhere dropped (the plain loss is faster and the same).
struct PreparedInputs {
    torch::Tensor colorContent; // the content as given (its chroma is the result's in Luminance)
    torch::Tensor content;      // what the network compares against
    std::vector<StyleImage> styles;
    torch::Tensor initImage;
};

PreparedInputs prepareInputs(const RunPlan& plan, const torch::Device& device);

} // namespace deepart
