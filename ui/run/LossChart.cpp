#include "LossChart.h"

#include "LossText.h"

#include <QFontMetricsF>
#include <QGraphicsLayout>

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace deepart {

namespace {
// At most this many labels on an axis: more overlap (Qt then elides them all to "…").
constexpr int kMaxLabels = 6;

// The smallest of 1, 2, 5, 10, 20, 50… that cuts [0, end] into at most kMaxLabels steps.
double niceStep(double end) {
    for (double magnitude = 1.0;; magnitude *= 10.0)
        for (double m : {1.0, 2.0, 5.0})
            if (end / (m * magnitude) <= kMaxLabels)
                return m * magnitude;
}

} // namespace

LossChart::LossChart(QWidget* parent)
    : QChartView(parent), total_(new QLineSeries), xAxis_(new QValueAxis),
      yAxis_(new QLogValueAxis) {
    auto* chart = new QChart;
    // The chart lives in a short strip: every pixel of height goes to the plot, or the axis
    // labels have no room and QtCharts elides them to "…". So the legend is one row on top, no
    // axis title (the tooltip says what the axes are), small labels and no frame margins.
    chart->legend()->setAlignment(Qt::AlignTop);
    chart->setMargins(QMargins(2, 0, 2, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    chart->legend()->setFont(small);
    xAxis_->setLabelsFont(small);
    yAxis_->setLabelsFont(small);
    setToolTip(tr("Losses per iteration (log scale)"));
    total_->setName(tr("Total"));
    xAxis_->setLabelFormat(QStringLiteral("%d"));
    // Ticks at whole, round iterations from 0 (0, 10, 20…), the axis ending at the run's end.
    xAxis_->setTickType(QValueAxis::TicksDynamic);
    xAxis_->setTickAnchor(0.0);
    fitXAxis(10.0);
    yAxis_->setLabelFormat(QStringLiteral("%.0e"));
    yAxis_->setBase(10.0);
    yAxis_->setRange(1, 10);
    chart->addAxis(xAxis_, Qt::AlignBottom);
    chart->addAxis(yAxis_, Qt::AlignLeft);
    chart->addSeries(total_);
    total_->attachAxis(xAxis_);
    total_->attachAxis(yAxis_);
    // setChart() releases the view's default chart to the caller, who must delete it (it leaked,
    // found by LeakSanitizer).
    QChart* defaultChart = this->chart();
    setChart(chart);
    delete defaultChart;
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(120); // the preview needs the height more on small screens
    // The usual terms are there from the start, so the legend does not jump at the first point.
    for (const char* name : {"content", "style", "tv"})
        seriesFor(QLatin1String(name));
}

QLineSeries* LossChart::seriesFor(const QString& name) {
    if (auto* series = terms_.value(name))
        return series;
    auto* series = new QLineSeries;
    series->setName(lossTermName(name));
    chart()->addSeries(series);
    series->attachAxis(xAxis_);
    series->attachAxis(yAxis_);
    terms_.insert(name, series);
    return series;
}

int LossChart::pointCount() const {
    return total_->count();
}

void LossChart::append(QLineSeries* series, int iteration, double value) {
    if (!(value > 0.0) || !std::isfinite(value))
        return;
    series->append(iteration, value);
    low_ = low_ > 0.0 ? std::min(low_, value) : value;
    high_ = std::max(high_, value);
}

void LossChart::thin() {
    stride_ *= 2;
    auto keep = [this](QLineSeries* series) {
        QList<QPointF> kept;
        const auto points = series->points();
        for (const QPointF& p : points)
            if (static_cast<int>(p.x()) % stride_ == 0)
                kept.append(p);
        series->replace(kept);
    };
    keep(total_);
    for (auto* series : std::as_const(terms_))
        keep(series);
}

void LossChart::addStats(const IterationStats& stats) {
    const bool last = stats.iteration == stats.totalIterations;
    if (stats.iteration % stride_ != 0 && !last)
        return;
    append(total_, stats.iteration, stats.total);
    for (const auto& term : stats.terms)
        append(seriesFor(QString::fromStdString(term.name)), stats.iteration, term.value);
    if (total_->count() > kMaxPoints)
        thin();
    // The x axis spans the run, so it does not jump.
    const double end = std::max(
        {10.0, static_cast<double>(stats.totalIterations), static_cast<double>(stats.iteration)});
    if (end != xEnd_)
        fitXAxis(end);
    fitYAxis();
}

void LossChart::fitXAxis(double end) {
    xEnd_ = end;
    // Qt lays out the ticks at each change: range and interval change in the order that never
    // asks for more than a few (a 100000-iteration range with the old interval of 2 would ask
    // for 50000 labels and freeze the window).
    const double step = niceStep(end);
    if (step >= xAxis_->tickInterval()) {
        xAxis_->setTickInterval(step);
        xAxis_->setRange(0, end);
    } else {
        xAxis_->setRange(0, end);
        xAxis_->setTickInterval(step);
    }
}

void LossChart::fitYAxis() {
    if (!(low_ > 0.0))
        return;
    // Whole decades; when they are many (a weight raised 1000x mid-run), a label every second or
    // third decade, so that the labels stay readable.
    const int lowDecade = static_cast<int>(std::floor(std::log10(low_)));
    const int highDecade = static_cast<int>(std::ceil(std::log10(high_ * 1.0001)));
    // As many labels as the plot's height holds: QtCharts elides a label that has less height
    // than its text to "…", and in the window's short strip six would all be.
    const double labelHeight = QFontMetricsF(yAxis_->labelsFont()).height() * 1.6;
    const int fitting = static_cast<int>(chart()->plotArea().height() / labelHeight);
    const int maxLabels = std::clamp(fitting, 2, kMaxLabels);
    const int perLabel = std::max(1, (highDecade - lowDecade + maxLabels - 1) / maxLabels);
    const int first = lowDecade - ((lowDecade % perLabel) + perLabel) % perLabel;
    const int last = first + perLabel * ((highDecade - first + perLabel - 1) / perLabel);
    yAxis_->setBase(std::pow(10.0, perLabel));
    yAxis_->setRange(std::pow(10.0, first), std::pow(10.0, std::max(last, first + perLabel)));
}

void LossChart::resizeEvent(QResizeEvent* event) {
    QChartView::resizeEvent(event);
    fitYAxis(); // the plot's new height holds more labels, or fewer
}

void LossChart::clear() {
    total_->clear();
    for (auto* series : std::as_const(terms_))
        series->clear();
    low_ = high_ = 0.0;
    stride_ = 1;
    fitXAxis(10.0);
    yAxis_->setBase(10.0);
    yAxis_->setRange(1, 10);
}

} // namespace deepart
