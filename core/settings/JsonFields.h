#pragma once

#include "Spelling.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <initializer_list>
#include <string>

// Typed readers of JSON values for the settings schema: each checks type and range and, on
// anything else, throws SettingsError with one line "<dotted.path>: <problem>" showing the value
// as written. Any thread.
namespace deepart::json {

[[noreturn]] void fail(const QString& path, const QString& problem);
QString join(const QString& parent, const QString& key); // "loss" + "tv_weight"
QString itemPath(const QString& array, qsizetype index); // "scales[1]"
QString numberText(const QJsonValue& value);
QString shown(const QJsonValue& value); // the value as the user wrote it, shortened

enum class Range { NonNegative, Positive, ZeroToBelowOne, ZeroToOne };

double numberAt(const QJsonValue& value, const QString& path, Range range);
std::int64_t integerAt(const QJsonValue& value, const QString& path, std::int64_t min,
                       std::int64_t max);
int intAt(const QJsonValue& value, const QString& path, int min, int max);
QString stringAt(const QJsonValue& value, const QString& path);
// An object with only `known` keys: a misspelt key would otherwise leave its setting at the
// default without a word.
QJsonObject objectAt(const QJsonValue& value, const QString& path,
                     std::initializer_list<const char*> known);
QJsonArray nonEmptyArrayAt(const QJsonValue& value, const QString& path, const char* what);
QJsonValue required(const QJsonObject& object, const QString& path, const char* key);

// Readers of optional keys: each leaves `out` alone when the key is absent.
void readNumber(const QJsonObject& object, const QString& path, const char* key, Range range,
                double& out);
void readInt(const QJsonObject& object, const QString& path, const char* key, int min, int max,
             int& out);
void readString(const QJsonObject& object, const QString& path, const char* key, std::string& out);
void readBool(const QJsonObject& object, const QString& path, const char* key, bool& out);

// The value that the JSON string spells in `table` (Spelling.h; the enum's own table, or one for
// a flag such as a line search on or off).
template <typename E, std::size_t N>
E choiceAt(const QJsonValue& value, const QString& path, const std::array<Spelling<E>, N>& table) {
    QStringList allowed;
    for (const Spelling<E>& s : table)
        allowed << QString::fromLatin1(s.name);
    const QString choices = QStringLiteral("; allowed: ") + allowed.join(QStringLiteral(", "));
    if (!value.isString())
        fail(path, shown(value) + QStringLiteral(" is not a string") + choices);
    for (const Spelling<E>& s : table)
        if (value.toString() == QLatin1String(s.name))
            return s.value;
    fail(path, shown(value) + QStringLiteral(" is not valid") + choices);
}

template <typename E, std::size_t N>
void readChoice(const QJsonObject& object, const QString& path, const char* key,
                const std::array<Spelling<E>, N>& table, E& out) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isUndefined())
        out = choiceAt(value, join(path, QLatin1String(key)), table);
}

} // namespace deepart::json
