#pragma once

#include "JobRequest.h"

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

namespace deepart {

// Settings ▸ Start and snapshots: where the optimization starts (the photo, noise, a blend, or an
// image file such as an earlier result), the noise's seed, and how often a preview and a
// snapshot come. Binds to TransferSettings' init, noiseRatio, seed and saveEvery, and the job's
// init image and preview interval. GUI thread only.
class StartSection : public QGroupBox {
    Q_OBJECT
public:
    explicit StartSection(QWidget* parent = nullptr);

    void applyTo(JobRequest& job) const;
    void show(const JobRequest& job);
    // Start the next runs from this image file ("Start from: Image file…").
    void setInitImage(const QString& path);

    QComboBox* initBox() const { return init_; }
    QSpinBox* previewInterval() const { return previewInterval_; }
    QSpinBox* saveEvery() const { return saveEvery_; }

private:
    void initChosen(); // asks for the image when "Image file…" is chosen

    QComboBox* init_;
    QString initImagePath_;
    int lastInitIndex_ = 0;
    QDoubleSpinBox* noiseRatio_;
    QSpinBox* seed_;
    QSpinBox* previewInterval_;
    QSpinBox* saveEvery_;
};

} // namespace deepart
