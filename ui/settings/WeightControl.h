#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QSlider;

namespace deepart {

// A slider with a numeric box for one positive number. Logarithmic when the range spans decades
// (loss weights), so each slider step is the same ratio. GUI thread only.
class WeightControl : public QWidget {
    Q_OBJECT
public:
    WeightControl(double minimum, double maximum, int decimals, bool logarithmic,
                  QWidget* parent = nullptr);

    double value() const;
    void setValue(double value);
    QSlider* slider() const { return slider_; }
    QDoubleSpinBox* spinBox() const { return spin_; }

Q_SIGNALS:
    void valueChanged(double value);

private:
    int toSlider(double value) const;
    double fromSlider(int position) const;

    double minimum_;
    double maximum_;
    bool logarithmic_;
    QSlider* slider_;
    QDoubleSpinBox* spin_;
};

} // namespace deepart
