#include "ColorTransfer.h"
#include "RunDriver.h"
#include "TestData.h"

#include <QtTest>

#include <ATen/Parallel.h>

#include <utility>

using namespace deepart;

namespace {

// YIQ (FCC NTSC) in double, written out here rather than taken from the engine, so that a wrong
// coefficient or a transposed matrix there shows up as a mismatch.
torch::Tensor yiqMatrix() {
    return torch::tensor(
               {0.299, 0.587, 0.114, 0.595716, -0.274453, -0.321263, 0.211456, -0.522591, 0.311135},
               torch::kDouble)
        .view({3, 3});
}

// 3 x (H W) in double: rows Y, I, Q.
torch::Tensor yiqOf(const torch::Tensor& rgb) {
    return yiqMatrix().matmul(rgb.reshape({3, -1}).to(torch::kDouble));
}

// Per-channel mean (3) and population covariance (3x3), in double.
std::pair<torch::Tensor, torch::Tensor> colourStatistics(const torch::Tensor& rgb) {
    const auto pixels = rgb.reshape({3, -1}).to(torch::kDouble);
    const auto mean = pixels.mean(1, true);
    const auto centred = pixels - mean;
    return {mean.flatten(), centred.matmul(centred.t()) / static_cast<double>(pixels.size(1))};
}

double maxAbs(const torch::Tensor& t) {
    return t.abs().max().item<double>();
}

// A picture with structure, not white noise: gradients, a product term and noise mixed across
// channels, so that the colour covariance has sizeable off-diagonal entries. Values in [0,1].
torch::Tensor structured(int height, int width, std::uint64_t seed) {
    torch::manual_seed(seed);
    const auto y =
        torch::linspace(0.0, 1.0, height).view({1, 1, height, 1}).expand({1, 1, height, width});
    const auto x =
        torch::linspace(0.0, 1.0, width).view({1, 1, 1, width}).expand({1, 1, height, width});
    const auto n = torch::rand({1, 3, height, width});
    const auto n0 = n.slice(1, 0, 1);
    const auto n1 = n.slice(1, 1, 2);
    const auto n2 = n.slice(1, 2, 3);
    const auto r = 0.5 * n0 + 0.5 * x;
    const auto g = 0.3 * n0 + 0.3 * n1 + 0.4 * y;
    const auto b = 0.2 * n2 + 0.4 * x * y + 0.2 * n0 + 0.1;
    return torch::cat({r, g, b}, 1).contiguous();
}

} // namespace

// The colour arithmetic of ColorMode (exact properties of each transform), and runs in the
// Luminance and Match modes on a slim VGG-19.
class TestColorTransfer : public QObject {
    Q_OBJECT
private:
    Vgg19Weights weights_ = test::smallWeights();
    // Moderate colours, so that most pixels keep all channels inside (0,1) when their luminance
    // moves and the chroma check covers most of the image.
    torch::Tensor content_ = 0.15 + 0.7 * structured(32, 40, 3);
    torch::Tensor style_ = structured(40, 32, 4).flip(3);

    RunPlan plan(int iterations, ColorMode colors) const {
        RunPlan p;
        p.weights = weights_;
        p.content = content_;
        p.styles = {StyleImage(style_)};
        p.settings.device = DeviceChoice::Cpu;
        p.settings.scales = {{40, iterations}};
        p.settings.saveEvery = 0;
        p.settings.colors = colors;
        return p;
    }

    struct Recorded {
        torch::Tensor started;
        std::vector<IterationStats> stats;
        std::vector<torch::Tensor> images;
        RunResult result;
    };

    static Recorded run(const RunPlan& p) {
        Recorded r;
        RunSink sink;
        sink.started = [&](const RunStarted& s) { r.started = s.image.clone(); };
        sink.iteration = [&](const IterationStats& s, const torch::Tensor& image) {
            r.stats.push_back(s);
            r.images.push_back(image.clone());
        };
        RunControl control;
        r.result = runStyleTransfer(p, control, sink);
        return r;
    }

    // Every pixel whose channels are all strictly inside (0,1) must have `reference`'s I and Q;
    // returns how many pixels were checked.
    static int checkChroma(const torch::Tensor& image, const torch::Tensor& reference,
                           double tolerance, const char* what) {
        const auto pixels = image.reshape({3, -1});
        const auto unclipped = ((pixels > 1e-6) & (pixels < 1.0 - 1e-6)).all(0);
        const auto ours = yiqOf(image).slice(0, 1, 3).index({torch::indexing::Slice(), unclipped});
        const auto theirs =
            yiqOf(reference).slice(0, 1, 3).index({torch::indexing::Slice(), unclipped});
        const double error = ours.numel() > 0 ? maxAbs(ours - theirs) : 0.0;
        if (error > tolerance)
            qWarning("%s: chroma differs by %g", what, error);
        return error <= tolerance ? static_cast<int>(unclipped.sum().item<int64_t>()) : -1;
    }

private Q_SLOTS:
    void initTestCase() { at::set_num_threads(2); }

