#pragma once

namespace deepart {

// The desktop app from start to exit: reads `deepart [--weights FILE] [--content FILE]
// [--style FILE] [--size PX] [--iterations N] [--start] [--screenshot FILE]`, finds or obtains
// the VGG-19 weights (store, Keras cache, or the download/import dialog), opens the window with
// the given images (else the last ones, else the bundled samples) and runs the event loop.
int runGui(int argc, char** argv);

} // namespace deepart
