#include "FrameMotion.h"
#include "TestData.h"

#include <QtTest>

#include <opencv2/imgproc.hpp>

using namespace deepart;

// Flow, warp and consistency on motion made here, so the truth is known: a textured picture
// moved by whole pixels.
class TestFrameMotion : public QObject {
    Q_OBJECT
private:
    // `picture` moved by (dx, dy): what was at p is at p + (dx, dy); the strip uncovered at the
    // edge repeats the edge.
    static cv::Mat moved(const cv::Mat& picture, int dx, int dy) {
        const cv::Mat shift = (cv::Mat_<double>(2, 3) << 1, 0, dx, 0, 1, dy);
        cv::Mat out;
        cv::warpAffine(picture, out, shift, picture.size(), cv::INTER_NEAREST,
                       cv::BORDER_REPLICATE);
        return out;
    }

    // A picture with texture at every scale (flow needs something to follow).
    static cv::Mat textured() {
        cv::Mat picture = test::testPicture(128, 96, 3);
        cv::Mat noise(picture.size(), CV_8UC3);
        cv::randu(noise, cv::Scalar::all(0), cv::Scalar::all(60));
        cv::Mat blurred;
        cv::GaussianBlur(noise, blurred, cv::Size(5, 5), 1.5);
        return picture / 2 + blurred;
    }

private Q_SLOTS:
    void theWarpRecoversAKnownShift() {
        const cv::Mat previous = textured();
        const cv::Mat current = moved(previous, 5, 3);
        const cv::Mat backward = opticalFlow(current, previous);
        QCOMPARE(backward.type(), CV_32FC2);
        QCOMPARE(backward.size(), current.size());
        // Inside (away from the edges the shift uncovers): where each pixel came from.
        const cv::Rect inside(20, 20, 88, 56);
        const cv::Scalar mean = cv::mean(backward(inside));
        QVERIFY2(std::abs(mean[0] + 5) < 0.5 && std::abs(mean[1] + 3) < 0.5,
                 qPrintable(QStringLiteral("%1, %2").arg(mean[0]).arg(mean[1])));
        const cv::Mat carried = warpByFlow(previous, backward);
        cv::Mat difference;
        cv::absdiff(carried(inside), current(inside), difference);
        const cv::Scalar error = cv::mean(difference);
        QVERIFY2(error[0] + error[1] + error[2] < 3 * 4.0,
                 qPrintable(QStringLiteral("%1").arg(error[0])));
    }

    void uncoveredPixelsAreFlagged() {
        const cv::Mat previous = textured();
        const cv::Mat current = moved(previous, 6, 0);
        const cv::Mat backward = opticalFlow(current, previous);
        const cv::Mat forward = opticalFlow(previous, current);
        const cv::Mat mask = consistencyMask(backward, forward);
        QCOMPARE(mask.type(), CV_32F);
        // The left strip shows what was outside the previous frame: not to be trusted.
        QVERIFY2(cv::mean(mask(cv::Rect(0, 10, 3, 76)))[0] < 0.2,
                 qPrintable(QString::number(cv::mean(mask(cv::Rect(0, 10, 3, 76)))[0])));
        // Most of the inside is.
        QVERIFY2(cv::mean(mask(cv::Rect(24, 16, 80, 64)))[0] > 0.9,
                 qPrintable(QString::number(cv::mean(mask(cv::Rect(24, 16, 80, 64)))[0])));
    }

    void aStillFrameIsCarriedUnchanged() {
        const cv::Mat frame = textured();
        const cv::Mat flow = opticalFlow(frame, frame);
        const double largest = cv::norm(flow, cv::NORM_INF);
        QVERIFY2(largest < 0.5, qPrintable(QString::number(largest)));
        const cv::Mat zero = cv::Mat::zeros(frame.size(), CV_32FC2);
        QCOMPARE(cv::norm(warpByFlow(frame, zero), frame, cv::NORM_INF), 0.0);
        QCOMPARE(cv::countNonZero(consistencyMask(zero, zero)), frame.rows * frame.cols);
    }
};

QTEST_GUILESS_MAIN(TestFrameMotion)
#include "tst_framemotion.moc"
