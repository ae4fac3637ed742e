#include "Workspace.h"

#include "ExportWriter.h"
#include "ProjectArchive.h"
#include "SettingsJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageWriter>
#include <QJsonDocument>
#include <QMap>
#include <QSaveFile>

#include <algorithm>

namespace deepart {

namespace {
constexpr int kSaveDelayMs = 2000;
} // namespace

Workspace::Workspace(QObject* parent) : QObject(parent) {
    saveTimer_.setSingleShot(true);
    saveTimer_.setInterval(kSaveDelayMs);
    connect(&saveTimer_, &QTimer::timeout, this, [this] { save(); });
}

Workspace::~Workspace() {
    if (saveTimer_.isActive())
        save();
}

QString Workspace::absolute(const QString& file) const {
    return QDir(folder_).filePath(file);
}

QString Workspace::open(const QString& folder) {
    if (saveTimer_.isActive())
        save();
    folder_ = folder;
    manifest_ = {};
    Q_EMIT modifiedChanged(false);
    if (!QDir().mkpath(folder))
        return tr("Cannot create the workspace folder %1; snapshots are kept in memory only.")
            .arg(QDir::toNativeSeparators(folder));
    QFile file(absolute(QString::fromLatin1(kManifestName)));
    if (!file.exists())
        return {};
    QString error;
    try {
        if (!file.open(QIODevice::ReadOnly))
            throw SettingsError(file.errorString().toStdString());
        manifest_ = workspaceFromJsonText(file.readAll());
        file.close();
        // Still relative when the app ended between unpacking a project and saving.
        resolveProjectInputs(manifest_, folder_);
    } catch (const SettingsError& e) {
        error = QString::fromStdString(e.what());
    }
    if (error.isEmpty()) {
        // A run that was still "running" ended with the process (a crash or a kill).
        for (auto& run : manifest_.runs)
            if (run.outcome == StoredRunOutcome::Running)
                run.outcome = StoredRunOutcome::Stopped;
        Q_EMIT modifiedChanged(manifest_.modified);
        return {};
    }
    manifest_ = {};
    const QString aside = file.fileName() + QStringLiteral(".broken");
    QFile::remove(aside);
    file.rename(aside);
    return tr("The saved workspace could not be read (%1); it was kept as %2 and the gallery "
              "starts empty.")
        .arg(error, QDir::toNativeSeparators(aside));
}

JobRequest Workspace::jobOf(const StoredRun& run) {
    JobRequest job;
    job.contentPath = QString::fromStdString(run.settings.contentPath);
    job.styles = run.settings.styles;
    job.initImagePath = QString::fromStdString(run.settings.initImagePath);
    job.transfer = run.settings.transfer;
    job.video = run.settings.video;
    job.runNumber = run.number;
    job.continuedFrom = run.continuedFrom;
    return job;
}

std::vector<SnapshotInfo> Workspace::snapshotsOf(const StoredRun& run) const {
    std::vector<SnapshotInfo> result;
    const JobRequest job = jobOf(run);
    for (const auto& stored : run.snapshots) {
        SnapshotInfo s;
        s.iteration = stored.iteration;
        s.frame = stored.frame;
        s.manual = stored.manual;
        s.stats = stored.stats;
        s.settings = job;
        s.settings.transfer.lossWeights = stored.lossWeights;
        s.scale = stored.scale;
        s.size = stored.size;
        s.file = absolute(stored.file);
        result.push_back(std::move(s));
    }
    return result;
}

void Workspace::beginRun(const JobRequest& job) {
    StoredRun run;
    run.number = job.runNumber;
    run.started = QDateTime::currentDateTime();
    run.continuedFrom = job.continuedFrom;
    run.settings = job.runSettings();
    manifest_.runs.push_back(std::move(run));
    changed(true);
}

SnapshotInfo Workspace::addSnapshot(const SnapshotInfo& snapshot, QString* error) {
    SnapshotInfo result = snapshot;
    StoredRun* run = manifest_.run(snapshot.settings.runNumber);
    if (!run) {
        beginRun(snapshot.settings);
        run = manifest_.run(snapshot.settings.runNumber);
    }
    const QString runFolder = QStringLiteral("runs/R%1").arg(run->number);
    QString name = QStringLiteral("%1/%2%3.png")
                       .arg(runFolder)
                       .arg(snapshot.iteration, 4, 10, QLatin1Char('0'))
                       .arg(snapshot.manual ? QStringLiteral("-manual") : QString());
    for (int n = 2; QFileInfo::exists(absolute(name)); ++n)
        name = QStringLiteral("%1/%2-%3.png")
                   .arg(runFolder)
                   .arg(snapshot.iteration, 4, 10, QLatin1Char('0'))
                   .arg(n);
    QString why;
    if (!QDir().mkpath(absolute(runFolder)))
        why = tr("cannot create %1").arg(QDir::toNativeSeparators(absolute(runFolder)));
    else
        why = ExportWriter::exportSnapshot(snapshot, absolute(name),
                                           ExportWriter::keeping(snapshot.image));
    if (!why.isEmpty()) {
        if (error)
            *error = tr("Snapshot #%1 could not be saved to the workspace (%2); it is kept in "
                        "memory until the window closes.")
                         .arg(snapshot.iteration)
                         .arg(why);
        return result;
    }
    StoredSnapshot stored;
    stored.iteration = snapshot.iteration;
    stored.frame = snapshot.frame;
    stored.manual = snapshot.manual;
    stored.scale = snapshot.scale;
    stored.size = snapshot.size;
    stored.stats = snapshot.stats;
    stored.lossWeights = snapshot.settings.transfer.lossWeights;
    stored.file = name;
    run->snapshots.push_back(stored);
    result.file = absolute(name);
    changed(true);
    return result;
}

void Workspace::addLoss(int run, const IterationStats& stats) {
    if (StoredRun* stored = manifest_.run(run)) {
        stored->losses.push_back(stats);
        changed(false);
    }
}

void Workspace::addFrame(int run, int iteration, const QImage& image) {
    if (folder_.isEmpty() || image.isNull() || !manifest_.run(run))
        return;
    const QString frames = absolute(QStringLiteral("runs/R%1/frames").arg(run));
    if (!QDir().mkpath(frames))
        return; // a time-lapse without this frame; the run itself is unaffected
    QSaveFile file(
        QDir(frames).filePath(QStringLiteral("%1.jpg").arg(iteration, 6, 10, QLatin1Char('0'))));
    QImageWriter writer(&file, "jpeg");
    writer.setQuality(90);
    if (file.open(QIODevice::WriteOnly) && writer.write(image))
        file.commit();
    else
        file.cancelWriting();
}

QStringList Workspace::framesOf(int run) const {
    QMap<int, QString> byIteration;
    const QDir frames(absolute(QStringLiteral("runs/R%1/frames").arg(run)));
    for (const QString& name : frames.entryList({QStringLiteral("*.jpg")}, QDir::Files))
        byIteration.insert(QFileInfo(name).completeBaseName().toInt(), frames.filePath(name));
    for (const auto& stored : manifest_.runs)
        if (stored.number == run)
            for (const auto& snapshot : stored.snapshots)
                byIteration.insert(snapshot.iteration, absolute(snapshot.file));
    return byIteration.values();
}

void Workspace::endRun(int run, StoredRunOutcome outcome) {
    if (StoredRun* stored = manifest_.run(run)) {
        stored->outcome = outcome;
        changed(true);
    }
}

void Workspace::removeSnapshot(const QString& file) {
    for (auto& run : manifest_.runs) {
        const auto it =
            std::find_if(run.snapshots.begin(), run.snapshots.end(),
                         [&](const StoredSnapshot& s) { return absolute(s.file) == file; });
        if (it != run.snapshots.end()) {
            QFile::remove(absolute(it->file));
            run.snapshots.erase(it);
            changed(true);
            return;
        }
    }
}

void Workspace::removeRun(int run) {
    const auto it = std::find_if(manifest_.runs.begin(), manifest_.runs.end(),
                                 [run](const StoredRun& r) { return r.number == run; });
    if (it == manifest_.runs.end())
        return;
    for (const auto& snapshot : it->snapshots)
        QFile::remove(absolute(snapshot.file));
    QDir(absolute(QStringLiteral("runs/R%1").arg(run))).removeRecursively();
    manifest_.runs.erase(it);
    changed(true);
}

void Workspace::setCollapsed(int run, bool collapsed) {
    if (StoredRun* stored = manifest_.run(run); stored && stored->collapsed != collapsed) {
        stored->collapsed = collapsed;
        changed(true);
    }
}

void Workspace::setNext(const RunSettings& next) {
    if (manifest_.next && *manifest_.next == next)
        return;
    const bool first = !manifest_.next;
    manifest_.next = next;
    // Loading the inputs at start-up is not a change the user made.
    if (first) {
        saveTimer_.start();
        return;
    }
    changed(false);
}

void Workspace::clear() {
    manifest_.runs.clear();
    QDir(absolute(QStringLiteral("runs"))).removeRecursively();
    manifest_.projectPath.clear();
    setModified(false);
    save();
}

void Workspace::changed(bool now) {
    setModified(true);
    if (now)
        save();
    else if (!saveTimer_.isActive())
        saveTimer_.start();
}

void Workspace::setModified(bool modified) {
    if (manifest_.modified == modified)
        return;
    manifest_.modified = modified;
    Q_EMIT modifiedChanged(modified);
}

QString Workspace::save() {
    saveTimer_.stop();
    if (folder_.isEmpty())
        return {};
    QSaveFile file(absolute(QString::fromLatin1(kManifestName)));
    const QByteArray text =
        QJsonDocument(workspaceToJson(manifest_)).toJson(QJsonDocument::Compact);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size() || !file.commit())
        return tr("The workspace could not be saved: %1").arg(file.errorString());
    return {};
}

