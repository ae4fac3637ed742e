#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace deepart {

// How a clip is stylized (VideoStylizer): the part of a video run's settings (RunSettings::video)
// that an image run lacks. The rest of RunSettings is shared by every frame.
struct VideoSettings {
    // Ruder, Dosovitskiy and Brox's gamma: the temporal term's weight against the content term's,
    // in the paper's normalisation (content: mean squared feature difference; temporal: mean
    // squared difference of 0-255 pixel values). The paper uses 200 with a content weight of 1.
    double temporalWeight = 200.0;
    // Also hold each frame to the stylized frames 2 and 4 back (the paper's long-term
    // consistency), each where no nearer frame already does: what was hidden for a frame or two
    // comes back as it was.
    bool longTerm = false;
    // Iterations for the frames after the first, which start from the previous result carried
    // along the motion; 0: half of the run's (at least 1).
    int frameIterations = 0;
    int firstFrame = 1; // of the clip, 1-based
    int frameCount = 0; // 0: to the end of the clip
    // Where each stylized frame is kept as frame-NNNNN.png (the clip's numbering); a frame
    // already there is taken as it is, so an interrupted video goes on where it stopped.
    std::string framesFolder;

    // Iterations of each frame after the first, whose run (all scales) takes `firstFrame`.
    int laterFrameIterations(int firstFrame) const {
        return frameIterations > 0 ? frameIterations : std::max(1, firstFrame / 2);
    }
    // The earlier frames (how many back) each frame is held to.
    std::vector<int> offsets() const {
        return longTerm ? std::vector<int>{1, 2, 4} : std::vector<int>{1};
    }
    bool operator==(const VideoSettings& o) const {
        return temporalWeight == o.temporalWeight && longTerm == o.longTerm &&
               frameIterations == o.frameIterations && firstFrame == o.firstFrame &&
               frameCount == o.frameCount && framesFolder == o.framesFolder;
    }
    bool operator!=(const VideoSettings& o) const { return !(*this == o); }

    // The engine's weight of the term (TemporalLoss is a mean over [0,1] values, our content
    // loss a quarter of the paper's mean) for the run's content weight.
    double engineWeight(double contentWeight) const {
        return temporalWeight * contentWeight / 4.0 * 255.0 * 255.0;
    }
};

} // namespace deepart
