#pragma once

#include "TransferSettings.h"

#include <QChartView>

class QLineSeries;
class QLogValueAxis;
class QValueAxis;

namespace deepart {

// The live loss chart: total, content, style and TV (the weighted terms) per iteration on a
// logarithmic axis. Non-positive values (the content term of the first step is 0) are skipped,
// as a log axis cannot show them. GUI thread only.
class LossChart : public QChartView {
    Q_OBJECT
public:
    explicit LossChart(QWidget* parent = nullptr);

    void addStats(const IterationStats& stats);
    void clear();

private:
    void append(QLineSeries* series, int iteration, double value);

    QLineSeries* total_;
    QLineSeries* content_;
    QLineSeries* style_;
    QLineSeries* tv_;
    QValueAxis* xAxis_;
    QLogValueAxis* yAxis_;
    double low_ = 0.0;
    double high_ = 0.0;
};

} // namespace deepart
