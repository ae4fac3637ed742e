#include "SettingsPanel.h"

#include "RunMemoryNote.h"

#include "SettingsJson.h"
#include "WeightControl.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalBlocker>
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

SettingsPanel::SettingsPanel(QWidget* parent)
    : QWidget(parent), runHint_(new QLabel(this)), preset_(new QComboBox(this)),
      look_(new QComboBox(this)), colors_(new QComboBox(this)),
      contentWeight_(new WeightControl(1e-2, 1e8, 2, true, this)),
      styleWeight_(new WeightControl(1e-6, 1e4, 6, true, this)),
      tvWeight_(new WeightControl(1e-3, 1e3, 3, true, this)),
      size_(spinBox(16, kMaxImageSide, this)), scales_(new QLineEdit(this)),
      iterations_(new QLineEdit(this)), optimizer_(new QComboBox(this)),
      learningRate_(rateBox(this)), finalLearningRate_(rateBox(this)),
      history_(spinBox(1, 1000, this)),
      lineSearch_(new QCheckBox(tr("Strong-Wolfe line search"), this)),
      previewInterval_(spinBox(1, 1000, this)), saveEvery_(spinBox(0, 100000, this)),
      init_(new QComboBox(this)), noiseRatio_(new QDoubleSpinBox(this)),
      pooling_(new QComboBox(this)), seed_(spinBox(0, 2147483647, this)),
      device_(new QComboBox(this)), precision_(new QComboBox(this)),
      tile_(spinBox(0, kMaxImageSide, this)), memoryNote_(new QLabel(this)) {
    preset_->addItem(tr("Seed: the paper's notebook"), static_cast<int>(Preset::Seed));
    preset_->addItem(tr("Fast: the seed's loss in 60% of the time"),
                     static_cast<int>(Preset::Fast));
    preset_->addItem(tr("Fine: the seed's time, a lower loss"), static_cast<int>(Preset::Fine));
    preset_->addItem(tr("Print: coarse to fine from 512 px, for large outputs"),
                     static_cast<int>(Preset::Print));
    preset_->addItem(tr("Custom"), static_cast<int>(Preset::Custom));
    preset_->setToolTip(tr("Sets the optimizer, scales and iterations; never the weights, layers "
                           "or pooling, which define the artwork"));
    for (Look look : allLooks()) {
        look_->addItem(tr(displayName(look)), static_cast<int>(look));
        look_->setItemData(look_->count() - 1, tr(describe(look)), Qt::ToolTipRole);
    }
    look_->addItem(tr(displayName(Look::Custom)), static_cast<int>(Look::Custom));
    look_->setItemData(look_->count() - 1, tr(describe(Look::Custom)), Qt::ToolTipRole);
    look_->setToolTip(tr("Ready-made looks: whose colours the artwork keeps and how large the "
                         "painting's brush strokes come out (each style's scale)"));
    const auto addColors = [this](const QString& text, ColorMode mode, const QString& tip) {
        colors_->addItem(text, static_cast<int>(mode));
        colors_->setItemData(colors_->count() - 1, tip, Qt::ToolTipRole);
    };
    addColors(tr("Painting's colours"), ColorMode::None,
              tr("The artwork takes the painting's colours, as in the paper."));
    addColors(tr("Photo's colours (luminance only)"), ColorMode::Luminance,
              tr("Only brightness is transferred: the painting's strokes and textures in the "
                 "photo's own colours (the result's luminance with the photo's chroma, YIQ)."));
    addColors(tr("Photo's palette (colour match)"), ColorMode::Match,
              tr("The painting is first recoloured to the photo's colour mean and covariance, "
                 "then transferred as usual: the photo's palette, the painting's colour "
                 "variety."));
    colors_->setToolTip(
        tr("Painting's colours: as in the paper.\nPhoto's colours: luminance only; the result "
           "keeps the photo's chroma.\nPhoto's palette: the painting's colours mapped to the "
           "photo's first."));
    size_->setSuffix(QStringLiteral(" px"));
    size_->setSingleStep(32);
    // Scales follow the size: typing 2048 must not pass through 2, 20 and 204 on the way.
    size_->setKeyboardTracking(false);
    scales_->setToolTip(tr("Coarse-to-fine sizes in pixels, increasing, the last being the output "
                           "size, e.g. 128, 256, 512. Each scale starts from the previous result "
                           "scaled up."));
    iterations_->setToolTip(
        tr("Iterations at each scale: one number for all, or one per scale, e.g. 300, 200, 100"));
    optimizer_->addItem(tr("Adam"), static_cast<int>(OptimizerKind::Adam));
    optimizer_->addItem(tr("L-BFGS"), static_cast<int>(OptimizerKind::Lbfgs));
    finalLearningRate_->setToolTip(
        tr("Adam's rate at the end of each scale; equal to the learning rate for a constant one"));
    saveEvery_->setSpecialValueText(tr("never"));
    noiseRatio_->setRange(0.0, 1.0);
    noiseRatio_->setSingleStep(0.05);
    init_->addItem(tr("Content image"), static_cast<int>(InitMode::Content));
    init_->addItem(tr("Noise"), static_cast<int>(InitMode::Noise));
    init_->addItem(tr("Blend of content and noise"), static_cast<int>(InitMode::Blend));
    init_->addItem(tr("Image file…"), static_cast<int>(InitMode::Image));
    init_->setToolTip(tr("Where the optimization starts. An image file (resized to the content's "
                         "size) continues from an earlier result; right-click a snapshot in the "
                         "gallery to continue from it at once."));
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
    // Automatic names what it picks on the CPU (a GPU's choice is known once a run starts).
    const ResolvedPrecision cpuAuto = resolvePrecision(Precision::Auto, torch::kCPU);
    const auto addPrecision = [this](const QString& text, Precision precision, const QString& tip) {
        precision_->addItem(text, static_cast<int>(precision));
        precision_->setItemData(precision_->count() - 1, tip, Qt::ToolTipRole);
    };
    addPrecision(cuda ? tr("Automatic")
                      : tr("Automatic: %1").arg(QString::fromStdString(describePrecision(cpuAuto))),
                 Precision::Auto,
                 tr("bf16 on a CPU with AVX512-BF16 or AMX and on a GPU with bf16, fp32 "
                    "elsewhere"));
    addPrecision(tr("fp32 (exact, the seed's)"), Precision::Fp32,
                 tr("The network in full precision: the slowest and the reference"));
    addPrecision(tr("bf16 (network only)"), Precision::Bf16,
                 tr("The network's layers in bfloat16; image, Grams and losses stay fp32"));
    if (cuda) {
        addPrecision(tr("tf32 (GPU tensor cores)"), Precision::Tf32,
                     tr("fp32 storage, TF32 products on Ampere or newer"));
        addPrecision(tr("fp16 (GPU, network only)"), Precision::Fp16,
                     tr("The network's layers in half precision with a scaled gradient"));
    }
    precision_->setToolTip(tr("The arithmetic of VGG-19's layers. The image, the Gram matrices "
                              "and every loss stay fp32 whatever is chosen."));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
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
    form->addRow(runHint_);
    form->addRow(tr("Preset"), preset_);
    form->addRow(tr("Look"), look_);
    form->addRow(tr("Colours"), colors_);
    form->addRow(tr("Content weight α"), contentWeight_);
    form->addRow(tr("Style weight β"), styleWeight_);
    form->addRow(tr("Smoothness (TV) γ"), tvWeight_);
    form->addRow(tr("Output size"), size_);
    memoryNote_->setWordWrap(true);
    memoryNote_->setObjectName(QStringLiteral("memoryNote"));
    form->addRow(memoryNote_);
    form->addRow(tr("Scales"), scales_);
    form->addRow(tr("Iterations"), iterations_);
    form->addRow(tr("Optimizer"), optimizer_);
    form->addRow(tr("Learning rate"), learningRate_);
    form->addRow(tr("Final rate"), finalLearningRate_);
    form->addRow(tr("L-BFGS history"), history_);
    form->addRow(QString(), lineSearch_);
    form->addRow(tr("Preview every"), previewInterval_);
    form->addRow(tr("Snapshot every"), saveEvery_);
    form->addRow(tr("Start from"), init_);
    form->addRow(tr("Noise ratio"), noiseRatio_);
    form->addRow(tr("Pooling"), pooling_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("Precision"), precision_);
    tile_->setSpecialValueText(tr("Automatic"));
    tile_->setSuffix(QStringLiteral(" px"));
    // Snapping 1-63 px (below) while digits are typed would mangle them: a value counts once
    // typed. The arrows step from Automatic to the smallest tile.
    tile_->setKeyboardTracking(false);
    tile_->setSingleStep(kMinTileSize);
    tile_->setToolTip(tr("Evaluate the image in tiles of this size: exact, with memory bounded by "
                         "the tile, so print sizes fit. Automatic: whole when it fits in memory, "
                         "in the largest tiles that fit when not."));
    form->addRow(tr("Tiles"), tile_);
    auto* reset = new QPushButton(tr("Seed defaults"), this);
    reset->setToolTip(tr("Back to the settings of the original paper's notebook"));
    form->addRow(reset);
    connect(reset, &QPushButton::clicked, this, &SettingsPanel::resetToDefaults);
    connect(init_, &QComboBox::currentIndexChanged, this, [this] {
        noiseRatio_->setEnabled(init_->currentData().toInt() == static_cast<int>(InitMode::Blend));
    });
    connect(init_, &QComboBox::activated, this, &SettingsPanel::initChosen);
    for (auto* control : {contentWeight_, styleWeight_, tvWeight_})
        connect(control, &WeightControl::valueChanged, this,
                [this] { Q_EMIT lossWeightsChanged(lossWeights()); });
    connect(look_, &QComboBox::activated, this, [this] {
        const auto look = static_cast<Look>(look_->currentData().toInt());
        if (look == Look::Custom)
            return;
        RunSettings chosen;
        applyLook(chosen, look);
        {
            const QSignalBlocker blocker(colors_);
            colors_->setCurrentIndex(colors_->findData(static_cast<int>(chosen.transfer.colors)));
        }
        Q_EMIT lookChosen(look);
        Q_EMIT colorsChanged();
    });
    connect(colors_, &QComboBox::currentIndexChanged, this, &SettingsPanel::colorsChanged);
    connect(preset_, &QComboBox::activated, this,
            [this] { setPreset(static_cast<Preset>(preset_->currentData().toInt())); });
    connect(size_, &QSpinBox::valueChanged, this, &SettingsPanel::sizeEdited);
    connect(scales_, &QLineEdit::editingFinished, this, &SettingsPanel::routeEdited);
    connect(iterations_, &QLineEdit::editingFinished, this, &SettingsPanel::routeEdited);
    connect(optimizer_, &QComboBox::currentIndexChanged, this, &SettingsPanel::routeEdited);
    for (auto* box : {learningRate_, finalLearningRate_})
        connect(box, &QDoubleSpinBox::valueChanged, this, &SettingsPanel::routeEdited);
    connect(history_, &QSpinBox::valueChanged, this, &SettingsPanel::routeEdited);
    connect(lineSearch_, &QCheckBox::toggled, this, &SettingsPanel::routeEdited);
    connect(precision_, &QComboBox::currentIndexChanged, this, &SettingsPanel::routeEdited);
    connect(tile_, &QSpinBox::valueChanged, this, [this](int size) {
        // 1 to 63 px is no tile size: upwards it becomes the smallest, downwards Automatic.
        if (size > 0 && size < kMinTileSize) {
            tile_->setValue(size > tileSize_ ? kMinTileSize : 0);
            return;
        }
        tileSize_ = size;
        updateMemoryNote();
    });
    resetToDefaults();
}

