#include "ProjectArchive.h"

#include "SettingsJson.h"

#include <quazip.h>
#include <quazipfile.h>
#include <quazipnewinfo.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonDocument>
#include <QRegularExpression>

#include <filesystem>
#include <functional>
#include <system_error>

namespace deepart {

namespace {

constexpr const char* kInputs = "inputs";
// A run's time-lapse frame: runs/R<n>/frames/<iteration>.jpg, and nothing else.
const QRegularExpression kFrameName(QStringLiteral("^runs/R[0-9]+/frames/[0-9]+\\.jpg$"));
// A manifest is small; anything this large is not one (and is not read into memory).
constexpr qint64 kMaxManifestBytes = 256LL * 1024 * 1024;

[[noreturn]] void fail(const QString& message) {
    throw ProjectError(message.toStdString());
}

// Every input path of a run, for rewriting in place.
void forEachInput(RunSettings& settings, const std::function<void(std::string&)>& visit) {
    visit(settings.contentPath);
    for (auto& style : settings.styles) {
        visit(style.path);
        visit(style.maskPath);
    }
    visit(settings.initImagePath);
}

void forEachInput(WorkspaceManifest& manifest, const std::function<void(std::string&)>& visit) {
    if (manifest.next)
        forEachInput(*manifest.next, visit);
    for (auto& run : manifest.runs)
        forEachInput(run.settings, visit);
}

class ZipWriter {
public:
    explicit ZipWriter(const QString& path) : zip_(path) {
        if (!zip_.open(QuaZip::mdCreate))
            fail(
                QStringLiteral("Could not write %1 (error %2).").arg(path).arg(zip_.getZipError()));
    }
    // PNG and JPEG are compressed already: they are stored as they are, which is much faster.
    void add(const QString& name, const QByteArray& data, bool compress) {
        QuaZipFile file(&zip_);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name), nullptr, 0, compress ? 8 : 0) ||
            file.write(data) != data.size() || (file.close(), file.getZipError() != 0))
            fail(QStringLiteral("Could not write %1 into the project (disk full?).").arg(name));
    }
    void close(const QString& path) {
        zip_.close();
        if (zip_.getZipError() != 0)
            fail(QStringLiteral("Could not finish %1 (disk full?).").arg(path));
    }

private:
    QuaZip zip_;
};

QByteArray readFile(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("Could not read %1: %2").arg(path, file.errorString()));
    return file.readAll();
}

QByteArray readEntry(QuaZip& zip, const QString& name, qint64 limit) {
    if (!zip.setCurrentFile(name))
        fail(QStringLiteral("The project has no %1.").arg(name));
    QuaZipFile file(&zip);
    if (!file.open(QIODevice::ReadOnly))
        fail(QStringLiteral("The project's %1 cannot be read (damaged file?).").arg(name));
    if (file.usize() > limit)
        fail(QStringLiteral("The project's %1 is too large.").arg(name));
    QByteArray data = file.readAll();
    file.close();
    if (file.getZipError() != 0 || data.size() != file.usize())
        fail(QStringLiteral("The project's %1 is damaged.").arg(name));
    return data;
}

// An input copied into a project: "inputs/<n>-<name>", inside the folder.
bool isProjectInput(const QString& name) {
    return name.startsWith(QLatin1String(kInputs) + QLatin1Char('/')) &&
           !name.split(QLatin1Char('/')).contains(QStringLiteral(".."));
}

} // namespace

void resolveProjectInputs(WorkspaceManifest& manifest, const QString& folder) {
    const QDir dir(folder);
    forEachInput(manifest, [&](std::string& input) {
        const QString name = QString::fromStdString(input);
        if (isProjectInput(name))
            input = dir.absoluteFilePath(name).toStdString();
    });
}

