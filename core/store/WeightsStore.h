#pragma once

#include <QString>

namespace deepart {

// Knows where the VGG-19 weights file is kept for this user: a per-user data folder
// (QStandardPaths::AppLocalDataLocation), or an existing Keras cache (~/.keras/models) that is
// used as it is. Called from any one thread at a time.
class WeightsStore {
public:
    static constexpr const char* kFileName = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5";
    static constexpr const char* kMd5 = "253f8cb515780f3b799900260a226db6";
    static constexpr qint64 kFileSize = 80134624;

    // `dataFolder` empty: the per-user data folder.
    explicit WeightsStore(QString dataFolder = {});

    // Where a downloaded or imported file is kept.
    QString storedPath() const;
    // The Keras cache path (~/.keras/models/<file name>).
    static QString kerasCachePath();
    // The first existing file among storedPath() and the Keras cache, or an empty string.
    QString findExisting() const;

private:
    QString folder_;
};

} // namespace deepart
