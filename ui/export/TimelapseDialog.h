#pragma once

#include "TimelapseWriter.h"

#include <QDialog>

class QCheckBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;

namespace deepart {

// Asks how to export a run's time-lapse: the file (.mp4, .webm, .webp or .avi), frame rate, how
// long the first and last frames stay, and whether the photo is shown beside the result. GUI thread
// only.
class TimelapseDialog : public QDialog {
    Q_OBJECT
public:
    TimelapseDialog(const QString& suggestedPath, int frameCount, QWidget* parent = nullptr);

    QString path() const;
    // The options; the content image is the caller's to add when sideBySide() is set.
    TimelapseOptions options() const;
    bool sideBySide() const;

private:
    void browse();
    void updateLength();

    int frameCount_;
    QLineEdit* path_;
    QDoubleSpinBox* fps_;
    QDoubleSpinBox* holdFirst_;
    QDoubleSpinBox* holdLast_;
    QCheckBox* sideBySide_;
    QLabel* length_;
};

} // namespace deepart
