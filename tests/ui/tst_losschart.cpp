#include "LossChart.h"

#include <QtTest>

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
