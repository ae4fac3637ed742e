#include "ErrorLine.h"

namespace deepart {

ErrorLine::ErrorLine(QWidget* parent) : QLabel(parent) {
    setWordWrap(true);
    setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold"));
    hide();
}

void ErrorLine::showError(const QString& message) {
    setText(message);
    show();
    aboutInputs_ = false;
}

void ErrorLine::showInputError(const QString& message) {
    showError(message);
    aboutInputs_ = true;
}

void ErrorLine::inputsChanged() {
    if (aboutInputs_)
        clearError();
}

void ErrorLine::clearError() {
    hide();
    aboutInputs_ = false;
}

} // namespace deepart
