#include "SettingsPanel.h"

#include "DeviceSection.h"
#include "LossWeightsSection.h"
#include "ScheduleSection.h"
#include "StartSection.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace deepart {

SettingsPanel::SettingsPanel(QWidget* parent)
    : QWidget(parent), runHint_(new QLabel(this)), weights_(new LossWeightsSection(this)),
      schedule_(new ScheduleSection(this)), start_(new StartSection(this)),
      device_(new DeviceSection(this)) {
    runHint_->setText(tr("A run is going: α, β and γ steer it now; the other settings apply to "
                         "the next run."));
    runHint_->setWordWrap(true);
    runHint_->setStyleSheet(QStringLiteral("color: palette(highlight); font-style: italic"));
    // Hidden, it keeps its place: the controls below must not jump when a run starts or ends
    // (a click aimed at one would land on another).
    QSizePolicy hintPolicy = runHint_->sizePolicy();
    hintPolicy.setRetainSizeWhenHidden(true);
    runHint_->setSizePolicy(hintPolicy);
    runHint_->hide();
    auto* reset = new QPushButton(tr("Seed defaults"), this);
    reset->setToolTip(tr("Back to the settings of the original paper's notebook"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(runHint_);
    layout->addWidget(weights_);
    layout->addWidget(schedule_);
    layout->addWidget(start_);
    layout->addWidget(device_);
    layout->addWidget(reset, 0, Qt::AlignLeft);

    connect(reset, &QPushButton::clicked, this, &SettingsPanel::resetToDefaults);
    connect(weights_, &LossWeightsSection::lossWeightsChanged, this,
            &SettingsPanel::lossWeightsChanged);
    connect(weights_, &LossWeightsSection::lookChosen, this, &SettingsPanel::lookChosen);
    connect(weights_, &LossWeightsSection::colorsChanged, this, &SettingsPanel::colorsChanged);
    // The precision is chosen in the device section and kept with the schedule (presets set
    // it): each tells the other.
    connect(device_, &DeviceSection::precisionChosen, schedule_, &ScheduleSection::setPrecision);
    connect(schedule_, &ScheduleSection::shown, this, [this](const TransferSettings& route) {
        const Precision shown = device_->showPrecision(route.precision);
        if (shown != route.precision)
            schedule_->setPrecision(shown);
    });
    connect(device_, &DeviceSection::tileSizeChanged, schedule_, &ScheduleSection::setTileSize);
    alignSections();
    resetToDefaults();
}

void SettingsPanel::alignSections() {
    // A choice's long text ("Print: coarse to fine from 512 px, for large outputs") is elided in
    // the closed box and read in full in its list: the column stays narrow enough for a 1024 px
    // screen with the queue's dock open.
    for (auto* box : findChildren<QComboBox*>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(16);
    }
    // One column of labels across the sections, as in one form.
    QList<QWidget*> labels;
    int widest = 0;
    for (auto* form : findChildren<QFormLayout*>())
        for (int row = 0; row < form->rowCount(); ++row)
            if (QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
                item && item->widget()) {
                labels << item->widget();
                widest = std::max(widest, item->widget()->sizeHint().width());
            }
    for (QWidget* label : labels)
        label->setMinimumWidth(widest);
}

LossWeights SettingsPanel::lossWeights() const {
    return weights_->lossWeights();
}

Preset SettingsPanel::preset() const {
    return schedule_->preset();
}

void SettingsPanel::setPreset(Preset preset) {
    schedule_->setPreset(preset);
}

void SettingsPanel::setIterationsPerScale(int iterations) {
    schedule_->setIterationsPerScale(iterations);
}

void SettingsPanel::showLook(Look look) {
    weights_->showLook(look);
}

void SettingsPanel::setRunActive(bool active) {
    runHint_->setVisible(active);
}

void SettingsPanel::setInitImage(const QString& path) {
    start_->setInitImage(path);
}

void SettingsPanel::setContentSize(QSize size) {
    schedule_->setContentSize(size);
}

void SettingsPanel::applyTo(JobRequest& job) const {
    weights_->applyTo(job.transfer);
    schedule_->applyTo(job.transfer);
    start_->applyTo(job);
    device_->applyTo(job.transfer);
}

void SettingsPanel::showSettings(const JobRequest& job) {
    weights_->show(job.transfer);
    schedule_->show(job.transfer);
    start_->show(job);
    device_->show(job.transfer);
}

void SettingsPanel::resetToDefaults() {
    showSettings(JobRequest{});
}

WeightControl* SettingsPanel::contentWeight() const {
    return weights_->contentWeight();
}
WeightControl* SettingsPanel::styleWeight() const {
    return weights_->styleWeight();
}
WeightControl* SettingsPanel::tvWeight() const {
    return weights_->tvWeight();
}
QComboBox* SettingsPanel::lookBox() const {
    return weights_->lookBox();
}
QComboBox* SettingsPanel::colorsBox() const {
    return weights_->colorsBox();
}
QComboBox* SettingsPanel::presetBox() const {
    return schedule_->presetBox();
}
QComboBox* SettingsPanel::optimizerBox() const {
    return schedule_->optimizerBox();
}
QLineEdit* SettingsPanel::scales() const {
    return schedule_->scales();
}
QLineEdit* SettingsPanel::iterations() const {
    return schedule_->iterations();
}
QSpinBox* SettingsPanel::size() const {
    return schedule_->size();
}
QLabel* SettingsPanel::memoryNote() const {
    return schedule_->memoryNote();
}
QSpinBox* SettingsPanel::previewInterval() const {
    return start_->previewInterval();
}
QSpinBox* SettingsPanel::saveEvery() const {
    return start_->saveEvery();
}
QComboBox* SettingsPanel::initBox() const {
    return start_->initBox();
}
QComboBox* SettingsPanel::precisionBox() const {
    return device_->precisionBox();
}
QSpinBox* SettingsPanel::tileBox() const {
    return device_->tileBox();
}

} // namespace deepart
