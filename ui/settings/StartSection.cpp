#include "StartSection.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QSpinBox>

#include <algorithm>
#include <limits>

namespace deepart {

StartSection::StartSection(QWidget* parent)
    : QGroupBox(tr("Start and snapshots"), parent), init_(new QComboBox(this)),
      noiseRatio_(new QDoubleSpinBox(this)), seed_(new QSpinBox(this)),
      previewInterval_(new QSpinBox(this)), saveEvery_(new QSpinBox(this)) {
    init_->addItem(tr("Content image"), static_cast<int>(InitMode::Content));
    init_->addItem(tr("Noise"), static_cast<int>(InitMode::Noise));
    init_->addItem(tr("Blend of content and noise"), static_cast<int>(InitMode::Blend));
    init_->addItem(tr("Image file…"), static_cast<int>(InitMode::Image));
    init_->setToolTip(tr("Where the optimization starts. An image file (resized to the content's "
                         "size) continues from an earlier result; right-click a snapshot in the "
                         "gallery to continue from it at once."));
    noiseRatio_->setRange(0.0, 1.0);
    noiseRatio_->setSingleStep(0.05);
    seed_->setRange(0, std::numeric_limits<int>::max());
    previewInterval_->setRange(1, kMaxPreviewInterval);
    saveEvery_->setRange(0, kMaxSnapshotEvery);
    saveEvery_->setSpecialValueText(tr("never"));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Start from"), init_);
    form->addRow(tr("Noise ratio"), noiseRatio_);
    form->addRow(tr("Seed"), seed_);
    form->addRow(tr("Preview every"), previewInterval_);
    form->addRow(tr("Snapshot every"), saveEvery_);

    connect(init_, &QComboBox::currentIndexChanged, this, [this] {
        noiseRatio_->setEnabled(init_->currentData().toInt() == static_cast<int>(InitMode::Blend));
    });
    connect(init_, &QComboBox::activated, this, &StartSection::initChosen);
}

void StartSection::initChosen() {
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

void StartSection::setInitImage(const QString& path) {
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

void StartSection::applyTo(JobRequest& job) const {
    auto& t = job.transfer;
    t.init = static_cast<InitMode>(init_->currentData().toInt());
    job.initImagePath = t.init == InitMode::Image ? initImagePath_ : QString();
    t.noiseRatio = noiseRatio_->value();
    t.seed = static_cast<std::uint64_t>(seed_->value());
    job.previewInterval = previewInterval_->value();
    t.saveEvery = saveEvery_->value();
}

void StartSection::show(const JobRequest& job) {
    const auto& t = job.transfer;
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
    noiseRatio_->setValue(t.noiseRatio);
    seed_->setValue(static_cast<int>(
        std::min<std::uint64_t>(t.seed, static_cast<std::uint64_t>(seed_->maximum()))));
    noiseRatio_->setEnabled(t.init == InitMode::Blend);
}

} // namespace deepart
