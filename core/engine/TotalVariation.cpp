#include "TotalVariation.h"

namespace deepart {

torch::Tensor totalVariation(const torch::Tensor& image) {
    using torch::indexing::None;
    using torch::indexing::Slice;
    const auto vertical = image.index({Slice(), Slice(), Slice(1, None), Slice()}) -
                          image.index({Slice(), Slice(), Slice(None, -1), Slice()});
    const auto horizontal = image.index({Slice(), Slice(), Slice(), Slice(1, None)}) -
                            image.index({Slice(), Slice(), Slice(), Slice(None, -1)});
    return vertical.abs().sum() + horizontal.abs().sum();
}

} // namespace deepart