    void matchColorStatisticsGivesTheTargetsMeanAndCovariance() {
        // Source and target of different sizes, as a style and a content are.
        const auto source = structured(30, 40, 1);
        const auto target = structured(36, 28, 2).flip(1) * 0.8 + 0.1; // other colours
        const auto mapped = matchColorStatistics(source, target);
        QCOMPARE(mapped.sizes(), source.sizes());
        QCOMPARE(mapped.scalar_type(), torch::kFloat32);
        const auto [meanT, covT] = colourStatistics(target);
        const auto [meanS, covS] = colourStatistics(source);
        const auto [meanM, covM] = colourStatistics(mapped);
        // The test is not vacuous: the two differ in mean and in covariance, off-diagonal too.
        QVERIFY(maxAbs(meanS - meanT) > 0.05);
        QVERIFY(maxAbs(covS - covT) > 0.1 * maxAbs(covT));
        QVERIFY(covT.abs().min().item<double>() > 1e-3);
        QVERIFY2(maxAbs(meanM - meanT) <= 1e-3, qPrintable(QString::number(maxAbs(meanM - meanT))));
        QVERIFY2(maxAbs(covM - covT) <= 1e-3 * maxAbs(covT),
                 qPrintable(QString::number(maxAbs(covM - covT))));
    }

    void matchingToItselfOrToAScaledCopyIsExact() {
        // x -> C_t^1/2 C_s^-1/2 (x - mu_s) + mu_t with symmetric roots: the identity for t = s,
        // and for t = a s + b (C_t = a^2 C_s) the map a (x - mu_s) + mu_t, i.e. t itself.
        const auto source = structured(24, 30, 5);
        QVERIFY(maxAbs(matchColorStatistics(source, source) - source) < 1e-5);
        const auto target = 0.5 * source + 0.2;
        QVERIFY2(
            maxAbs(matchColorStatistics(source, target) - target) < 1e-5,
            qPrintable(QString::number(maxAbs(matchColorStatistics(source, target) - target))));
    }

    void flatImagesStayFinite() {
        const auto target = structured(24, 30, 6);
        const auto [meanT, covT] = colourStatistics(target);
        // One colour: a zero covariance, whose inverse root the eigenvalue floor keeps finite;
        // every pixel goes to the target's mean colour.
        const auto flat = torch::full({1, 3, 20, 20}, 0.4);
        const auto fromFlat = matchColorStatistics(flat, target);
        QVERIFY(torch::isfinite(fromFlat).all().item<bool>());
        QVERIFY(maxAbs(fromFlat.reshape({3, -1}).to(torch::kDouble) - meanT.view({3, 1})) < 1e-5);
        // Nearly one colour (variance under the floor): finite, and at the target's mean.
        torch::manual_seed(11);
        const auto nearlyFlat = 0.4 + 1e-5 * torch::rand({1, 3, 20, 20});
        const auto fromNearlyFlat = matchColorStatistics(nearlyFlat, target);
        QVERIFY(torch::isfinite(fromNearlyFlat).all().item<bool>());
        QVERIFY(maxAbs(colourStatistics(fromNearlyFlat).first - meanT) < 1e-3);
        // A flat target: everything becomes its colour.
        const auto toFlat = matchColorStatistics(target, flat);
        QVERIFY(torch::isfinite(toFlat).all().item<bool>());
        QVERIFY(maxAbs(toFlat - 0.4) < 1e-3);
    }

    void luminanceOfGrayIsTheGray() {
        const auto gray = torch::linspace(0.0, 1.0, 64).view({1, 1, 8, 8});
        const auto rgb = gray.expand({1, 3, 8, 8}).contiguous();
        const auto y = luminanceOf(rgb);
        QCOMPARE(y.sizes(), (torch::IntArrayRef{1, 1, 8, 8}));
        QVERIFY(maxAbs(y - gray) < 1e-6);
        // luminanceAsRgb is the inverse on grays.
        QVERIFY(torch::equal(luminanceAsRgb(gray), rgb));
        // The primaries weigh 0.299, 0.587, 0.114.
        const auto primaries = torch::eye(3).view({3, 3, 1, 1}); // three 1x1 images R, G, B
        const auto weights = luminanceOf(primaries).flatten();
        QVERIFY(maxAbs(weights - torch::tensor({0.299f, 0.587f, 0.114f})) < 1e-6);
    }

    void withLuminanceKeepsTheChromaAndTakesTheLuminance() {
        const auto chroma = 0.2 + 0.6 * structured(24, 30, 7);
        torch::manual_seed(8);
        const auto luminance = 0.3 + 0.4 * torch::rand({1, 1, 24, 30});
        const auto combined = withLuminance(luminance, chroma);
        QCOMPARE(combined.sizes(), chroma.sizes());
        QVERIFY(combined.min().item<double>() >= 0.0 && combined.max().item<double>() <= 1.0);
        const int checked = checkChroma(combined, chroma, 1e-5, "withLuminance");
        QVERIFY2(checked > 24 * 30 / 2, qPrintable(QString::number(checked)));
        // Y is the given luminance wherever nothing was clipped.
        const auto pixels = combined.reshape({3, -1});
        const auto unclipped = ((pixels > 1e-6) & (pixels < 1.0 - 1e-6)).all(0);
        const auto y = yiqOf(combined)[0].index({unclipped});
        const auto wanted = luminance.flatten().to(torch::kDouble).index({unclipped});
        QVERIFY2(maxAbs(y - wanted) < 1e-5, qPrintable(QString::number(maxAbs(y - wanted))));
    }

