#pragma once

#include "TransferSettings.h"

#include <QGroupBox>

class QComboBox;
class QSpinBox;

namespace deepart {

// Settings ▸ Device: where the run goes (automatic, the CPU, a CUDA GPU when LibTorch sees one),
// the arithmetic of VGG-19's layers, and the tile size of an exact tiled evaluation. Offers only
// what this machine can do. Binds to TransferSettings' device and tileSize; the precision is
// chosen here and kept with the schedule (ScheduleSection), since presets set it too.
// GUI thread only.
class DeviceSection : public QGroupBox {
    Q_OBJECT
public:
    explicit DeviceSection(QWidget* parent = nullptr);

    void applyTo(TransferSettings& settings) const;
    void show(const TransferSettings& settings);
    // Shows `precision`, or Automatic when this machine's window does not offer it (fp16 from a
    // GPU machine's file); returns what is shown, which is what runs.
    Precision showPrecision(Precision precision);

    QComboBox* deviceBox() const { return device_; }
    QComboBox* precisionBox() const { return precision_; }
    QSpinBox* tileBox() const { return tile_; }

Q_SIGNALS:
    void precisionChosen(deepart::Precision precision);
    void tileSizeChanged(int tileSize); // 0: automatic

private:
    void fillDevices(bool cuda);
    void fillPrecisions(bool cuda);
    void tileEdited(int size);

    QComboBox* device_;
    QComboBox* precision_;
    QSpinBox* tile_;
    int tileSize_ = 0; // as last accepted, to step over the sizes below the smallest
};

} // namespace deepart
