#include "OptimizerStrategy.h"

#include "AdamStrategy.h"
#include "LbfgsStrategy.h"

namespace deepart {

std::unique_ptr<OptimizerStrategy> makeOptimizer(const TransferSettings& settings,
                                                 const torch::Tensor& image, int iterations) {
    if (settings.optimizer == OptimizerKind::Lbfgs)
        return std::make_unique<LbfgsStrategy>(settings.lbfgs, image);
    return std::make_unique<AdamStrategy>(settings.adam, image, iterations);
}

} // namespace deepart
