#pragma once

#include <QString>

namespace deepart {

// Knows where the VGG-19 weights file is kept for this user: a per-user data folder
// (QStandardPaths::AppLocalDataLocation), or an existing Keras cache (~/.keras/models) that is
// used as it is. Any thread; no shared state.
class WeightsStore {
public:
    static constexpr const char* kFileName = "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5";
    static constexpr const char* kMd5 = "253f8cb515780f3b799900260a226db6";
    static constexpr qint64 kFileSize = 80134624;
    static constexpr const char* kUrl = "https://storage.googleapis.com/tensorflow/"
                                        "keras-applications/vgg19/"
                                        "vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5";

    // `dataFolder` empty: the per-user data folder.
    explicit WeightsStore(QString dataFolder = {});

    QString folder() const { return folder_; }
    // Where a downloaded or imported file is kept.
    QString storedPath() const;
    // The Keras cache path (~/.keras/models/<file name>).
    static QString kerasCachePath();
    // The first existing file among storedPath() and the Keras cache, or an empty string.
    QString findExisting() const;

    // Checks a weights file by structure (layers, shapes), not checksum, so converted or
    // fine-tuned VGG-19 files pass. Returns an empty string when usable, else the reason.
    static QString validate(const QString& path);
    // The file's MD5 as lower-case hex, or an empty string when it cannot be read.
    static QString md5Of(const QString& path);

    // Copies a user-chosen file into the store after validating it; returns the error, if any.
    QString import(const QString& path) const;

private:
    QString folder_;
};

} // namespace deepart
