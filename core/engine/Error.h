#pragma once

#include <stdexcept>
#include <string>

namespace deepart {

// An error whose message is written for the person using the program: it names the file, layer
// or value at fault and what would be accepted instead. Anything else that escapes the engine is
// a bug or a resource failure and is worded by describeException().
class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message);
};

// The user-facing text for any exception caught at a boundary (CLI main, GUI worker). LibTorch's
// messages carry C++ back-traces; this keeps their first line, and turns allocation failures into
// an "out of memory" sentence.
std::string describeException(const std::exception& e);

} // namespace deepart
