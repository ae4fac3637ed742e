#include "BatchJobs.h"

#include "Error.h"
#include "ImageFile.h"
#include "SettingsJson.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <map>

namespace deepart {

namespace {

std::string resolved(const QDir& folder, const std::string& path) {
    if (path.empty())
        return path;
    return QDir::cleanPath(folder.absoluteFilePath(QString::fromStdString(path))).toStdString();
}

// The flags over the job's settings, and the inputs a run cannot do without.
void finishJob(BatchJob& job, const LayerFlags& layer) {
    if (job.run.video)
        throw Error("the settings are a video run's (they have a \"video\" section); a batch "
                    "makes images: run the video on its own with deepart-cli --settings");
    layer(job.run);
    if (job.run.contentPath.empty())
        throw Error("the settings name no content image (inputs.content)");
    if (job.run.styles.empty())
        throw Error("the settings name no style image (inputs.styles)");
}

BatchJob readJob(const QJsonValue& value, const QDir& folder, const LayerFlags& layer) {
    BatchJob job;
    try {
        if (!value.isObject())
            throw Error("expected {\"settings\": ..., \"output\": ...}");
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            if (it.key() != QLatin1String("settings") && it.key() != QLatin1String("output"))
                throw Error("unknown key '" + it.key().toStdString() +
                            "'; a job has \"settings\" and \"output\"");
        const QJsonValue output = object.value(QLatin1String("output"));
        if (!output.isString() || output.toString().isEmpty())
            throw Error("\"output\" is missing; give the result's file name");
        job.outputPath = resolved(folder, output.toString().toStdString());
        if (!isSupportedOutputPath(job.outputPath))
            throw Error("output '" + output.toString().toStdString() +
                        "': unsupported file type; use .png, .jpg, .jpeg, .tif, .tiff or .webp");

        const QJsonValue settings = object.value(QLatin1String("settings"));
        if (settings.isString()) {
            job.run = loadRunSettingsFile(
                QString::fromStdString(resolved(folder, settings.toString().toStdString())));
        } else if (settings.isObject()) {
            try {
                job.run = runSettingsFromJson(settings.toObject());
            } catch (const SettingsError& e) {
                throw Error(std::string("settings: ") + e.what());
            }
            job.run.contentPath = resolved(folder, job.run.contentPath);
            job.run.initImagePath = resolved(folder, job.run.initImagePath);
            for (StyleSource& style : job.run.styles) {
                style.path = resolved(folder, style.path);
                style.maskPath = resolved(folder, style.maskPath);
            }
        } else {
            throw Error("\"settings\" must be a settings file's name or the settings themselves "
                        "(a JSON object)");
        }
        finishJob(job, layer);
    } catch (const Error& e) {
        job.error = e.what();
    }
    return job;
}

// Two jobs writing one file would silently lose the first result: the later job is refused.
void refuseSharedOutputs(std::vector<BatchJob>& jobs) {
    std::map<std::string, size_t> first;
    for (size_t k = 0; k < jobs.size(); ++k) {
        if (jobs[k].outputPath.empty())
            continue;
        const auto [it, added] = first.emplace(jobs[k].outputPath, k);
        if (!added && jobs[k].error.empty())
            jobs[k].error = "its output '" + jobs[k].outputPath + "' is also job " +
                            std::to_string(it->second + 1) + "'s";
    }
}

QFileInfoList imagesIn(const QString& folder, const char* flag) {
    const QDir dir(folder);
    if (!dir.exists())
        throw Error(std::string(flag) + " '" + folder.toStdString() + "' does not exist");
    const QStringList patterns = {QStringLiteral("*.png"),  QStringLiteral("*.jpg"),
                                  QStringLiteral("*.jpeg"), QStringLiteral("*.tif"),
                                  QStringLiteral("*.tiff"), QStringLiteral("*.webp"),
                                  QStringLiteral("*.bmp")};
    const QFileInfoList images =
        dir.entryInfoList(patterns, QDir::Files | QDir::Readable, QDir::Name);
    if (images.isEmpty())
        throw Error(std::string(flag) + " '" + folder.toStdString() +
                    "' has no images (.png, .jpg, .jpeg, .tif, .tiff, .webp or .bmp)");
    return images;
}

} // namespace

std::vector<BatchJob> readBatchFile(const QString& path, const LayerFlags& layer) {
    const std::string name = "jobs file '" + path.toStdString() + "'";
    QFile file(path);
    if (!file.exists())
        throw Error(name + ": file not found");
    if (!file.open(QIODevice::ReadOnly))
        throw Error(name + " cannot be read: " + file.errorString().toStdString());
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw Error(name + " is not valid JSON: " + parseError.errorString().toStdString() +
                    " at character " + std::to_string(parseError.offset));
    const QJsonObject root = document.object();
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != QLatin1String("jobs"))
            throw Error(name + ": unknown key '" + it.key().toStdString() + "'");
    if (!document.isObject() || !root.value(QLatin1String("jobs")).isArray())
        throw Error(name + ": expected {\"jobs\": [{\"settings\": ..., \"output\": ...}, ...]}");
    const QJsonArray array = root.value(QLatin1String("jobs")).toArray();
    if (array.isEmpty())
        throw Error(name + " has no jobs");

    const QDir folder = QFileInfo(path).absoluteDir();
    std::vector<BatchJob> jobs;
    for (const QJsonValue& value : array)
        jobs.push_back(readJob(value, folder, layer));
    jobs.back().number = static_cast<int>(jobs.size());
    refuseSharedOutputs(jobs);
    return jobs;
}

std::vector<BatchJob> folderBatch(const RunSettings& base, const QString& contentDir,
                                  const QString& styleDir, const QString& outputDir,
                                  const LayerFlags& layer) {
    const QFileInfoList contents = imagesIn(contentDir, "--content-dir");
    const QFileInfoList styles = imagesIn(styleDir, "--style-dir");
    const QDir output(outputDir);
    std::vector<BatchJob> jobs;
    for (const QFileInfo& content : contents) {
        for (const QFileInfo& style : styles) {
            BatchJob job;
            job.run = base;
            job.run.contentPath = content.filePath().toStdString();
            job.run.styles = {StyleSource(style.filePath().toStdString())};
            job.outputPath =
                output
                    .filePath(QStringLiteral("%1-%2.png")
                                  .arg(content.completeBaseName(), style.completeBaseName()))
                    .toStdString();
            try {
                finishJob(job, layer);
            } catch (const Error& e) {
                job.error = e.what();
            }
            job.number = static_cast<int>(jobs.size()) + 1;
            jobs.push_back(std::move(job));
        }
    }
    // photo.jpg and photo.png in one folder would share their outputs.
    refuseSharedOutputs(jobs);
    return jobs;
}

std::vector<BatchJob> shardOf(const std::vector<BatchJob>& jobs, int shard, int shards) {
    std::vector<BatchJob> part;
    for (size_t k = static_cast<size_t>(shard - 1); k < jobs.size();
         k += static_cast<size_t>(shards))
        part.push_back(jobs[k]);
    return part;
}

} // namespace deepart
