#include "IterationLog.h"

#include "Error.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace deepart {

IterationLog::IterationLog(const std::string& path) : file_(QString::fromStdString(path)) {
    if (!file_.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
        throw Error("--log-json '" + path +
                    "' cannot be written: " + file_.errorString().toStdString());
}

void IterationLog::append(const IterationStats& stats, int frame) {
    QJsonObject line{{QStringLiteral("iteration"), stats.iteration},
                     {QStringLiteral("total"), stats.total}};
    if (frame > 0)
        line.insert(QStringLiteral("frame"), frame);
    for (const auto& term : stats.terms)
        line.insert(QString::fromStdString(term.name), term.value);
    line.insert(QStringLiteral("ms"), stats.milliseconds);
    line.insert(QStringLiteral("size"), stats.size);
    line.insert(QStringLiteral("evaluations"), static_cast<qint64>(stats.evaluations));
    file_.write(QJsonDocument(line).toJson(QJsonDocument::Compact));
    file_.write("\n");
    file_.flush();
}

} // namespace deepart
