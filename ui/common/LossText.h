#pragma once

#include <QString>

namespace deepart {

// A loss or a loss weight as the window shows it: three significant digits ("1.23e+04").
inline QString formatLoss(double value) {
    return QString::number(value, 'g', 3);
}

} // namespace deepart
