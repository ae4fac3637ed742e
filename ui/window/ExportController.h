#pragma once

#include "ImageEncoding.h"
#include "TimelapseWriter.h"

#include <QObject>
#include <QString>

#include <QImage>
#include <QSize>

#include <functional>
#include <optional>

class QWidget;

namespace deepart {

class GalleryModel;
class GalleryView;
class ImageView;
class ImageWell;
class StyleStrip;
class Workspace;

// Everything the window writes for the user to keep: the selected image (Export…), every
// snapshot (Export all…, asking before it replaces files) and a run's time-lapse, with the file
// dialogs, default names and the last folder used. GUI thread only.
class ExportController : public QObject {
    Q_OBJECT
public:
    // The window's parts it reads from.
    struct Parts {
        GalleryModel* gallery;
        GalleryView* view;
        ImageView* preview;
        ImageWell* content;
        StyleStrip* styles;
        Workspace* workspace;
    };
    ExportController(const Parts& parts, QWidget* window);

    // Writes the selected gallery item (or the latest preview) to `path` in `format`; returns
    // the error.
    QString exportSelected(const QString& path, const ImageWriteOptions& format = {});
    // The image Export would write: the selected item's, or the latest preview.
    QImage selectedImage() const;
    // Asked after the file name when it is a PNG or TIFF (bit depth and print size); the default
    // shows a PrintSizeDialog. Returns nothing when cancelled.
    using FormatQuestion =
        std::function<std::optional<ImageWriteOptions>(QSize pixels, const ImageWriteOptions&)>;
    void setFormatQuestion(FormatQuestion ask) { askFormat_ = std::move(ask); }
    QString exportAllTo(const QString& folder, const QString& extension);
    // Export all into `folder` as the menu does: asks before replacing files (confirmReplace).
    QString exportAllAsking(const QString& folder);
    // Writes run `run`'s time-lapse (its previews and snapshots) to `path`; with `sideBySide`
    // the photo is shown beside it. Returns the error, or "".
    QString exportTimelapse(int run, const QString& path, TimelapseOptions options,
                            bool sideBySide);

    void exportSelectedInteractive();
    void exportAllInteractive();
    void exportTimelapseInteractive(int run);
    int chosenRun() const; // the selected item's run, else the newest

    QString folder() const { return exportFolder_; }
    void setFolder(const QString& folder) { exportFolder_ = folder; }
    // Asked when Export all would replace files; the default shows a question box.
    void setReplaceConfirmation(std::function<bool(int existing, const QString& folder)> confirm) {
        confirmReplace_ = std::move(confirm);
    }

Q_SIGNALS:
    void message(const QString& text, int timeoutMs); // for the status bar

private:
    QString suggestedExportName() const;

    QWidget* window_;
    GalleryModel* gallery_;
    GalleryView* view_;
    ImageView* preview_;
    ImageWell* content_;
    StyleStrip* styles_;
    Workspace* workspace_;
    QString exportFolder_;
    std::function<bool(int, const QString&)> confirmReplace_;
    FormatQuestion askFormat_;
    ImageWriteOptions lastFormat_{16, 300.0}; // what the last export chose, offered again
};

} // namespace deepart
