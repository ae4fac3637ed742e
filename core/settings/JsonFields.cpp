#include "JsonFields.h"

#include "SettingsJson.h"

#include <QJsonDocument>
#include <QLocale>

#include <cmath>
#include <limits>

namespace deepart::json {

namespace {

bool inRange(double x, Range range) {
    if (!std::isfinite(x))
        return false;
    switch (range) {
    case Range::NonNegative:
        return x >= 0.0;
    case Range::Positive:
        return x > 0.0;
    case Range::ZeroToBelowOne:
        return x >= 0.0 && x < 1.0;
    case Range::ZeroToOne:
        return x >= 0.0 && x <= 1.0;
    }
    return false;
}

QString expected(Range range) {
    switch (range) {
    case Range::NonNegative:
        return QStringLiteral("expected a number of 0 or more");
    case Range::Positive:
        return QStringLiteral("expected a number above 0");
    case Range::ZeroToBelowOne:
        return QStringLiteral("expected a number from 0 to below 1");
    case Range::ZeroToOne:
        return QStringLiteral("expected a number from 0 to 1");
    }
    return {};
}

} // namespace

// One line whatever the keys and values hold, for logs and status bars.
[[noreturn]] void fail(const QString& path, const QString& problem) {
    QString message = path + QStringLiteral(": ") + problem;
    message.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    message.replace(QLatin1Char('\r'), QStringLiteral("\\r"));
    throw SettingsError(message.toStdString());
}

QString join(const QString& parent, const QString& key) {
    return parent.isEmpty() ? key : parent + QLatin1Char('.') + key;
}

QString itemPath(const QString& array, qsizetype index) {
    return array + QLatin1Char('[') + QString::number(index) + QLatin1Char(']');
}

QString numberText(const QJsonValue& value) {
    const double d = value.toDouble();
    // Integers go through toInteger() so that one beyond 2^53 shows as the user wrote it, not
    // as its nearest double.
    if (std::isfinite(d) && std::trunc(d) == d && std::fabs(d) < 9.2e18)
        return QString::number(value.toInteger());
    return QString::number(d, 'g', QLocale::FloatingPointShortest);
}

// A value as the user wrote it; long arrays and objects are cut short.
QString shown(const QJsonValue& value) {
    constexpr int kLongest = 40;
    QString text;
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double:
        return numberText(value);
    case QJsonValue::String:
        return QLatin1Char('\'') + value.toString() + QLatin1Char('\'');
    case QJsonValue::Array:
        text = QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Object:
        text = QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        break;
    case QJsonValue::Undefined:
        return QStringLiteral("nothing");
    }
    if (text.size() > kLongest)
        text = text.left(kLongest - 3) + QStringLiteral("...");
    return text;
}

double numberAt(const QJsonValue& value, const QString& path, Range range) {
    if (!value.isDouble())
        fail(path, shown(value) + QStringLiteral(" is not a number; ") + expected(range));
    const double x = value.toDouble();
    if (!inRange(x, range))
        fail(path, shown(value) + QStringLiteral(" is out of range; ") + expected(range));
    return x;
}

std::int64_t integerAt(const QJsonValue& value, const QString& path, std::int64_t min,
                       std::int64_t max) {
    const QString wanted =
        min == max ? QStringLiteral("expected %1").arg(min)
                   : QStringLiteral("expected an integer from %1 to %2").arg(min).arg(max);
    if (!value.isDouble())
        fail(path, shown(value) + QStringLiteral(" is not a number; ") + wanted);
    const double x = value.toDouble();
    if (!std::isfinite(x) || std::trunc(x) != x)
        fail(path, shown(value) + QStringLiteral(" is not a whole number; ") + wanted);
    if (x < static_cast<double>(min) || x > static_cast<double>(max))
        fail(path, shown(value) + QStringLiteral(" is out of range; ") + wanted);
    return static_cast<std::int64_t>(x);
}

int intAt(const QJsonValue& value, const QString& path, int min, int max) {
    return static_cast<int>(integerAt(value, path, min, max));
}

QString stringAt(const QJsonValue& value, const QString& path) {
    if (!value.isString())
        fail(path, shown(value) + QStringLiteral(" is not a string"));
    return value.toString();
}

// Unknown keys are refused rather than skipped: a misspelt key would otherwise leave its
// setting at the default without a word.
QJsonObject objectAt(const QJsonValue& value, const QString& path,
                     std::initializer_list<const char*> known) {
    if (!value.isObject())
        fail(path, shown(value) + QStringLiteral(" is not an object"));
    const QJsonObject object = value.toObject();
    QStringList allowed;
    for (const char* key : known)
        allowed << QString::fromLatin1(key);
    for (auto it = object.begin(); it != object.end(); ++it)
        if (!allowed.contains(it.key()))
            fail(join(path, it.key()),
                 QStringLiteral("unknown key; allowed: ") + allowed.join(QStringLiteral(", ")));
    return object;
}

QJsonArray nonEmptyArrayAt(const QJsonValue& value, const QString& path, const char* what) {
    if (!value.isArray())
        fail(path, shown(value) + QStringLiteral(" is not an array"));
    const QJsonArray array = value.toArray();
    if (array.isEmpty())
        fail(path,
             QStringLiteral("the list is empty; expected at least one ") + QLatin1String(what));
    return array;
}

QJsonValue required(const QJsonObject& object, const QString& path, const char* key) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        fail(join(path, QLatin1String(key)), QStringLiteral("missing"));
    return value;
}

// The readers of optional keys: each leaves `out` alone when the key is absent.
void readNumber(const QJsonObject& object, const QString& path, const char* key, Range range,
                double& out) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isUndefined())
        out = numberAt(value, join(path, QLatin1String(key)), range);
}

void readInt(const QJsonObject& object, const QString& path, const char* key, int min, int max,
             int& out) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isUndefined())
        out = intAt(value, join(path, QLatin1String(key)), min, max);
}

void readString(const QJsonObject& object, const QString& path, const char* key, std::string& out) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (!value.isUndefined())
        out = stringAt(value, join(path, QLatin1String(key))).toStdString();
}

void readBool(const QJsonObject& object, const QString& path, const char* key, bool& out) {
    const QJsonValue value = object.value(QLatin1String(key));
    if (value.isUndefined())
        return;
    if (!value.isBool())
        fail(join(path, QLatin1String(key)),
             shown(value) + QStringLiteral(" is not true or false"));
    out = value.toBool();
}

} // namespace deepart::json
