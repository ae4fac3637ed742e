#pragma once

#include "ContentLoss.h"
#include "StyleImage.h"
#include "StyleLoss.h"
#include "TemporalLoss.h"
#include "TilePlan.h"
#include "TransferSettings.h"
#include "Vgg19.h"

#include <torch/types.h>

#include <functional>
#include <memory>
#include <optional>
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
    //
    // With `tileCoreSize` > 0, an image larger than one core is evaluated in tiles (TilePlan), so
    // that memory grows with the tile, not the image: the targets are computed tile by tile, and
    // each evaluate() runs two passes over the tiles. Pass 1 (no gradients) takes every loss's
    // value and each style layer's Gram of the whole image from the cores; pass 2 runs each tile
    // again with gradients, through terms whose gradient at the core is the whole loss's (the
    // content loss's part at the core; for the style, 4 s (G - T) A with the whole G), and adds
    // the tile's input gradient into one image-sized gradient. The total's backward then hands
    // that gradient to the image (TV, computed on the whole image, adds its own). The result is
    // the untiled loss and gradient to float rounding. `checkpoint` is also called between the
    // tiles' layers then, since one evaluation can take minutes. Pass 1 runs the last
    // `keptTileGraphs` tiles (at least 1) with gradients and keeps their graphs for pass 2, which
    // then runs only the other tiles again: each kept graph saves a tile's forward pass per
    // evaluation and costs a tile's activations in memory (MemoryPlan::keptTileGraphs).
    Objective(const Vgg19& network, const torch::Tensor& content,
              const std::vector<StyleImage>& styles, const TransferSettings& settings,
              const std::function<void()>& checkpoint = {}, int tileCoreSize = 0,
              int keptTileGraphs = 1);
    // One style everywhere: the seed's objective.
    Objective(const Vgg19& network, const torch::Tensor& content, const torch::Tensor& style,
              const TransferSettings& settings, const std::function<void()>& checkpoint = {});
    ~Objective();
    Objective(const Objective&) = delete;
    Objective& operator=(const Objective&) = delete;

    Evaluation evaluate(const torch::Tensor& image) const;
    // Takes effect from the next evaluate().
    void setLossWeights(const LossWeights& weights);
    // Adds the term "temporal" (video: the frame against earlier stylized frames carried into
    // it), the sum of `losses`, each at the image's size, weighted by `weight`. Computed on the
    // whole image, tiled or not (like TV). Live steering leaves its weight alone.
    void addTemporalTerm(std::vector<TemporalLoss> losses, double weight);
    const std::vector<std::string>& termNames() const { return names_; }

    // The tiles, when this objective evaluates in tiles.
    const std::optional<TilePlan>& tiles() const { return tiles_; }
    // Called before each tile of each pass of a tiled evaluation (pass 1 or 2; the tile's place
    // in the pass's order, from 0), on the evaluating thread.
    using TileListener = std::function<void(int pass, int tile, int tiles)>;
    void setTileListener(TileListener listener) { tileListener_ = std::move(listener); }

    // Total first, then the terms: one device-to-host copy for all of them.
    static std::vector<double> values(const Evaluation& evaluation);
    // The same as a detached vector on the evaluation's device (no copy, no wait).
    static torch::Tensor stacked(const Evaluation& evaluation);

private:
    Evaluation evaluateTiled(const torch::Tensor& image) const;
    // The network on tile `tile` of `plan` (its pixels cut from `image`, as given), each
    // activation cut to what the later layers need (TilePlan::neededAt) as it goes.
    std::vector<torch::Tensor> forwardTile(const TilePlan& plan, std::size_t tile,
                                           const torch::Tensor& tileImage,
                                           const std::vector<int>& layers) const;
    torch::Tensor tiledContentFeatures(const torch::Tensor& content) const;
    std::vector<torch::Tensor> tiledGrams(const torch::Tensor& image,
                                          const std::vector<int>& layers) const;

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
    std::optional<TilePlan> tiles_;
    int tileCoreSize_ = 0;
    int keptTileGraphs_ = 1;
    std::function<void()> checkpoint_;
    TileListener tileListener_;
};

// Index of a VGG-19 layer name; throws deepart::Error naming it when unknown.
int vgg19LayerIndexOrThrow(const std::string& name);

} // namespace deepart
