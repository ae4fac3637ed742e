#include "WeightsStore.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

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

} // namespace deepart
