#pragma once

#include <QCoreApplication>
#include <QString>

namespace deepart {

// A loss or a loss weight as the window shows it: three significant digits ("1.23e+04").
inline QString formatLoss(double value) {
    return QString::number(value, 'g', 3);
}

// A term of the objective ("content", "tv", …) as the chart's legend and the gallery name it.
inline QString lossTermName(const QString& term) {
    if (term == QLatin1String("content"))
        return QCoreApplication::translate("LossText", "Content");
    if (term == QLatin1String("style"))
        return QCoreApplication::translate("LossText", "Style");
    if (term == QLatin1String("tv"))
        return QCoreApplication::translate("LossText", "TV");
    if (term == QLatin1String("temporal"))
        return QCoreApplication::translate("LossText", "Temporal");
    return term;
}

} // namespace deepart
