#pragma once

#include "Looks.h"
#include "TransferSettings.h"

#include <QGroupBox>

class QComboBox;

namespace deepart {

class WeightControl;

// Settings ▸ Look and weights: what defines the artwork. A ready-made look, whose colours the
// artwork keeps, the loss weights α, β, γ on logarithmic sliders, and VGG-19's pooling. Binds to
// TransferSettings' lossWeights, colors and pooling. GUI thread only.
class LossWeightsSection : public QGroupBox {
    Q_OBJECT
public:
    explicit LossWeightsSection(QWidget* parent = nullptr);

    void applyTo(TransferSettings& settings) const;
    void show(const TransferSettings& settings);
    LossWeights lossWeights() const;
    // Shows which look the settings match (it depends on the styles' scales, which the window's
    // style strip holds).
    void showLook(Look look);

    WeightControl* contentWeight() const { return contentWeight_; }
    WeightControl* styleWeight() const { return styleWeight_; }
    WeightControl* tvWeight() const { return tvWeight_; }
    QComboBox* lookBox() const { return look_; }
    QComboBox* colorsBox() const { return colors_; }
    QComboBox* poolingBox() const { return pooling_; }

Q_SIGNALS:
    // A loss weight moved: a running job takes it from its next iteration.
    void lossWeightsChanged(const deepart::LossWeights& weights);
    // The user chose a look; the section has set its colour mode, the window sets the styles'
    // scales.
    void lookChosen(deepart::Look look);
    // The colour mode changed (by the user or a look).
    void colorsChanged();

private:
    void fillColors();
    void lookActivated();

    QComboBox* look_;
    QComboBox* colors_;
    WeightControl* contentWeight_;
    WeightControl* styleWeight_;
    WeightControl* tvWeight_;
    QComboBox* pooling_;
};

} // namespace deepart
