#pragma once

#include <QLabel>

namespace deepart {

// The window's error line above the preview: red and bold, wrapped, hidden when there is
// nothing to say. A message about the inputs (no photo, no weights) goes once they change; any
// message goes when the next run starts. GUI thread only.
class ErrorLine : public QLabel {
    Q_OBJECT
public:
    explicit ErrorLine(QWidget* parent = nullptr);

    void showError(const QString& message);
    void showInputError(const QString& message);
    void inputsChanged(); // hides a message about the inputs
    void clearError();
    // What is shown, or an empty string.
    QString message() const { return isHidden() ? QString() : text(); }

private:
    bool aboutInputs_ = false;
};

} // namespace deepart
