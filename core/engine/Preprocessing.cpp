#include "Preprocessing.h"

namespace deepart {

torch::Tensor toVggInput(const torch::Tensor& rgb01) {
    const auto options = rgb01.options().requires_grad(false);
    const auto mean = torch::tensor({103.939f, 116.779f, 123.68f}, options).view({1, 3, 1, 1});
    return rgb01.flip({1}).mul(255.0).sub(mean);
}

} // namespace deepart
