#include "KerasWeightsWriter.h"

#include "Hdf5Handle.h"

#include <stdexcept>
#include <vector>

namespace deepart::test {

namespace {

void check(bool ok, const char* what) {
    if (!ok)
        throw std::runtime_error(std::string("HDF5 write failed: ") + what);
}

void writeStringsAttribute(hid_t object, const char* name, const std::vector<std::string>& values,
                           bool variableLength) {
    const hsize_t count = values.size();
    Hdf5Handle space(H5Screate_simple(1, &count, nullptr), H5Sclose);
    Hdf5Handle type(H5Tcopy(H5T_C_S1), H5Tclose);
    if (variableLength) {
        H5Tset_size(type.get(), H5T_VARIABLE);
        std::vector<const char*> pointers;
        for (const auto& v : values)
            pointers.push_back(v.c_str());
        Hdf5Handle attr(H5Acreate2(object, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                        H5Aclose);
        check(attr.valid() && H5Awrite(attr.get(), type.get(), pointers.data()) >= 0, name);
        return;
    }
    size_t width = 1;
    for (const auto& v : values)
        width = std::max(width, v.size());
    H5Tset_size(type.get(), width);
    H5Tset_strpad(type.get(), H5T_STR_NULLPAD);
    std::vector<char> buffer(values.size() * width, '\0');
    for (size_t i = 0; i < values.size(); ++i)
        values[i].copy(buffer.data() + i * width, width);
    Hdf5Handle attr(H5Acreate2(object, name, type.get(), space.get(), H5P_DEFAULT, H5P_DEFAULT),
                    H5Aclose);
    check(attr.valid() && H5Awrite(attr.get(), type.get(), buffer.data()) >= 0, name);
}

// The file's type for `numbers` (16-bit floats built the way h5py builds them).
Hdf5Handle storedType(KerasFileOptions::Numbers numbers) {
    using Numbers = KerasFileOptions::Numbers;
    switch (numbers) {
    case Numbers::Float16: {
        Hdf5Handle half(H5Tcopy(H5T_IEEE_F32LE), H5Tclose);
        check(H5Tset_fields(half.get(), 15, 10, 5, 0, 10) >= 0 && H5Tset_size(half.get(), 2) >= 0 &&
                  H5Tset_ebias(half.get(), 15) >= 0,
              "half type");
        return half;
    }
    case Numbers::Float64:
        return Hdf5Handle(H5Tcopy(H5T_IEEE_F64LE), H5Tclose);
    case Numbers::Int32:
        return Hdf5Handle(H5Tcopy(H5T_STD_I32LE), H5Tclose);
    case Numbers::Float32:
        break;
    }
    return Hdf5Handle(H5Tcopy(H5T_IEEE_F32LE), H5Tclose);
}

void writeDataset(hid_t group, const std::string& name, const torch::Tensor& tensor,
                  KerasFileOptions::Numbers numbers) {
    const auto data = tensor.to(torch::kFloat32).contiguous();
    std::vector<hsize_t> dims(data.sizes().begin(), data.sizes().end());
    Hdf5Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                     H5Sclose);
    // Intermediate groups for "block1_conv1/kernel:0"-style names.
    Hdf5Handle linkProps(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
    H5Pset_create_intermediate_group(linkProps.get(), 1);
    const Hdf5Handle type = storedType(numbers);
    Hdf5Handle dataset(H5Dcreate2(group, name.c_str(), type.get(), space.get(), linkProps.get(),
                                  H5P_DEFAULT, H5P_DEFAULT),
                       H5Dclose);
    check(dataset.valid() && H5Dwrite(dataset.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL,
                                      H5P_DEFAULT, data.data_ptr<float>()) >= 0,
          name.c_str());
}

// A chunked dataset of `dims` whose chunks are never written (so never stored).
void declareDataset(hid_t group, const std::string& name, const std::vector<hsize_t>& dims) {
    Hdf5Handle space(H5Screate_simple(static_cast<int>(dims.size()), dims.data(), nullptr),
                     H5Sclose);
    Hdf5Handle linkProps(H5Pcreate(H5P_LINK_CREATE), H5Pclose);
    H5Pset_create_intermediate_group(linkProps.get(), 1);
    Hdf5Handle createProps(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    const std::vector<hsize_t> chunk(dims.size(), 1);
    check(H5Pset_chunk(createProps.get(), static_cast<int>(chunk.size()), chunk.data()) >= 0,
          "chunk");
    Hdf5Handle dataset(H5Dcreate2(group, name.c_str(), H5T_IEEE_F32LE, space.get(), linkProps.get(),
                                  createProps.get(), H5P_DEFAULT),
                       H5Dclose);
    check(dataset.valid(), name.c_str());
}

} // namespace

void writeKerasWeights(const QString& path, const Vgg19Weights& weights,
                       const KerasFileOptions& options) {
    Hdf5Handle file(
        H5Fcreate(path.toLocal8Bit().constData(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT),
        H5Fclose);
    check(file.valid(), "create file");
    std::vector<std::string> layerNames;
    for (int i = 0; i < kVgg19ConvCount; ++i) {
        const auto& name = vgg19LayerNames()[static_cast<size_t>(i)];
        if (options.skipLayers.count(name))
            continue;
        layerNames.push_back(name);
        Hdf5Handle group(
            H5Gcreate2(file.get(), name.c_str(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), H5Gclose);
        check(group.valid(), name.c_str());
        const std::string kernelName = options.newStyleNames ? name + "/kernel:0" : name + "_W_1:0";
        const std::string biasName = options.newStyleNames ? name + "/bias:0" : name + "_b_1:0";
        writeStringsAttribute(group.get(), "weight_names", {kernelName, biasName},
                              options.variableLengthStrings);
        const auto& layer = weights.layers[static_cast<size_t>(i)];
        // LibTorch's Out x In x 3 x 3 back to Keras's 3 x 3 x In x Out.
        if (name == options.declaredKernelLayer)
            declareDataset(group.get(), kernelName,
                           std::vector<hsize_t>(options.declaredKernelShape.begin(),
                                                options.declaredKernelShape.end()));
        else
            writeDataset(group.get(), kernelName, layer.kernel.permute({2, 3, 1, 0}),
                         options.numbers);
        writeDataset(group.get(), biasName, layer.bias, options.numbers);
    }
    writeStringsAttribute(file.get(), "layer_names", layerNames, options.variableLengthStrings);
}

} // namespace deepart::test
