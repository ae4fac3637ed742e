#pragma once

#include "ImageEncoding.h"

#include <QDialog>
#include <QSize>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QSpinBox;

namespace deepart {

// Asked when an artwork is exported as PNG or TIFF: bits a channel (16 keeps the run's smooth
// gradients for print) and the print resolution recorded in the file, as dots per inch or as
// the printed width in centimetres or inches (either sets the other), with the printed size in
// both units. GUI thread only.
class PrintSizeDialog : public QDialog {
    Q_OBJECT
public:
    PrintSizeDialog(QSize pixels, const ImageWriteOptions& initial, QWidget* parent = nullptr);

    ImageWriteOptions options() const;

    QComboBox* bitDepthBox() const { return bitDepth_; }
    QSpinBox* dpiBox() const { return dpi_; }
    QDoubleSpinBox* widthBox() const { return width_; }
    QComboBox* unitBox() const { return unit_; }
    QLabel* summary() const { return summary_; }

private:
    double inchesPerUnit() const;
    void dpiEdited();
    void widthEdited();
    void showSummary();

    QSize pixels_;
    QComboBox* bitDepth_;
    QSpinBox* dpi_;
    QDoubleSpinBox* width_;
    QComboBox* unit_;
    QLabel* summary_;
    bool updating_ = false;
};

} // namespace deepart
