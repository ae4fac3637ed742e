#include "AdamStrategy.h"

#include <algorithm>
#include <cmath>

namespace deepart {

namespace {
torch::optim::AdamOptions adamOptions(const AdamOptions& o) {
    torch::optim::AdamOptions options(o.learningRate);
    options.betas(std::make_tuple(o.beta1, o.beta2)).eps(o.epsilon);
    return options;
}
} // namespace

AdamStrategy::AdamStrategy(const AdamOptions& options, const torch::Tensor& image, int iterations)
    : options_(options), image_(image),
      optimizer_(std::vector<torch::Tensor>{image}, adamOptions(options)), iterations_(iterations) {
}

bool AdamStrategy::hasSchedule(const AdamOptions& o) {
    return o.finalLearningRate != o.learningRate || o.warmupIterations > 0;
}

double AdamStrategy::learningRateAt(const AdamOptions& o, int k, int iterations) {
    const int warmup = std::min(o.warmupIterations, iterations);
    if (k < warmup)
        return o.learningRate * (k + 1) / warmup;
    const int decay = iterations - warmup; // iterations from the peak to the end
    if (o.finalLearningRate == o.learningRate || decay <= 1)
        return o.learningRate;
    const double t = static_cast<double>(k - warmup) / (decay - 1);
    return o.learningRate * std::pow(o.finalLearningRate / o.learningRate, t);
}

StepResult AdamStrategy::step(const Objective& objective) {
    if (hasSchedule(options_)) {
        auto& group =
            static_cast<torch::optim::AdamOptions&>(optimizer_.param_groups().front().options());
        group.lr(learningRateAt(options_, done_, iterations_));
    }
    optimizer_.zero_grad();
    const auto evaluation = objective.evaluate(image_);
    evaluation.total.backward();
    optimizer_.step();
    ++done_;
    return {Objective::stacked(evaluation), 1};
}

} // namespace deepart
