#include "SettingsPanel.h"

#include "WeightControl.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

#include <thread>
#include <torch/cuda.h>

namespace deepart {

namespace {
QSpinBox* spinBox(int min, int max, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    return box;
}
} // namespace

SettingsPanel::SettingsPanel(QWidget* parent)
    : QWidget(parent), contentWeight_(new WeightControl(1e-2, 1e8, 2, true, this)),
      styleWeight_(new WeightControl(1e-6, 1e4, 6, true, this)),
      tvWeight_(new WeightControl(1e-3, 1e3, 3, true, this)), iterations_(spinBox(1, 100000, this)),
      size_(spinBox(16, 4096, this)), learningRate_(new QDoubleSpinBox(this)),
      previewInterval_(spinBox(1, 1000, this)), saveEvery_(spinBox(0, 100000, this)),
      init_(new QComboBox(this)), noiseRatio_(new QDoubleSpinBox(this)),
      pooling_(new QComboBox(this)), seed_(spinBox(0, 2147483647, this)),
      device_(new QComboBox(this)) {
    size_->setSuffix(QStringLiteral(" px"));
    size_->setSingleStep(32);
    learningRate_->setRange(0.0001, 10.0);
    learningRate_->setDecimals(4);
    learningRate_->setSingleStep(0.005);
    saveEvery_->setSpecialValueText(tr("never"));
    noiseRatio_->setRange(0.0, 1.0);
    noiseRatio_->setSingleStep(0.05);
    init_->addItem(tr("Content image"), static_cast<int>(InitMode::Content));
    init_->addItem(tr("Noise"), static_cast<int>(InitMode::Noise));
    init_->addItem(tr("Blend of content and noise"), static_cast<int>(InitMode::Blend));
    pooling_->addItem(tr("Max"), static_cast<int>(Pooling::Max));
    pooling_->addItem(tr("Average"), static_cast<int>(Pooling::Average));
    const bool cuda = torch::cuda::is_available();
    const QString cpuText = tr("CPU (%1 threads)").arg(std::thread::hardware_concurrency());
    device_->addItem(cuda ? tr("Automatic: CUDA GPU") : tr("Automatic: %1").arg(cpuText),
                     static_cast<int>(DeviceChoice::Auto));
    device_->addItem(cpuText, static_cast<int>(DeviceChoice::Cpu));
    if (cuda)
        device_->addItem(tr("CUDA GPU 0 (%1 visible)").arg(torch::cuda::device_count()),
                         static_cast<int>(DeviceChoice::Cuda));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Content weight α"), contentWeight_);
    form->addRow(tr("Style weight β"), styleWeight_);
    form->addRow(tr("Smoothness (TV) γ"), tvWeight_);
    form->addRow(tr("Iterations"), iterations_);
    form->addRow(tr("Output size"), size_);
    form->addRow(tr("Learning rate"), learningRate_);
    form->addRow(tr("Preview every"), previewInterval_);
    form->addRow(tr("Snapshot every"), saveEvery_);
    form->addRow(tr("Start from"), init_);
    form->addRow(tr("Noise ratio"), noiseRatio_);
    form->addRow(tr("Pooling"), pooling_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Device"), device_);
    auto* reset = new QPushButton(tr("Seed defaults"), this);
    reset->setToolTip(tr("Back to the settings of the original paper's notebook"));
    form->addRow(reset);
    connect(reset, &QPushButton::clicked, this, &SettingsPanel::resetToDefaults);
    connect(init_, &QComboBox::currentIndexChanged, this, [this] {
        noiseRatio_->setEnabled(init_->currentData().toInt() == static_cast<int>(InitMode::Blend));
    });
    for (auto* control : {contentWeight_, styleWeight_, tvWeight_})
        connect(control, &WeightControl::valueChanged, this,
                [this] { Q_EMIT lossWeightsChanged(lossWeights()); });
    resetToDefaults();
}

LossWeights SettingsPanel::lossWeights() const {
    return {contentWeight_->value(), styleWeight_->value(), tvWeight_->value()};
}

void SettingsPanel::applyTo(JobRequest& job) const {
    job.transfer.lossWeights = lossWeights();
    job.transfer.iterations = iterations_->value();
    job.size = size_->value();
    job.transfer.learningRate = learningRate_->value();
    job.previewInterval = previewInterval_->value();
    job.transfer.saveEvery = saveEvery_->value();
    job.transfer.init = static_cast<InitMode>(init_->currentData().toInt());
    job.transfer.noiseRatio = noiseRatio_->value();
    job.transfer.pooling = static_cast<Pooling>(pooling_->currentData().toInt());
    job.transfer.seed = static_cast<std::uint64_t>(seed_->value());
    job.device = static_cast<DeviceChoice>(device_->currentData().toInt());
}

void SettingsPanel::showSettings(const JobRequest& job) {
    contentWeight_->setValue(job.transfer.lossWeights.content);
    styleWeight_->setValue(job.transfer.lossWeights.style);
    tvWeight_->setValue(job.transfer.lossWeights.tv);
    iterations_->setValue(job.transfer.iterations);
    size_->setValue(job.size);
    learningRate_->setValue(job.transfer.learningRate);
    previewInterval_->setValue(job.previewInterval);
    saveEvery_->setValue(job.transfer.saveEvery);
    init_->setCurrentIndex(init_->findData(static_cast<int>(job.transfer.init)));
    noiseRatio_->setValue(job.transfer.noiseRatio);
    pooling_->setCurrentIndex(pooling_->findData(static_cast<int>(job.transfer.pooling)));
    seed_->setValue(static_cast<int>(job.transfer.seed));
    const int device = device_->findData(static_cast<int>(job.device));
    device_->setCurrentIndex(device < 0 ? 0 : device);
    noiseRatio_->setEnabled(job.transfer.init == InitMode::Blend);
}

void SettingsPanel::resetToDefaults() {
    showSettings(JobRequest{});
}

void SettingsPanel::save(QSettings& settings) const {
    JobRequest job;
    applyTo(job);
    settings.beginGroup(QStringLiteral("run"));
    settings.setValue(QStringLiteral("contentWeight"), job.transfer.lossWeights.content);
    settings.setValue(QStringLiteral("styleWeight"), job.transfer.lossWeights.style);
    settings.setValue(QStringLiteral("tvWeight"), job.transfer.lossWeights.tv);
    settings.setValue(QStringLiteral("iterations"), job.transfer.iterations);
    settings.setValue(QStringLiteral("size"), job.size);
    settings.setValue(QStringLiteral("learningRate"), job.transfer.learningRate);
    settings.setValue(QStringLiteral("previewInterval"), job.previewInterval);
    settings.setValue(QStringLiteral("saveEvery"), job.transfer.saveEvery);
    settings.setValue(QStringLiteral("init"), static_cast<int>(job.transfer.init));
    settings.setValue(QStringLiteral("noiseRatio"), job.transfer.noiseRatio);
    settings.setValue(QStringLiteral("pooling"), static_cast<int>(job.transfer.pooling));
    settings.setValue(QStringLiteral("seed"), static_cast<qulonglong>(job.transfer.seed));
    settings.setValue(QStringLiteral("device"), static_cast<int>(job.device));
    settings.endGroup();
}

void SettingsPanel::restore(const QSettings& settings) {
    JobRequest job;
    const auto value = [&](const char* key, const QVariant& fallback) {
        return settings.value(QStringLiteral("run/") + QLatin1String(key), fallback);
    };
    auto& t = job.transfer;
    t.lossWeights.content = value("contentWeight", t.lossWeights.content).toDouble();
    t.lossWeights.style = value("styleWeight", t.lossWeights.style).toDouble();
    t.lossWeights.tv = value("tvWeight", t.lossWeights.tv).toDouble();
    t.iterations = value("iterations", t.iterations).toInt();
    job.size = value("size", job.size).toInt();
    t.learningRate = value("learningRate", t.learningRate).toDouble();
    job.previewInterval = value("previewInterval", job.previewInterval).toInt();
    t.saveEvery = value("saveEvery", t.saveEvery).toInt();
    t.init = static_cast<InitMode>(value("init", static_cast<int>(t.init)).toInt());
    t.noiseRatio = value("noiseRatio", t.noiseRatio).toDouble();
    t.pooling = static_cast<Pooling>(value("pooling", static_cast<int>(t.pooling)).toInt());
    t.seed = value("seed", 0).toULongLong();
    job.device = static_cast<DeviceChoice>(value("device", 0).toInt());
    showSettings(job);
}

} // namespace deepart