LossWeights SettingsPanel::lossWeights() const {
    return {contentWeight_->value(), styleWeight_->value(), tvWeight_->value()};
}

Preset SettingsPanel::preset() const {
    return matchingPreset(route_);
}

void SettingsPanel::setPreset(Preset preset) {
    applyPreset(route_, preset);
    showRoute();
}

void SettingsPanel::initChosen() {
    if (init_->currentData().toInt() != static_cast<int>(InitMode::Image)) {
        lastInitIndex_ = init_->currentIndex();
        return;
    }
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Start from an image"), QFileInfo(initImagePath_).absolutePath(),
        tr("Images (*.png *.jpg *.jpeg *.tif *.tiff *.webp *.bmp)"));
    if (path.isEmpty()) {
        init_->setCurrentIndex(lastInitIndex_); // cancelled: as it was
        return;
    }
    setInitImage(path);
}

void SettingsPanel::setInitImage(const QString& path) {
    initImagePath_ = path;
    const int item = init_->findData(static_cast<int>(InitMode::Image));
    init_->setItemText(item, path.isEmpty() ? tr("Image file…")
                                            : tr("Image: %1").arg(QFileInfo(path).fileName()));
    init_->setItemData(item, path, Qt::ToolTipRole);
    if (!path.isEmpty()) {
        init_->setCurrentIndex(item);
        lastInitIndex_ = item;
    }
}

