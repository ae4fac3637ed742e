#include "Continuation.h"

#include <QDir>
#include <QImageWriter>
#include <QSaveFile>
#include <QUuid>

namespace deepart {

QString continuationLabel(const SnapshotInfo& snapshot) {
    const int run = snapshot.settings.runNumber;
    // A video's frames go by their number in the clip.
    const QString which = snapshot.frame > 0 ? QObject::tr("frame %1").arg(snapshot.frame)
                                             : QStringLiteral("#%1").arg(snapshot.iteration);
    const QString own = run > 0 ? QStringLiteral("R%1 %2").arg(run).arg(which) : which;
    return snapshot.settings.continuedFrom.isEmpty()
               ? own
               : QStringLiteral("%1 ↳ %2").arg(own, snapshot.settings.continuedFrom);
}

QString prepareContinuation(const SnapshotInfo& snapshot, const QString& folder, JobRequest& job) {
    const QImage image = snapshot.loadImage();
    if (image.isNull())
        return QObject::tr("That snapshot has no image to continue from.");
    if (!QDir().mkpath(folder))
        return QObject::tr("Cannot create the folder '%1' for the starting image.").arg(folder);
    const QString path =
        QDir(folder).filePath(QStringLiteral("continue-%1-%2.png")
                                  .arg(snapshot.iteration)
                                  .arg(QUuid::createUuid().toString(QUuid::Id128).left(12)));
    QSaveFile file(path);
    QImageWriter writer(&file, "png");
    if (!file.open(QIODevice::WriteOnly) || !writer.write(image) || !file.commit())
        return QObject::tr("The starting image could not be saved to '%1': %2")
            .arg(path, writer.error() != QImageWriter::UnknownError ? writer.errorString()
                                                                    : file.errorString());
    job.transfer.init = InitMode::Image;
    job.initImagePath = path;
    job.continuedFrom = continuationLabel(snapshot);
    return {};
}

} // namespace deepart
