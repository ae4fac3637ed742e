#pragma once

#include "JobRequest.h" // IterationStats as a Qt metatype

#include <QChartView>
#include <QMap>

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace deepart {

// The live loss chart: the total and each weighted term (one series per term name) per
// iteration on a logarithmic axis. Non-positive values (the content term of the first step is 0)
// are skipped, as a log axis cannot show them. Long runs are decimated: past kMaxPoints points
// every other point is dropped and only every 2nd (then 4th...) iteration is added, so a run of
// any length costs the same to draw. GUI thread only.
class LossChart : public QChartView {
    Q_OBJECT
public:
    static constexpr int kMaxPoints = 1000;

    explicit LossChart(QWidget* parent = nullptr);

    void addStats(const IterationStats& stats);
    void clear();
    int pointCount() const; // of the total's series
    int stride() const { return stride_; }
    QValueAxis* xAxis() const { return xAxis_; }
    QLogValueAxis* yAxis() const { return yAxis_; }

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QLineSeries* seriesFor(const QString& name);
    void append(QLineSeries* series, int iteration, double value);
    void thin();
    void fitXAxis(double end);
    void fitYAxis();

    QLineSeries* total_;
    QMap<QString, QLineSeries*> terms_;
    QValueAxis* xAxis_;
    QLogValueAxis* yAxis_;
    double low_ = 0.0;
    double high_ = 0.0;
    int stride_ = 1;
    double xEnd_ = 10.0; // the run's length, before rounding to nice numbers
};

} // namespace deepart