    void matchLuminanceGivesTheReferencesMeanAndDeviation() {
        torch::manual_seed(9);
        const auto luminance = 0.1 + 0.2 * torch::rand({1, 1, 30, 20}); // dark and flat
        const auto reference = luminanceOf(structured(24, 36, 10));     // another size
        const auto matched = matchLuminance(luminance, reference).to(torch::kDouble);
        const auto ref = reference.to(torch::kDouble);
        QVERIFY(qAbs(matched.mean().item<double>() - ref.mean().item<double>()) < 1e-5);
        QVERIFY(qAbs(matched.std().item<double>() - ref.std().item<double>()) < 1e-5);
        // A flat luminance has no deviation to scale: finite, at the reference's mean.
        const auto flat = matchLuminance(torch::full({1, 1, 10, 10}, 0.3), reference);
        QVERIFY(torch::isfinite(flat).all().item<bool>());
        QVERIFY(maxAbs(flat.to(torch::kDouble) - ref.mean()) < 1e-5);
    }

    void luminanceRunKeepsTheContentsChroma() {
        const auto r = run(plan(3, ColorMode::Luminance));
        QCOMPARE(r.result.outcome, RunOutcome::Finished);
        QCOMPARE(int(r.images.size()), 3);
        // The starting image (the content's luminance put back on the content's chroma) is the
        // content itself.
        QVERIFY2(maxAbs(r.started - content_) < 1e-5,
                 qPrintable(QString::number(maxAbs(r.started - content_))));
        const int pixelCount = 32 * 40;
        for (const auto& image : {r.images[0], r.images[2], r.result.image}) {
            QCOMPARE(image.sizes(), content_.sizes());
            const int checked = checkChroma(image, content_, 1e-4, "luminance run");
            QVERIFY2(checked > pixelCount / 2, qPrintable(QString::number(checked)));
        }
        // ... while its luminance has moved.
        const double moved = maxAbs(luminanceOf(r.result.image) - luminanceOf(content_));
        QVERIFY2(moved > 5e-3, qPrintable(QString::number(moved)));
    }

    void luminanceRunOptimizesTheGrayImages() {
        // Luminance mode is, inside, a colourless run: the content's luminance as a gray image,
        // the style's luminance matched to the content's and clamped. A plain run on those gray
        // images must report the very same losses, and its image's luminance on the content's
        // chroma is the Luminance run's result.
        const auto lum = run(plan(3, ColorMode::Luminance));
        RunPlan gray = plan(3, ColorMode::None);
        const auto contentLuminance = luminanceOf(content_);
        gray.content = luminanceAsRgb(contentLuminance);
        gray.styles[0].image =
            luminanceAsRgb(matchLuminance(luminanceOf(style_), contentLuminance)).clamp(0.0, 1.0);
        const auto plain = run(gray);
        QCOMPARE(lum.stats.size(), plain.stats.size());
        for (size_t k = 0; k < lum.stats.size(); ++k) {
            QCOMPARE(lum.stats[k].total, plain.stats[k].total);
            QCOMPARE(lum.stats[k].style(), plain.stats[k].style());
        }
        const auto expected = withLuminance(luminanceOf(plain.result.image), content_);
        QVERIFY(maxAbs(lum.result.image - expected) < 1e-6);
    }

    void matchRunUsesTheMatchedStyle() {
        const auto matched = run(plan(3, ColorMode::Match));
        QCOMPARE(matched.result.outcome, RunOutcome::Finished);
        QVERIFY(torch::isfinite(matched.result.image).all().item<bool>());
        for (const auto& s : matched.stats)
            QVERIFY(std::isfinite(s.total));
        // Match mode changes nothing but the style image: a plain run given the matched (and
        // clamped) style reports the same losses; one given the original style does not.
        RunPlan p = plan(3, ColorMode::None);
        p.styles[0].image = matchColorStatistics(style_, content_).clamp(0.0, 1.0);
        const auto plain = run(p);
        for (size_t k = 0; k < plain.stats.size(); ++k)
            QCOMPARE(matched.stats[k].total, plain.stats[k].total);
        QVERIFY(torch::equal(matched.result.image, plain.result.image));
        const auto original = run(plan(1, ColorMode::None));
        QVERIFY(original.stats[0].style() != matched.stats[0].style());
    }
};

QTEST_GUILESS_MAIN(TestColorTransfer)
#include "tst_colortransfer.moc"
