#include "TransferSettings.h"

namespace deepart {

const char* toString(InitMode mode) {
    switch (mode) {
    case InitMode::Content:
        return "content";
    case InitMode::Noise:
        return "noise";
    case InitMode::Blend:
        return "blend";
    }
    return "content";
}

const char* toString(Pooling pooling) {
    return pooling == Pooling::Average ? "avg" : "max";
}

} // namespace deepart
