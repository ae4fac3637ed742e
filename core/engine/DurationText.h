#pragma once

#include <string>

namespace deepart {

// "1h02m", "3m07s", "12s": how the CLI and the window show elapsed and remaining time.
std::string formatDuration(double seconds);

} // namespace deepart
