#pragma once

#include "JobRequest.h"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QSettings;
class QSpinBox;

namespace deepart {

class WeightControl;

// The run's settings: loss weights (logarithmic sliders), iterations, output size, learning
// rate, preview and snapshot intervals, init, pooling, seed and device. GUI thread only.
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

    void save(QSettings& settings) const;
    void restore(const QSettings& settings);

    WeightControl* contentWeight() const { return contentWeight_; }
    WeightControl* styleWeight() const { return styleWeight_; }
    WeightControl* tvWeight() const { return tvWeight_; }
    QSpinBox* iterations() const { return iterations_; }
    QSpinBox* size() const { return size_; }
    QSpinBox* saveEvery() const { return saveEvery_; }

Q_SIGNALS:
    // A loss weight moved: a running job takes it from its next iteration.
    void lossWeightsChanged(const deepart::LossWeights& weights);

private:
    WeightControl* contentWeight_;
    WeightControl* styleWeight_;
    WeightControl* tvWeight_;
    QSpinBox* iterations_;
    QSpinBox* size_;
    QDoubleSpinBox* learningRate_;
    QSpinBox* previewInterval_;
    QSpinBox* saveEvery_;
    QComboBox* init_;
    QDoubleSpinBox* noiseRatio_;
    QComboBox* pooling_;
    QSpinBox* seed_;
    QComboBox* device_;
};

} // namespace deepart