void SettingsPanel::setContentSize(QSize size) {
    contentSize_ = size;
    updateMemoryNote();
}

void SettingsPanel::updateMemoryNote() {
    TransferSettings next = route_;
    next.tileSize = tile_->value();
    memoryNote_->setText(runMemoryNote(next, contentSize_));
}

void SettingsPanel::setRunActive(bool active) {
    runHint_->setVisible(active);
}

void SettingsPanel::showLook(Look look) {
    const QSignalBlocker blocker(look_);
    look_->setCurrentIndex(look_->findData(static_cast<int>(look)));
}

void SettingsPanel::setIterationsPerScale(int iterations) {
    route_.setIterationsPerScale(iterations);
    showRoute();
}

void SettingsPanel::showRoute() {
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
    // A precision this machine's window does not offer (fp16 from a GPU machine's file) shows
    // as automatic and runs as such.
    const int precision = precision_->findData(static_cast<int>(route_.precision));
    if (precision < 0)
        route_.precision = Precision::Auto;
    precision_->setCurrentIndex(precision < 0 ? 0 : precision);
    finalLearningRate_->setEnabled(adam);
    history_->setEnabled(!adam);
    lineSearch_->setEnabled(!adam);
    const Preset matched = matchingPreset(route_);
    preset_->setCurrentIndex(preset_->findData(static_cast<int>(matched)));
    updating_ = false;
    updateMemoryNote();
}

