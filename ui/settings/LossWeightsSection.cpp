#include "LossWeightsSection.h"

#include "RunSettings.h"
#include "WeightControl.h"

#include <QComboBox>
#include <QFormLayout>
#include <QSignalBlocker>

namespace deepart {

LossWeightsSection::LossWeightsSection(QWidget* parent)
    : QGroupBox(tr("Look and weights"), parent), look_(new QComboBox(this)),
      colors_(new QComboBox(this)), contentWeight_(new WeightControl(1e-2, 1e8, 2, true, this)),
      styleWeight_(new WeightControl(1e-6, 1e4, 6, true, this)),
      tvWeight_(new WeightControl(1e-3, 1e3, 3, true, this)), pooling_(new QComboBox(this)) {
    for (Look look : allLooks()) {
        look_->addItem(tr(displayName(look)), static_cast<int>(look));
        look_->setItemData(look_->count() - 1, tr(describe(look)), Qt::ToolTipRole);
    }
    look_->addItem(tr(displayName(Look::Custom)), static_cast<int>(Look::Custom));
    look_->setItemData(look_->count() - 1, tr(describe(Look::Custom)), Qt::ToolTipRole);
    look_->setToolTip(tr("Ready-made looks: whose colours the artwork keeps and how large the "
                         "painting's brush strokes come out (each style's scale)"));
    fillColors();
    pooling_->addItem(tr("Max"), static_cast<int>(Pooling::Max));
    pooling_->addItem(tr("Average"), static_cast<int>(Pooling::Average));
    pooling_->setToolTip(tr("VGG-19's pooling: max as in the seed's notebook; average, which "
                            "Gatys et al. found gives slightly more appealing results"));

    auto* form = new QFormLayout(this);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Look"), look_);
    form->addRow(tr("Colours"), colors_);
    form->addRow(tr("Content weight α"), contentWeight_);
    form->addRow(tr("Style weight β"), styleWeight_);
    form->addRow(tr("Smoothness (TV) γ"), tvWeight_);
    form->addRow(tr("Pooling"), pooling_);

    for (auto* control : {contentWeight_, styleWeight_, tvWeight_})
        connect(control, &WeightControl::valueChanged, this,
                [this] { Q_EMIT lossWeightsChanged(lossWeights()); });
    connect(look_, &QComboBox::activated, this, &LossWeightsSection::lookActivated);
    connect(colors_, &QComboBox::currentIndexChanged, this, &LossWeightsSection::colorsChanged);
}

void LossWeightsSection::fillColors() {
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
}

void LossWeightsSection::lookActivated() {
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
}

LossWeights LossWeightsSection::lossWeights() const {
    return {contentWeight_->value(), styleWeight_->value(), tvWeight_->value()};
}

void LossWeightsSection::applyTo(TransferSettings& settings) const {
    settings.lossWeights = lossWeights();
    settings.colors = static_cast<ColorMode>(colors_->currentData().toInt());
    settings.pooling = static_cast<Pooling>(pooling_->currentData().toInt());
}

void LossWeightsSection::show(const TransferSettings& settings) {
    contentWeight_->setValue(settings.lossWeights.content);
    styleWeight_->setValue(settings.lossWeights.style);
    tvWeight_->setValue(settings.lossWeights.tv);
    colors_->setCurrentIndex(colors_->findData(static_cast<int>(settings.colors)));
    pooling_->setCurrentIndex(pooling_->findData(static_cast<int>(settings.pooling)));
}

void LossWeightsSection::showLook(Look look) {
    const QSignalBlocker blocker(look_);
    look_->setCurrentIndex(look_->findData(static_cast<int>(look)));
}

} // namespace deepart
