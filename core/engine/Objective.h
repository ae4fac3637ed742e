#pragma once

#include "ContentLoss.h"
#include "StyleImage.h"
#include "StyleLoss.h"
#include "TransferSettings.h"
#include "Vgg19.h"

#include <torch/types.h>

#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace deepart {

// What is optimized at one scale: J(image) as a list of named, weighted terms (content, style,
// TV). The content features and style Gram targets are computed once, when it is made. A new
// term is one more entry in the list; consumers read terms by name. Not thread-safe.
class Objective {
public:
    struct Evaluation {
        torch::Tensor total;              // differentiable scalar
        std::vector<torch::Tensor> terms; // weighted, in termNames() order
    };

    // `content` and the styles' images are 1x3xHxW RGB in [0,1] on the network's device; the
    // styles' weights sum to 1 and their masks have `content`'s size.
    // `checkpoint` is called between network layers while the targets are computed (it may throw
    // to cancel).
    //
    // The style term: styles that share a region (the same mask, or none) are blended: each
    // layer's target is the weighted sum of their Gram matrices, each brought from its own size
    // to a common one (the blend-weighted mean of the styles' sizes at style scale 1), so that a
    // single style at scale 1 is exactly the seed's target. Each region's loss (the guided Gram
    // loss of StyleLoss) is weighted by its share of the image and its styles' total weight.
    // Styles of weight 0 take no part.
    Objective(const Vgg19& network, const torch::Tensor& content,
              const std::vector<StyleImage>& styles, const TransferSettings& settings,
              const std::function<void()>& checkpoint = {});
    // One style everywhere: the seed's objective.
    Objective(const Vgg19& network, const torch::Tensor& content, const torch::Tensor& style,
              const TransferSettings& settings, const std::function<void()>& checkpoint = {});
    ~Objective();
    Objective(const Objective&) = delete;
    Objective& operator=(const Objective&) = delete;

    Evaluation evaluate(const torch::Tensor& image) const;
    // Takes effect from the next evaluate().
    void setLossWeights(const LossWeights& weights);
    const std::vector<std::string>& termNames() const { return names_; }

    // Total first, then the terms: one device-to-host copy for all of them.
    static std::vector<double> values(const Evaluation& evaluation);
    // The same as a detached vector on the evaluation's device (no copy, no wait).
    static torch::Tensor stacked(const Evaluation& evaluation);

private:
    using RawTerm = std::function<torch::Tensor(const std::vector<torch::Tensor>& activations,
                                                const torch::Tensor& image)>;
    struct Term {
        double weight;
        RawTerm raw;
    };

    const Vgg19& network_;
    std::vector<int> layers_; // content layer first, then the style layers
    std::unique_ptr<ContentLoss> contentLoss_;
    std::vector<std::vector<StyleLoss>> styleLosses_; // per style layer, one per region
    std::vector<double> styleLayerWeights_;
    std::vector<std::string> names_;
    std::vector<Term> terms_;
};

// Index of a VGG-19 layer name; throws deepart::Error naming it when unknown.
int vgg19LayerIndexOrThrow(const std::string& name);

} // namespace deepart
