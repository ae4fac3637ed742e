#include "WeightsStore.h"

#include "KerasWeightsFile.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <exception>

namespace deepart {

WeightsStore::WeightsStore(QString dataFolder) : folder_(std::move(dataFolder)) {
    if (folder_.isEmpty())
        folder_ = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
}

QString WeightsStore::storedPath() const {
    return QDir(folder_).filePath(QString::fromLatin1(kFileName));
}

QString WeightsStore::kerasCachePath() {
    return QDir(QDir::homePath()).filePath(QStringLiteral(".keras/models/") + kFileName);
}

QString WeightsStore::findExisting() const {
    for (const QString& candidate : {storedPath(), kerasCachePath()}) {
        if (QFileInfo(candidate).isFile())
            return candidate;
    }
    return {};
}

QString WeightsStore::validate(const QString& path) {
    try {
        loadKerasVgg19Weights(path.toStdString());
        return {};
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
}

QString WeightsStore::md5Of(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Md5);
    if (!hash.addData(&file))
        return {};
    return QString::fromLatin1(hash.result().toHex());
}

QString WeightsStore::import(const QString& path) const {
    const QString problem = validate(path);
    if (!problem.isEmpty())
        return problem;
    if (QFileInfo(path).canonicalFilePath() == QFileInfo(storedPath()).canonicalFilePath())
        return {};
    if (!QDir().mkpath(folder_))
        return QStringLiteral("cannot create the folder '%1'").arg(folder_);
    QFile source(path);
    if (!source.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read '%1': %2").arg(path, source.errorString());
    QSaveFile target(storedPath());
    if (!target.open(QIODevice::WriteOnly))
        return QStringLiteral("cannot write '%1': %2").arg(storedPath(), target.errorString());
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(1 << 20);
        if (chunk.isEmpty() || target.write(chunk) != chunk.size()) {
            const QString why = target.errorString();
            target.cancelWriting();
            return QStringLiteral("cannot write '%1': %2").arg(storedPath(), why);
        }
    }
    if (!target.commit())
        return QStringLiteral("cannot write '%1': %2").arg(storedPath(), target.errorString());
    return {};
}

} // namespace deepart
