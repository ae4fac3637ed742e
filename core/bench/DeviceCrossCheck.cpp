#include "DeviceCrossCheck.h"

#include "Error.h"
#include "RandomVgg19Weights.h"
#include "RunDriver.h"

#include <ATen/CPUGeneratorImpl.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace deepart {

namespace {

struct RunTrace {
    std::string text;
    std::vector<IterationStats> stats;
    torch::Tensor image;
};

RunTrace traceRun(const RunPlan& plan) {
    RunTrace trace;
    RunSink sink;
    sink.started = [&](const RunStarted& s) { trace.text = s.deviceText + ", " + s.precisionText; };
    sink.iteration = [&](const IterationStats& stats, const torch::Tensor&) {
        trace.stats.push_back(stats);
    };
    RunControl control;
    const RunResult result = runStyleTransfer(plan, control, sink);
    if (result.outcome != RunOutcome::Finished)
        throw Error("the cross-check's run on " + trace.text +
                    " did not finish: " + result.message);
    trace.image = result.image;
    return trace;
}

// Relative to the term itself, except for a term that is (nearly) 0, such as the content loss
// of the first iteration (the image is the content): that is measured against the total, since
// an error of 1e-9 in a term of 0 is no error in what the run does.
double relativeError(double tested, double reference, double referenceTotal) {
    const double scale = std::max(std::abs(reference), 1e-6 * std::abs(referenceTotal));
    return scale > 0.0 ? std::abs(tested - reference) / scale : std::abs(tested - reference);
}

} // namespace

CrossCheckResult crossCheckAgainstCpu(const CrossCheckOptions& options, std::ostream& out) {
    configureThreads(options.threads);
    // Inputs from CPU generators with fixed seeds, so that both runs see the same numbers.
    auto generator = at::make_generator<at::CPUGeneratorImpl>(7);
    RunPlan plan;
    plan.weights = randomVgg19Weights();
    plan.content = torch::rand({1, 3, options.size, options.size}, generator, torch::kFloat32);
    plan.styles.emplace_back(
        torch::rand({1, 3, options.size, options.size}, generator, torch::kFloat32), 1.0, 1.0,
        torch::Tensor());
    plan.settings.saveEvery = 0;
    plan.settings.setOutputSize(options.size);
    plan.settings.scales = {{options.size, options.iterations}};

    RunPlan reference = plan;
    reference.settings.device = DeviceChoice::Cpu;
    reference.settings.precision = Precision::Fp32;
    RunPlan tested = plan;
    tested.settings.device = options.device;
    tested.settings.precision = options.precision;

    const RunTrace a = traceRun(reference);
    const RunTrace b = traceRun(tested);
    CrossCheckResult result;
    result.referenceText = a.text;
    result.testedText = b.text;
    out << "cross-check, " << options.size << " px, " << options.iterations
        << " iterations: reference " << a.text << "; tested " << b.text << '\n';
    out << "  it  term        reference           tested    relative error\n";
    const size_t rows = std::min(a.stats.size(), b.stats.size());
    for (size_t k = 0; k < rows; ++k) {
        CrossCheckRow row;
        row.iteration = a.stats[k].iteration;
        row.terms.push_back({"total", a.stats[k].total, b.stats[k].total, 0.0});
        for (const LossTerm& term : a.stats[k].terms)
            row.terms.push_back({term.name, term.value, b.stats[k].term(term.name), 0.0});
        for (CrossCheckTerm& term : row.terms) {
            term.relativeError = relativeError(term.tested, term.reference, a.stats[k].total);
            result.maxRelativeError = std::max(result.maxRelativeError, term.relativeError);
            char line[160];
            std::snprintf(line, sizeof line, "  %2d  %-8s %15.8g %16.8g %17.3e\n", row.iteration,
                          term.name.c_str(), term.reference, term.tested, term.relativeError);
            out << line;
        }
        result.rows.push_back(row);
    }
    if (rows != static_cast<size_t>(options.iterations))
        throw Error("the cross-check's runs reported " + std::to_string(rows) + " of " +
                    std::to_string(options.iterations) + " iterations");
    result.maxImageDifference =
        (a.image - b.image.to(a.image.device(), torch::kFloat32)).abs().max().item<double>();
    char line[160];
    std::snprintf(line, sizeof line,
                  "  largest relative error %.3e; images after iteration %d differ by at most "
                  "%.3e\n",
                  result.maxRelativeError, options.iterations, result.maxImageDifference);
    out << line << std::flush;
    return result;
}

} // namespace deepart
