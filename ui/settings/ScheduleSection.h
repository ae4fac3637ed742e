#pragma once

#include "Presets.h"
#include "TransferSettings.h"

#include <QGroupBox>
#include <QSize>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace deepart {

// Settings ▸ Size and schedule: a preset above the output size, the coarse-to-fine scales with
// their iterations, the optimizer and its options, and a note on the next run's memory and time.
// Binds to the preset-controlled part of TransferSettings (scales, optimizer, Adam's and
// L-BFGS's options, precision). The details show what the preset chose and stay editable; the
// preset then reads "Custom". Precision is chosen in the device section: it is told here,
// since presets set it too. GUI thread only.
class ScheduleSection : public QGroupBox {
    Q_OBJECT
public:
    explicit ScheduleSection(QWidget* parent = nullptr);

    void applyTo(TransferSettings& settings) const;
    void show(const TransferSettings& settings);
    Preset preset() const;
    void setPreset(Preset preset);
    void setIterationsPerScale(int iterations);
    void setPrecision(Precision precision);
    // What the memory note weighs: the photo's size (its aspect sets the output's) and the tile
    // size chosen (0: automatic).
    void setContentSize(QSize size);
    void setTileSize(int tileSize);

    QComboBox* presetBox() const { return preset_; }
    QComboBox* optimizerBox() const { return optimizer_; }
    QLineEdit* scales() const { return scales_; }
    QLineEdit* iterations() const { return iterations_; }
    QSpinBox* size() const { return size_; }
    QLabel* memoryNote() const { return memoryNote_; }

Q_SIGNALS:
    // The schedule was shown afresh (a preset may have changed the precision).
    void shown(const deepart::TransferSettings& route);

private:
    void showRoute(); // the widgets from route_
    void routeEdited();
    void sizeEdited(int size);
    void readScales(); // accepts the scales text, or leaves route_ as it was
    void updateMemoryNote();

    // The preset-controlled part of the settings, as last shown or accepted.
    TransferSettings route_;
    bool updating_ = false;
    QSize contentSize_;
    int tileSize_ = 0;

    QComboBox* preset_;
    QSpinBox* size_;
    QLabel* memoryNote_;
    QLineEdit* scales_;
    QLineEdit* iterations_;
    QComboBox* optimizer_;
    QDoubleSpinBox* learningRate_;
    QDoubleSpinBox* finalLearningRate_;
    QSpinBox* history_;
    QCheckBox* lineSearch_;
};

} // namespace deepart
