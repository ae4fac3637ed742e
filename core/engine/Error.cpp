#include "Error.h"

#include <c10/util/Exception.h>

#include <new>

namespace deepart {

Error::Error(const std::string& message) : std::runtime_error(message) {}

namespace {
bool mentionsOutOfMemory(const std::string& text) {
    return text.find("out of memory") != std::string::npos ||
           text.find("DefaultCPUAllocator: can't allocate memory") != std::string::npos ||
           text.find("not enough memory") != std::string::npos;
}
} // namespace

std::string describeException(const std::exception& e) {
    if (dynamic_cast<const Error*>(&e))
        return e.what();
    // Where the size of the run is to blame, the run driver says so itself (RunDriver.cpp);
    // here (loading a file, exporting) the failure is named as what it is, without advice that
    // may not apply.
    if (dynamic_cast<const std::bad_alloc*>(&e))
        return "out of memory: the system could not provide the memory asked for";
    std::string text = e.what();
    if (mentionsOutOfMemory(text))
        return "out of memory: the system could not provide the memory asked for";
    if (const auto* torchError = dynamic_cast<const c10::Error*>(&e))
        text = torchError->what_without_backtrace();
    const auto newline = text.find('\n');
    if (newline != std::string::npos)
        text.resize(newline);
    return "internal error: " + text;
}

} // namespace deepart
