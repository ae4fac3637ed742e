#include "Error.h"
#include "FrameGuide.h"
#include "TestData.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace deepart;

// What starts and holds a video frame after the first (guideFrame), on motion made here: a
// textured picture moved right by whole pixels, so the truth is known.
class TestFrameGuide : public QObject {
    Q_OBJECT
private:
    static cv::Mat moved(const cv::Mat& picture, int dx) {
        const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, dx, 0, 1, 0);
        cv::Mat out;
        cv::warpAffine(picture, out, shift, picture.size(), cv::INTER_NEAREST,
                       cv::BORDER_REPLICATE);
        return out;
    }

    static cv::Mat textured(int seed) {
        cv::Mat picture = test::testPicture(128, 96, seed);
        cv::Mat noise(picture.size(), CV_8UC3);
        cv::theRNG().state = static_cast<std::uint64_t>(seed) + 1;
        cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(60));
        cv::Mat blurred;
        cv::GaussianBlur(noise, blurred, cv::Size(5, 5), 1.5);
        return picture / 2 + blurred;
    }

    static double meanDifference(const cv::Mat& a, const cv::Mat& b, const cv::Rect& area) {
        cv::Mat difference;
        cv::absdiff(a(area), b(area), difference);
        return cv::mean(difference)[0];
    }

private Q_SLOTS:
    // The previous result carried along where the warp holds; the content frame where it does
    // not (the strip that came in at the left edge).
    void theStartIsThePreviousResultCarriedAlong() {
        const cv::Mat previous = textured(3);
        const cv::Mat current = moved(previous, 4);
        const cv::Mat stylized = textured(8); // what the previous frame became
        const FrameGuide guide = guideFrame(current, {PastFrame{1, previous, stylized}});
        QCOMPARE(guide.targets.size(), size_t(1));
        const FrameTarget& target = guide.targets[0];
        QCOMPARE(target.offset, 1);
        QCOMPARE(target.mask.type(), CV_32F);
        // Inside, the previous result moved as the picture moved.
        const cv::Rect inside(16, 16, 96, 64);
        const double carried = meanDifference(guide.start, moved(stylized, 4), inside);
        QVERIFY2(carried < 4.0, qPrintable(QString::number(carried)));
        QVERIFY(cv::mean(target.mask(inside))[0] > 0.95);
        // The uncovered strip: not trusted, so the content frame.
        const cv::Rect strip(0, 0, 3, 96);
        QCOMPARE(cv::countNonZero(target.mask(strip)), 0);
        QCOMPARE(meanDifference(guide.start, current, strip), 0.0);
    }

    // Frames 2 and 4 back hold only where nearer frames do not: the masks never overlap.
    void longTermFramesHoldOnlyWhatNearerOnesLack() {
        const cv::Mat base = textured(5);
        const cv::Mat current = moved(base, 8);
        std::vector<PastFrame> past;
        for (int offset : {1, 2, 4})
            past.push_back(PastFrame{offset, moved(base, 8 - 2 * offset), textured(10 + offset)});
        const FrameGuide guide = guideFrame(current, past);
        QCOMPARE(guide.targets.size(), size_t(3));
        cv::Mat sum = cv::Mat::zeros(current.size(), CV_32F);
        for (size_t k = 0; k < 3; ++k) {
            QCOMPARE(guide.targets[k].offset, past[k].offset);
            sum += guide.targets[k].mask;
        }
        double most = 0.0;
        cv::minMaxLoc(sum, nullptr, &most);
        QCOMPARE(most, 1.0);
        QVERIFY(cv::countNonZero(guide.targets[0].mask) > 0);
        QVERIFY(cv::countNonZero(sum) >= cv::countNonZero(guide.targets[0].mask));
    }

    // A square crossing a still picture, a little more than its width a frame: what it covered
    // in the frame before is in view now, and was 2 frames back, which holds it there.
    void aLongTermFrameHoldsWhatTheFrameBeforeHid() {
        const cv::Mat still = textured(6);
        const cv::Mat square = textured(9)(cv::Rect(0, 0, 16, 16)).clone();
        const auto withSquareAt = [&](int x) {
            cv::Mat frame = still.clone();
            square.copyTo(frame(cv::Rect(x, 40, 16, 16)));
            return frame;
        };
        const FrameGuide guide =
            guideFrame(withSquareAt(56), {PastFrame{1, withSquareAt(36), textured(11)},
                                          PastFrame{2, withSquareAt(16), textured(12)}});
        // Where the square was a frame ago, away from its edges (motion boundaries).
        const cv::Rect hidden(40, 44, 8, 8);
        const int nearest = cv::countNonZero(guide.targets[0].mask(hidden));
        const int farther = cv::countNonZero(guide.targets[1].mask(hidden));
        QVERIFY2(nearest < hidden.area() / 4 && farther > hidden.area() / 2,
                 qPrintable(QStringLiteral("held 1 back: %1, 2 back: %2 of %3")
                                .arg(nearest)
                                .arg(farther)
                                .arg(hidden.area())));
    }

    void refusesAMissingPreviousFrame() {
        const cv::Mat frame = textured(1);
        QVERIFY_THROWS_EXCEPTION(Error, guideFrame(frame, {}));
        QVERIFY_THROWS_EXCEPTION(Error, guideFrame(frame, {PastFrame{2, frame, frame}}));
        cv::Mat smaller;
        cv::resize(frame, smaller, cv::Size(64, 48));
        QVERIFY_THROWS_EXCEPTION(Error, guideFrame(frame, {PastFrame{1, frame, smaller}}));
    }
};

QTEST_GUILESS_MAIN(TestFrameGuide)
#include "tst_frameguide.moc"
