// deepart-test-weights OUT.h5 [--full]: writes random VGG-19 weights in the Keras layout, slim
// (4-16 channels) by default or with the real widths (an 80 MB file) with --full. For demos and
// the screenshot script, never for real artworks: random weights make no art.
#include "KerasWeightsWriter.h"
#include "TestData.h"

#include <QString>

#include <cstring>
#include <exception>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2 || argc > 3 || (argc == 3 && std::strcmp(argv[2], "--full") != 0)) {
        std::cerr << "usage: deepart-test-weights OUT.h5 [--full]\n";
        return 2;
    }
    try {
        const bool full = argc == 3;
        deepart::test::writeKerasWeights(QString::fromLocal8Bit(argv[1]),
                                         full ? deepart::randomVgg19Weights()
                                              : deepart::test::smallWeights());
    } catch (const std::exception& e) {
        std::cerr << "deepart-test-weights: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
