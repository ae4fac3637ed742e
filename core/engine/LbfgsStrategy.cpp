#include "LbfgsStrategy.h"

namespace deepart {

namespace {
torch::optim::LBFGSOptions lbfgsOptions(const LbfgsOptions& o) {
    torch::optim::LBFGSOptions options(o.learningRate);
    options.max_iter(1).history_size(o.historySize);
    if (o.strongWolfe) {
        options.line_search_fn("strong_wolfe");
        // The line search brings its own evaluations (up to 25); one iteration may use them.
        options.max_eval(25);
    }
    return options;
}
} // namespace

LbfgsStrategy::LbfgsStrategy(const LbfgsOptions& options, const torch::Tensor& image)
    : image_(image), optimizer_(std::vector<torch::Tensor>{image}, lbfgsOptions(options)) {}

StepResult LbfgsStrategy::step(const Objective& objective) {
    StepResult result;
    optimizer_.step([&] {
        optimizer_.zero_grad();
        const auto evaluation = objective.evaluate(image_);
        evaluation.total.backward();
        if (result.evaluations++ == 0)
            result.values = Objective::stacked(evaluation);
        return evaluation.total;
    });
    return result;
}

} // namespace deepart
