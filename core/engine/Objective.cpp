#include "Objective.h"

#include "Error.h"
#include "Preprocessing.h"
#include "TotalVariation.h"

#include <torch/nn/functional/upsampling.h>

#include <algorithm>
#include <utility>

namespace deepart {

int vgg19LayerIndexOrThrow(const std::string& name) {
    const int index = vgg19LayerIndex(name);
    if (index < 0)
        throw Error("unknown VGG-19 layer '" + name + "'");
    return index;
}

namespace {

// Styles that share a region: their Gram targets are blended.
struct Region {
    torch::Tensor mask; // undefined: the whole image
    std::vector<size_t> styles;
    double weight = 0.0; // the styles' total blend weight
};

bool sameMask(const torch::Tensor& a, const torch::Tensor& b) {
    if (a.defined() != b.defined())
        return false;
    return !a.defined() || (a.sizes() == b.sizes() && torch::equal(a, b));
}

// Styles of weight 0 take no part: in a region of their own, the blend would divide 0 by 0 (a NaN
// target, and a NaN loss even at region weight 0), and the region would count among the others.
std::vector<Region> regionsOf(const std::vector<StyleImage>& styles) {
    std::vector<Region> regions;
    for (size_t k = 0; k < styles.size(); ++k) {
        if (!(styles[k].weight > 0.0))
            continue;
        auto it = std::find_if(regions.begin(), regions.end(),
                               [&](const Region& r) { return sameMask(r.mask, styles[k].mask); });
        if (it == regions.end())
            it = regions.insert(regions.end(), Region{styles[k].mask, {}, 0.0});
        it->styles.push_back(k);
        it->weight += styles[k].weight;
    }
    return regions;
}

double positionsOf(const torch::Tensor& activation) {
    return static_cast<double>(activation.size(2) * activation.size(3));
}

} // namespace

Objective::Objective(const Vgg19& network, const torch::Tensor& content, const torch::Tensor& style,
                     const TransferSettings& settings, const std::function<void()>& checkpoint)
    : Objective(network, content, std::vector<StyleImage>{StyleImage{style, 1.0, 1.0, {}}},
                settings, checkpoint) {}

Objective::Objective(const Vgg19& network, const torch::Tensor& content,
                     const std::vector<StyleImage>& styles, const TransferSettings& settings,
                     const std::function<void()>& checkpoint, int tileCoreSize, int keptTileGraphs)
    : network_(network), tileCoreSize_(tileCoreSize), keptTileGraphs_(std::max(1, keptTileGraphs)),
      checkpoint_(checkpoint) {
    if (styles.empty())
        throw Error("at least one style image is needed");
    layers_.push_back(vgg19LayerIndexOrThrow(settings.contentLayer));
    for (const auto& layer : settings.styleLayers) {
        layers_.push_back(vgg19LayerIndexOrThrow(layer.name));
        styleLayerWeights_.push_back(layer.weight);
    }
    const size_t layerCount = styleLayerWeights_.size();
    const std::vector<int> styleLayers(layers_.begin() + 1, layers_.end());
    if (tileCoreSize > 0) {
        TilePlan plan(static_cast<int>(content.size(3)), static_cast<int>(content.size(2)),
                      tileCoreSize, *std::max_element(layers_.begin(), layers_.end()));
        if (plan.tiled())
            tiles_ = std::move(plan);
    }
    {
        torch::NoGradGuard noGrad;
        // The content's features at the content layer, and the generated image's activation
        // sizes at the style layers.
        std::vector<std::pair<int64_t, int64_t>> generatedSizes;
        torch::Tensor contentFeatures;
        if (tiles_) {
            contentFeatures = tiledContentFeatures(content);
            for (int layer : styleLayers)
                generatedSizes.emplace_back(TilePlan::activationSide(tiles_->height(), layer),
                                            TilePlan::activationSide(tiles_->width(), layer));
        } else {
            const auto features = network_.forward(toVggInput(content), layers_, checkpoint);
            contentFeatures = features[0];
            for (size_t l = 1; l < features.size(); ++l)
                generatedSizes.emplace_back(features[l].size(2), features[l].size(3));
        }
        contentLoss_ = std::make_unique<ContentLoss>(contentFeatures);

        // Each style's Gram matrices and activation sizes, one style at a time (only the Grams,
        // n_C x n_C per layer, stay in memory).
        std::vector<std::vector<torch::Tensor>> grams(styles.size());
        std::vector<std::vector<double>> positions(styles.size());
        for (size_t k = 0; k < styles.size(); ++k) {
            const auto& image = styles[k].image;
            // Tiles only for a style larger than one: a whole pass costs no cuts or copies.
            if (tileCoreSize_ > 0 &&
                TilePlan(static_cast<int>(image.size(3)), static_cast<int>(image.size(2)),
                         tileCoreSize_, *std::max_element(styleLayers.begin(), styleLayers.end()))
                    .tiled()) {
                grams[k] = tiledGrams(image, styleLayers);
                for (int layer : styleLayers)
                    positions[k].push_back(static_cast<double>(
                        TilePlan::activationSide(static_cast<int>(image.size(2)), layer) *
                        TilePlan::activationSide(static_cast<int>(image.size(3)), layer)));
                continue;
            }
            for (const auto& activation :
                 network_.forward(toVggInput(image), styleLayers, checkpoint)) {
                grams[k].push_back(styleGram(activation));
                positions[k].push_back(positionsOf(activation));
            }
        }

        const std::vector<Region> regions = regionsOf(styles);
        styleLosses_.resize(layerCount);
        for (size_t l = 0; l < layerCount; ++l) {
            const auto [generatedHeight, generatedWidth] = generatedSizes[l];
            const double generatedPositions = static_cast<double>(generatedHeight * generatedWidth);
            for (const Region& region : regions) {
                // The common size: the blend-weighted mean of the styles' sizes at scale 1.
                double common = 0.0;
                for (size_t k : region.styles)
                    common += styles[k].weight / region.weight * positions[k][l] /
                              (styles[k].scale * styles[k].scale);
                torch::Tensor target;
                for (size_t k : region.styles) {
                    const double factor =
                        styles[k].weight / region.weight * common / positions[k][l];
                    const auto part = grams[k][l] * factor;
                    target = target.defined() ? target + part : part;
                }
                // With one region, its weight is 1 by construction; with several, a region
                // counts by its share of the image and by its styles' blend weights.
                double regionWeight =
                    regions.size() == 1 ? 1.0 : region.weight * static_cast<double>(regions.size());
                torch::Tensor mask;
                if (region.mask.defined()) {
                    namespace F = torch::nn::functional;
                    mask = F::interpolate(region.mask, F::InterpolateFuncOptions()
                                                           .size(std::vector<int64_t>{
                                                               generatedHeight, generatedWidth})
                                                           .mode(torch::kArea));
                    const double energy = mask.square().sum().item<double>();
                    target = target * (energy / generatedPositions);
                    regionWeight *= mask.sum().item<double>() / generatedPositions;
                }
                styleLosses_[l].emplace_back(target, mask, regionWeight, generatedPositions);
            }
        }
    }

    // The order is the seed's: J = alpha J_content + beta J_style + gamma J_tv, summed left to
    // right, so that the seed preset stays bit-for-bit what it was.
    names_ = {"content", "style", "tv"};
    terms_.push_back({settings.lossWeights.content,
                      [this](const std::vector<torch::Tensor>& a, const torch::Tensor&) {
                          return (*contentLoss_)(a[0]);
                      }});
    terms_.push_back({settings.lossWeights.style,
                      [this](const std::vector<torch::Tensor>& a, const torch::Tensor& image) {
                          auto sum = torch::zeros({}, image.options().requires_grad(false));
                          for (size_t i = 0; i < styleLosses_.size(); ++i)
                              for (const auto& loss : styleLosses_[i])
                                  sum = sum + loss(a[i + 1]) * styleLayerWeights_[i];
                          return sum;
                      }});
    terms_.push_back({settings.lossWeights.tv,
                      [](const std::vector<torch::Tensor>&, const torch::Tensor& image) {
                          return totalVariation(image);
                      }});
}

Objective::~Objective() = default;

void Objective::setLossWeights(const LossWeights& weights) {
    terms_[0].weight = weights.content;
    terms_[1].weight = weights.style;
    terms_[2].weight = weights.tv;
}

void Objective::addTemporalTerm(std::vector<TemporalLoss> losses, double weight) {
    names_.push_back("temporal");
    terms_.push_back({weight, [losses = std::move(losses)](const std::vector<torch::Tensor>&,
                                                           const torch::Tensor& image) {
                          auto sum = torch::zeros(
                              {}, image.options().dtype(torch::kFloat).requires_grad(false));
                          for (const auto& loss : losses)
                              sum = sum + loss(image);
                          return sum;
                      }});
}

Objective::Evaluation Objective::evaluate(const torch::Tensor& image) const {
    if (tiles_)
        return evaluateTiled(image);
    const auto activations = network_.forward(toVggInput(image), layers_);
    Evaluation result;
    for (const auto& term : terms_) {
        result.terms.push_back(term.raw(activations, image) * term.weight);
        result.total =
            result.total.defined() ? result.total + result.terms.back() : result.terms.back();
    }
    return result;
}

torch::Tensor Objective::stacked(const Evaluation& evaluation) {
    std::vector<torch::Tensor> all{evaluation.total};
    all.insert(all.end(), evaluation.terms.begin(), evaluation.terms.end());
    return torch::stack(all).detach();
}

std::vector<double> Objective::values(const Evaluation& evaluation) {
    // One copy also waits for the device to finish, so timings around it are real.
    const auto host = stacked(evaluation).to(torch::kCPU, torch::kDouble);
    const auto* v = host.data_ptr<double>();
    return std::vector<double>(v, v + host.numel());
}

} // namespace deepart
