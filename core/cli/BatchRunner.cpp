#include "BatchRunner.h"

#include "CliInterrupt.h"
#include "CliJob.h"
#include "ComputeDevice.h"
#include "DurationText.h"
#include "Error.h"
#include "KerasWeightsFile.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>
#include <vector>

namespace deepart {

namespace {

using Clock = std::chrono::steady_clock;

enum class JobState { Done, Failed, Interrupted, NotRun, Skipped };

struct JobReport {
    int number = 0; // in the whole batch
    std::string name;
    JobState state = JobState::NotRun;
    double seconds = 0.0;
    std::string message; // why it failed
};

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

const char* stateText(JobState state) {
    switch (state) {
    case JobState::Done:
        return "done";
    case JobState::Failed:
        return "failed";
    case JobState::Interrupted:
        return "interrupted";
    case JobState::NotRun:
        return "not run";
    case JobState::Skipped:
        return "skipped";
    }
    return "";
}

// Runs one job; every failure of its own becomes its report, so the batch goes on.
CliJobResult runJob(const CliOptions& o, const BatchJob& job, const Vgg19Weights& weights) {
    if (!job.error.empty())
        return {1, job.error};
    try {
        prepareJobOutputs(o, job.run, job.outputPath);
        return runCliJob(o, job.run, job.outputPath, weights);
    } catch (const std::exception& e) {
        return {1, describeException(e)};
    }
}

// "0.4 s" for short jobs, where formatDuration's whole seconds would read "0s".
std::string secondsText(double seconds) {
    if (seconds >= 60.0)
        return formatDuration(seconds);
    return QString::number(seconds, 'f', 1).toStdString() + " s";
}

std::string fileName(const std::string& path) {
    return QFileInfo(QString::fromStdString(path)).fileName().toStdString();
}

// "fruits.jpg with starry_night.jpg and composition_vii.jpg"
std::string inputsText(const RunSettings& run) {
    std::string text = fileName(run.contentPath) + " with ";
    for (size_t k = 0; k < run.styles.size(); ++k)
        text += (k == 0                       ? ""
                 : k + 1 == run.styles.size() ? " and "
                                              : ", ") +
                fileName(run.styles[k].path);
    return text;
}

void printSummary(const std::vector<JobReport>& reports, double seconds) {
    int counts[5] = {0, 0, 0, 0, 0};
    size_t nameWidth = 0;
    for (const JobReport& report : reports) {
        ++counts[static_cast<int>(report.state)];
        nameWidth = std::max(nameWidth, report.name.size());
    }
    std::cerr << "deepart-cli: batch of " << reports.size()
              << (reports.size() == 1 ? " job: " : " jobs: ") << counts[0] << " done, " << counts[1]
              << " failed";
    if (counts[2] > 0)
        std::cerr << ", " << counts[2] << " interrupted";
    if (counts[3] > 0)
        std::cerr << ", " << counts[3] << " not run";
    if (counts[4] > 0)
        std::cerr << ", " << counts[4] << " skipped (their output exists)";
    std::cerr << " in " << secondsText(seconds) << '\n';
    int lastNumber = 0;
    for (const JobReport& report : reports)
        lastNumber = std::max(lastNumber, report.number);
    const int indexWidth = static_cast<int>(std::to_string(lastNumber).size());
    for (const JobReport& r : reports) {
        std::cerr << "  " << std::setw(indexWidth) << r.number << "  " << std::left << std::setw(11)
                  << stateText(r.state) << std::setw(static_cast<int>(nameWidth)) << r.name
                  << std::right;
        if (r.state != JobState::NotRun && r.state != JobState::Skipped)
            std::cerr << "  " << std::setw(7) << secondsText(r.seconds);
        if (!r.message.empty())
            std::cerr << "  " << r.message;
        std::cerr << '\n';
    }
}

} // namespace

int runBatch(const CliOptions& o) {
    const auto start = Clock::now();
    if (!o.outputDir.empty() && !QDir().mkpath(QString::fromStdString(o.outputDir)))
        throw Error("--output-dir '" + o.outputDir + "' cannot be created");
    configureThreads(o.threads);
    const Vgg19Weights weights = loadKerasVgg19Weights(resolveWeightsPath(o));

    // Jobs are numbered in the whole batch, so that a shard's log and summary name the same
    // jobs as the jobs file or another machine's shard.
    const size_t count = static_cast<size_t>(std::max<int>(o.batchSize, int(o.jobs.size())));
    std::vector<JobReport> reports;
    for (size_t k = 0; k < o.jobs.size(); ++k) {
        const BatchJob& job = o.jobs[k];
        JobReport report;
        report.number = job.number > 0 ? job.number : static_cast<int>(k + 1);
        report.name =
            job.outputPath.empty()
                ? "job " + std::to_string(report.number)
                : QFileInfo(QString::fromStdString(job.outputPath)).fileName().toStdString();
        if (interruptRequested()) {
            reports.push_back(report);
            continue;
        }
        const std::string label = "job " + std::to_string(report.number) + "/" +
                                  std::to_string(count) + " '" + report.name + "'";
        // A result is written whole or not at all (QSaveFile renames it into place), so one
        // that exists is finished.
        if (o.skipExisting && job.error.empty() &&
            QFileInfo::exists(QString::fromStdString(job.outputPath))) {
            report.state = JobState::Skipped;
            if (!o.quiet)
                std::cerr << "deepart-cli: " << label << ": skipped, its output exists\n";
            reports.push_back(report);
            continue;
        }
        if (!o.quiet && job.error.empty())
            std::cerr << "deepart-cli: " << label << ": " << inputsText(job.run) << '\n';
        const auto jobStart = Clock::now();
        const CliJobResult result = runJob(o, job, weights);
        report.seconds = secondsSince(jobStart);
        report.state = result.exitCode == 0     ? JobState::Done
                       : result.exitCode == 130 ? JobState::Interrupted
                                                : JobState::Failed;
        if (report.state != JobState::Done)
            report.message = result.message;
        if (report.state != JobState::Done || !o.quiet)
            std::cerr << "deepart-cli: " << label << ": " << result.message << '\n';
        reports.push_back(report);
    }
    printSummary(reports, secondsSince(start));
    if (interruptRequested())
        return 130;
    for (const JobReport& report : reports)
        if (report.state != JobState::Done && report.state != JobState::Skipped)
            return 1;
    return 0;
}

} // namespace deepart
