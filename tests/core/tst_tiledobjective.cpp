#include "Error.h"
#include "Objective.h"
#include "RunDriver.h"
#include "TemporalLoss.h"
#include "TestData.h"
#include "TilePlan.h"
#include "Vgg19.h"
#include "Vgg19Weights.h"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace deepart;
using test::randomImage;

namespace {

constexpr int kContentLayer = 13; // block5_conv2, the seed's content layer (the deepest)

double relativeError(const torch::Tensor& a, const torch::Tensor& b) {
    const double reference = b.to(torch::kDouble).norm().item<double>();
    return (a.to(torch::kDouble) - b.to(torch::kDouble)).norm().item<double>() /
           std::max(reference, 1e-300);
}

double relativeError(double a, double b) {
    return std::abs(a - b) / std::max(std::abs(b), 1e-300);
}

// A soft-edged mask: a disc of 1 in a field of 0.
torch::Tensor discMask(int height, int width) {
    const auto y = torch::arange(height, torch::kFloat32).view({height, 1}) - height * 0.4;
    const auto x = torch::arange(width, torch::kFloat32).view({1, width}) - width * 0.6;
    const auto radius = (y.square() + x.square()).sqrt();
    return (1.0 - (radius - height * 0.3) / 20.0).clamp(0.0, 1.0).view({1, 1, height, width});
}

struct Measured {
    std::vector<double> values; // total, content, style, tv
    torch::Tensor gradient;
};

Measured measure(const Objective& objective, const torch::Tensor& at) {
    const auto image = at.clone().requires_grad_(true);
    const auto evaluation = objective.evaluate(image);
    evaluation.total.backward();
    return {Objective::values(evaluation), image.grad().clone()};
}

} // namespace

// The tiled evaluation (TilePlan, Objective with a tile size) against the whole image's: the
// same loss and gradient to float rounding, with regions and blends too; and the plan's
// geometry: cores partition the image, tiles carry their halo, everything aligned to the
// deepest layer's pooling stride.
class TestTiledObjective : public QObject {
    Q_OBJECT
private:
    Vgg19Weights weights_ = test::smallWeights();

    static void checkPartition(const TilePlan& plan) {
        std::vector<int> owners(static_cast<size_t>(plan.width() * plan.height()), 0);
        for (const auto& tile : plan.tiles()) {
            const PixelRect& c = tile.core;
            const PixelRect& r = tile.region;
            QCOMPARE(c.top % plan.stride(), 0);
            QCOMPARE(c.left % plan.stride(), 0);
            QCOMPARE(r.top % plan.stride(), 0);
            QCOMPARE(r.left % plan.stride(), 0);
            QVERIFY(c.height <= plan.coreSize() && c.width <= plan.coreSize());
            // The halo on every side, or the image's edge.
            QCOMPARE(r.top, std::max(0, c.top - plan.halo()));
            QCOMPARE(r.left, std::max(0, c.left - plan.halo()));
            QCOMPARE(r.top + r.height, std::min(plan.height(), c.top + c.height + plan.halo()));
            QCOMPARE(r.left + r.width, std::min(plan.width(), c.left + c.width + plan.halo()));
            for (int y = c.top; y < c.top + c.height; ++y)
                for (int x = c.left; x < c.left + c.width; ++x)
                    ++owners[static_cast<size_t>(y * plan.width() + x)];
        }
        QVERIFY(std::all_of(owners.begin(), owners.end(), [](int n) { return n == 1; }));
    }

