#include "WorkspaceManifest.h"

#include "JsonFields.h"
#include "SettingsJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <limits>

namespace deepart {

namespace {

using namespace json;

constexpr int kMaxIteration = std::numeric_limits<int>::max();
// The terms a snapshot's losses may name, in the objective's order (a video frame's has the
// fourth).
const char* const kTerms[] = {"content", "style", "tv", "temporal"};

QJsonObject lossesJson(const IterationStats& stats) {
    QJsonObject json{{QStringLiteral("total"), stats.total}};
    for (const auto& term : stats.terms)
        json.insert(QString::fromStdString(term.name), term.value);
    return json;
}

// The three terms every objective reports, in the objective's order.
std::vector<LossTerm> termsOf(double content, double style, double tv) {
    return {{"content", content}, {"style", style}, {"tv", tv}};
}

double anyNumberAt(const QJsonValue& value, const QString& path) {
    if (!value.isDouble())
        fail(path, shown(value) + QStringLiteral(" is not a number"));
    return value.toDouble();
}

// A file inside the workspace folder: relative, with no way out of it.
QString relativeFileAt(const QJsonValue& value, const QString& path) {
    const QString file = stringAt(value, path);
    const QStringList parts = file.split(QLatin1Char('/'));
    if (file.isEmpty() || file.startsWith(QLatin1Char('/')) || file.contains(QLatin1Char('\\')) ||
        file.contains(QLatin1Char(':')) || parts.contains(QStringLiteral("..")))
        fail(path, shown(value) + QStringLiteral(" is not a file inside the workspace"));
    return file;
}

QJsonObject snapshotToJson(const StoredSnapshot& s) {
    QJsonObject json{
        {QStringLiteral("iteration"), s.iteration},
        {QStringLiteral("manual"), s.manual},
        {QStringLiteral("scale"), s.scale},
        {QStringLiteral("size"), s.size},
        {QStringLiteral("evaluations"), static_cast<double>(s.stats.evaluations)},
        {QStringLiteral("losses"), lossesJson(s.stats)},
        {QStringLiteral("weights"), QJsonObject{{QStringLiteral("content"), s.lossWeights.content},
                                                {QStringLiteral("style"), s.lossWeights.style},
                                                {QStringLiteral("tv"), s.lossWeights.tv}}},
        {QStringLiteral("file"), s.file},
    };
    if (s.frame > 0)
        json.insert(QStringLiteral("frame"), s.frame);
    return json;
}

StoredSnapshot snapshotFromJson(const QJsonValue& value, const QString& path,
                                const RunSettings& settings) {
    const QJsonObject o = objectAt(value, path,
                                   {"iteration", "frame", "manual", "scale", "size", "evaluations",
                                    "losses", "weights", "file"});
    StoredSnapshot s;
    s.iteration = intAt(required(o, path, "iteration"), join(path, QStringLiteral("iteration")), 0,
                        kMaxIteration);
    if (o.contains(QStringLiteral("manual"))) {
        const QJsonValue manual = o.value(QStringLiteral("manual"));
        if (!manual.isBool())
            fail(join(path, QStringLiteral("manual")),
                 shown(manual) + QStringLiteral(" is not true or false"));
        s.manual = manual.toBool();
    }
    readInt(o, path, "frame", 1, kMaxIteration, s.frame);
    readInt(o, path, "scale", 0, 64, s.scale);
    readInt(o, path, "size", 0, kMaxImageSide, s.size);
    s.stats.evaluations = integerAt(o.value(QStringLiteral("evaluations")).isUndefined()
                                        ? QJsonValue(0)
                                        : o.value(QStringLiteral("evaluations")),
                                    join(path, QStringLiteral("evaluations")), 0,
                                    std::numeric_limits<std::int64_t>::max() / 2);
    const QString lossesPath = join(path, QStringLiteral("losses"));
    const QJsonObject losses = objectAt(required(o, path, "losses"), lossesPath,
                                        {"total", "content", "style", "tv", "temporal"});
    s.stats.total = anyNumberAt(required(losses, lossesPath, "total"),
                                join(lossesPath, QStringLiteral("total")));
    // Only the terms written: a video frame kept from an earlier run has none (nothing measured
    // it), and the gallery says so.
    for (const char* term : kTerms)
        if (losses.contains(QLatin1String(term)))
            s.stats.terms.push_back({term, anyNumberAt(losses.value(QLatin1String(term)),
                                                       join(lossesPath, QLatin1String(term)))});
    s.stats.iteration = s.iteration;
    s.stats.totalIterations = settings.transfer.totalIterations();
    s.stats.scale = s.scale;
    s.stats.size = s.size;
    s.lossWeights = settings.transfer.lossWeights;
    if (o.contains(QStringLiteral("weights"))) {
        const QString weightsPath = join(path, QStringLiteral("weights"));
        const QJsonObject w =
            objectAt(o.value(QStringLiteral("weights")), weightsPath, {"content", "style", "tv"});
        readNumber(w, weightsPath, "content", Range::NonNegative, s.lossWeights.content);
        readNumber(w, weightsPath, "style", Range::NonNegative, s.lossWeights.style);
        readNumber(w, weightsPath, "tv", Range::NonNegative, s.lossWeights.tv);
    }
    s.file = relativeFileAt(required(o, path, "file"), join(path, QStringLiteral("file")));
    return s;
}

bool hasTemporalTerm(const IterationStats& stats) {
    return std::any_of(stats.terms.begin(), stats.terms.end(),
                       [](const LossTerm& t) { return t.name == "temporal"; });
}

// Losses as rows [iteration, total, content, style, tv] and, for a video's frames after the
// first, [..., temporal]: a long run's curve stays compact.
QJsonArray lossRows(const std::vector<IterationStats>& losses) {
    QJsonArray rows;
    for (const auto& stats : losses) {
        QJsonArray row{stats.iteration, stats.total, stats.content(), stats.style(), stats.tv()};
        if (hasTemporalTerm(stats))
            row.append(stats.term("temporal"));
        rows.append(row);
    }
    return rows;
}

std::vector<IterationStats> lossesFromRows(const QJsonValue& value, const QString& path,
                                           int totalIterations) {
    if (!value.isArray())
        fail(path, shown(value) + QStringLiteral(" is not a list"));
    std::vector<IterationStats> losses;
    const QJsonArray rows = value.toArray();
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const QString rowPath = itemPath(path, i);
        const QJsonArray row = rows.at(i).toArray();
        if (!rows.at(i).isArray() || row.size() < 5 || row.size() > 6)
            fail(rowPath,
                 shown(rows.at(i)) +
                     QStringLiteral(" is not [iteration, total, content, style, tv(, temporal)]"));
        IterationStats stats;
        stats.iteration = intAt(row.at(0), itemPath(rowPath, 0), 0, kMaxIteration);
        stats.totalIterations = totalIterations;
        stats.total = anyNumberAt(row.at(1), itemPath(rowPath, 1));
        stats.terms = termsOf(anyNumberAt(row.at(2), itemPath(rowPath, 2)),
                              anyNumberAt(row.at(3), itemPath(rowPath, 3)),
                              anyNumberAt(row.at(4), itemPath(rowPath, 4)));
        if (row.size() == 6)
            stats.terms.push_back({"temporal", anyNumberAt(row.at(5), itemPath(rowPath, 5))});
        losses.push_back(std::move(stats));
    }
    return losses;
}

QJsonObject runToJson(const StoredRun& run) {
    QJsonArray snapshots;
    for (const auto& s : run.snapshots)
        snapshots.append(snapshotToJson(s));
    QJsonObject json{
        {QStringLiteral("number"), run.number},
        {QStringLiteral("started"), run.started.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("outcome"), QLatin1String(toString(run.outcome))},
        {QStringLiteral("collapsed"), run.collapsed},
        {QStringLiteral("settings"), runSettingsToJson(run.settings)},
        {QStringLiteral("losses"), lossRows(run.losses)},
        {QStringLiteral("snapshots"), snapshots},
    };
    if (!run.continuedFrom.isEmpty())
        json.insert(QStringLiteral("continued_from"), run.continuedFrom);
    return json;
}

StoredRun runFromJson(const QJsonValue& value, const QString& path) {
    const QJsonObject o = objectAt(value, path,
                                   {"number", "started", "outcome", "collapsed", "settings",
                                    "losses", "snapshots", "continued_from"});
    StoredRun run;
    run.number =
        intAt(required(o, path, "number"), join(path, QStringLiteral("number")), 1, kMaxIteration);
    const QString startedPath = join(path, QStringLiteral("started"));
    run.started =
        QDateTime::fromString(stringAt(required(o, path, "started"), startedPath), Qt::ISODate);
    if (!run.started.isValid())
        fail(startedPath, shown(o.value(QStringLiteral("started"))) +
                              QStringLiteral(" is not a date and time (ISO 8601)"));
    if (o.contains(QStringLiteral("outcome")))
        run.outcome =
            choiceAt(o.value(QStringLiteral("outcome")), join(path, QStringLiteral("outcome")),
                     spellings(StoredRunOutcome{}));
    run.collapsed = o.value(QStringLiteral("collapsed")).toBool(false);
    std::string continued;
    readString(o, path, "continued_from", continued);
    run.continuedFrom = QString::fromStdString(continued);
    try {
        run.settings = runSettingsFromJson(required(o, path, "settings").toObject());
    } catch (const SettingsError& e) {
        fail(join(path, QStringLiteral("settings")), QString::fromStdString(e.what()));
    }
    if (o.contains(QStringLiteral("losses")))
        run.losses =
            lossesFromRows(o.value(QStringLiteral("losses")), join(path, QStringLiteral("losses")),
                           run.settings.transfer.totalIterations());
    if (o.contains(QStringLiteral("snapshots"))) {
        const QString snapshotsPath = join(path, QStringLiteral("snapshots"));
        const QJsonValue list = o.value(QStringLiteral("snapshots"));
        if (!list.isArray())
            fail(snapshotsPath, shown(list) + QStringLiteral(" is not a list"));
        const QJsonArray snapshots = list.toArray();
        for (qsizetype i = 0; i < snapshots.size(); ++i)
            run.snapshots.push_back(
                snapshotFromJson(snapshots.at(i), itemPath(snapshotsPath, i), run.settings));
    }
    return run;
}

} // namespace

