#include "WeightControl.h"

#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace deepart {

namespace {
constexpr int kSteps = 1000;
}

WeightControl::WeightControl(double minimum, double maximum, int decimals, bool logarithmic,
                             QWidget* parent)
    : QWidget(parent), minimum_(minimum), maximum_(maximum), logarithmic_(logarithmic),
      slider_(new QSlider(Qt::Horizontal, this)), spin_(new QDoubleSpinBox(this)) {
    slider_->setRange(0, kSteps);
    spin_->setRange(minimum, maximum);
    spin_->setDecimals(decimals);
    spin_->setMinimumWidth(100);
    spin_->setKeyboardTracking(false);
    if (logarithmic)
        spin_->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(slider_, 1);
    layout->addWidget(spin_);
    connect(slider_, &QSlider::valueChanged, this, [this](int position) {
        const QSignalBlocker block(spin_);
        spin_->setValue(fromSlider(position));
        Q_EMIT valueChanged(spin_->value());
    });
    connect(spin_, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        const QSignalBlocker block(slider_);
        slider_->setValue(toSlider(v));
        Q_EMIT valueChanged(v);
    });
}

double WeightControl::value() const {
    return spin_->value();
}

void WeightControl::setValue(double value) {
    spin_->setValue(value);
}

int WeightControl::toSlider(double value) const {
    double t;
    if (logarithmic_) {
        const double low = std::log10(std::max(minimum_, 1e-12));
        t = (std::log10(std::max(value, minimum_)) - low) / (std::log10(maximum_) - low);
    } else {
        t = (value - minimum_) / (maximum_ - minimum_);
    }
    return static_cast<int>(std::lround(std::clamp(t, 0.0, 1.0) * kSteps));
}

double WeightControl::fromSlider(int position) const {
    const double t = static_cast<double>(position) / kSteps;
    if (!logarithmic_)
        return minimum_ + t * (maximum_ - minimum_);
    const double low = std::log10(std::max(minimum_, 1e-12));
    return std::pow(10.0, low + t * (std::log10(maximum_) - low));
}

} // namespace deepart
