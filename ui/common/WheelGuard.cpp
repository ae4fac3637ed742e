#include "WheelGuard.h"

#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QScrollBar>

namespace deepart {

namespace {

bool isValueControl(const QWidget* widget) {
    return qobject_cast<const QAbstractSpinBox*>(widget) ||
           qobject_cast<const QAbstractSlider*>(widget) || qobject_cast<const QComboBox*>(widget);
}

} // namespace

WheelGuard::WheelGuard(QAbstractScrollArea* area) : QObject(area), area_(area) {
    qApp->installEventFilter(this);
    // Controls polished before the guard existed (a size hint polishes a whole panel) get no
    // Polish event any more: they are fixed now.
    for (QWidget* widget : area_->viewport()->findChildren<QWidget*>())
        keepFromWheelFocus(widget);
}

void WheelGuard::keepFromWheelFocus(QWidget* widget) const {
    // Qt gives wheel focus before any filter sees the wheel: such controls must not take
    // focus from the wheel at all.
    if (isValueControl(widget) && widget->focusPolicy() == Qt::WheelFocus)
        widget->setFocusPolicy(Qt::StrongFocus);
}

WheelGuard::~WheelGuard() {
    qApp->removeEventFilter(this);
}

QWidget* WheelGuard::guardedControl(QObject* watched) const {
    if (!watched->isWidgetType())
        return nullptr;
    auto* widget = static_cast<QWidget*>(watched);
    // The panel's own scroll bars scroll as they always do.
    if (!area_->viewport()->isAncestorOf(widget))
        return nullptr;
    for (QWidget* w = widget; w && w != area_->viewport(); w = w->parentWidget())
        if (isValueControl(w))
            return w;
    return nullptr;
}

bool WheelGuard::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::Polish) {
        if (QWidget* control = guardedControl(watched); control == watched)
            keepFromWheelFocus(control);
        return false;
    }
    if (event->type() != QEvent::Wheel)
        return false;
    QWidget* control = guardedControl(watched);
    if (!control || control->hasFocus())
        return false;
    QCoreApplication::sendEvent(area_->verticalScrollBar(), event);
    return true;
}

} // namespace deepart
