#pragma once

#include <QObject>

class QAbstractScrollArea;
class QWidget;

namespace deepart {

// Keeps the mouse wheel for scrolling in a scrolled panel of controls: a spin box, slider or
// combo box there takes the wheel only once it has keyboard focus (clicked or tabbed into).
// Otherwise the wheel scrolls the panel, as users expect, instead of silently changing whatever
// value passes under the pointer. Watches the application's events, so controls added later
// (a new style card) are covered too. GUI thread only.
class WheelGuard : public QObject {
    Q_OBJECT
public:
    explicit WheelGuard(QAbstractScrollArea* area);
    ~WheelGuard() override;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    // The value control `widget` is or belongs to (a spin box's line edit), inside the area.
    QWidget* guardedControl(QObject* watched) const;
    void keepFromWheelFocus(QWidget* widget) const;

    QAbstractScrollArea* area_;
};

} // namespace deepart