    // At every layer the cores' windows cover the whole activation once, and each lies inside
    // its tile's activation.
    static void checkWindows(const TilePlan& plan, int deepest) {
        for (int layer = 0; layer <= deepest; ++layer) {
            const auto height = TilePlan::activationSide(plan.height(), layer);
            const auto width = TilePlan::activationSide(plan.width(), layer);
            std::int64_t covered = 0;
            for (size_t t = 0; t < plan.tiles().size(); ++t) {
                const LayerWindow w = plan.window(t, layer);
                if (w.empty())
                    continue;
                covered += w.height * w.width;
                QVERIFY(w.top >= 0 && w.top + w.height <= height);
                QVERIFY(w.left >= 0 && w.left + w.width <= width);
                const PixelRect& r = plan.tiles()[t].region;
                QVERIFY(w.tileTop >= 0 &&
                        w.tileTop + w.height <= TilePlan::activationSide(r.height, layer));
                QVERIFY(w.tileLeft >= 0 &&
                        w.tileLeft + w.width <= TilePlan::activationSide(r.width, layer));
            }
            QCOMPARE(covered, height * width);
        }
    }

    void compareTiledToWhole(const torch::Tensor& content, const std::vector<StyleImage>& styles,
                             const TransferSettings& settings, int coreSize, size_t expectedTiles) {
        const Vgg19 network(weights_, kContentLayer, settings.pooling, torch::kCPU);
        const Objective whole(network, content, styles, settings);
        const Objective tiled(network, content, styles, settings, {}, coreSize);
        QVERIFY(!whole.tiles().has_value());
        QVERIFY(tiled.tiles().has_value());
        QCOMPARE(tiled.tiles()->tiles().size(), expectedTiles);
        // Away from the content, so that every term and its gradient are far from 0.
        const auto image =
            (content * 0.6 + randomImage(int(content.size(2)), int(content.size(3)), 11) * 0.4);
        const Measured a = measure(whole, image);
        const Measured b = measure(tiled, image);
        for (size_t i = 0; i < a.values.size(); ++i)
            QVERIFY2(relativeError(b.values[i], a.values[i]) <= 1e-4,
                     qPrintable(QStringLiteral("value %1: tiled %2, whole %3")
                                    .arg(i)
                                    .arg(b.values[i], 0, 'g', 10)
                                    .arg(a.values[i], 0, 'g', 10)));
        const double gradientError = relativeError(b.gradient, a.gradient);
        qInfo("%zu tiles of %d px: relative error of the loss %.2e, of the gradient %.2e",
              expectedTiles, coreSize, relativeError(b.values[0], a.values[0]), gradientError);
        QVERIFY2(gradientError <= 1e-4, qPrintable(QString::number(gradientError)));
        QVERIFY(a.gradient.abs().sum().item<double>() > 0.0);
    }

    // 128 x 96 px, one style, no snapshots.
    RunPlan smallRun(int iterations) const {
        RunPlan plan;
        plan.weights = weights_;
        plan.content = randomImage(96, 128, 20);
        plan.styles = {StyleImage{randomImage(100, 100, 21)}};
        plan.settings.device = DeviceChoice::Cpu;
        plan.settings.scales = {{128, iterations}};
        plan.settings.saveEvery = 0;
        return plan;
    }

private Q_SLOTS:
    void haloAndStrideFollowTheDeepestLayer() {
        // block5_conv2: radius 2 + 2*2 + 4*4 + 4*8 + 2*16 = 86 px, rounded up to the stride 16.
        QCOMPARE(TilePlan::haloFor(13), 96);
        QCOMPARE(TilePlan::haloFor(12), 80); // block5_conv1: 70
        QCOMPARE(TilePlan::strideFor(13), 16);
        QCOMPARE(TilePlan::haloFor(1), 2); // block1_conv2, no pooling before it
        QCOMPARE(TilePlan::strideFor(1), 1);
        QCOMPARE(TilePlan::activationSide(100, 13), 6);
        QCOMPARE(TilePlan::activationSide(100, 4), 25);
    }