QString Workspace::saveProject(const QString& path) {
    try {
        deepart::saveProject(manifest_, folder_, path);
    } catch (const ProjectError& e) {
        return QString::fromStdString(e.what());
    }
    manifest_.projectPath = QFileInfo(path).absoluteFilePath();
    setModified(false);
    save();
    return {};
}

QString Workspace::openProject(const QString& path) {
    save();
    // Unpacked beside the workspace, then swapped in: a damaged project leaves it as it was.
    const QString incoming = folder_ + QStringLiteral(".opening");
    const QString outgoing = folder_ + QStringLiteral(".closing");
    QDir(incoming).removeRecursively();
    QDir(outgoing).removeRecursively();
    WorkspaceManifest opened;
    try {
        opened = deepart::openProject(path, incoming);
    } catch (const ProjectError& e) {
        QDir(incoming).removeRecursively();
        return QString::fromStdString(e.what());
    }
    QDir parent;
    if (!parent.rename(folder_, outgoing) || !parent.rename(incoming, folder_)) {
        parent.rename(outgoing, folder_);
        QDir(incoming).removeRecursively();
        return tr("Could not replace the workspace in %1.").arg(QDir::toNativeSeparators(folder_));
    }
    QDir(outgoing).removeRecursively();
    resolveProjectInputs(opened, folder_);
    manifest_ = std::move(opened);
    manifest_.projectPath = QFileInfo(path).absoluteFilePath();
    manifest_.modified = false;
    Q_EMIT modifiedChanged(false);
    return save();
}

} // namespace deepart
