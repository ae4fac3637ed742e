#include "DeviceSection.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSignalBlocker>
#include <QSpinBox>

#include <thread>
#include <torch/cuda.h>

namespace deepart {

DeviceSection::DeviceSection(QWidget* parent)
    : QGroupBox(tr("Device"), parent), device_(new QComboBox(this)),
      precision_(new QComboBox(this)), tile_(new QSpinBox(this)) {
    const bool cuda = torch::cuda::is_available();
    fillDevices(cuda);
    fillPrecisions(cuda);
    tile_->setRange(0, kMaxImageSide);
    tile_->setSpecialValueText(tr("Automatic"));
    tile_->setSuffix(QStringLiteral(" px"));
    // Snapping 1-63 px (below) while digits are typed would mangle them: a value counts once
    // typed. The arrows step from Automatic to the smallest tile.
    tile_->setKeyboardTracking(false);
    tile_->setSingleStep(kMinTileSize);
    tile_->setToolTip(tr("Evaluate the image in tiles of this size: exact, with memory bounded by "
                         "the tile, so print sizes fit. Automatic: whole when it fits in memory, "
                         "in the largest tiles that fit when not."));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Device"), device_);
    form->addRow(tr("Precision"), precision_);
    form->addRow(tr("Tiles"), tile_);

    connect(precision_, &QComboBox::currentIndexChanged, this, [this] {
        Q_EMIT precisionChosen(static_cast<Precision>(precision_->currentData().toInt()));
    });
    connect(tile_, &QSpinBox::valueChanged, this, &DeviceSection::tileEdited);
}

void DeviceSection::fillDevices(bool cuda) {
    const QString cpuText = tr("CPU (%1 threads)").arg(std::thread::hardware_concurrency());
    device_->addItem(cuda ? tr("Automatic: CUDA GPU") : tr("Automatic: %1").arg(cpuText),
                     static_cast<int>(DeviceChoice::Auto));
    device_->addItem(cpuText, static_cast<int>(DeviceChoice::Cpu));
    if (cuda)
        device_->addItem(tr("CUDA GPU 0 (%1 visible)").arg(torch::cuda::device_count()),
                         static_cast<int>(DeviceChoice::Cuda));
}

void DeviceSection::fillPrecisions(bool cuda) {
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
    // Without a GPU, say before Start that this CPU would emulate bf16 (the run says it too).
    const std::string bf16Warning = resolvePrecision(Precision::Bf16, torch::kCPU).warning;
    if (cuda || bf16Warning.empty())
        addPrecision(tr("bf16 (network only)"), Precision::Bf16,
                     tr("The network's layers in bfloat16; image, Grams and losses stay fp32"));
    else
        addPrecision(tr("bf16 (slow on this CPU)"), Precision::Bf16,
                     tr("The network's layers in bfloat16; image, Grams and losses stay fp32. "
                        "This CPU has no AVX512-BF16 or AMX: bf16 is emulated, many times "
                        "slower than fp32."));
    if (cuda) {
        addPrecision(tr("tf32 (GPU tensor cores)"), Precision::Tf32,
                     tr("fp32 storage, TF32 products on Ampere or newer"));
        addPrecision(tr("fp16 (GPU, network only)"), Precision::Fp16,
                     tr("The network's layers in half precision with a scaled gradient"));
    }
    precision_->setToolTip(tr("The arithmetic of VGG-19's layers. The image, the Gram matrices "
                              "and every loss stay fp32 whatever is chosen."));
}

void DeviceSection::tileEdited(int size) {
    // 1 to 63 px is no tile size: upwards it becomes the smallest, downwards Automatic.
    if (size > 0 && size < kMinTileSize) {
        tile_->setValue(size > tileSize_ ? kMinTileSize : 0);
        return;
    }
    tileSize_ = size;
    Q_EMIT tileSizeChanged(size);
}

Precision DeviceSection::showPrecision(Precision precision) {
    const int item = precision_->findData(static_cast<int>(precision));
    const QSignalBlocker blocker(precision_);
    precision_->setCurrentIndex(item < 0 ? 0 : item);
    return static_cast<Precision>(precision_->currentData().toInt());
}

void DeviceSection::applyTo(TransferSettings& settings) const {
    settings.device = static_cast<DeviceChoice>(device_->currentData().toInt());
    settings.tileSize = tile_->value();
}

void DeviceSection::show(const TransferSettings& settings) {
    const int device = device_->findData(static_cast<int>(settings.device));
    device_->setCurrentIndex(device < 0 ? 0 : device);
    tile_->setValue(settings.tileSize);
}

} // namespace deepart
