#include "CliValues.h"

#include <cmath>
#include <limits>

namespace deepart::cli {

[[noreturn]] void usageError(const QString& text) {
    throw UsageError{text.toStdString()};
}

double toDouble(const QString& name, const QString& text, double min, double max,
                bool minExclusive) {
    bool ok = false;
    const double value = text.toDouble(&ok);
    const bool belowMin = minExclusive ? !(value > min) : !(value >= min);
    if (!ok || !std::isfinite(value) || belowMin || value > max)
        usageError(QStringLiteral("--%1: '%2' is not valid; expected a number %3 %4%5")
                       .arg(name, text, minExclusive ? ">" : ">=")
                       .arg(min)
                       .arg(max < std::numeric_limits<double>::max()
                                ? QStringLiteral(" and <= %1").arg(max)
                                : QString()));
    return value;
}

int toInt(const QString& name, const QString& text, int min, int max) {
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!ok || value < min || value > max)
        usageError(QStringLiteral("--%1: '%2' is not valid; expected a whole number from %3 to %4")
                       .arg(name, text)
                       .arg(min)
                       .arg(max));
    return value;
}

std::vector<double> toDoubleList(const QString& name, const QString& text, double min,
                                 bool minExclusive) {
    std::vector<double> values;
    for (const QString& item : text.split(QLatin1Char(',')))
        values.push_back(
            toDouble(name, item.trimmed(), min, std::numeric_limits<double>::max(), minExclusive));
    return values;
}

std::vector<int> toIntList(const QString& name, const QString& text, int min, int max) {
    std::vector<int> values;
    for (const QString& item : text.split(QLatin1Char(','))) {
        bool ok = false;
        const int value = item.trimmed().toInt(&ok);
        if (!ok || value < min || value > max)
            usageError(QStringLiteral("--%1: '%2' is not valid; expected whole numbers from %3 to "
                                      "%4, separated by commas")
                           .arg(name, text)
                           .arg(min)
                           .arg(max));
        values.push_back(value);
    }
    return values;
}

QString counted(qsizetype n, const char* noun) {
    return QStringLiteral("%1 %2%3").arg(n).arg(QLatin1String(noun)).arg(n == 1 ? "" : "s");
}

} // namespace deepart::cli
