#pragma once

#include "FrameGuide.h"
#include "RunDriver.h"
#include "VideoSettings.h"

#include <opencv2/core.hpp>

#include <functional>
#include <string>

namespace deepart {

// A clip to stylize: every frame shares `plan`'s weights, styles and settings (its content, start
// image and temporal targets are set for each frame).
struct VideoJob {
    std::string inputPath;
    std::string outputPath; // the stylized video: .mp4, .webm, .webp or .avi (TimelapseWriter)
    RunPlan plan;
    VideoSettings video;
};

// One frame of a video run.
struct VideoFrameEvent {
    int frame = 0;          // in the clip, 1-based
    int number = 0;         // among the frames of this run, 1-based
    int count = 0;          // frames in this run (0: the clip does not say)
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
    std::string message; // in the user's words: what was written, or why not
    int frames = 0;      // done: stylized now or resumed
    int resumed = 0;
    int iterations = 0; // run now, all frames
    double framesPerSecond = 0.0;
    std::string framesFolder;
};

// Ruder, Dosovitskiy and Brox (2016), "Artistic style transfer for videos": the clip's frames,
// read in order (VideoClip) and brought to the settings' output size, stylized one after the
// other. The first starts as the settings say; each later one starts from the previous result
// carried along the optical flow (the content frame where that cannot be trusted), runs
// VideoSettings::frameIterations at the output size only, and is held to the earlier results by
// the objective's "temporal" term (FrameGuide). Each result is kept in the frames folder as soon
// as it is done (a frame found there is taken as it is: a stopped run goes on where it ended),
// and the video is written at the clip's frame rate once all frames are there (never a partial
// file under its name). A stop (RunControl) or a failed frame ends the run with what is done kept.
// Throws deepart::Error for an unreadable clip, region masks (a clip has no fixed shape for them),
// an unwritable output or frames folder, and what the run driver refuses.
VideoResult stylizeVideo(const VideoJob& job, RunControl& control, const VideoSink& sink);

// Where a video's frames are kept when VideoSettings::framesFolder is empty:
// "<output folder>/<output name>-frames".
std::string defaultFramesFolder(const std::string& outputPath);

// frame-00012.png in `folder`.
std::string framePath(const std::string& folder, int frame);

} // namespace deepart
