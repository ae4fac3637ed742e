#pragma once

#include "JobRequest.h"
#include "Looks.h"
#include "Presets.h"

#include <QSize>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSettings;
class QSpinBox;

namespace deepart {

class WeightControl;

// The run's settings: a preset choice above the detailed settings (loss weights on logarithmic
// sliders, output size, scales and iterations, optimizer and its options, preview and snapshot
// intervals, init, pooling, seed, device, precision). The detailed settings show what the preset
// chose and stay editable; the preset then reads "Custom". GUI thread only.
class SettingsPanel : public QWidget {
    Q_OBJECT
public:
    explicit SettingsPanel(QWidget* parent = nullptr);

    // Fills the settings part of `job` (paths are left alone).
    void applyTo(JobRequest& job) const;
    void showSettings(const JobRequest& job);
    LossWeights lossWeights() const;
    // Back to the seed's defaults (Gatys et al. as the original notebook ran it).
    void resetToDefaults();
    Preset preset() const;
    void setPreset(Preset preset);
    void setIterationsPerScale(int iterations);
    // Shows which look the settings match (it depends on the styles' scales, which the window's
    // style strip holds).
    void showLook(Look look);
    // While a run goes, a line says which settings steer it (the loss weights) and which wait
    // for the next run (all others).
    void setRunActive(bool active);
    QLabel* runHint() const { return runHint_; }
    // Start the next runs from this image file ("Start from: Image file…").
    void setInitImage(const QString& path);
    // The photo's size, for the note on the next run's memory and tiling (its aspect sets the
    // output's).
    void setContentSize(QSize size);
    QLabel* memoryNote() const { return memoryNote_; }
    QSpinBox* tileBox() const { return tile_; }

    // Stored as the settings schema's JSON (key "run/settings") plus the preview interval.
    void save(QSettings& settings) const;
    void restore(const QSettings& settings);

    WeightControl* contentWeight() const { return contentWeight_; }
    WeightControl* styleWeight() const { return styleWeight_; }
    WeightControl* tvWeight() const { return tvWeight_; }
    QComboBox* presetBox() const { return preset_; }
    QComboBox* optimizerBox() const { return optimizer_; }
    QLineEdit* scales() const { return scales_; }
    QLineEdit* iterations() const { return iterations_; }
    QSpinBox* size() const { return size_; }
    QSpinBox* saveEvery() const { return saveEvery_; }
    QComboBox* lookBox() const { return look_; }
    QComboBox* colorsBox() const { return colors_; }
    QComboBox* initBox() const { return init_; }
    QComboBox* precisionBox() const { return precision_; }

Q_SIGNALS:
    // A loss weight moved: a running job takes it from its next iteration.
    void lossWeightsChanged(const deepart::LossWeights& weights);
    // The user chose a look; the panel has set its colour mode, the window sets the styles'
    // scales.
    void lookChosen(deepart::Look look);
    // The colour mode changed (by the user or a look).
    void colorsChanged();

private:
    void showRoute(); // optimizer, scales, iterations and their options from route_
    void routeEdited();
    void sizeEdited(int size);
    void readScales(); // accepts the scales text, or leaves route_ as it was
    void initChosen(); // asks for the image when "Image file…" is chosen
    void updateMemoryNote();

    // The preset-controlled part of the settings, as last shown or accepted.
    TransferSettings route_;
    bool updating_ = false;

    QLabel* runHint_;
    QComboBox* preset_;
    QComboBox* look_;
    QComboBox* colors_;
    WeightControl* contentWeight_;
    WeightControl* styleWeight_;
    WeightControl* tvWeight_;
    QSpinBox* size_;
    QLineEdit* scales_;
    QLineEdit* iterations_;
    QComboBox* optimizer_;
    QDoubleSpinBox* learningRate_;
    QDoubleSpinBox* finalLearningRate_;
    QSpinBox* history_;
    QCheckBox* lineSearch_;
    QSpinBox* previewInterval_;
    QSpinBox* saveEvery_;
    QComboBox* init_;
    QString initImagePath_;
    int lastInitIndex_ = 0;
    QDoubleSpinBox* noiseRatio_;
    QComboBox* pooling_;
    QSpinBox* seed_;
    QComboBox* device_;
    QComboBox* precision_;
    QSpinBox* tile_;
    QLabel* memoryNote_;
    QSize contentSize_;
    int tileSize_ = 0; // as last accepted, to step over the sizes below the smallest
};

} // namespace deepart
