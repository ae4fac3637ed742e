#include "LossChart.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <cmath>

namespace deepart {

namespace {
QString displayName(const QString& term) {
    if (term == QLatin1String("content"))
        return LossChart::tr("Content");
    if (term == QLatin1String("style"))
        return LossChart::tr("Style");
    if (term == QLatin1String("tv"))
        return LossChart::tr("TV");
    return term;
}
} // namespace

LossChart::LossChart(QWidget* parent)
    : QChartView(parent), total_(new QLineSeries), xAxis_(new QValueAxis),
      yAxis_(new QLogValueAxis) {
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    total_->setName(tr("Total"));
    xAxis_->setTitleText(tr("Iteration"));
    xAxis_->setLabelFormat(QStringLiteral("%d"));
    xAxis_->setRange(0, 10);
    yAxis_->setLabelFormat(QStringLiteral("%.0e"));
    yAxis_->setBase(10.0);
    yAxis_->setRange(1, 10);
    chart->addAxis(xAxis_, Qt::AlignBottom);
    chart->addAxis(yAxis_, Qt::AlignLeft);
    chart->addSeries(total_);
    total_->attachAxis(xAxis_);
    total_->attachAxis(yAxis_);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(110); // the preview needs the height more on small screens
    // The usual terms are there from the start, so the legend does not jump at the first point.
    for (const char* name : {"content", "style", "tv"})
        seriesFor(QLatin1String(name));
}

QLineSeries* LossChart::seriesFor(const QString& name) {
    if (auto* series = terms_.value(name))
        return series;
    auto* series = new QLineSeries;
    series->setName(displayName(name));
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
    // The x axis spans the run, so its ticks stay whole numbers and it does not jump.
    const double end = std::max(
        {10.0, static_cast<double>(stats.totalIterations), static_cast<double>(stats.iteration)});
    if (end != xEnd_) {
        xEnd_ = end;
        xAxis_->setRange(0, end);
        xAxis_->applyNiceNumbers(); // ticks at round iterations (0, 10, 20, not 0, 7, 15)
    }
    if (low_ > 0.0)
        yAxis_->setRange(std::pow(10.0, std::floor(std::log10(low_))),
                         std::pow(10.0, std::ceil(std::log10(high_ * 1.0001))));
}

void LossChart::clear() {
    total_->clear();
    for (auto* series : std::as_const(terms_))
        series->clear();
    low_ = high_ = 0.0;
    stride_ = 1;
    xEnd_ = 10.0;
    xAxis_->setRange(0, 10);
}

} // namespace deepart
