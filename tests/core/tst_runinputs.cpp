#include "Error.h"
#include "ImageTensor.h"
#include "RunInputs.h"
#include "TestData.h"

#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <utility>

using namespace deepart;

namespace {

StyleSource styleSource(std::string path, double weight = 1.0, double scale = 1.0) {
    StyleSource source;
    source.path = std::move(path);
    source.weight = weight;
    source.scale = scale;
    return source;
}

} // namespace

// loadRunInputs: the files a run's settings name, turned into the run driver's tensors (sizes by
// output size and style scale, masks, starting image) or refused with a message that names what
// is wrong.
class TestRunInputs : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString content_; // 60 x 40
    QString style_;   // 50 x 70, portrait
    cv::Mat contentPicture_ = test::testPicture(60, 40, 1);

    QString path(const QString& name) const { return dir_.filePath(name); }

    RunSettings settings(int outputSize = 60) const {
        RunSettings s;
        s.contentPath = content_.toStdString();
        s.styles = {styleSource(style_.toStdString())};
        s.transfer.scales = {{outputSize, 1}};
        return s;
    }

    // The message of the deepart::Error that loading `s` throws; fails the test if none.
    static QString refusal(const RunSettings& s) {
        RunPlan plan;
        try {
            loadRunInputs(s, plan);
        } catch (const Error& e) {
            return QString::fromUtf8(e.what());
        }
        return QString();
    }

    // A mask image: white on the left `whiteColumns` columns, black elsewhere.
    QString writeMask(const QString& name, int width, int height, int whiteColumns) const {
        cv::Mat rgb(height, width, CV_8UC3, cv::Scalar(0, 0, 0));
        rgb.colRange(0, whiteColumns).setTo(cv::Scalar(255, 255, 255));
        return test::writeRgbImage(path(name), rgb);
    }

    static int longerSide(const torch::Tensor& image) {
        return static_cast<int>(std::max(image.size(2), image.size(3)));
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(dir_.isValid());
        content_ = test::writeRgbImage(path(QStringLiteral("content.png")), contentPicture_);
        style_ =
            test::writeRgbImage(path(QStringLiteral("style.png")), test::testPicture(50, 70, 2));
    }

    void styleScaleSetsTheStylesLongerSide() {
        RunSettings s = settings();
        s.styles = {styleSource(style_.toStdString(), 2.0, 0.5),
                    styleSource(style_.toStdString(), 1.0, 2.0),
                    styleSource(style_.toStdString(), 1.0, 0.55)};
        RunPlan plan;
        loadRunInputs(s, plan);
        QCOMPARE(plan.content.sizes(), (torch::IntArrayRef{1, 3, 40, 60}));
        QCOMPARE(int(plan.styles.size()), 3);
        const double scales[] = {0.5, 2.0, 0.55};
        for (int k = 0; k < 3; ++k) {
            const auto& style = plan.styles[size_t(k)].image;
            QCOMPARE(longerSide(style), int(std::round(scales[k] * 60))); // 30, 120, 33
            QCOMPARE(style.size(2), int64_t(longerSide(style)));          // portrait stays portrait
            // The shape is kept (to a pixel's rounding).
            QVERIFY(qAbs(double(style.size(3)) / style.size(2) - 50.0 / 70.0) <
                    1.0 / style.size(2));
            QCOMPARE(plan.styles[size_t(k)].scale, scales[k]);
            QVERIFY(!plan.styles[size_t(k)].mask.defined());
        }
        QCOMPARE(plan.styles[0].weight, 2.0); // given as is: the driver normalizes
        QVERIFY(!plan.initImage.defined());
    }

    void styleSideLimits() {
        QCOMPARE(styleSide(1.0, 512, 1), 512);
        QCOMPARE(styleSide(2.0, kMaxImageSide / 2, 1), kMaxImageSide); // at the limit: accepted
        QVERIFY_THROWS_EXCEPTION(Error, styleSide(2.001, kMaxImageSide / 2, 1));
        QCOMPARE(styleSide(0.25, 64, 1), 16); // the smallest side a run takes
        QVERIFY_THROWS_EXCEPTION(Error, styleSide(0.2, 64, 1));
    }

    void badStyleScalesAreRefusedNamingTheStyle() {
        for (double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
            RunSettings s = settings();
            s.styles.push_back(styleSource(style_.toStdString(), 1.0, bad));
            const QString message = refusal(s);
            QVERIFY2(message.contains(QStringLiteral("style 2")) &&
                         message.contains(QStringLiteral("greater than 0")),
                     qPrintable(QStringLiteral("%1: '%2'").arg(bad).arg(message)));
        }
        // Past the size limit: 400 x 60 px = 24000 px. Checked before any file is read, so a
        // missing content file does not hide it.
        RunSettings s = settings();
        s.styles[0].scale = 400.0;
        s.contentPath = path(QStringLiteral("missing.png")).toStdString();
        const QString message = refusal(s);
        QVERIFY2(message.contains(QStringLiteral("style 1")) &&
                     message.contains(QStringLiteral("24000")) &&
                     message.contains(QString::number(kMaxImageSide)),
                 qPrintable(message));
        // Too small to run.
        s = settings();
        s.styles[0].scale = 0.1; // 6 px
        const QString tiny = refusal(s);
        QVERIFY2(tiny.contains(QStringLiteral("style 1")) && tiny.contains(QStringLiteral("16")),
                 qPrintable(tiny));
    }

    void aMaskOfTheWrongShapeIsRefusedWithBothSizes() {
        RunSettings s = settings();
        s.styles[0].maskPath = writeMask(QStringLiteral("square.png"), 40, 40, 20).toStdString();
        QString message = refusal(s);
        QVERIFY2(message.contains(QStringLiteral("mask of style 1")) &&
                     message.contains(QStringLiteral("40 x 40")) &&
                     message.contains(QStringLiteral("60 x 40")) &&
                     message.contains(QStringLiteral("square.png")),
                 qPrintable(message));
        // Off by more than 1%: 61 x 40 is 1.7% wider than 60 x 40.
        s.styles[0].maskPath = writeMask(QStringLiteral("wide.png"), 61, 40, 20).toStdString();
        message = refusal(s);
        QVERIFY2(message.contains(QStringLiteral("61 x 40")), qPrintable(message));
    }

    void anUnreadableMaskIsRefusedNamingTheFile() {
        RunSettings s = settings();
        s.styles[0].maskPath = path(QStringLiteral("nowhere.png")).toStdString();
        QString message = refusal(s);
        QVERIFY2(message.contains(QStringLiteral("mask")) &&
                     message.contains(QStringLiteral("nowhere.png")),
                 qPrintable(message));
        test::writeBytes(path(QStringLiteral("garbage.png")), QByteArray("not an image at all"));
        s.styles[0].maskPath = path(QStringLiteral("garbage.png")).toStdString();
        message = refusal(s);
        QVERIFY2(message.contains(QStringLiteral("mask")) &&
                     message.contains(QStringLiteral("garbage.png")),
                 qPrintable(message));
    }

    void aMaskOfTheContentsShapeIsScaledToItsSize() {
        // Half the content's size: scaled up to it; white is 1, black 0, everything in [0,1].
        RunSettings s = settings();
        s.styles[0].maskPath = writeMask(QStringLiteral("half.png"), 30, 20, 15).toStdString();
        RunPlan plan;
        loadRunInputs(s, plan);
        const auto& mask = plan.styles[0].mask;
        QVERIFY(mask.defined());
        QCOMPARE(mask.sizes(), (torch::IntArrayRef{1, 1, 40, 60}));
        QCOMPARE(mask.scalar_type(), torch::kFloat32);
        QVERIFY(mask.min().item<float>() >= 0.0f && mask.max().item<float>() <= 1.0f);
        QVERIFY(torch::all(mask.slice(3, 0, 28) == 1.0f).item<bool>());
        QVERIFY(torch::all(mask.slice(3, 32, 60) == 0.0f).item<bool>());
        // The content at a smaller output size: the full-size mask comes down with it, and a
        // gray level is kept as a fraction.
        cv::Mat gray(40, 60, CV_8UC3, cv::Scalar(102, 102, 102));
        s = settings(30);
        s.styles[0].maskPath =
            test::writeRgbImage(path(QStringLiteral("gray.png")), gray).toStdString();
        loadRunInputs(s, plan);
        QCOMPARE(plan.content.sizes(), (torch::IntArrayRef{1, 3, 20, 30}));
        QCOMPARE(plan.styles[0].mask.sizes(), (torch::IntArrayRef{1, 1, 20, 30}));
        QVERIFY(qAbs(plan.styles[0].mask.mean().item<double>() - 0.4) < 1e-6);
    }

    void theStartingImageIsResizedToTheContent() {
        RunSettings s = settings();
        s.transfer.init = InitMode::Image;
        // Twice the content's size, each pixel doubled: area averaging brings back the content
        // exactly.
        cv::Mat doubled;
        cv::resize(contentPicture_, doubled, cv::Size(120, 80), 0, 0, cv::INTER_NEAREST);
        s.initImagePath =
            test::writeRgbImage(path(QStringLiteral("init.png")), doubled).toStdString();
        RunPlan plan;
        loadRunInputs(s, plan);
        QCOMPARE(plan.initImage.sizes(), plan.content.sizes());
        QVERIFY(torch::equal(plan.initImage, plan.content));
        // Another shape altogether is stretched to the content's size.
        s.initImagePath = test::writeRgbImage(path(QStringLiteral("square-init.png")),
                                              test::testPicture(50, 50, 3))
                              .toStdString();
        loadRunInputs(s, plan);
        QCOMPARE(plan.initImage.sizes(), (torch::IntArrayRef{1, 3, 40, 60}));
        // Without a file: refused, saying how to give one.
        s.initImagePath.clear();
        const QString message = refusal(s);
        QVERIFY2(message.contains(QStringLiteral("--init-image")), qPrintable(message));
        // Another start: no starting image, even if a path is set.
        s.transfer.init = InitMode::Content;
        s.initImagePath = path(QStringLiteral("init.png")).toStdString();
        loadRunInputs(s, plan);
        QVERIFY(!plan.initImage.defined());
    }
};

QTEST_GUILESS_MAIN(TestRunInputs)
#include "tst_runinputs.moc"
