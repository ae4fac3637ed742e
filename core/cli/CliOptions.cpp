#include "CliOptions.h"

#include "CliHelp.h"
#include "CliRunFlags.h"
#include "CliValues.h"
#include "ImageFile.h"
#include "SettingsJson.h"
#include "TimelapseWriter.h"

#include <QCommandLineParser>

#include <algorithm>
#include <utility>

namespace deepart {

namespace {

using namespace cli;

void readTimelapse(const QCommandLineParser& parser, CliOptions& o) {
    const auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    if (!isSet("timelapse")) {
        for (const char* flag : {"timelapse-every", "timelapse-fps", "timelapse-side-by-side"})
            if (isSet(flag))
                usageError(QStringLiteral("--%1 needs --timelapse FILE").arg(QLatin1String(flag)));
        return;
    }
    o.timelapsePath = value("timelapse").toStdString();
    if (!TimelapseWriter::isSupportedPath(o.timelapsePath))
        usageError(QStringLiteral("--timelapse: '%1' has an unsupported video type; use .mp4, "
                                  ".webm, .webp or .avi")
                       .arg(value("timelapse")));
    if (isSet("timelapse-every"))
        o.timelapseEvery =
            toInt(QStringLiteral("timelapse-every"), value("timelapse-every"), 1, 1'000'000);
    if (isSet("timelapse-fps"))
        o.timelapseFps =
            toDouble(QStringLiteral("timelapse-fps"), value("timelapse-fps"), 0.0, 240.0, true);
    o.timelapseSideBySide = isSet("timelapse-side-by-side");
}

// "K/N": part K (1..N) of N.
std::pair<int, int> shardAt(const QString& text) {
    const QStringList parts = text.split(QLatin1Char('/'));
    bool okShard = false;
    bool okShards = false;
    const int shard = parts.size() == 2 ? parts[0].trimmed().toInt(&okShard) : 0;
    const int shards = parts.size() == 2 ? parts[1].trimmed().toInt(&okShards) : 0;
    if (!okShard || !okShards || shards < 1 || shard < 1 || shard > shards)
        usageError(QStringLiteral("--shard: '%1' is not valid; expected K/N with 1 <= K <= N, "
                                  "e.g. 3/8 for the third of eight parts")
                       .arg(text));
    return {shard, shards};
}

// A batch: the flags are checked once up front (a bad value is a usage error, not a failure of
// every job), then layered over each job's settings.
void readBatch(const QCommandLineParser& parser, CliOptions& o) {
    const auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    const bool file = isSet("batch");
    const QString mode = file ? QStringLiteral("--batch") : QStringLiteral("--content-dir");
    if (file && (isSet("content-dir") || isSet("style-dir") || isSet("output-dir")))
        usageError(QStringLiteral("--batch cannot go with --content-dir, --style-dir or "
                                  "--output-dir; use one kind of batch"));
    if (!file && !(isSet("content-dir") && isSet("style-dir") && isSet("output-dir")))
        usageError(QStringLiteral("--content-dir, --style-dir and --output-dir go together"));
    for (const char* flag : {"content", "style", "style-mask", "output", "print-settings",
                             "log-json", "timelapse", "video", "temporal-weight", "long-term",
                             "frame-iterations", "first-frame", "frame-count", "frames-dir"})
        if (isSet(flag))
            usageError(QStringLiteral("--%1 is for a single run; it cannot go with %2")
                           .arg(QLatin1String(flag), mode));
    if (file && isSet("settings"))
        usageError(QStringLiteral("--settings cannot go with --batch: each job has its settings"));

    const RunSettings base = isSet("settings") ? readSettingsFile(parser) : RunSettings();
    if (base.video)
        usageError(QStringLiteral("--settings: a video run's settings cannot make a batch of "
                                  "images; run the video on its own (--settings without %1)")
                       .arg(mode));
    // The check: over the base with stand-in inputs, as many styles as the style flags give
    // values (a folder batch has one style per job).
    RunSettings probe = base;
    probe.contentPath = probe.initImagePath = "check";
    qsizetype styles = 1;
    if (file)
        for (const char* flag : {"style-blend", "style-scale"})
            if (isSet(flag))
                styles = std::max(styles, value(flag).split(QLatin1Char(',')).size());
    probe.styles.assign(static_cast<size_t>(styles), StyleSource("check"));
    layerRunFlags(parser, probe);

    const LayerFlags layer = [&parser](RunSettings& run) {
        try {
            layerRunFlags(parser, run);
        } catch (const UsageError& e) {
            throw Error(e.message);
        }
    };
    try {
        if (file) {
            o.jobs = readBatchFile(value("batch"), layer);
        } else {
            o.outputDir = value("output-dir").toStdString();
            o.jobs = folderBatch(base, value("content-dir"), value("style-dir"),
                                 value("output-dir"), layer);
        }
    } catch (const Error& e) {
        usageError(QString::fromStdString(e.what()));
    }
    o.batch = true;
    o.batchSize = static_cast<int>(o.jobs.size());
    o.skipExisting = isSet("skip-existing");
    if (isSet("shard")) {
        const auto [shard, shards] = shardAt(value("shard"));
        o.jobs = shardOf(o.jobs, shard, shards);
    }
}

// A video run (--video, or a settings file with a "video" section): the clip takes --content's
// place, and the output is a video. The video flags are layered over the file's, as the others.
void readVideo(const QCommandLineParser& parser, CliOptions& o) {
    const auto isSet = [&](const char* name) { return parser.isSet(QLatin1String(name)); };
    const auto value = [&](const char* name) { return parser.value(QLatin1String(name)); };
    if (!isSet("video") && !o.run.video) {
        for (const char* flag : {"temporal-weight", "long-term", "frame-iterations", "first-frame",
                                 "frame-count", "frames-dir"})
            if (isSet(flag))
                usageError(QStringLiteral("--%1 needs --video FILE").arg(QLatin1String(flag)));
        return;
    }
    for (const char* flag :
         {"content", "style-mask", "timelapse", "bit-depth", "dpi", "snapshot-dir"})
        if (isSet(flag))
            usageError(isSet("video")
                           ? QStringLiteral("--%1 cannot go with --video").arg(QLatin1String(flag))
                           : QStringLiteral("--%1 cannot go with a video run's --settings; give "
                                            "the clip with --video")
                                 .arg(QLatin1String(flag)));
    if (o.run.transfer.init == InitMode::Image)
        usageError(QStringLiteral("--init image cannot go with --video: the first frame starts "
                                  "from content, noise or a blend, the others from the frame "
                                  "before"));
    if (isSet("video"))
        o.run.contentPath = value("video").toStdString();
    o.outputPath = isSet("output") ? value("output").toStdString() : "deepart.mp4";
    if (!TimelapseWriter::isSupportedPath(o.outputPath))
        usageError(QStringLiteral("--output: '%1' is not a video type for --video; use .mp4, "
                                  ".webm, .webp or .avi")
                       .arg(QString::fromStdString(o.outputPath)));
    if (!o.run.video) // --video alone; a settings file's section is kept and layered over
        o.run.video.emplace();
    VideoSettings& v = *o.run.video;
    if (isSet("temporal-weight"))
        v.temporalWeight = toDouble(QStringLiteral("temporal-weight"), value("temporal-weight"),
                                    0.0, kMaxTemporalWeight, false);
    if (isSet("long-term"))
        v.longTerm = true;
    if (isSet("frame-iterations"))
        v.frameIterations =
            toInt(QStringLiteral("frame-iterations"), value("frame-iterations"), 1, kMaxIterations);
    if (isSet("first-frame"))
        v.firstFrame =
            toInt(QStringLiteral("first-frame"), value("first-frame"), 1, kMaxFrameNumber);
    if (isSet("frame-count"))
        v.frameCount =
            toInt(QStringLiteral("frame-count"), value("frame-count"), 1, kMaxFrameNumber);
    if (isSet("frames-dir"))
        v.framesFolder = value("frames-dir").toStdString();
}

void readOutputFormat(const QCommandLineParser& parser, CliOptions& o) {
    if (parser.isSet(QStringLiteral("bit-depth"))) {
        const QString bits = parser.value(QStringLiteral("bit-depth"));
        if (bits != QLatin1String("8") && bits != QLatin1String("16"))
            usageError(QStringLiteral("--bit-depth: '%1' is not valid; allowed: 8, 16").arg(bits));
        o.outputFormat.bitDepth = bits.toInt();
    }
    if (parser.isSet(QStringLiteral("dpi")))
        o.outputFormat.dpi = toDouble(QStringLiteral("dpi"), parser.value(QStringLiteral("dpi")),
                                      1.0, 100000.0, false);
    try {
        checkWriteOptions(o.outputPath, o.outputFormat);
    } catch (const Error& e) {
        usageError(QString::fromStdString(e.what()));
    }
}

// The flags about this process, for every kind of run.
void readCommonOptions(const QCommandLineParser& parser, CliOptions& o);

CliOptions readOptions(const QCommandLineParser& parser) {
    if (!parser.positionalArguments().isEmpty())
        usageError(QStringLiteral("unexpected argument '%1'; see --help")
                       .arg(parser.positionalArguments().first()));
    CliOptions o;
    o.fetchWeights = parser.isSet(QStringLiteral("fetch-weights"));
    o.printSettings = parser.isSet(QStringLiteral("print-settings"));
    if (parser.isSet(QStringLiteral("batch")) || parser.isSet(QStringLiteral("content-dir")) ||
        parser.isSet(QStringLiteral("style-dir")) || parser.isSet(QStringLiteral("output-dir"))) {
        readBatch(parser, o);
    } else {
        for (const char* flag : {"shard", "skip-existing"})
            if (parser.isSet(QLatin1String(flag)))
                usageError(QStringLiteral("--%1 is for batches (--batch or --content-dir)")
                               .arg(QLatin1String(flag)));
        if (parser.isSet(QStringLiteral("settings")))
            o.run = readSettingsFile(parser);
        layerRunFlags(parser, o.run);
        readVideo(parser, o);
        if (o.run.video) {
            if (o.run.styles.empty() && !o.printSettings)
                usageError(QStringLiteral("--video needs --style; see --help"));
            readTimelapse(parser, o);
            readCommonOptions(parser, o);
            return o;
        }
        if (!o.printSettings && !o.fetchWeights &&
            (o.run.contentPath.empty() || o.run.styles.empty()))
            usageError(QStringLiteral("--content and --style are required; see --help"));
        if (parser.isSet(QStringLiteral("output")))
            o.outputPath = parser.value(QStringLiteral("output")).toStdString();
        if (!isSupportedOutputPath(o.outputPath))
            usageError(QStringLiteral("--output: '%1' has an unsupported file type; use .png, "
                                      ".jpg, .jpeg, .tif, .tiff or .webp")
                           .arg(QString::fromStdString(o.outputPath)));
        readOutputFormat(parser, o);
    }
    readTimelapse(parser, o);
    readCommonOptions(parser, o);
    return o;
}

void readCommonOptions(const QCommandLineParser& parser, CliOptions& o) {
    o.weightsPath = parser.value(QStringLiteral("weights")).toStdString();
    o.snapshotDir = parser.value(QStringLiteral("snapshot-dir")).toStdString();
    o.logJsonPath = parser.value(QStringLiteral("log-json")).toStdString();
    o.quiet = parser.isSet(QStringLiteral("quiet"));
    if (parser.isSet(QStringLiteral("threads")))
        o.threads =
            toInt(QStringLiteral("threads"), parser.value(QStringLiteral("threads")), 0, 1024);
}

} // namespace

CliParseResult parseCliArguments(const QStringList& arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Deep Art Gallery: neural style transfer (Gatys et al. 2015) on the "
                       "command line."));
    const auto helpOption = parser.addHelpOption();
    const auto versionOption = parser.addVersionOption();
    addCliOptions(parser);

    CliParseResult result;
    if (!parser.parse(arguments)) {
        result.message = "deepart-cli: " + parser.errorText().toStdString() + "; see --help";
        result.exitCode = 2;
        return result;
    }
    if (parser.isSet(helpOption)) {
        result.message = parser.helpText().toStdString();
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.message = std::string("deepart-cli ") + DEEPART_VERSION;
        return result;
    }
    try {
        CliOptions options = readOptions(parser);
        if (options.printSettings) {
            result.message = runSettingsToJsonText(options.run).trimmed().toStdString();
            return result;
        }
        result.options = std::move(options);
    } catch (const UsageError& e) {
        result.message = "deepart-cli: " + e.message;
        result.exitCode = 2;
    }
    return result;
}

} // namespace deepart
