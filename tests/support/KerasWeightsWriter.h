#pragma once

#include "Vgg19Weights.h"

#include <QString>

#include <set>
#include <string>
#include <vector>

namespace deepart::test {

// How a test wants its Keras-layout file written, to mimic old and new Keras versions and to
// break it in one chosen way.
struct KerasFileOptions {
    bool variableLengthStrings = false; // h5py's newer default instead of fixed-length
    bool newStyleNames = false;         // "block1_conv1/kernel:0" instead of "block1_conv1_W_1:0"
    std::set<std::string> skipLayers;   // groups left out (and from layer_names)
    // A layer whose kernel dataset declares this shape (Keras order, 3 x 3 x in x out) instead,
    // with no data written: HDF5 stores a chunked dataset's unwritten chunks as nothing, so a
    // file of a few kilobytes can declare terabytes.
    std::string declaredKernelLayer;
    std::vector<unsigned long long> declaredKernelShape;
    // How every dataset stores its numbers: Keras writes 32-bit floats, mixed-precision models
    // 16-bit ones, some converters 64-bit ones; a foreign file may hold anything (integers here).
    enum class Numbers { Float32, Float16, Float64, Int32 };
    Numbers numbers = Numbers::Float32;
};

// Writes `weights` as Keras writes VGG-19 (kernels 3x3xInxOut). Fails the test on HDF5 errors.
void writeKerasWeights(const QString& path, const Vgg19Weights& weights,
                       const KerasFileOptions& options = {});

} // namespace deepart::test
