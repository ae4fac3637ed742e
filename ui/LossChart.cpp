#include "LossChart.h"

#include <QChart>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QValueAxis>

#include <cmath>

namespace deepart {

LossChart::LossChart(QWidget* parent)
    : QChartView(parent), total_(new QLineSeries), content_(new QLineSeries),
      style_(new QLineSeries), tv_(new QLineSeries), xAxis_(new QValueAxis),
      yAxis_(new QLogValueAxis) {
    auto* chart = new QChart;
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setMargins(QMargins(4, 4, 4, 4));
    total_->setName(tr("Total"));
    content_->setName(tr("Content"));
    style_->setName(tr("Style"));
    tv_->setName(tr("TV"));
    xAxis_->setTitleText(tr("Iteration"));
    xAxis_->setLabelFormat(QStringLiteral("%d"));
    xAxis_->setRange(0, 10);
    yAxis_->setLabelFormat(QStringLiteral("%.0e"));
    yAxis_->setBase(10.0);
    yAxis_->setRange(1, 10);
    chart->addAxis(xAxis_, Qt::AlignBottom);
    chart->addAxis(yAxis_, Qt::AlignLeft);
    for (auto* series : {total_, content_, style_, tv_}) {
        chart->addSeries(series);
        series->attachAxis(xAxis_);
        series->attachAxis(yAxis_);
    }
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(160);
}

void LossChart::append(QLineSeries* series, int iteration, double value) {
    if (!(value > 0.0) || !std::isfinite(value))
        return;
    series->append(iteration, value);
    low_ = low_ > 0.0 ? std::min(low_, value) : value;
    high_ = std::max(high_, value);
}

void LossChart::addStats(const IterationStats& stats) {
    append(total_, stats.iteration, stats.total);
    append(content_, stats.iteration, stats.content);
    append(style_, stats.iteration, stats.style);
    append(tv_, stats.iteration, stats.tv);
    if (stats.iteration > xAxis_->max())
        xAxis_->setMax(std::max(10.0, xAxis_->max() * 2 > stats.iteration ? xAxis_->max() * 2
                                                                          : stats.iteration));
    if (low_ > 0.0)
        yAxis_->setRange(std::pow(10.0, std::floor(std::log10(low_))),
                         std::pow(10.0, std::ceil(std::log10(high_ * 1.0001))));
}

void LossChart::clear() {
    for (auto* series : {total_, content_, style_, tv_})
        series->clear();
    low_ = high_ = 0.0;
    xAxis_->setRange(0, 10);
}

} // namespace deepart
