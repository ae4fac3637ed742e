#include "LossChart.h"

#include <QFontMetricsF>
#include <QLogValueAxis>
#include <QValueAxis>
#include <QtTest>

#include <cmath>

using namespace deepart;

// The live chart stays bounded however long the run.
class TestLossChart : public QObject {
    Q_OBJECT
private:
    static IterationStats stats(int iteration, int total) {
        IterationStats s;
        s.iteration = iteration;
        s.totalIterations = total;
        s.total = 1000.0 + total - iteration;
        s.terms = {{"content", 10.0}, {"style", 20.0}, {"tv", 30.0}};
        return s;
    }

private Q_SLOTS:
    void longRunsAreThinned() {
        LossChart chart;
        constexpr int kTotal = 10'000;
        for (int k = 1; k <= kTotal; ++k)
            chart.addStats(stats(k, kTotal));
        QVERIFY2(chart.pointCount() <= LossChart::kMaxPoints + 1,
                 qPrintable(QString::number(chart.pointCount())));
        QVERIFY(chart.pointCount() > LossChart::kMaxPoints / 4);
        QVERIFY(chart.stride() >= kTotal / LossChart::kMaxPoints);
    }

    void xTicksAreWholeRoundIterationsUpToTheRunsEnd() {
        LossChart chart;
        QCOMPARE(chart.xAxis()->max(), 10.0); // before the first point: 0, 2, 4… not 2.5
        QCOMPARE(chart.xAxis()->tickInterval(), 2.0);
        chart.addStats(stats(1, 60));
        QCOMPARE(chart.xAxis()->min(), 0.0);
        QCOMPARE(chart.xAxis()->max(), 60.0); // not rounded up to 80
        QCOMPARE(chart.xAxis()->tickInterval(), 10.0);
        QCOMPARE(chart.xAxis()->tickAnchor(), 0.0);
        chart.addStats(stats(1, 1000));
        QCOMPARE(chart.xAxis()->tickInterval(), 200.0);
        // A long run and back: never more than a handful of ticks on the way (setting the range
        // before the interval asked Qt for five million tick labels: the test froze).
        chart.addStats(stats(1, 10'000'000));
        QCOMPARE(chart.xAxis()->tickInterval(), 2'000'000.0);
        chart.clear();
        QCOMPARE(chart.xAxis()->tickInterval(), 2.0);
    }

    void yLabelsStayFewWhenALossJumps() {
        LossChart chart;
        IterationStats s = stats(1, 60);
        s.total = 3e4;
        s.terms = {{"content", 1.0}, {"style", 2e4}, {"tv", 1e3}};
        chart.addStats(s);
        QCOMPARE(chart.yAxis()->base(), 10.0);
        QCOMPARE(chart.yAxis()->min(), 1.0);
        QCOMPARE(chart.yAxis()->max(), 1e5);
        // The style weight raised 1000x and more: twelve decades would be twelve labels.
        s = stats(2, 60);
        s.total = 5e11;
        s.terms = {{"content", 1.0}, {"style", 5e11}, {"tv", 1e3}};
        chart.addStats(s);
        const double base = chart.yAxis()->base();
        const double decades = std::log10(chart.yAxis()->max() / chart.yAxis()->min());
        QVERIFY(chart.yAxis()->min() <= 1.0 && chart.yAxis()->max() >= 5e11);
        QVERIFY2(decades / std::log10(base) <= 6.0 + 1e-9,
                 qPrintable(QStringLiteral("base %1, %2 decades").arg(base).arg(decades)));
        // Every label is a whole power of the base.
        const double steps = std::log10(chart.yAxis()->min()) / std::log10(base);
        QCOMPARE(steps, std::round(steps));
    }

    // In the window the chart is a short strip: labels beyond what its height holds would each
    // get less height than their text, and QtCharts shows them all as "…".
    void yLabelsFitAShortChart() {
        LossChart chart;
        chart.resize(900, 120);
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        for (int k = 1; k <= 40; ++k) {
            IterationStats s = stats(k, 40);
            s.total = 2e7 - k * 1e5;
            s.terms = {{"content", 3e4}, {"style", 2e7 - k * 1e5}, {"tv", 400.0}};
            chart.addStats(s);
        }
        const double plotHeight = chart.chart()->plotArea().height();
        const double textHeight = QFontMetricsF(chart.yAxis()->labelsFont()).height();
        const double labels = std::log10(chart.yAxis()->max() / chart.yAxis()->min()) /
                                  std::log10(chart.yAxis()->base()) +
                              1.0;
        QVERIFY2(labels * textHeight <= plotHeight,
                 qPrintable(QStringLiteral("%1 labels of %2 px in %3 px")
                                .arg(labels)
                                .arg(textHeight)
                                .arg(plotHeight)));
        QVERIFY(chart.yAxis()->min() <= 400.0 && chart.yAxis()->max() >= 2e7);
        // Taller, it shows every decade again.
        chart.resize(900, 400);
        QTRY_COMPARE(chart.yAxis()->base(), 10.0);
    }

    void shortRunsKeepEveryPointAndClearResets() {
        LossChart chart;
        for (int k = 1; k <= 50; ++k)
            chart.addStats(stats(k, 50));
        QCOMPARE(chart.pointCount(), 50);
        QCOMPARE(chart.stride(), 1);
        chart.clear();
        QCOMPARE(chart.pointCount(), 0);
    }
};

QTEST_MAIN(TestLossChart)
#include "tst_losschart.moc"
