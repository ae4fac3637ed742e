#pragma once

#include "JobRequest.h"
#include "Looks.h"
#include "Presets.h"

#include <QSize>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace deepart {

class DeviceSection;
class LossWeightsSection;
class ScheduleSection;
class StartSection;
class WeightControl;

// The run's settings, in sections that each bind to one part of the settings schema: look and
// weights, size and schedule (with the preset), start and snapshots, device. Above them, while a
// run goes, a line says which settings steer it (the loss weights) and which wait for the next
// run. GUI thread only.
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
    void showLook(Look look);
    void setRunActive(bool active);
    QLabel* runHint() const { return runHint_; }
    void setInitImage(const QString& path);
    // The photo's size, for the note on the next run's memory and tiling.
    void setContentSize(QSize size);

    LossWeightsSection* weightsSection() const { return weights_; }
    ScheduleSection* scheduleSection() const { return schedule_; }
    StartSection* startSection() const { return start_; }
    DeviceSection* deviceSection() const { return device_; }
    // The controls tests and the window reach most often.
    WeightControl* contentWeight() const;
    WeightControl* styleWeight() const;
    WeightControl* tvWeight() const;
    QComboBox* lookBox() const;
    QComboBox* colorsBox() const;
    QComboBox* presetBox() const;
    QComboBox* optimizerBox() const;
    QLineEdit* scales() const;
    QLineEdit* iterations() const;
    QSpinBox* size() const;
    QLabel* memoryNote() const;
    QSpinBox* previewInterval() const;
    QSpinBox* saveEvery() const;
    QComboBox* initBox() const;
    QComboBox* precisionBox() const;
    QSpinBox* tileBox() const;

Q_SIGNALS:
    // A loss weight moved: a running job takes it from its next iteration.
    void lossWeightsChanged(const deepart::LossWeights& weights);
    // The user chose a look; the panel has set its colour mode, the window sets the styles'
    // scales.
    void lookChosen(deepart::Look look);
    // The colour mode changed (by the user or a look).
    void colorsChanged();

private:
    void alignSections(); // narrow boxes, one column of labels

    QLabel* runHint_;
    LossWeightsSection* weights_;
    ScheduleSection* schedule_;
    StartSection* start_;
    DeviceSection* device_;
};

} // namespace deepart
