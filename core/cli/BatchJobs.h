#pragma once

#include "RunSettings.h"

#include <QString>

#include <functional>
#include <string>
#include <vector>

namespace deepart {

// One job of a batch: a run's settings and where its result goes, or why it cannot run.
struct BatchJob {
    RunSettings run;
    std::string outputPath;
    std::string error; // set: the job is reported as failed without running
    int number = 0;    // 1-based, in the whole batch (a shard keeps the batch's numbers)
};

// Applies the command line's flags over a job's settings, as over a --settings file. Throws
// deepart::Error when a flag does not fit the job (e.g. one blend weight for two styles).
using LayerFlags = std::function<void(RunSettings&)>;

// Reads a jobs file (README, "Batches"):
//   {"jobs": [{"settings": "a.json", "output": "a.png"},
//             {"settings": {...inline settings...}, "output": "b.png"}]}
// Relative paths written in it (settings files, outputs, the images inline settings name) are
// relative to its folder; a settings file's own paths are read as --settings reads them. Throws
// deepart::Error for a file that cannot be read or is not a jobs file. A job whose settings or
// output are unusable comes back with its error, so that the others can run.
std::vector<BatchJob> readBatchFile(const QString& path, const LayerFlags& layer);

// Every content x style pair of the images (.png, .jpg, .jpeg, .tif, .tiff, .webp, .bmp, by
// name) in two folders: each job is `base` with that content and that one style, the flags
// layered over it, and the output `<outputDir>/<content>-<style>.png`. Throws deepart::Error
// for a folder that does not exist or holds no images.
std::vector<BatchJob> folderBatch(const RunSettings& base, const QString& contentDir,
                                  const QString& styleDir, const QString& outputDir,
                                  const LayerFlags& layer);

// Part `shard` (1-based) of `shards`: the jobs numbered shard, shard + shards, ... The parts of
// 1..shards partition the batch, each job in exactly one, whatever machine runs which part.
std::vector<BatchJob> shardOf(const std::vector<BatchJob>& jobs, int shard, int shards);

} // namespace deepart
