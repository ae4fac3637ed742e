#pragma once

#include "Vgg19Weights.h"

#include <string>

namespace deepart {

// Reads the VGG-19 convolution weights from a Keras HDF5 weights file, such as
// vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5: one group per layer listed in the root
// attribute `layer_names`, each listing its datasets in the attribute `weight_names` (kernel
// 3x3xInxOut, bias Out). Kernels are converted to LibTorch's OutxInx3x3. Every defect (missing,
// not HDF5, truncated, a layer missing, a wrong shape) throws deepart::Error naming the file and,
// where it applies, the layer. The result has passed Vgg19Weights::validate().
Vgg19Weights loadKerasVgg19Weights(const std::string& path);

} // namespace deepart