    void coresPartitionTheImage() {
        for (const auto& [width, height, core] :
             {std::tuple{320, 224, 96}, std::tuple{250, 170, 64}, std::tuple{1000, 37, 512},
              std::tuple{64, 64, 1024}}) {
            const TilePlan plan(width, height, core, kContentLayer);
            checkPartition(plan);
            checkWindows(plan, kContentLayer);
        }
        // Balanced: 1000 px in cores of at most 512 is two cores (512 and 488), not a sliver.
        const TilePlan plan(1000, 37, 512, kContentLayer);
        QCOMPARE(plan.tiles().size(), size_t(2));
        QCOMPARE(plan.tiles()[0].core.width, 512);
        QCOMPARE(plan.tiles()[1].core.width, 488);
        QCOMPARE(plan.tiles()[1].region.left, 512 - 96);
        QVERIFY(!TilePlan(64, 64, 1024, kContentLayer).tiled());
        // A core size off the stride is rounded up to it.
        QCOMPARE(TilePlan(320, 224, 90, kContentLayer).coreSize(), 96);
    }

    // What a tile keeps after each layer: its core's window inside, within the tile's
    // activation, exactly the core at the deepest layer, and less than the tile in blocks 3-5.
    void tilesAreCutToWhatLaterLayersNeed() {
        const TilePlan plan(1024, 1024, 512, kContentLayer);
        for (size_t t = 0; t < plan.tiles().size(); ++t) {
            const PixelRect& region = plan.tiles()[t].region;
            for (int layer = 0; layer <= kContentLayer; ++layer) {
                const PixelRect needed = plan.neededAt(t, layer);
                QVERIFY(needed.top >= 0 && needed.left >= 0);
                QVERIFY(needed.top + needed.height <=
                        TilePlan::activationSide(region.height, layer));
                QVERIFY(needed.left + needed.width <=
                        TilePlan::activationSide(region.width, layer));
                const LayerWindow w = plan.windowInNeeded(t, layer);
                QVERIFY(w.tileTop >= 0 && w.tileTop + w.height <= needed.height);
                QVERIFY(w.tileLeft >= 0 && w.tileLeft + w.width <= needed.width);
                // The cut fits the activation as it arrives (already cut at the layer before).
                const PixelRect cut = plan.cutAt(t, layer);
                const PixelRect before = layer == 0 ? PixelRect{0, 0, region.height, region.width}
                                                    : plan.neededAt(t, layer - 1);
                const int halve = TilePlan::poolingsBefore(layer) -
                                  (layer == 0 ? 0 : TilePlan::poolingsBefore(layer - 1));
                QVERIFY(cut.top >= 0 && cut.left >= 0);
                QVERIFY(cut.top + cut.height <= before.height >> halve);
                QVERIFY(cut.left + cut.width <= before.width >> halve);
                if (layer == kContentLayer) {
                    QCOMPARE(needed.height, int(w.height));
                    QCOMPARE(needed.width, int(w.width));
                }
            }
            // block4_conv1: 56 px of reach left, rounded to 64, against the tile's halo of 96.
            QVERIFY(plan.neededAt(t, 8).pixels() < TilePlan::activationSide(region.height, 8) *
                                                       TilePlan::activationSide(region.width, 8));
        }
    }

    void tiledEqualsWholeForOneStyle() {
        TransferSettings s;
        compareTiledToWhole(randomImage(224, 320, 1), {StyleImage{randomImage(200, 260, 2)}}, s, 96,
                            12);
    }

    // Sides that are not multiples of the stride (the poolings round down at the edges), and
    // cores smaller than the halo.
    void tiledEqualsWholeAtRaggedSizes() {
        TransferSettings s;
        compareTiledToWhole(randomImage(170, 250, 3), {StyleImage{randomImage(90, 130, 4)}}, s, 64,
                            12);
    }

    // Two styles in two painted regions, and a third blended into one of them; average pooling.
    void tiledEqualsWholeWithRegionsAndBlends() {
        const auto mask = discMask(224, 320);
        TransferSettings s;
        s.pooling = Pooling::Average;
        compareTiledToWhole(randomImage(224, 320, 5),
                            {StyleImage{randomImage(180, 240, 6), 0.4, 1.0, mask},
                             StyleImage{randomImage(240, 200, 7), 0.35, 1.0, 1.0 - mask},
                             StyleImage{randomImage(160, 160, 8), 0.25, 1.0, mask}},
                            s, 96, 12);
    }

