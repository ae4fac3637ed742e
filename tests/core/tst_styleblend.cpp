#include "KerasWeightsFile.h"
#include "KerasWeightsWriter.h"
#include "Objective.h"
#include "Preprocessing.h"
#include "RunDriver.h"
#include "TestData.h"
#include "Vgg19.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <ATen/Parallel.h>

using namespace deepart;

namespace {

double relativeDifference(double a, double b) {
    return std::abs(a - b) / std::max(std::abs(b), 1e-300);
}

} // namespace

// Several styles: the style term of blends, scales and masks. The engine against itself where
// the specification makes two set-ups equal (exactly, or by a derived factor), and against an
// independent Python implementation of the blend formulas (tests/core/blendcheck.py).
//
// Every style term here is iteration 1's of a run that starts from the content: Adam's
// IterationStats carry the losses evaluated before its step (AdamStrategy::step evaluates, then
// steps), so that term is the objective at the content image itself.
class TestStyleBlend : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    Vgg19Weights weights_ = test::smallWeights();
    torch::Tensor content_;
    torch::Tensor style_;
    torch::Tensor otherStyle_;

    RunPlan plan(std::vector<StyleImage> styles, int iterations = 1) const {
        RunPlan p;
        p.weights = weights_;
        p.content = content_;
        p.styles = std::move(styles);
        p.settings.device = DeviceChoice::Cpu;
        p.settings.scales = {{40, iterations}};
        p.settings.saveEvery = 0;
        return p;
    }

    struct Recorded {
        std::vector<IterationStats> stats;
        RunResult result;
    };

    static Recorded run(const RunPlan& p) {
        Recorded r;
        RunSink sink;
        sink.iteration = [&](const IterationStats& s, const torch::Tensor&) {
            r.stats.push_back(s);
        };
        RunControl control;
        r.result = runStyleTransfer(p, control, sink);
        return r;
    }

    double styleTermAtContent(const std::vector<StyleImage>& styles) const {
        const auto r = run(plan(styles));
        return r.stats.at(0).style();
    }

    // Every term of every iteration, and the final image, bit for bit.
    static void compareRuns(const Recorded& a, const Recorded& b) {
        QCOMPARE(a.result.outcome, RunOutcome::Finished);
        QCOMPARE(b.result.outcome, RunOutcome::Finished);
        QCOMPARE(a.stats.size(), b.stats.size());
        for (size_t k = 0; k < a.stats.size(); ++k) {
            QCOMPARE(a.stats[k].total, b.stats[k].total);
            QCOMPARE(a.stats[k].content(), b.stats[k].content());
            QCOMPARE(a.stats[k].style(), b.stats[k].style());
            QCOMPARE(a.stats[k].tv(), b.stats[k].tv());
        }
        QVERIFY(torch::equal(a.result.image, b.result.image));
    }

    static void writeRaw(const QString& path, const torch::Tensor& t) {
        const auto data = t.contiguous();
        test::writeBytes(path, QByteArray(reinterpret_cast<const char*>(data.data_ptr<float>()),
                                          static_cast<int>(data.numel() * sizeof(float))));
    }

