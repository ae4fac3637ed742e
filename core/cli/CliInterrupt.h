#pragma once

#include "RunControl.h"

namespace deepart {

// Ctrl-C for deepart-cli: the first one stops the run that is going (after its current iteration,
// or at once while it prepares) and is remembered, so that a batch stops too and a run about to
// start stops at once; a second one ends the process, as users expect.

// Installs the SIGINT handler. Call once, from main()'s thread.
void installInterruptHandler();

// True once Ctrl-C was pressed.
bool interruptRequested();

// Points Ctrl-C at a run for the run's lifetime; a Ctrl-C that came before (during loading)
// stops it at once.
class ScopedInterruptTarget {
public:
    explicit ScopedInterruptTarget(RunControl& control);
    ~ScopedInterruptTarget();
    ScopedInterruptTarget(const ScopedInterruptTarget&) = delete;
    ScopedInterruptTarget& operator=(const ScopedInterruptTarget&) = delete;
};

} // namespace deepart
