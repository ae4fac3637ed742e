#pragma once

#include "FrameGuide.h"
#include "RunDriver.h"
#include "RunSettings.h"
#include "Vgg19Weights.h"

#include <opencv2/core.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace deepart {

// A clip to stylize: `run` is a video run's settings (RunSettings::video set; its content is the
// clip); its styles and settings are every frame's (no style masks, no start image).
struct VideoJob {
    RunSettings run;
    std::string outputPath; // the stylized video: .mp4, .webm, .webp or .avi (TimelapseWriter)
    Vgg19Weights weights;
    // Memory each frame's run may take (RunPlan::memoryLimitBytes).
    std::optional<std::int64_t> memoryLimitBytes;
};

// One frame of a video run.
struct VideoFrameEvent {
    int frame = 0;          // in the clip, 1-based
    int number = 0;         // among the frames of this run, 1-based
    int count = 0;          // frames in this run (0: unknown: the clip does not say, or was wrong)
    bool resumed = false;   // taken as it was from the frames folder
    int iterations = 0;     // this frame's run
    double seconds = 0.0;   // finished: this frame's run
    double etaSeconds = -1; // finished: the frames left, at the pace so far (-1: not known)
};

// What a video run reports, on the running thread; each callback may be empty.
struct VideoSink {
    std::function<void(const VideoFrameEvent&)> frameStarted;
    RunSink run; // each frame's run
    // The frame as stylized (8-bit RGB at the output size) and, for a frame after the first that
    // was run, what guided it (its start image and consistency masks); `guide` is null otherwise.
    std::function<void(const VideoFrameEvent&, const cv::Mat& stylized, const FrameGuide* guide)>
        frameFinished;
};

struct VideoResult {
    RunOutcome outcome = RunOutcome::Finished;
    // In the user's words: what was written; what is kept after a stop or a failure (the front
    // end says how to go on).
    std::string message;
    int frames = 0; // done: stylized now or resumed
    int resumed = 0;
    int iterations = 0;      // run now, all frames
    LossWeights lossWeights; // as they were at the end (steering carries over to later frames)
    double framesPerSecond = 0.0;
    std::string framesFolder;
};

// Ruder, Dosovitskiy and Brox (2016), "Artistic style transfer for videos": the clip's frames,
// read in order (VideoClip) and brought to the settings' output size, stylized one after the
// other. The first starts as the settings say; each later one starts from the previous result
// carried along the optical flow (the content frame where that cannot be trusted), runs
// VideoSettings::frameIterations at the output size only, and is held to the earlier results by
// the objective's "temporal" term (FrameGuide). Loss weights steered during a frame's run
// (RunControl) stay for the frames after it.
//
// Each result is kept in the frames folder as soon as it is done, beside a record of the run
// (the clip and every setting but the frame range): a frame found there is taken as it is, so a
// stopped run goes on where it ended. A folder recorded for another clip or other settings is
// refused, never mixed. The video is encoded as the frames come, under a .part name, and takes
// its name once all are there. A stop (RunControl) or a failed frame ends the run with what is
// done kept. Throws deepart::Error for an unreadable clip, region masks or a start image, an
// output that is the clip itself or cannot be written, a frames folder of another run, and what
// the run driver refuses.
VideoResult stylizeVideo(const VideoJob& job, RunControl& control, const VideoSink& sink);

// Where a video's frames are kept when VideoSettings::framesFolder is empty:
// "<output folder>/<output name>-frames".
std::string defaultFramesFolder(const std::string& outputPath);

// frame-00012.png in `folder`.
std::string framePath(const std::string& folder, int frame);

} // namespace deepart
