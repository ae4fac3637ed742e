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

void IterationLog::append(const IterationStats& stats) {
    const QJsonObject line{{QStringLiteral("iteration"), stats.iteration},
                           {QStringLiteral("total"), stats.total},
                           {QStringLiteral("content"), stats.content},
                           {QStringLiteral("style"), stats.style},
                           {QStringLiteral("tv"), stats.tv},
                           {QStringLiteral("ms"), stats.milliseconds}};
    file_.write(QJsonDocument(line).toJson(QJsonDocument::Compact));
    file_.write("\n");
    file_.flush();
}

} // namespace deepart
