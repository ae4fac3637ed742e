#pragma once

#include "ContentLoss.h"
#include "StyleLoss.h"
#include "TransferSettings.h"
#include "Vgg19.h"

#include <torch/types.h>

#include <memory>
#include <vector>

namespace torch::optim {
class Adam;
}

namespace deepart {

// One style-transfer optimization, advanced one Adam step at a time. The content features and
// style Gram targets are computed once, in the constructor. Not thread-safe: one thread owns it
// (the CLI's main thread, or the GUI's worker thread) and calls everything.
class StyleTransfer {
public:
    // `content` and `style` are 1x3xHxW RGB in [0,1] (any device); the generated image has the
    // content's size. Throws deepart::Error for unusable settings.
    StyleTransfer(const Vgg19Weights& weights, const torch::Tensor& content,
                  const torch::Tensor& style, const TransferSettings& settings,
                  torch::Device device);
    ~StyleTransfer();
    StyleTransfer(const StyleTransfer&) = delete;
    StyleTransfer& operator=(const StyleTransfer&) = delete;

    // One forward/backward pass and Adam update, then a clamp to [0,1]. The returned losses are
    // those of the forward pass, i.e. of the image before this update.
    IterationStats step();

    // Takes effect from the next step().
    void setLossWeights(const LossWeights& weights) { lossWeights_ = weights; }
    const LossWeights& lossWeights() const { return lossWeights_; }

    int completedIterations() const { return completed_; }
    // The current generated image, 1x3xHxW in [0,1], detached, on the run's device.
    torch::Tensor image() const { return image_.detach(); }

private:
    torch::Tensor initialImage(const torch::Tensor& content) const;

    TransferSettings settings_;
    LossWeights lossWeights_;
    torch::Device device_;
    std::unique_ptr<Vgg19> network_;
    std::vector<int> layers_; // content layer first, then the style layers
    std::unique_ptr<ContentLoss> contentLoss_;
    std::vector<StyleLoss> styleLosses_;
    std::vector<double> styleLayerWeights_;
    torch::Tensor image_;
    std::unique_ptr<torch::optim::Adam> optimizer_;
    int completed_ = 0;
};

} // namespace deepart
