#include "Objective.h"

#include "Preprocessing.h"
#include "TotalVariation.h"

#include <torch/autograd.h>

#include <algorithm>
#include <utility>

// The tiled half of Objective (see Objective.h): targets computed tile by tile, and evaluate() in
// two passes over the tiles.

namespace deepart {

namespace {

torch::Tensor cropped(const torch::Tensor& image, const PixelRect& rect) {
    return image.narrow(2, rect.top, rect.height).narrow(3, rect.left, rect.width);
}

// A tile's activation cut to its core.
torch::Tensor coreOf(const torch::Tensor& activation, const LayerWindow& window) {
    return activation.narrow(2, window.tileTop, window.height)
        .narrow(3, window.tileLeft, window.width);
}

// Hands a gradient computed elsewhere (the tiles' pass 2) to `image`: the value is `value`'s,
// and backward gives `gradient` times the incoming one.
class PrecomputedGradient : public torch::autograd::Function<PrecomputedGradient> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor&,
                                 const torch::Tensor& gradient, const torch::Tensor& value) {
        ctx->save_for_backward({gradient});
        return value.clone();
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list gradOutputs) {
        const auto saved = ctx->get_saved_variables();
        return {saved[0] * gradOutputs[0], torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

std::vector<torch::Tensor> Objective::forwardTile(const TilePlan& plan, std::size_t tile,
                                                  const torch::Tensor& tileImage,
                                                  const std::vector<int>& layers) const {
    return network_.forward(toVggInput(tileImage), layers, checkpoint_,
                            [&plan, tile](int layer, const torch::Tensor& activation) {
                                // Contiguous again in the layer's memory format: on a cut view
                                // LibTorch leaves oneDNN for its slow convolution (single-threaded
                                // in bf16).
                                const PixelRect cut = plan.cutAt(tile, layer);
                                return activation.narrow(2, cut.top, cut.height)
                                    .narrow(3, cut.left, cut.width)
                                    .contiguous(activation.suggest_memory_format());
                            });
}

torch::Tensor Objective::tiledContentFeatures(const torch::Tensor& content) const {
    const TilePlan& plan = *tiles_;
    const int layer = layers_[0];
    torch::Tensor features;
    for (size_t t = 0; t < plan.tiles().size(); ++t) {
        const auto& tile = plan.tiles()[t];
        const auto activation = forwardTile(plan, t, cropped(content, tile.region), {layer})[0];
        if (!features.defined())
            features =
                torch::zeros({1, activation.size(1), TilePlan::activationSide(plan.height(), layer),
                              TilePlan::activationSide(plan.width(), layer)},
                             activation.options());
        const LayerWindow w = plan.windowInNeeded(t, layer);
        if (!w.empty())
            features.narrow(2, w.top, w.height)
                .narrow(3, w.left, w.width)
                .copy_(coreOf(activation, w));
    }
    return features;
}

std::vector<torch::Tensor> Objective::tiledGrams(const torch::Tensor& image,
                                                 const std::vector<int>& layers) const {
    const TilePlan plan(static_cast<int>(image.size(3)), static_cast<int>(image.size(2)),
                        tileCoreSize_, *std::max_element(layers.begin(), layers.end()));
    std::vector<torch::Tensor> grams(layers.size());
    for (size_t t = 0; t < plan.tiles().size(); ++t) {
        const auto activations =
            forwardTile(plan, t, cropped(image, plan.tiles()[t].region), layers);
        for (size_t l = 0; l < layers.size(); ++l) {
            const LayerWindow w = plan.windowInNeeded(t, layers[l]);
            if (w.empty())
                continue;
            const auto gram = styleGram(coreOf(activations[l], w));
            grams[l] = grams[l].defined() ? grams[l] + gram : gram;
        }
    }
    return grams;
}

Objective::Evaluation Objective::evaluateTiled(const torch::Tensor& image) const {
    const TilePlan& plan = *tiles_;
    const int tileCount = static_cast<int>(plan.tiles().size());
    const size_t layerCount = styleLosses_.size();
    const double contentWeight = terms_[0].weight;
    const double styleWeight = terms_[1].weight;
    const bool needGradient = image.requires_grad() && torch::GradMode::is_enabled();
    // Pass 1 runs the last keptTileGraphs_ tiles with gradients and keeps their graphs; pass 2
    // starts with them (the last first, each released after its backward), then runs the others
    // again. One kept graph costs no memory (pass 2 holds one tile's graph anyway, and pass 1's
    // other tiles are done by then); each further one costs a tile's and saves a tile's forward.
    const int firstKept = needGradient ? std::max(0, tileCount - keptTileGraphs_) : tileCount;
    const int keptCount = tileCount - firstKept;
    struct KeptTile {
        torch::Tensor image;
        std::vector<torch::Tensor> activations;
    };
    std::vector<KeptTile> kept(static_cast<size_t>(tileCount));

    // Pass 1: the content loss and each style layer's (and region's) Gram of the whole image,
    // from the cores.
    std::vector<std::vector<torch::Tensor>> grams(layerCount);
    torch::Tensor content = torch::zeros({}, image.options().requires_grad(false));
    for (int t = 0; t < tileCount; ++t) {
        if (tileListener_)
            tileListener_(1, t, tileCount);
        auto tileImage = cropped(image.detach(), plan.tiles()[t].region);
        std::vector<torch::Tensor> activations;
        if (t >= firstKept) {
            tileImage = tileImage.clone().requires_grad_(true);
            activations = forwardTile(plan, t, tileImage, layers_);
            kept[static_cast<size_t>(t)] = {tileImage, activations};
        } else {
            torch::NoGradGuard noGrad;
            activations = forwardTile(plan, t, tileImage, layers_);
        }
        torch::NoGradGuard noGrad;
        const LayerWindow contentWindow = plan.windowInNeeded(t, layers_[0]);
        if (!contentWindow.empty())
            content +=
                contentLoss_->atCore(coreOf(activations[0].detach(), contentWindow), contentWindow);
        for (size_t l = 0; l < layerCount; ++l) {
            const LayerWindow w = plan.windowInNeeded(t, layers_[l + 1]);
            grams[l].resize(styleLosses_[l].size());
            if (w.empty())
                continue;
            const auto core = coreOf(activations[l + 1].detach(), w);
            for (size_t r = 0; r < styleLosses_[l].size(); ++r) {
                const auto gram = styleLosses_[l][r].coreGram(core, w);
                grams[l][r] = grams[l][r].defined() ? grams[l][r] + gram : gram;
            }
        }
    }
    torch::Tensor style = torch::zeros({}, content.options());
    for (size_t l = 0; l < layerCount; ++l)
        for (size_t r = 0; r < styleLosses_[l].size(); ++r)
            if (grams[l][r].defined())
                style = style + styleLosses_[l][r].lossOfGram(grams[l][r]) * styleLayerWeights_[l];

    Evaluation result;
    result.terms = {content * contentWeight, style * styleWeight,
                    totalVariation(image) * terms_[2].weight};
    // The terms on the whole image (TV, temporal) after the network's, as evaluate() sums them.
    for (size_t k = 3; k < terms_.size(); ++k)
        result.terms.push_back(terms_[k].raw({}, image) * terms_[k].weight);
    const auto imageTerms = [&result](torch::Tensor total) {
        for (size_t k = 2; k < result.terms.size(); ++k)
            total = total + result.terms[k];
        return total;
    };
    const auto networkTerms = (result.terms[0] + result.terms[1]).detach();
    if (!needGradient) {
        result.total = imageTerms(networkTerms);
        return result;
    }

    // Pass 2: each tile's input gradient of the terms whose gradient at its core is the whole
    // loss's, added up into one image-sized gradient (halos overlap: their parts add).
    auto gradient = torch::zeros_like(image, torch::MemoryFormat::Contiguous).detach();
    for (int k = 0; k < tileCount; ++k) {
        // The kept tiles first, the last one first, then the others in order.
        const int t = k < keptCount ? tileCount - 1 - k : k - keptCount;
        if (tileListener_)
            tileListener_(2, k, tileCount);
        // A kept tile runs no forward pass, whose layers would check for a stop.
        if (checkpoint_)
            checkpoint_();
        const PixelRect& region = plan.tiles()[t].region;
        torch::Tensor tileImage = std::move(kept[static_cast<size_t>(t)].image);
        std::vector<torch::Tensor> activations =
            std::move(kept[static_cast<size_t>(t)].activations);
        if (t < firstKept) {
            tileImage = cropped(image.detach(), region).clone().requires_grad_(true);
            activations = forwardTile(plan, t, tileImage, layers_);
        }
        auto surrogate = torch::zeros({}, content.options());
        const LayerWindow contentWindow = plan.windowInNeeded(t, layers_[0]);
        if (!contentWindow.empty())
            surrogate = surrogate +
                        contentLoss_->atCore(coreOf(activations[0], contentWindow), contentWindow) *
                            contentWeight;
        for (size_t l = 0; l < layerCount; ++l) {
            const LayerWindow w = plan.windowInNeeded(t, layers_[l + 1]);
            if (w.empty())
                continue;
            const auto core = coreOf(activations[l + 1], w);
            for (size_t r = 0; r < styleLosses_[l].size(); ++r)
                surrogate = surrogate + styleLosses_[l][r].coreGradientTerm(core, w, grams[l][r]) *
                                            (styleLayerWeights_[l] * styleWeight);
        }
        if (!surrogate.requires_grad())
            continue; // a core with no positions at any layer: nothing flows back
        surrogate.backward();
        cropped(gradient, region).add_(tileImage.grad());
    }
    result.total = imageTerms(PrecomputedGradient::apply(image, gradient, networkTerms));
    return result;
}

} // namespace deepart
