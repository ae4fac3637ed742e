#include "RunEvents.h"

namespace deepart {

double IterationStats::term(const std::string& name) const {
    for (const auto& t : terms)
        if (t.name == name)
            return t.value;
    return 0.0;
}

} // namespace deepart