void SettingsPanel::readScales() {
    const auto sizes = numbers(scales_->text());
    const auto counts = numbers(iterations_->text());
    if (!sizes || !counts || (counts->size() != 1 && counts->size() != sizes->size()))
        return;
    for (size_t i = 0; i < sizes->size(); ++i)
        if ((*sizes)[i] < 16 || (*sizes)[i] > size_->maximum() ||
            (i > 0 && (*sizes)[i] <= (*sizes)[i - 1]))
            return;
    std::vector<ScaleStep> scales;
    for (size_t i = 0; i < sizes->size(); ++i)
        scales.push_back({(*sizes)[i], (*counts)[counts->size() == 1 ? 0 : i]});
    route_.scales = scales;
}

void SettingsPanel::routeEdited() {
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
    route_.precision = static_cast<Precision>(precision_->currentData().toInt());
    readScales(); // text that does not parse is put back as it was
    showRoute();
}

void SettingsPanel::sizeEdited(int size) {
    if (updating_)
        return;
    const Preset preset = matchingPreset(route_);
    route_.setOutputSize(size);
    // A preset scales with the output; custom scales keep their proportions.
    applyPreset(route_, preset);
    showRoute();
}

void SettingsPanel::applyTo(JobRequest& job) const {
    auto& t = job.transfer;
    t.lossWeights = lossWeights();
    t.scales = route_.scales;
    t.precision = route_.precision;
    t.optimizer = route_.optimizer;
    t.adam = route_.adam;
    t.lbfgs = route_.lbfgs;
    job.previewInterval = previewInterval_->value();
    t.saveEvery = saveEvery_->value();
    t.init = static_cast<InitMode>(init_->currentData().toInt());
    job.initImagePath = t.init == InitMode::Image ? initImagePath_ : QString();
    t.colors = static_cast<ColorMode>(colors_->currentData().toInt());
    t.noiseRatio = noiseRatio_->value();
    t.pooling = static_cast<Pooling>(pooling_->currentData().toInt());
    t.seed = static_cast<std::uint64_t>(seed_->value());
    t.device = static_cast<DeviceChoice>(device_->currentData().toInt());
    t.tileSize = tile_->value();
}