void saveProject(const WorkspaceManifest& manifest, const QString& folder, const QString& path) {
    WorkspaceManifest stored = manifest;
    stored.projectPath.clear(); // where the user keeps it is not part of the project
    stored.modified = false;
    // Each input file once, under a name that cannot collide: inputs/<n>-<file name>.
    QHash<QString, QString> copies; // absolute source → name in the archive
    QStringList order;
    forEachInput(stored, [&](std::string& input) {
        if (input.empty())
            return;
        const QFileInfo info(QString::fromStdString(input));
        if (!info.isFile())
            return; // gone since: the run still shows its name
        const QString source = info.absoluteFilePath();
        if (!copies.contains(source)) {
            copies.insert(source, QStringLiteral("%1/%2/%3")
                                      .arg(QLatin1String(kInputs))
                                      .arg(copies.size() + 1)
                                      .arg(info.fileName()));
            order << source;
        }
        input = copies.value(source).toStdString();
    });

    const QString part = path + QStringLiteral(".part");
    try {
        ZipWriter zip(part);
        zip.add(QString::fromLatin1(kManifestName),
                QJsonDocument(workspaceToJson(stored)).toJson(QJsonDocument::Indented), true);
        for (const QString& source : order)
            zip.add(copies.value(source), readFile(source), false);
        const QDir dir(folder);
        for (const auto& run : stored.runs) {
            for (const auto& snapshot : run.snapshots)
                zip.add(snapshot.file, readFile(dir.filePath(snapshot.file)), false);
            // The previews a time-lapse is made of (not in the manifest: there can be many).
            const QString frames = QStringLiteral("runs/R%1/frames").arg(run.number);
            for (const QString& name :
                 QDir(dir.filePath(frames)).entryList({QStringLiteral("*.jpg")}, QDir::Files))
                if (kFrameName.match(frames + QLatin1Char('/') + name).hasMatch())
                    zip.add(frames + QLatin1Char('/') + name,
                            readFile(dir.filePath(frames + QLatin1Char('/') + name)), false);
        }
        zip.close(part);
    } catch (...) {
        QFile::remove(part);
        throw;
    }
    std::error_code error;
    std::filesystem::rename(part.toStdString(), path.toStdString(), error);
    if (error) {
        QFile::remove(part);
        fail(QStringLiteral("Could not save %1: %2")
                 .arg(path, QString::fromStdString(error.message())));
    }
}

WorkspaceManifest openProject(const QString& path, const QString& folder) {
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        fail(QStringLiteral("%1 is not a Deep Art Gallery project (not a ZIP archive).")
                 .arg(QFileInfo(path).fileName()));
    WorkspaceManifest manifest;
    try {
        manifest = workspaceFromJsonText(
            readEntry(zip, QString::fromLatin1(kManifestName), kMaxManifestBytes));
    } catch (const SettingsError& e) {
        fail(QStringLiteral("%1 is not a valid project: %2")
                 .arg(QFileInfo(path).fileName(), QString::fromStdString(e.what())));
    }
    const QDir dir(folder);
    if (!dir.mkpath(QStringLiteral(".")))
        fail(QStringLiteral("Could not create %1.").arg(folder));
    // Only the files the manifest names (checked to stay inside the folder) are unpacked.
    const auto extract = [&](const QString& name) {
        const QString target = dir.filePath(name);
        if (!QDir().mkpath(QFileInfo(target).path()))
            fail(QStringLiteral("Could not create %1.").arg(QFileInfo(target).path()));
        QFile out(target);
        if (!out.open(QIODevice::WriteOnly) ||
            out.write(readEntry(zip, name, std::numeric_limits<qint64>::max())) < 0 || !out.flush())
            fail(QStringLiteral("Could not unpack %1 (disk full?).").arg(name));
    };
    for (const auto& run : manifest.runs)
        for (const auto& snapshot : run.snapshots)
            extract(snapshot.file);
    for (const QString& name : zip.getFileNameList())
        if (kFrameName.match(name).hasMatch())
            extract(name);
    QStringList inputs;
    forEachInput(manifest, [&](std::string& input) {
        const QString name = QString::fromStdString(input);
        if (isProjectInput(name) && !inputs.contains(name)) {
            extract(name);
            inputs << name;
        }
    });
    const QByteArray text =
        QJsonDocument(workspaceToJson(manifest)).toJson(QJsonDocument::Indented);
    QFile out(dir.filePath(QString::fromLatin1(kManifestName)));
    if (!out.open(QIODevice::WriteOnly) || out.write(text) != text.size() || !out.flush())
        fail(QStringLiteral("Could not unpack the project's manifest (disk full?)."));
    return manifest;
}

} // namespace deepart