    // The style images' targets are tiled too (a style larger than a core).
    void styleTargetsInTilesEqualWhole() {
        TransferSettings s;
        s.contentLayer = "block4_conv2";
        compareTiledToWhole(randomImage(200, 200, 9), {StyleImage{randomImage(300, 330, 10)}}, s,
                            64, 16);
    }

    // Pass 1 keeping two or every tile's graph (spare memory): the loss and gradient of keeping
    // one, for fewer forward passes (each layer of a forward pass checks for a stop).
    void keptGraphsChangeOnlyTheWork() {
        TransferSettings s;
        const auto content = randomImage(224, 320, 1);
        const std::vector<StyleImage> styles{StyleImage{randomImage(200, 260, 2)}};
        const Vgg19 network(weights_, kContentLayer, s.pooling, torch::kCPU);
        const auto image = content * 0.6 + randomImage(224, 320, 11) * 0.4;
        int checks = 0;
        const auto count = [&checks] { ++checks; };
        const Objective one(network, content, styles, s, count, 96);
        checks = 0;
        const Measured reference = measure(one, image);
        int previousChecks = checks;
        for (int kept : {2, 12}) {
            const Objective more(network, content, styles, s, count, 96, kept);
            checks = 0;
            const Measured m = measure(more, image);
            QVERIFY2(checks < previousChecks,
                     qPrintable(QStringLiteral("%1 kept: %2 checks").arg(kept).arg(checks)));
            previousChecks = checks;
            for (size_t i = 0; i < m.values.size(); ++i)
                QVERIFY(relativeError(m.values[i], reference.values[i]) <= 1e-5);
            QVERIFY(relativeError(m.gradient, reference.gradient) <= 1e-5);
        }
    }

    // Video's temporal term rides along on the whole image, tiled or not.
    void temporalTermIsTheSameTiledOrWhole() {
        TransferSettings s;
        const auto content = randomImage(224, 320, 1);
        const std::vector<StyleImage> styles{StyleImage{randomImage(200, 260, 2)}};
        const Vgg19 network(weights_, kContentLayer, s.pooling, torch::kCPU);
        Objective whole(network, content, styles, s);
        Objective tiled(network, content, styles, s, {}, 96);
        const auto warped = randomImage(224, 320, 13);
        const auto mask = discMask(224, 320);
        const double weight = 3e4;
        whole.addTemporalTerm({TemporalLoss(warped, mask)}, weight);
        tiled.addTemporalTerm({TemporalLoss(warped, mask)}, weight);
        QCOMPARE(whole.termNames().size(), size_t(4));
        QCOMPARE(whole.termNames().back(), std::string("temporal"));
        const auto image = content * 0.6 + randomImage(224, 320, 11) * 0.4;
        const Measured a = measure(whole, image);
        const Measured b = measure(tiled, image);
        QCOMPARE(a.values.size(), size_t(5));
        const double expected = weight * TemporalLoss(warped, mask)(image).item<double>();
        QVERIFY(expected > 0.0);
        QVERIFY(relativeError(a.values[4], expected) <= 1e-6);
        for (size_t i = 0; i < a.values.size(); ++i)
            QVERIFY(relativeError(b.values[i], a.values[i]) <= 1e-4);
        QVERIFY(relativeError(b.gradient, a.gradient) <= 1e-4);
    }

    void withoutGradientTheValuesAreTheSame() {
        TransferSettings s;
        const auto content = randomImage(224, 320, 1);
        const std::vector<StyleImage> styles{StyleImage{randomImage(200, 260, 2)}};
        const Vgg19 network(weights_, kContentLayer, s.pooling, torch::kCPU);
        const Objective whole(network, content, styles, s);
        Objective tiled(network, content, styles, s, {}, 128);
        const auto image = randomImage(224, 320, 12);
        torch::NoGradGuard noGrad;
        int passTwoTiles = 0;
        tiled.setTileListener([&](int pass, int, int) { passTwoTiles += pass == 2 ? 1 : 0; });
        const auto a = Objective::values(whole.evaluate(image));
        const auto b = Objective::values(tiled.evaluate(image));
        for (size_t i = 0; i < a.size(); ++i)
            QVERIFY(relativeError(b[i], a[i]) <= 1e-4);
        QCOMPARE(passTwoTiles, 0); // no gradient asked for: no second pass
    }

