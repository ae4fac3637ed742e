#include "TotalVariation.h"

#include <torch/autograd.h>

namespace deepart {

namespace {

using torch::indexing::None;
using torch::indexing::Slice;

// Differences between neighbours along `dim` (2: vertical, 3: horizontal).
torch::Tensor neighbourDifferences(const torch::Tensor& image, int64_t dim) {
    const auto size = image.size(dim);
    return image.narrow(dim, 1, size - 1) - image.narrow(dim, 0, size - 1);
}

// TV with a backward of its own: autograd through the slices and abs() keeps both difference
// images and builds image-sized zeros per slice, about six image copies at once, which at print
// sizes (8192 px: 0.8 GB a copy) is what limits the tiled evaluation. Here forward keeps only
// the image, and backward adds the signs of the differences into one gradient. Each pixel's
// gradient is a sum of at most four signs times the incoming gradient: the same numbers.
class TotalVariationFunction : public torch::autograd::Function<TotalVariationFunction> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx,
                                 const torch::Tensor& image) {
        ctx->save_for_backward({image});
        return neighbourDifferences(image, 2).abs().sum() +
               neighbourDifferences(image, 3).abs().sum();
    }

    static torch::autograd::tensor_list backward(torch::autograd::AutogradContext* ctx,
                                                 torch::autograd::tensor_list gradOutputs) {
        const auto image = ctx->get_saved_variables()[0];
        auto gradient = torch::zeros_like(image);
        for (int64_t dim : {2, 3}) {
            const auto size = image.size(dim);
            const auto signs = neighbourDifferences(image, dim).sign_();
            gradient.narrow(dim, 1, size - 1).add_(signs);
            gradient.narrow(dim, 0, size - 1).sub_(signs);
        }
        return {gradient.mul_(gradOutputs[0])};
    }
};

} // namespace

torch::Tensor totalVariation(const torch::Tensor& image) {
    return TotalVariationFunction::apply(image);
}

} // namespace deepart
