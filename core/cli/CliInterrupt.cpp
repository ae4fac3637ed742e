#include "CliInterrupt.h"

#include <atomic>
#include <csignal>

namespace deepart {

namespace {

std::atomic<bool> interrupted{false};
// The run that Ctrl-C stops, while one is going.
std::atomic<RunControl*> interruptTarget{nullptr};

extern "C" void onInterrupt(int) {
    interrupted.store(true);
    if (RunControl* control = interruptTarget.load())
        control->requestStopFromSignal();
    // A second Ctrl-C ends the process at once, as users expect.
    std::signal(SIGINT, SIG_DFL);
}

} // namespace

void installInterruptHandler() {
    std::signal(SIGINT, onInterrupt);
}

bool interruptRequested() {
    return interrupted.load();
}

ScopedInterruptTarget::ScopedInterruptTarget(RunControl& control) {
    interruptTarget.store(&control);
    if (interrupted.load())
        control.requestStopFromSignal();
}

ScopedInterruptTarget::~ScopedInterruptTarget() {
    interruptTarget.store(nullptr);
}

} // namespace deepart
