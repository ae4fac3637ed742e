#pragma once

#include "Spelling.h"

#include <QString>
#include <QStringList>

#include <array>
#include <string>
#include <vector>

// Reading flag values for deepart-cli: each checks the text and, on anything else, throws
// UsageError with a message naming the flag and what it expects. Any thread.
namespace deepart::cli {

// Its message has no "deepart-cli: " yet: a batch job reports it as its own failure.
struct UsageError {
    std::string message;
};

[[noreturn]] void usageError(const QString& text);

// A number in [min, max] (or (min, max] when `minExclusive`).
double toDouble(const QString& name, const QString& text, double min, double max,
                bool minExclusive);
int toInt(const QString& name, const QString& text, int min, int max);
// Comma-separated lists.
std::vector<double> toDoubleList(const QString& name, const QString& text, double min,
                                 bool minExclusive);
std::vector<int> toIntList(const QString& name, const QString& text, int min, int max);

// The value `value` spells in `table`: the enum's own (Spelling.h), so that the command line and
// settings files agree.
template <typename E, std::size_t N>
E toChoice(const QString& name, const QString& value, const std::array<Spelling<E>, N>& table) {
    QStringList allowed;
    for (const Spelling<E>& s : table) {
        if (value == QLatin1String(s.name))
            return s.value;
        allowed << QLatin1String(s.name);
    }
    usageError(QStringLiteral("--%1: '%2' is not valid; allowed: %3")
                   .arg(name, value, allowed.join(QStringLiteral(", "))));
}

// "1 style", "2 styles".
QString counted(qsizetype n, const char* noun);

} // namespace deepart::cli
