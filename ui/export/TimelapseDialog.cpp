#include "TimelapseDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

#include <cmath>

namespace deepart {

TimelapseDialog::TimelapseDialog(const QString& suggestedPath, int frameCount, QWidget* parent)
    : QDialog(parent), frameCount_(frameCount), path_(new QLineEdit(suggestedPath, this)),
      fps_(new QDoubleSpinBox(this)), holdFirst_(new QDoubleSpinBox(this)),
      holdLast_(new QDoubleSpinBox(this)),
      sideBySide_(new QCheckBox(tr("Photo beside the result"), this)), length_(new QLabel(this)) {
    setWindowTitle(tr("Export time-lapse"));
    const TimelapseOptions defaults;
    fps_->setRange(1.0, 60.0);
    fps_->setValue(defaults.framesPerSecond);
    fps_->setSuffix(tr(" frames/s"));
    for (auto* hold : {holdFirst_, holdLast_}) {
        hold->setRange(0.0, 10.0);
        hold->setSingleStep(0.5);
        hold->setSuffix(tr(" s"));
    }
    holdFirst_->setValue(defaults.holdFirstSeconds);
    holdLast_->setValue(defaults.holdLastSeconds);
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &TimelapseDialog::browse);
    auto* fileRow = new QHBoxLayout;
    fileRow->addWidget(path_, 1);
    fileRow->addWidget(browse);
    path_->setMinimumWidth(320);

    auto* form = new QFormLayout;
    form->addRow(tr("File (.mp4, .webm, .webp, .avi):"), fileRow);
    form->addRow(tr("Frame rate:"), fps_);
    form->addRow(tr("Hold the first frame:"), holdFirst_);
    form->addRow(tr("Hold the result:"), holdLast_);
    form->addRow(QString(), sideBySide_);
    form->addRow(QString(), length_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Export"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
    for (auto* box : {fps_, holdFirst_, holdLast_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &TimelapseDialog::updateLength);
    connect(path_, &QLineEdit::textChanged, this, [buttons](const QString& text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    updateLength();
}

void TimelapseDialog::browse() {
    // Each filter's extension is the one between "(*" and ")": a name typed without one gets it.
    QString filter;
    QString path = QFileDialog::getSaveFileName(
        this, tr("Export time-lapse"), path_->text(),
        tr("H.264 video, plays everywhere (*.mp4);;WebM video, VP9 (*.webm);;"
           "Animated WebP, loops (*.webp);;Motion JPEG video (*.avi)"),
        &filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty()) {
        const qsizetype star = filter.lastIndexOf(QStringLiteral("(*"));
        path += star >= 0 ? filter.mid(star + 2).chopped(1) : QStringLiteral(".mp4");
    }
    path_->setText(path);
}

void TimelapseDialog::updateLength() {
    const double fps = fps_->value();
    const double seconds = frameCount_ / fps + std::round(holdFirst_->value() * fps) / fps +
                           std::round(holdLast_->value() * fps) / fps;
    length_->setText(tr("%n frame(s) from the run: a video of %1 s", nullptr, frameCount_)
                         .arg(seconds, 0, 'f', 1));
}

QString TimelapseDialog::path() const {
    return path_->text().trimmed();
}

TimelapseOptions TimelapseDialog::options() const {
    TimelapseOptions options;
    options.framesPerSecond = fps_->value();
    options.holdFirstSeconds = holdFirst_->value();
    options.holdLastSeconds = holdLast_->value();
    return options;
}

bool TimelapseDialog::sideBySide() const {
    return sideBySide_->isChecked();
}

} // namespace deepart