private Q_SLOTS:
    void initTestCase() {
        at::set_num_threads(2);
        torch::manual_seed(21);
        content_ = torch::rand({1, 3, 32, 40});
        style_ = torch::rand({1, 3, 40, 32});
        otherStyle_ = torch::rand({1, 3, 28, 36});
    }

    void aSingleStyleIsTheSeedsObjective() {
        // Weight 1, no mask, scale 1, colours as they are: the one-style objective, exactly.
        const auto single = run(plan({StyleImage(style_)}, 3));
        const Vgg19 network(weights_, vgg19LayerIndex("block5_conv2"), Pooling::Max, torch::kCPU);
        const Objective seed(network, content_, style_, TransferSettings{});
        const auto values = Objective::values(seed.evaluate(content_));
        const auto& first = single.stats.at(0);
        QCOMPARE(first.total, values[0]);
        QCOMPARE(first.content(), values[1]);
        QCOMPARE(first.style(), values[2]);
        QCOMPARE(first.tv(), values[3]);
        QVERIFY(first.style() > 0.0);

        // Any weight of a lone style normalizes to 1.
        compareRuns(run(plan({StyleImage(style_, 3.0)}, 3)), single);
        // A white mask is no mask.
        compareRuns(run(plan({StyleImage(style_, 1.0, 1.0, torch::ones({1, 1, 32, 40}))}, 3)),
                    single);
    }

    void aWhiteMaskInTheObjectiveIsNoMask() {
        // The driver drops white masks; the Objective's guided loss must also reduce to the plain
        // one for them: m = 1 at every layer (area resampling of ones), sum(m^2) = N, the target
        // scaled by N / N and the share N / N. All exact in floating point.
        const Vgg19 network(weights_, vgg19LayerIndex("block5_conv2"), Pooling::Max, torch::kCPU);
        const Objective plain(network, content_, {StyleImage{style_, 1.0, 1.0, {}}},
                              TransferSettings{});
        const Objective white(network, content_,
                              {StyleImage{style_, 1.0, 1.0, torch::ones({1, 1, 32, 40})}},
                              TransferSettings{});
        const auto image = torch::rand({1, 3, 32, 40});
        QCOMPARE(Objective::values(white.evaluate(image)),
                 Objective::values(plain.evaluate(image)));
    }

    void aStyleListedTwiceIsThatStyle() {
        // One region; common = 0.5 N + 0.5 N = N, so the target is 0.5 G + 0.5 G = G.
        const double once = styleTermAtContent({StyleImage(style_)});
        const double twice = styleTermAtContent({StyleImage(style_, 0.5), StyleImage(style_, 0.5)});
        QVERIFY2(
            relativeDifference(twice, once) <= 1e-6,
            qPrintable(QStringLiteral("%1 vs %2").arg(twice, 0, 'g', 10).arg(once, 0, 'g', 10)));
        const double uneven =
            styleTermAtContent({StyleImage(style_, 0.7), StyleImage(style_, 0.3)});
        QVERIFY2(
            relativeDifference(uneven, once) <= 1e-6,
            qPrintable(QStringLiteral("%1 vs %2").arg(uneven, 0, 'g', 10).arg(once, 0, 'g', 10)));
        // The same holds inside a masked region.
        auto half = torch::zeros({1, 1, 32, 40});
        half.slice(3, 0, 20).fill_(1.0);
        const double maskedOnce = styleTermAtContent({StyleImage(style_, 1.0, 1.0, half)});
        const double maskedTwice = styleTermAtContent(
            {StyleImage(style_, 0.5, 1.0, half), StyleImage(style_, 0.5, 1.0, half.clone())});
        QVERIFY(maskedOnce > 0.0);
        QVERIFY2(relativeDifference(maskedTwice, maskedOnce) <= 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(maskedTwice).arg(maskedOnce)));
    }

    void aBlackMaskSilencesItsStyle() {
        // Its region is empty at every layer (sum(m^2) = 0): the loss is 0, not NaN, and the run
        // goes on with the content and TV terms.
        const auto r = run(plan({StyleImage(style_, 1.0, 1.0, torch::zeros({1, 1, 32, 40}))}, 3));
        QCOMPARE(r.result.outcome, RunOutcome::Finished);
        QCOMPARE(int(r.stats.size()), 3);
        for (const auto& s : r.stats) {
            QCOMPARE(s.style(), 0.0);
            QVERIFY(std::isfinite(s.total));
        }
        QVERIFY(r.stats.back().content() > 0.0); // the image did move
    }

    void aBlackMaskedStyleBesideAnUnmaskedOne() {
        // Two regions: the unmasked style 1 (normalized weight w1) and the black-masked style 2.
        // From Objective.cpp, with R = 2 regions: region 1 gets the plain loss of style 1 alone
        // (one style in it: target = its Gram) weighted by w1 x R; region 2 contributes 0. So the
        // style term is 2 w1 times that of style 1 alone: the same at 0.5 / 0.5, 1.4x at 0.7 /
        // 0.3.
        const auto black = torch::zeros({1, 1, 32, 40});
        const double alone = styleTermAtContent({StyleImage(style_)});
        const double even =
            styleTermAtContent({StyleImage(style_, 1.0), StyleImage(otherStyle_, 1.0, 1.0, black)});
        QVERIFY2(relativeDifference(even, alone) <= 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(even).arg(alone)));
        const double uneven =
            styleTermAtContent({StyleImage(style_, 0.7), StyleImage(otherStyle_, 0.3, 1.0, black)});
        QVERIFY2(relativeDifference(uneven, 1.4 * alone) <= 1e-6,
                 qPrintable(QStringLiteral("%1 vs %2").arg(uneven).arg(1.4 * alone)));
    }

    void aStyleWithoutWeightTakesNoPart() {
        // Blend weight 0 is allowed (a style switched off while its mask is kept). In a region of
        // its own it must not count: not as a region (the others keep their weights) and not as
        // 0/0 in its blend, which would make the loss NaN and fail the run.
        auto half = torch::zeros({1, 1, 32, 40});
        half.slice(3, 0, 20).fill_(1.0);
        const double alone = styleTermAtContent({StyleImage(style_)});
        const auto r =
            run(plan({StyleImage(style_, 1.0), StyleImage(otherStyle_, 0.0, 1.0, half)}, 2));
        QCOMPARE(r.result.outcome, RunOutcome::Finished);
        QCOMPARE(r.stats.at(0).style(), alone);
        // The other way round: the unmasked style is off, the masked one alone remains.
        const double maskedAlone = styleTermAtContent({StyleImage(style_, 1.0, 1.0, half)});
        const double maskedBeside =
            styleTermAtContent({StyleImage(otherStyle_, 0.0), StyleImage(style_, 1.0, 1.0, half)});
        QCOMPARE(maskedBeside, maskedAlone);
    }

    void styleScaleScalesTheTarget() {
        // The same image declared at scale 2: common = N / 4, so its target is G / 4 where scale
        // 1 has G. Not a size change (the caller makes the image): only the declared scale.
        const Vgg19 network(weights_, vgg19LayerIndex("block5_conv2"), Pooling::Max, torch::kCPU);
        const double one = styleTermAtContent({StyleImage(style_)});
        const double two = styleTermAtContent({StyleImage(style_, 1.0, 2.0)});
        QVERIFY(relativeDifference(one, two) > 1e-3);
        // Recomputed by hand from the activations: sum over layers of 0.2 x beta x
        // sum((G_gen - G_style / 4)^2) / (4 C^2 N^2).
        const TransferSettings settings;
        std::vector<int> layers;
        for (const auto& l : settings.styleLayers)
            layers.push_back(vgg19LayerIndex(l.name));
        torch::NoGradGuard noGrad;
        const auto generated = network.forward(toVggInput(content_), layers);
        const auto styled = network.forward(toVggInput(style_), layers);
        double expected = 0.0;
        for (size_t l = 0; l < layers.size(); ++l) {
            const auto g = gramMatrix(generated[l].to(torch::kDouble));
            const auto s = gramMatrix(styled[l].to(torch::kDouble)) / 4.0;
            const double c = static_cast<double>(generated[l].size(1));
            const double n = static_cast<double>(generated[l].size(2) * generated[l].size(3));
            expected += settings.styleLayers[l].weight * (g - s).square().sum().item<double>() /
                        (4.0 * c * c * n * n);
        }
        expected *= settings.lossWeights.style;
        QVERIFY2(
            relativeDifference(two, expected) <= 1e-5,
            qPrintable(QStringLiteral("%1 vs %2").arg(two, 0, 'g', 10).arg(expected, 0, 'g', 10)));
    }

    void agreesWithPythonReference() {
        // Random weights of the cross-check's widths, written and read back as the app reads
        // them; the Python side reads the same file.
        const QString weightsPath = dir_.filePath(QStringLiteral("w.h5"));
        test::writeKerasWeights(weightsPath, randomVgg19Weights({8, 16, 16, 32, 32}, 9));
        const Vgg19Weights weights = loadKerasVgg19Weights(weightsPath.toStdString());
        torch::manual_seed(3);
        const int h = 40;
        const int w = 48;
        const auto content = torch::rand({1, 3, h, w});
        // Styles of different sizes and shapes; the fourth as a style at scale 2 would be made.
        const std::vector<torch::Tensor> images = {
            torch::rand({1, 3, 48, 36}), torch::rand({1, 3, 30, 44}), torch::rand({1, 3, 36, 48}),
            torch::rand({1, 3, 96, 72})};
        writeRaw(dir_.filePath(QStringLiteral("c.f32")), content);
        for (size_t k = 0; k < images.size(); ++k)
            writeRaw(dir_.filePath(QStringLiteral("s%1.f32").arg(k)), images[k]);
        // A soft mask: a ramp across the image (partial values, so the guided Gram's weighting by
        // m matters, not just its support), and its complement.
        const auto ramp = ((torch::linspace(0.0, 1.0, w) - 0.3) / 0.5)
                              .clamp(0.0, 1.0)
                              .view({1, 1, 1, w})
                              .expand({1, 1, h, w})
                              .contiguous();
        const auto complement = (1.0 - ramp).contiguous();
        writeRaw(dir_.filePath(QStringLiteral("m.f32")), ramp);
        writeRaw(dir_.filePath(QStringLiteral("n.f32")), complement);
        const auto maskPath = [&](const torch::Tensor& m) {
            return !m.defined()    ? QString()
                   : m.equal(ramp) ? dir_.filePath(QStringLiteral("m.f32"))
                                   : dir_.filePath(QStringLiteral("n.f32"));
        };

        struct Case {
            const char* what;
            std::vector<std::pair<int, StyleImage>> styles; // image index, style
        };
        const std::vector<Case> cases = {
            // The case: two sizes, blend weights 0.7 / 0.3 (given unnormalized).
            {"blend", {{0, StyleImage(images[0], 3.5)}, {1, StyleImage(images[1], 1.5)}}},
            // Style scales: one style at 1, one at 2 (the image twice as large).
            {"scales",
             {{2, StyleImage(images[2], 1.0, 1.0)}, {3, StyleImage(images[3], 1.0, 2.0)}}},
            // Two regions: style 1 everywhere; styles 2 and 3 blended under one soft mask.
            {"masked",
             {{0, StyleImage(images[0], 2.0)},
              {1, StyleImage(images[1], 1.0, 1.0, ramp)},
              {2, StyleImage(images[2], 1.0, 1.0, ramp.clone())}}},
            // Two complementary regions, no unmasked style.
            {"complementary",
             {{0, StyleImage(images[0], 0.6, 1.0, ramp)},
              {1, StyleImage(images[1], 0.4, 1.0, complement)}}},
        };

        QJsonArray jsonCases;
        for (const Case& c : cases) {
            QJsonArray styles;
            for (const auto& [index, style] : c.styles)
                styles.append(QJsonObject{
                    {QStringLiteral("path"), dir_.filePath(QStringLiteral("s%1.f32").arg(index))},
                    {QStringLiteral("h"), int(style.image.size(2))},
                    {QStringLiteral("w"), int(style.image.size(3))},
                    {QStringLiteral("weight"), style.weight},
                    {QStringLiteral("scale"), style.scale},
                    {QStringLiteral("mask"), maskPath(style.mask)}});
            jsonCases.append(QJsonObject{{QStringLiteral("styles"), styles}});
        }
        const TransferSettings defaults;
        const QJsonObject spec{
            {QStringLiteral("content"),
             QJsonObject{{QStringLiteral("path"), dir_.filePath(QStringLiteral("c.f32"))},
                         {QStringLiteral("h"), h},
                         {QStringLiteral("w"), w}}},
            {QStringLiteral("beta"), defaults.lossWeights.style},
            {QStringLiteral("cases"), jsonCases}};
        const QString specPath = dir_.filePath(QStringLiteral("spec.json"));
        test::writeBytes(specPath, QJsonDocument(spec).toJson());

        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(DEEPART_SOURCE_DIR "/tests/core/blendcheck.py"), weightsPath,
                      specPath});
        QVERIFY2(python.waitForFinished(120000), "python3 did not finish");
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const auto lines = QString::fromUtf8(python.readAllStandardOutput())
                               .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), int(cases.size()));

        for (size_t i = 0; i < cases.size(); ++i) {
            RunPlan p;
            p.weights = weights;
            p.content = content;
            for (const auto& entry : cases[i].styles)
                p.styles.push_back(entry.second);
            p.settings.device = DeviceChoice::Cpu;
            p.settings.scales = {{w, 1}};
            p.settings.saveEvery = 0;
            const auto r = run(p);
            QCOMPARE(r.result.outcome, RunOutcome::Finished);
            const double ours = r.stats.at(0).style();
            const double theirs = lines[int(i)].toDouble();
            QVERIFY(theirs > 0.0);
            QVERIFY2(relativeDifference(ours, theirs) <= 1e-5,
                     qPrintable(QStringLiteral("%1: ours %2, reference %3")
                                    .arg(QLatin1String(cases[i].what))
                                    .arg(ours, 0, 'g', 10)
                                    .arg(theirs, 0, 'g', 10)));
        }
    }
};

QTEST_GUILESS_MAIN(TestStyleBlend)
#include "tst_styleblend.moc"