    // The run driver with tiles forced: the first iterations follow the whole run's (after a few
    // the optimization is chaotic with random weights), and each iteration reports its tiles.
    void runInTilesFollowsTheWholeRun() {
        const RunPlan plan = smallRun(3);
        const auto record = [](const RunPlan& p, std::vector<TileProgress>* tiles) {
            std::vector<IterationStats> stats;
            RunSink sink;
            sink.iteration = [&](const IterationStats& s, const torch::Tensor&) {
                stats.push_back(s);
            };
            if (tiles)
                sink.tile = [tiles](const TileProgress& t) { tiles->push_back(t); };
            RunControl control;
            const RunResult result = runStyleTransfer(p, control, sink);
            return std::pair{stats, result};
        };
        const auto [wholeStats, whole] = record(plan, nullptr);
        RunPlan tiledPlan = plan;
        tiledPlan.settings.tileSize = 64;
        std::vector<TileProgress> tiles;
        const auto [tiledStats, tiled] = record(tiledPlan, &tiles);
        QCOMPARE(tiled.outcome, RunOutcome::Finished);
        QCOMPARE(tiledStats.size(), size_t(3));
        for (size_t i = 0; i < 3; ++i)
            QVERIFY2(relativeError(tiledStats[i].total, wholeStats[i].total) <= 1e-4,
                     qPrintable(QStringLiteral("iteration %1: %2 against %3")
                                    .arg(i + 1)
                                    .arg(tiledStats[i].total)
                                    .arg(wholeStats[i].total)));
        // The images: the same but for float rounding, which the L1 TV term amplifies at the
        // odd pixel (a difference of neighbours at 0 in one run and 1e-7 in the other turns the
        // sign of its gradient, measured up to 0.004 after 3 iterations); on average nothing.
        const auto difference = (tiled.image - whole.image).abs();
        QVERIFY2(difference.mean().item<double>() <= 1e-5,
                 qPrintable(QString::number(difference.mean().item<double>())));
        QVERIFY(difference.max().item<double>() <= 0.05);
        // 128 x 96 in cores of 64: 2 x 2 tiles, two passes, three iterations.
        QCOMPARE(tiles.size(), size_t(3 * 2 * 4));
        QCOMPARE(tiles.front().iteration, 1);
        QCOMPARE(tiles.front().pass, 1);
        QCOMPARE(tiles.front().tiles, 4);
        QCOMPARE(tiles.back().iteration, 3);
        QCOMPARE(tiles.back().pass, 2);
        QCOMPARE(tiles.back().tile, 3);
    }

    // A stop between two tiles of an iteration ends the run at once with the image from before
    // that iteration.
    void stopWithinATiledIterationKeepsTheLastImage() {
        RunPlan plan = smallRun(5);
        plan.settings.tileSize = 64;
        RunControl control;
        torch::Tensor afterFirst;
        RunSink sink;
        sink.iteration = [&](const IterationStats& s, const torch::Tensor& image) {
            if (s.iteration == 1)
                afterFirst = image.clone();
        };
        sink.tile = [&](const TileProgress& t) {
            if (t.iteration == 2 && t.pass == 2 && t.tile == 1)
                control.requestStop();
        };
        const RunResult result = runStyleTransfer(plan, control, sink);
        QCOMPARE(result.outcome, RunOutcome::Cancelled);
        QCOMPARE(result.completedIterations, 1);
        QVERIFY(afterFirst.defined());
        QVERIFY(torch::equal(result.image, afterFirst));
    }
};

QTEST_GUILESS_MAIN(TestTiledObjective)
#include "tst_tiledobjective.moc"
