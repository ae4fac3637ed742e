#include "PrintSizeDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace deepart {

namespace {
constexpr double kCentimetresPerInch = 2.54;
} // namespace

PrintSizeDialog::PrintSizeDialog(QSize pixels, const ImageWriteOptions& initial, QWidget* parent)
    : QDialog(parent), pixels_(pixels), bitDepth_(new QComboBox(this)), dpi_(new QSpinBox(this)),
      width_(new QDoubleSpinBox(this)), unit_(new QComboBox(this)), summary_(new QLabel(this)) {
    setWindowTitle(tr("Print size"));
    bitDepth_->addItem(tr("16 bits a channel (smooth gradients for print)"), 16);
    bitDepth_->addItem(tr("8 bits a channel (smaller file)"), 8);
    bitDepth_->setCurrentIndex(initial.bitDepth == 8 ? 1 : 0);
    dpi_->setRange(0, 9600);
    dpi_->setSpecialValueText(tr("not recorded"));
    dpi_->setSuffix(tr(" dpi"));
    dpi_->setValue(static_cast<int>(std::lround(initial.dpi)));
    dpi_->setToolTip(tr("Dots per inch recorded in the file: layout programs and print shops "
                        "read the printed size from it. 300 is the usual print quality."));
    unit_->addItem(tr("cm"));
    unit_->addItem(tr("in"));
    width_->setRange(0.0, 100000.0);
    width_->setDecimals(2);
    width_->setToolTip(tr("The printed width; the resolution follows from it."));

    auto* widthRow = new QHBoxLayout;
    widthRow->addWidget(width_, 1);
    widthRow->addWidget(unit_);
    auto* form = new QFormLayout;
    form->addRow(tr("Pixels"),
                 new QLabel(tr("%1 × %2 px").arg(pixels.width()).arg(pixels.height()), this));
    form->addRow(tr("Bit depth"), bitDepth_);
    form->addRow(tr("Resolution"), dpi_);
    form->addRow(tr("Printed width"), widthRow);
    summary_->setWordWrap(true);
    form->addRow(summary_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(dpi_, &QSpinBox::valueChanged, this, &PrintSizeDialog::dpiEdited);
    connect(width_, &QDoubleSpinBox::valueChanged, this, &PrintSizeDialog::widthEdited);
    connect(unit_, &QComboBox::currentIndexChanged, this, &PrintSizeDialog::dpiEdited);
    dpiEdited();
}

ImageWriteOptions PrintSizeDialog::options() const {
    ImageWriteOptions options;
    options.bitDepth = bitDepth_->currentData().toInt();
    options.dpi = dpi_->value();
    return options;
}

double PrintSizeDialog::inchesPerUnit() const {
    return unit_->currentIndex() == 0 ? 1.0 / kCentimetresPerInch : 1.0;
}

void PrintSizeDialog::dpiEdited() {
    if (updating_)
        return;
    updating_ = true;
    const int dpi = dpi_->value();
    width_->setValue(dpi > 0 ? pixels_.width() / static_cast<double>(dpi) / inchesPerUnit() : 0.0);
    showSummary();
    updating_ = false;
}

void PrintSizeDialog::widthEdited() {
    if (updating_)
        return;
    const double inches = width_->value() * inchesPerUnit();
    if (inches <= 0.0)
        return;
    updating_ = true;
    dpi_->setValue(static_cast<int>(std::lround(pixels_.width() / inches)));
    updating_ = false;
    showSummary();
}

void PrintSizeDialog::showSummary() {
    const int dpi = dpi_->value();
    if (dpi <= 0) {
        summary_->setText(tr("No resolution is recorded: programs assume their own (often 72 "
                             "or 96 dpi)."));
        return;
    }
    const double inchesWide = pixels_.width() / static_cast<double>(dpi);
    const double inchesHigh = pixels_.height() / static_cast<double>(dpi);
    summary_->setText(tr("Prints at %1 × %2 cm (%3 × %4 in).")
                          .arg(inchesWide * kCentimetresPerInch, 0, 'f', 1)
                          .arg(inchesHigh * kCentimetresPerInch, 0, 'f', 1)
                          .arg(inchesWide, 0, 'f', 2)
                          .arg(inchesHigh, 0, 'f', 2));
}

} // namespace deepart
