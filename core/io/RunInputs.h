#pragma once

#include "RunDriver.h"
#include "RunSettings.h"

namespace deepart {

// Reads the images a run's settings name and puts them into `plan` as the run driver wants them:
// the content with its longer side at the output size; each style with its longer side at its
// style scale times the output size, with its blend weight and its mask (which must have the
// content's shape; brought to the content's size); the starting image for InitMode::Image,
// resized to the content's size. Throws deepart::Error naming the file or setting at fault.
// One home for this, so the CLI and the window read inputs alike.
void loadRunInputs(const RunSettings& settings, RunPlan& plan);

// The styles alone, as loadRunInputs reads them, for runs whose content comes from elsewhere (a
// video's frames): throws deepart::Error for a style mask, which needs a content image's shape.
void loadStyleInputs(const RunSettings& settings, RunPlan& plan);

// The longer side, in pixels, a style image gets at `scale` for an output of `outputSize`;
// throws deepart::Error when the scale is not positive or the side would exceed kMaxImageSide.
int styleSide(double scale, int outputSize, int styleNumber);

} // namespace deepart
