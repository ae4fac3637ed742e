// deepart-test-weights OUT.h5 [--full]: writes random VGG-19 weights in the Keras layout, slim
// (4-16 channels) by default or with the real widths (an 80 MB file) with --full. For demos and
// the screenshot script, never for real artworks: random weights make no art.
#include "KerasWeightsWriter.h"
#include "TestData.h"

#include <QString>

#include <cstring>
#include <exception>
#include <iostream>

namespace {
const char* const kUsage =
    "usage: deepart-test-weights OUT.h5 [--full]\n"
    "Writes random VGG-19 weights in the Keras layout: slim (4-16 channels), or with the real\n"
    "widths (an 80 MB file) with --full. For tests and demos; random weights make no art.\n";
} // namespace

int main(int argc, char** argv) {
    const char* output = nullptr;
    bool full = false;
    for (int i = 1; i < argc; ++i) {
        const char* arg = argv[i];
        if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0) {
            std::cout << kUsage;
            return 0;
        }
        if (std::strcmp(arg, "--full") == 0) {
            full = true;
        } else if (arg[0] == '-' || output) {
            // An unknown option is never taken for a file name (it used to write "--help").
            std::cerr << "deepart-test-weights: unexpected argument '" << arg << "'\n" << kUsage;
            return 2;
        } else {
            output = arg;
        }
    }
    if (!output) {
        std::cerr << kUsage;
        return 2;
    }
    try {
        deepart::test::writeKerasWeights(QString::fromLocal8Bit(output),
                                         full ? deepart::randomVgg19Weights()
                                              : deepart::test::smallWeights());
    } catch (const std::exception& e) {
        std::cerr << "deepart-test-weights: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
