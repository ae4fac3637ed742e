#include "KerasWeightsFile.h"

#include "Error.h"
#include "Hdf5Handle.h"
#include "RandomVgg19Weights.h"

#include <c10/util/Exception.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <new>
#include <optional>
#include <vector>

namespace deepart {

namespace {

// The serial HDF5 library is not thread-safe; loads may come from the CLI or a GUI worker.
std::mutex& hdf5Mutex() {
    static std::mutex mutex;
    return mutex;
}

class Reader {
public:
    explicit Reader(std::string path) : path_(std::move(path)) {}

    Vgg19Weights read() {
        namespace fs = std::filesystem;
        std::error_code ec;
        if (!fs::exists(path_, ec))
            fail("file not found");
        if (fs::is_directory(path_, ec))
            fail("is a folder, not a file");
        if (fs::file_size(path_, ec) == 0)
            fail("the file is empty");
        if (H5Fis_hdf5(path_.c_str()) <= 0)
            fail("not an HDF5 file (expected a Keras .h5 weights file)");
        file_ = Hdf5Handle(H5Fopen(path_.c_str(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
        if (!file_.valid())
            fail("cannot be opened: the file is truncated or damaged");

        Hdf5Handle root(H5Gopen2(file_.get(), "/", H5P_DEFAULT), H5Gclose);
        if (!root.valid())
            fail("cannot be opened: the file is truncated or damaged");
        // Files saved from a whole model keep the weights one group down.
        if (!hasAttribute(root.get(), "layer_names") &&
            H5Lexists(root.get(), "model_weights", H5P_DEFAULT) > 0)
            root = Hdf5Handle(H5Gopen2(root.get(), "model_weights", H5P_DEFAULT), H5Gclose);
        if (!hasAttribute(root.get(), "layer_names"))
            fail("not a Keras weights file (no 'layer_names' attribute)");
        const auto layerNames = readStrings(root.get(), "layer_names", "");

        Vgg19Weights weights;
        int64_t inputs = 3;
        for (int i = 0; i < kVgg19ConvCount; ++i) {
            const auto& name = vgg19LayerNames()[static_cast<size_t>(i)];
            if (std::find(layerNames.begin(), layerNames.end(), name) == layerNames.end())
                fail("layer " + name + " is missing");
            auto& layer = weights.layers[static_cast<size_t>(i)];
            try {
                layer = readLayer(root.get(), i, inputs);
            } catch (const std::bad_alloc&) {
                fail("out of memory while reading layer " + name);
            } catch (const c10::Error& e) {
                if (std::string(e.what()).find("can't allocate memory") != std::string::npos)
                    fail("out of memory while reading layer " + name);
                throw;
            }
            inputs = layer.kernel.size(0);
        }
        weights.validate(path_);
        return weights;
    }

private:
    [[noreturn]] void fail(const std::string& why) const {
        throw Error("weights file '" + path_ + "': " + why);
    }

    static bool hasAttribute(hid_t object, const char* name) { return H5Aexists(object, name) > 0; }

    std::vector<std::string> readStrings(hid_t object, const char* attribute,
                                         const std::string& layer) const {
        const std::string where = layer.empty() ? "" : "layer " + layer + ": ";
        Hdf5Handle attr(H5Aopen(object, attribute, H5P_DEFAULT), H5Aclose);
        if (!attr.valid())
            fail(where + "attribute '" + attribute + "' cannot be read");
        Hdf5Handle type(H5Aget_type(attr.get()), H5Tclose);
        Hdf5Handle space(H5Aget_space(attr.get()), H5Sclose);
        if (H5Tget_class(type.get()) != H5T_STRING)
            fail(where + "attribute '" + attribute + "' is not a list of names");
        const hssize_t count = H5Sget_simple_extent_npoints(space.get());
        if (count < 0)
            fail(where + "attribute '" + attribute + "' cannot be read");
        std::vector<std::string> result;
        const auto n = static_cast<size_t>(count);
        if (H5Tis_variable_str(type.get()) > 0) {
            Hdf5Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
            H5Tset_size(memType.get(), H5T_VARIABLE);
            std::vector<char*> buffer(n, nullptr);
            if (H5Aread(attr.get(), memType.get(), buffer.data()) < 0) {
                // Strings read before the failure were allocated by the library.
                H5Dvlen_reclaim(memType.get(), space.get(), H5P_DEFAULT, buffer.data());
                fail(where + "attribute '" + attribute + "' cannot be read");
            }
            for (char* s : buffer)
                result.emplace_back(s ? s : "");
            H5Dvlen_reclaim(memType.get(), space.get(), H5P_DEFAULT, buffer.data());
        } else {
            const size_t width = H5Tget_size(type.get());
            Hdf5Handle memType(H5Tcopy(H5T_C_S1), H5Tclose);
            H5Tset_size(memType.get(), width);
            H5Tset_strpad(memType.get(), H5T_STR_NULLPAD);
            std::vector<char> buffer(n * width, '\0');
            if (H5Aread(attr.get(), memType.get(), buffer.data()) < 0)
                fail(where + "attribute '" + attribute + "' cannot be read");
            for (size_t i = 0; i < n; ++i) {
                const char* s = buffer.data() + i * width;
                result.emplace_back(s, strnlen(s, width));
            }
        }
        return result;
    }

    // Keras stores weights as IEEE floats of 32 bits (64 in some conversions, 16 from
    // mixed-precision models), in either byte order. Checked before reading because the library
    // converts through buffers sized from the stored type: a damaged float type declaring
    // 65535-bit numbers had it allocate and clear 4 GiB before failing (found by fuzz_weights).
    static bool holdsIeeeFloats(hid_t type) {
        for (const hid_t standard :
             {H5T_IEEE_F32LE, H5T_IEEE_F32BE, H5T_IEEE_F64LE, H5T_IEEE_F64BE})
            if (H5Tequal(type, standard) > 0)
                return true;
        for (const H5T_order_t order : {H5T_ORDER_LE, H5T_ORDER_BE}) {
            Hdf5Handle half(H5Tcopy(H5T_IEEE_F32LE), H5Tclose);
            if (H5Tset_fields(half.get(), 15, 10, 5, 0, 10) < 0 || H5Tset_size(half.get(), 2) < 0 ||
                H5Tset_ebias(half.get(), 15) < 0 || H5Tset_order(half.get(), order) < 0)
                return false;
            if (H5Tequal(type, half.get()) > 0)
                return true;
        }
        return false;
    }

    // A dataset opened, its shape known, nothing read yet.
    struct Dataset {
        std::string name;
        Hdf5Handle handle;
        std::vector<int64_t> shape;
        size_t bytesPerNumber = 0;
    };

    Dataset openDataset(hid_t group, const std::string& datasetName,
                        const std::string& layer) const {
        if (H5Lexists(group, datasetName.c_str(), H5P_DEFAULT) <= 0)
            fail("layer " + layer + ": dataset '" + datasetName + "' is missing");
        Dataset d{datasetName,
                  Hdf5Handle(H5Dopen2(group, datasetName.c_str(), H5P_DEFAULT), H5Dclose),
                  {},
                  0};
        if (!d.handle.valid())
            fail("layer " + layer + ": dataset '" + datasetName + "' cannot be opened");
        Hdf5Handle type(H5Dget_type(d.handle.get()), H5Tclose);
        if (!type.valid() || !holdsIeeeFloats(type.get()))
            fail("layer " + layer + ": dataset '" + datasetName +
                 "' does not hold 16-, 32- or 64-bit floating-point numbers");
        d.bytesPerNumber = H5Tget_size(type.get());
        Hdf5Handle space(H5Dget_space(d.handle.get()), H5Sclose);
        const int rank = space.valid() ? H5Sget_simple_extent_ndims(space.get()) : -1;
        if (rank < 1 || rank > 4)
            fail("layer " + layer + ": dataset '" + datasetName + "' has an unexpected rank");
        std::vector<hsize_t> dims(static_cast<size_t>(rank));
        if (H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr) != rank)
            fail("layer " + layer + ": dataset '" + datasetName + "' cannot be read");
        for (const hsize_t n : dims)
            d.shape.push_back(n > static_cast<hsize_t>(INT64_MAX) ? INT64_MAX
                                                                  : static_cast<int64_t>(n));
        return d;
    }

    static std::string shapeText(const std::vector<int64_t>& shape) {
        std::string text;
        for (const int64_t n : shape)
            text += (text.empty() ? "" : "x") + std::to_string(n);
        return text;
    }

    // Called once the shape is known to be VGG-19's (so the product cannot overflow).
    torch::Tensor readDataset(const Dataset& d, const std::string& layer) const {
        // Every number of a weight must be stored. libhdf5 1.10.8 trusts a compact dataset's
        // stored size: one stored with fewer bytes than its shape needs made it copy from a
        // null pointer, a crash of the program (found by fuzz_weights). Chunked data may be
        // compressed, so only compact and contiguous data are measured.
        Hdf5Handle createProps(H5Dget_create_plist(d.handle.get()), H5Pclose);
        const H5D_layout_t layout =
            createProps.valid() ? H5Pget_layout(createProps.get()) : H5D_LAYOUT_ERROR;
        if (layout == H5D_LAYOUT_ERROR)
            fail("layer " + layer + ": dataset '" + d.name +
                 "' cannot be read: the file is truncated or damaged");
        if (layout == H5D_COMPACT || layout == H5D_CONTIGUOUS) {
            hsize_t needed = d.bytesPerNumber;
            for (const int64_t n : d.shape)
                needed *= static_cast<hsize_t>(n);
            const hsize_t stored = H5Dget_storage_size(d.handle.get());
            if (stored != needed)
                fail("layer " + layer + ": dataset '" + d.name + "' stores " +
                     std::to_string(stored) + " bytes where its shape needs " +
                     std::to_string(needed) + ": the file is truncated or damaged");
        }
        auto tensor = torch::empty(d.shape, torch::kFloat32);
        if (H5Dread(d.handle.get(), H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT,
                    tensor.data_ptr<float>()) < 0)
            fail("layer " + layer + ": dataset '" + d.name +
                 "' cannot be read: the file is truncated or damaged");
        return tensor;
    }

    // `inputs`: the previous layer's outputs (3 for the first). Every shape is checked against
    // VGG-19's before anything is allocated, so a file that declares huge datasets (HDF5 can
    // declare terabytes in a few bytes) is refused instead of read.
    ConvWeights readLayer(hid_t root, int index, int64_t inputs) const {
        const std::string& name = vgg19LayerNames()[static_cast<size_t>(index)];
        if (H5Lexists(root, name.c_str(), H5P_DEFAULT) <= 0)
            fail("layer " + name + " is missing");
        Hdf5Handle group(H5Gopen2(root, name.c_str(), H5P_DEFAULT), H5Gclose);
        if (!group.valid())
            fail("layer " + name + " cannot be opened: the file is truncated or damaged");
        if (!hasAttribute(group.get(), "weight_names"))
            fail("layer " + name + " has no 'weight_names' attribute");
        // Tell kernel from bias by rank, not by name: Keras spells them "_W_1:0"/"_b_1:0" in
        // old files and "kernel:0"/"bias:0" in newer ones.
        std::optional<Dataset> kernel;
        std::optional<Dataset> bias;
        for (const auto& datasetName : readStrings(group.get(), "weight_names", name)) {
            Dataset d = openDataset(group.get(), datasetName, name);
            if (d.shape.size() == 4 && !kernel)
                kernel = std::move(d);
            else if (d.shape.size() == 1 && !bias)
                bias = std::move(d);
            else
                fail("layer " + name + ": dataset '" + datasetName + "' has an unexpected rank");
        }
        if (!kernel)
            fail("layer " + name + ": kernel is missing");
        if (!bias)
            fail("layer " + name + ": bias is missing");
        // Keras kernels are 3 x 3 x in x out. Slimmed or converted VGG-19s may have fewer
        // channels than the original, never more.
        const int block = index < 2 ? 0 : index < 4 ? 1 : index < 8 ? 2 : index < 12 ? 3 : 4;
        const int64_t widest = kVgg19Widths[static_cast<size_t>(block)];
        const auto& k = kernel->shape;
        if (k[0] != 3 || k[1] != 3 || k[2] != inputs || k[3] < 1 || k[3] > widest)
            fail("not VGG-19 weights: layer " + name + " has a kernel of shape " + shapeText(k) +
                 ", expected 3x3x" + std::to_string(inputs) + "x" + std::to_string(widest) +
                 " (or fewer outputs than " + std::to_string(widest) + ")");
        if (bias->shape[0] != k[3])
            fail("not VGG-19 weights: layer " + name + " has a bias of shape " +
                 shapeText(bias->shape) + ", expected " + std::to_string(k[3]));
        ConvWeights weights;
        weights.kernel = readDataset(*kernel, name).permute({3, 2, 0, 1}).contiguous();
        weights.bias = readDataset(*bias, name);
        return weights;
    }

    std::string path_;
    Hdf5Handle file_;
};

} // namespace

Vgg19Weights loadKerasVgg19Weights(const std::string& path) {
    std::lock_guard<std::mutex> lock(hdf5Mutex());
    // The library's own error stack printing would spill onto the user's terminal.
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
    return Reader(path).read();
}

} // namespace deepart
