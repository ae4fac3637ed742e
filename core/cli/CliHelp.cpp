#include "CliHelp.h"

#include "CliOptions.h"
#include "Looks.h"
#include "Presets.h"
#include "TimelapseWriter.h"
#include "TransferSettings.h"
#include "VideoSettings.h"

#include <QCommandLineParser>

namespace deepart::cli {

QString lookSpellings() {
    QStringList names;
    for (Look look : allLooks())
        names << QLatin1String(toString(look));
    return names.join(QStringLiteral(", "));
}

void addCliOptions(QCommandLineParser& parser) {
    const TransferSettings d;
    const auto opt = [&](const char* name, const QString& help, const char* valueName = nullptr) {
        if (valueName)
            parser.addOption({QLatin1String(name), help, QLatin1String(valueName)});
        else
            parser.addOption({QLatin1String(name), help});
    };
    opt("content", QStringLiteral("Content image (the photo)."), "file");
    opt("style",
        QStringLiteral("Style image (the painting); repeat it to blend several paintings."),
        "file");
    opt("style-blend",
        QStringLiteral("Blend weights of the styles, in their order, e.g. 0.7,0.3 (normalized to "
                       "sum 1) [equal]."),
        "w,...");
    opt("style-scale",
        QStringLiteral("Each style image's longer side as a multiple of the output's: below 1 "
                       "larger brush strokes, above 1 finer; one value for all styles or one per "
                       "style [1]."),
        "s,...");
    opt("style-mask",
        QStringLiteral("Where a style applies: a grayscale image of the content's shape (white: "
                       "this style, black: not), or - for the whole image; repeat it in the order "
                       "of the styles [whole image]."),
        "file");
    opt("preserve-colors",
        QStringLiteral("Keep the photo's colours: none (the painting's colours), luminance "
                       "(transfer luminance only, keep the photo's chroma) or match (map the "
                       "painting's colours to the photo's first) [none]."),
        "mode");
    opt("look",
        QStringLiteral("A ready-made look: %1. Sets colours and style scales; flags given as well "
                       "override it.")
            .arg(lookSpellings()),
        "name");
    opt("output",
        QStringLiteral("Result image; .png, .jpg/.jpeg, .tif/.tiff or .webp "
                       "[deepart.png]."),
        "file");
    opt("bit-depth",
        QStringLiteral("Bits a channel of the result image: 8, or 16 for .png and .tif (the run "
                       "computes in floating point; 16 bits keep its smooth gradients for "
                       "print) [8]."),
        "bits");
    opt("dpi",
        QStringLiteral("Print resolution recorded in the result (.png or .tif), e.g. 300: the "
                       "printed size is the pixel size divided by it [none]."),
        "dpi");
    opt("weights",
        QStringLiteral("Keras VGG-19 'notop' HDF5 weights [the weights store, or ~/.keras]."),
        "file");
    opt("fetch-weights", QStringLiteral("Download the VGG-19 weights into the weights store, then "
                                        "exit (or go on with --content and --style)."));
    opt("settings",
        QStringLiteral("Read the run's settings from a JSON settings file (as --print-settings "
                       "writes it); flags given as well override it."),
        "file");
    opt("print-settings",
        QStringLiteral("Print the effective settings (after the file, preset and flags) as JSON "
                       "and exit."));
    opt("preset",
        QStringLiteral("seed (the paper's notebook), fast (the seed's loss in 60% of its time "
                       "in fp32), fine (the seed's time, a lower loss) or print (coarse to fine "
                       "from 512 px, few iterations at the large scales, tiled where needed) "
                       "[seed]. Sets optimizer, scales, iterations and precision; flags given as "
                       "well override it."),
        "name");
    opt("size", QStringLiteral("Longer side of the output in pixels [%1].").arg(d.outputSize()),
        "px");
    opt("iterations",
        QStringLiteral("Iterations at each scale [%1].").arg(d.scales.back().iterations), "n");
    opt("scales",
        QStringLiteral("Coarse-to-fine sizes, increasing, the last being the output size, e.g. "
                       "128,256,512 [the output size only]."),
        "px,...");
    opt("scale-iterations",
        QStringLiteral("Iterations for each of --scales, e.g. 300,200,100 [--iterations each]."),
        "n,...");
    opt("optimizer", QStringLiteral("adam or lbfgs [adam]."), "name");
    opt("learning-rate",
        QStringLiteral("Learning rate of the optimizer [Adam %1, L-BFGS %2].")
            .arg(d.adam.learningRate)
            .arg(d.lbfgs.learningRate),
        "lr");
    opt("final-learning-rate",
        QStringLiteral("Adam: the rate at the end of each scale, reached geometrically "
                       "[the learning rate: constant]."),
        "lr");
    opt("warmup",
        QStringLiteral("Adam: iterations over which the rate climbs to the learning rate at the "
                       "start of each scale [0]."),
        "n");
    opt("lbfgs-history",
        QStringLiteral("L-BFGS: gradient pairs kept [%1].").arg(d.lbfgs.historySize), "n");
    opt("line-search", QStringLiteral("L-BFGS: none or strong-wolfe [none]."), "kind");
    opt("content-weight", QStringLiteral("Content weight alpha [%1].").arg(d.lossWeights.content),
        "a");
    opt("style-weight", QStringLiteral("Style weight beta [%1].").arg(d.lossWeights.style), "b");
    opt("tv-weight", QStringLiteral("Total-variation weight gamma [%1].").arg(d.lossWeights.tv),
        "g");
    opt("init",
        QStringLiteral("Starting image: content, noise, blend or image (--init-image) "
                       "[content]."),
        "mode");
    opt("init-image",
        QStringLiteral("Start from this image (resized to the content's size), e.g. an earlier "
                       "result to continue; implies --init image."),
        "file");
    opt("noise-ratio", QStringLiteral("Noise share for --init blend [%1].").arg(d.noiseRatio), "r");
    opt("seed", QStringLiteral("Random seed for noise [0]."), "n");
    opt("pooling", QStringLiteral("max or avg [max]."), "kind");
    opt("device", QStringLiteral("auto, cpu or cuda [auto: CUDA when available]."), "device");
    opt("precision",
        QStringLiteral("What the network computes in: auto, fp32, tf32, bf16 or fp16; losses, "
                       "Grams and the image stay fp32. auto: bf16 on a CPU with AVX512-BF16 or "
                       "AMX and on a GPU with bf16, else fp32; tf32 and fp16 need CUDA [fp32; "
                       "the fast and fine presets: auto]."),
        "p");
    opt("tile",
        QStringLiteral("Evaluate in tiles of this many px a side (%1 or more; exact, with memory "
                       "bounded by the tile), or 0: whole when it fits in memory, in the largest "
                       "tiles that fit when not [0].")
            .arg(kMinTileSize),
        "px");
    opt("threads", QStringLiteral("CPU threads [all cores]."), "n");
    opt("save-every",
        QStringLiteral("Save a snapshot every n iterations (counted across scales), 0 for none "
                       "[%1].")
            .arg(d.saveEvery),
        "n");
    opt("snapshot-dir", QStringLiteral("Folder for snapshots [the output's folder]."), "dir");
    opt("log-json", QStringLiteral("Write one JSON line of losses per iteration to this file."),
        "file");
    opt("quiet", QStringLiteral("No progress output."));
    opt("timelapse",
        QStringLiteral("Record a time-lapse video of the run: .mp4 (H.264), .webm (VP9), .webp "
                       "(animated, looping) or .avi (Motion JPEG); the first frame is held %1 s, "
                       "the last %2 s.")
            .arg(TimelapseOptions().holdFirstSeconds)
            .arg(TimelapseOptions().holdLastSeconds),
        "file");
    opt("timelapse-every",
        QStringLiteral("A time-lapse frame every n iterations (counted across scales) [%1].")
            .arg(CliOptions().timelapseEvery),
        "n");
    opt("timelapse-fps",
        QStringLiteral("Frames per second of the time-lapse [%1].").arg(CliOptions().timelapseFps),
        "fps");
    opt("timelapse-side-by-side",
        QStringLiteral("The time-lapse shows the photo on the left and the result on the right."));
    opt("video",
        QStringLiteral("Stylize a video clip instead of --content, frame by frame, each frame "
                       "held to the ones before along the optical flow (Ruder et al. 2016); "
                       "--output is then a video (.mp4, .webm, .webp or .avi) at the clip's frame "
                       "rate, without its sound. A settings file of a video run (its \"video\" "
                       "section) is stylized as a video too."),
        "file");
    opt("temporal-weight",
        QStringLiteral("Video: how strongly a frame keeps to the frames before, against the "
                       "content weight, as in the paper [%1].")
            .arg(VideoSettings().temporalWeight),
        "g");
    opt("long-term",
        QStringLiteral("Video: also keep to the frames 2 and 4 back, so that what was hidden for "
                       "a moment comes back as it was."));
    opt("frame-iterations",
        QStringLiteral("Video: iterations for each frame after the first, which starts from the "
                       "one before [half of --iterations]."),
        "n");
    opt("first-frame", QStringLiteral("Video: the first frame to stylize, from 1 [1]."), "n");
    opt("frame-count", QStringLiteral("Video: how many frames to stylize [to the end]."), "n");
    opt("frames-dir",
        QStringLiteral("Video: folder that keeps each stylized frame; frames already there are "
                       "kept, so a stopped video goes on where it ended [<output>-frames]."),
        "dir");
    opt("batch",
        QStringLiteral("Run the jobs of a jobs file (JSON: {\"jobs\": [{\"settings\": FILE or "
                       "{...}, \"output\": FILE}, ...]}, see README), with the weights loaded "
                       "once; other flags apply to every job."),
        "file");
    opt("content-dir",
        QStringLiteral("A batch of every image in this folder with every image of --style-dir, "
                       "each written to --output-dir as <content>-<style>.png; other flags apply "
                       "to every job."),
        "dir");
    opt("style-dir", QStringLiteral("The style images of a --content-dir batch."), "dir");
    opt("output-dir",
        QStringLiteral("Where a --content-dir batch writes its results (created when missing)."),
        "dir");
    opt("shard",
        QStringLiteral("Run only part K of N of the batch (jobs K, K+N, K+2N, ... in the batch's "
                       "order): N machines with K = 1..N run every job exactly once."),
        "K/N");
    opt("skip-existing",
        QStringLiteral("Leave jobs whose output file exists alone (results are written whole or "
                       "not at all), so a batch or a failed shard can be run again."));
}

} // namespace deepart::cli
