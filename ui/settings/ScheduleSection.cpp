#include "ScheduleSection.h"

#include "RunMemoryNote.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

#include <optional>

namespace deepart {

namespace {
QDoubleSpinBox* rateBox(QWidget* parent) {
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(0.0001, 10.0);
    box->setDecimals(4);
    box->setSingleStep(0.005);
    return box;
}

// "128, 256, 512" <-> numbers; empty optional on anything else.
std::optional<std::vector<int>> numbers(const QString& text) {
    std::vector<int> values;
    for (const QString& item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        bool ok = false;
        const int value = item.trimmed().toInt(&ok);
        if (!ok || value < 1)
            return std::nullopt;
        values.push_back(value);
    }
    if (values.empty())
        return std::nullopt;
    return values;
}

QString joined(const std::vector<ScaleStep>& scales, bool sizes) {
    QStringList parts;
    for (const auto& s : scales)
        parts << QString::number(sizes ? s.size : s.iterations);
    if (!sizes && parts.size() > 1 && parts.count(parts.first()) == parts.size())
        return parts.first(); // the same count at every scale
    return parts.join(QStringLiteral(", "));
}
} // namespace

ScheduleSection::ScheduleSection(QWidget* parent)
    : QGroupBox(tr("Size and schedule"), parent), preset_(new QComboBox(this)),
      size_(new QSpinBox(this)), memoryNote_(new QLabel(this)), scales_(new QLineEdit(this)),
      iterations_(new QLineEdit(this)), optimizer_(new QComboBox(this)),
      learningRate_(rateBox(this)), finalLearningRate_(rateBox(this)), history_(new QSpinBox(this)),
      lineSearch_(new QCheckBox(tr("Strong-Wolfe line search"), this)) {
    preset_->addItem(tr("Seed: the paper's notebook"), static_cast<int>(Preset::Seed));
    preset_->addItem(tr("Fast: the seed's loss in 60% of the time"),
                     static_cast<int>(Preset::Fast));
    preset_->addItem(tr("Fine: the seed's time, a lower loss"), static_cast<int>(Preset::Fine));
    preset_->addItem(tr("Print: coarse to fine from 512 px, for large outputs"),
                     static_cast<int>(Preset::Print));
    preset_->addItem(tr("Custom"), static_cast<int>(Preset::Custom));
    preset_->setToolTip(tr("Sets the optimizer, scales and iterations; never the weights, layers "
                           "or pooling, which define the artwork"));
    size_->setRange(kMinImageSide, kMaxImageSide);
    size_->setSuffix(QStringLiteral(" px"));
    size_->setSingleStep(32);
    // Scales follow the size: typing 2048 must not pass through 2, 20 and 204 on the way.
    size_->setKeyboardTracking(false);
    memoryNote_->setWordWrap(true);
    memoryNote_->setObjectName(QStringLiteral("memoryNote"));
    scales_->setToolTip(tr("Coarse-to-fine sizes in pixels, increasing, the last being the output "
                           "size, e.g. 128, 256, 512. Each scale starts from the previous result "
                           "scaled up."));
    iterations_->setToolTip(
        tr("Iterations at each scale: one number for all, or one per scale, e.g. 300, 200, 100"));
    optimizer_->addItem(tr("Adam"), static_cast<int>(OptimizerKind::Adam));
    optimizer_->addItem(tr("L-BFGS"), static_cast<int>(OptimizerKind::Lbfgs));
    finalLearningRate_->setToolTip(
        tr("Adam's rate at the end of each scale; equal to the learning rate for a constant one"));
    history_->setRange(1, kMaxHistorySize);

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Preset"), preset_);
    form->addRow(tr("Output size"), size_);
    form->addRow(memoryNote_);
    form->addRow(tr("Scales"), scales_);
    form->addRow(tr("Iterations"), iterations_);
    form->addRow(tr("Optimizer"), optimizer_);
    form->addRow(tr("Learning rate"), learningRate_);
    form->addRow(tr("Final rate"), finalLearningRate_);
    form->addRow(tr("L-BFGS history"), history_);
    form->addRow(QString(), lineSearch_);

    connect(preset_, &QComboBox::activated, this,
            [this] { setPreset(static_cast<Preset>(preset_->currentData().toInt())); });
    connect(size_, &QSpinBox::valueChanged, this, &ScheduleSection::sizeEdited);
    connect(scales_, &QLineEdit::editingFinished, this, &ScheduleSection::routeEdited);
    connect(iterations_, &QLineEdit::editingFinished, this, &ScheduleSection::routeEdited);
    connect(optimizer_, &QComboBox::currentIndexChanged, this, &ScheduleSection::routeEdited);
    for (auto* box : {learningRate_, finalLearningRate_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &ScheduleSection::routeEdited);
    connect(history_, &QSpinBox::valueChanged, this, &ScheduleSection::routeEdited);
    connect(lineSearch_, &QCheckBox::toggled, this, &ScheduleSection::routeEdited);
}

Preset ScheduleSection::preset() const {
    return matchingPreset(route_);
}

void ScheduleSection::setPreset(Preset preset) {
    applyPreset(route_, preset);
    showRoute();
}

void ScheduleSection::setIterationsPerScale(int iterations) {
    route_.setIterationsPerScale(iterations);
    showRoute();
}

void ScheduleSection::setPrecision(Precision precision) {
    if (route_.precision == precision)
        return;
    route_.precision = precision;
    showRoute();
}

void ScheduleSection::setContentSize(QSize size) {
    contentSize_ = size;
    updateMemoryNote();
}

void ScheduleSection::setTileSize(int tileSize) {
    tileSize_ = tileSize;
    updateMemoryNote();
}

void ScheduleSection::updateMemoryNote() {
    TransferSettings next = route_;
    next.tileSize = tileSize_;
    memoryNote_->setText(runMemoryNote(next, contentSize_));
}

void ScheduleSection::showRoute() {
    updating_ = true;
    const bool adam = route_.optimizer == OptimizerKind::Adam;
    size_->setValue(route_.outputSize());
    scales_->setText(joined(route_.scales, true));
    iterations_->setText(joined(route_.scales, false));
    optimizer_->setCurrentIndex(optimizer_->findData(static_cast<int>(route_.optimizer)));
    learningRate_->setValue(adam ? route_.adam.learningRate : route_.lbfgs.learningRate);
    finalLearningRate_->setValue(route_.adam.finalLearningRate);
    history_->setValue(route_.lbfgs.historySize);
    lineSearch_->setChecked(route_.lbfgs.strongWolfe);
    finalLearningRate_->setEnabled(adam);
    history_->setEnabled(!adam);
    lineSearch_->setEnabled(!adam);
    preset_->setCurrentIndex(preset_->findData(static_cast<int>(matchingPreset(route_))));
    updating_ = false;
    updateMemoryNote();
    Q_EMIT shown(route_);
}

void ScheduleSection::readScales() {
    const auto sizes = numbers(scales_->text());
    const auto counts = numbers(iterations_->text());
    if (!sizes || !counts || (counts->size() != 1 && counts->size() != sizes->size()))
        return;
    for (size_t i = 0; i < sizes->size(); ++i)
        if ((*sizes)[i] < kMinImageSide || (*sizes)[i] > kMaxImageSide ||
            (i > 0 && (*sizes)[i] <= (*sizes)[i - 1]))
            return;
    for (int count : *counts)
        if (count > kMaxIterations)
            return;
    std::vector<ScaleStep> scales;
    for (size_t i = 0; i < sizes->size(); ++i)
        scales.push_back({(*sizes)[i], (*counts)[counts->size() == 1 ? 0 : i]});
    route_.scales = scales;
}

void ScheduleSection::routeEdited() {
    if (updating_)
        return;
    const OptimizerKind before = route_.optimizer;
    route_.optimizer = static_cast<OptimizerKind>(optimizer_->currentData().toInt());
    if (route_.optimizer == before) {
        if (route_.optimizer == OptimizerKind::Adam) {
            // As on the command line: a constant rate stays constant when the rate changes.
            const bool constant = route_.adam.finalLearningRate == route_.adam.learningRate;
            const bool rateMoved = learningRate_->value() != route_.adam.learningRate;
            route_.adam.learningRate = learningRate_->value();
            route_.adam.finalLearningRate =
                constant && rateMoved ? learningRate_->value() : finalLearningRate_->value();
        } else {
            route_.lbfgs.learningRate = learningRate_->value();
        }
    }
    route_.lbfgs.historySize = history_->value();
    route_.lbfgs.strongWolfe = lineSearch_->isChecked();
    readScales(); // text that does not parse is put back as it was
    showRoute();
}

void ScheduleSection::sizeEdited(int size) {
    if (updating_)
        return;
    const Preset preset = matchingPreset(route_);
    route_.setOutputSize(size);
    // A preset scales with the output; custom scales keep their proportions.
    applyPreset(route_, preset);
    showRoute();
}

void ScheduleSection::applyTo(TransferSettings& settings) const {
    settings.scales = route_.scales;
    settings.precision = route_.precision;
    settings.optimizer = route_.optimizer;
    settings.adam = route_.adam;
    settings.lbfgs = route_.lbfgs;
}

void ScheduleSection::show(const TransferSettings& settings) {
    route_ = settings;
    // Settings from a file may ask for more than the window allows; what is shown is what runs.
    if (route_.outputSize() > size_->maximum())
        route_.setOutputSize(size_->maximum());
    showRoute();
}

} // namespace deepart