void SettingsPanel::showSettings(const JobRequest& job) {
    const auto& t = job.transfer;
    contentWeight_->setValue(t.lossWeights.content);
    styleWeight_->setValue(t.lossWeights.style);
    tvWeight_->setValue(t.lossWeights.tv);
    route_ = t;
    // Settings from a file may ask for more than the window allows; what is shown is what runs.
    if (route_.outputSize() > size_->maximum())
        route_.setOutputSize(size_->maximum());
    showRoute();
    previewInterval_->setValue(job.previewInterval);
    saveEvery_->setValue(t.saveEvery);
    // An image start without its file (an exported artwork's settings carry no folders) starts
    // from the content.
    const bool image = t.init == InitMode::Image && !job.initImagePath.isEmpty();
    if (image)
        setInitImage(job.initImagePath);
    else
        init_->setCurrentIndex(
            t.init == InitMode::Image ? 0 : init_->findData(static_cast<int>(t.init)));
    lastInitIndex_ = init_->currentIndex();
    colors_->setCurrentIndex(colors_->findData(static_cast<int>(t.colors)));
    noiseRatio_->setValue(t.noiseRatio);
    pooling_->setCurrentIndex(pooling_->findData(static_cast<int>(t.pooling)));
    seed_->setValue(static_cast<int>(std::min<std::uint64_t>(t.seed, 2147483647)));
    const int device = device_->findData(static_cast<int>(t.device));
    device_->setCurrentIndex(device < 0 ? 0 : device);
    tile_->setValue(t.tileSize);
    noiseRatio_->setEnabled(t.init == InitMode::Blend);
}

void SettingsPanel::resetToDefaults() {
    showSettings(JobRequest{});
}

void SettingsPanel::save(QSettings& settings) const {
    JobRequest job;
    applyTo(job);
    settings.setValue(QStringLiteral("run/settings"),
                      QString::fromUtf8(runSettingsToJsonText(job.runSettings())));
    settings.setValue(QStringLiteral("run/previewInterval"), job.previewInterval);
}

void SettingsPanel::restore(const QSettings& settings) {
    JobRequest job;
    try {
        const RunSettings stored = runSettingsFromJsonText(
            settings.value(QStringLiteral("run/settings")).toString().toUtf8());
        job.transfer = stored.transfer;
        job.initImagePath = QString::fromStdString(stored.initImagePath);
    } catch (const Error&) {
        // Settings of an older or newer version: start from the defaults.
    }
    job.previewInterval =
        settings.value(QStringLiteral("run/previewInterval"), job.previewInterval).toInt();
    showSettings(job);
}

} // namespace deepart