StoredRun* WorkspaceManifest::run(int number) {
    const auto it = std::find_if(runs.begin(), runs.end(),
                                 [number](const StoredRun& r) { return r.number == number; });
    return it == runs.end() ? nullptr : &*it;
}

int WorkspaceManifest::lastRunNumber() const {
    int last = 0;
    for (const auto& run : runs)
        last = std::max(last, run.number);
    return last;
}

QJsonObject workspaceToJson(const WorkspaceManifest& manifest) {
    QJsonArray runs;
    for (const auto& run : manifest.runs)
        runs.append(runToJson(run));
    QJsonObject json{{QStringLiteral("format"), QStringLiteral("deepart-workspace")},
                     {QStringLiteral("version"), WorkspaceManifest::kVersion},
                     {QStringLiteral("runs"), runs}};
    if (manifest.next)
        json.insert(QStringLiteral("next"), runSettingsToJson(*manifest.next));
    if (!manifest.projectPath.isEmpty() || manifest.modified)
        json.insert(QStringLiteral("project"),
                    QJsonObject{{QStringLiteral("path"), manifest.projectPath},
                                {QStringLiteral("modified"), manifest.modified}});
    return json;
}

WorkspaceManifest workspaceFromJson(const QJsonObject& json) {
    const QString root;
    const QJsonObject o = objectAt(json, root, {"format", "version", "runs", "next", "project"});
    if (o.value(QStringLiteral("format")).toString() != QStringLiteral("deepart-workspace"))
        fail(QStringLiteral("format"), shown(o.value(QStringLiteral("format"))) +
                                           QStringLiteral(" is not \"deepart-workspace\""));
    const int version =
        intAt(required(o, root, "version"), QStringLiteral("version"), 1, kMaxIteration);
    if (version > WorkspaceManifest::kVersion)
        fail(QStringLiteral("version"),
             QStringLiteral("%1 is newer than this version of Deep Art Gallery reads (%2)")
                 .arg(version)
                 .arg(WorkspaceManifest::kVersion));
    WorkspaceManifest manifest;
    if (o.contains(QStringLiteral("next"))) {
        try {
            manifest.next = runSettingsFromJson(o.value(QStringLiteral("next")).toObject());
        } catch (const SettingsError& e) {
            fail(QStringLiteral("next"), QString::fromStdString(e.what()));
        }
    }
    if (o.contains(QStringLiteral("project"))) {
        const QJsonObject project = objectAt(o.value(QStringLiteral("project")),
                                             QStringLiteral("project"), {"path", "modified"});
        std::string path;
        readString(project, QStringLiteral("project"), "path", path);
        manifest.projectPath = QString::fromStdString(path);
        manifest.modified = project.value(QStringLiteral("modified")).toBool(false);
    }
    const QJsonValue runs = o.value(QStringLiteral("runs"));
    if (!runs.isUndefined()) {
        if (!runs.isArray())
            fail(QStringLiteral("runs"), shown(runs) + QStringLiteral(" is not a list"));
        const QJsonArray list = runs.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            StoredRun run = runFromJson(list.at(i), itemPath(QStringLiteral("runs"), i));
            if (manifest.run(run.number))
                fail(itemPath(QStringLiteral("runs"), i),
                     QStringLiteral("run %1 appears twice").arg(run.number));
            manifest.runs.push_back(std::move(run));
        }
    }
    return manifest;
}

WorkspaceManifest workspaceFromJsonText(const QByteArray& text) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError)
        throw SettingsError(QStringLiteral("not a valid manifest: %1 at offset %2")
                                .arg(error.errorString())
                                .arg(error.offset)
                                .toStdString());
    if (!document.isObject())
        throw SettingsError("not a valid manifest: the top level is not an object");
    return workspaceFromJson(document.object());
}

} // namespace deepart
