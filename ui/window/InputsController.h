#pragma once

#include "JobRequest.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <vector>

class QWidget;

namespace deepart {

class GalleryModel;
class GalleryView;
class ImageWell;
class SettingsPanel;
class StyleStrip;
class Workspace;

// The next run's inputs as the window shows them: the photo's well, the styles' strip and the
// settings panel, read as one JobRequest and filled from stored settings. Keeps the gallery's
// input tiles and the look in step, offers the settings an artwork made here carries when it is
// dropped, and keeps the next run's inputs saved in the workspace. GUI thread only.
class InputsController : public QObject {
    Q_OBJECT
public:
    // The window's parts it works with.
    struct Parts {
        ImageWell* content;
        StyleStrip* styles;
        SettingsPanel* settings;
        GalleryModel* gallery;
        GalleryView* view;
        Workspace* workspace;
    };
    InputsController(const Parts& parts, QWidget* window);

    void setWeightsPath(const QString& path) { weightsPath_ = path; }
    QString weightsPath() const { return weightsPath_; }
    // File ▸ VGG-19 weights…: asks the chooser (the weights dialog; tests replace it) for a
    // weights file and uses it from the next run on (changed(), and a message).
    void chooseWeights();
    void setWeightsChooser(std::function<QString()> chooser) {
        chooseWeights_ = std::move(chooser);
    }

    JobRequest request() const;
    bool complete() const; // a photo and at least one style
    // The inputs and settings of `settings` in the wells and the panel.
    void show(const RunSettings& settings);
    // Loads the photo (true when it loaded; else the well says why).
    bool loadContent(const QString& path);
    // Replaces the styles with this one / these (true when all loaded).
    bool loadStyle(const QString& path);
    bool loadStyles(const std::vector<StyleSource>& styles);
    // The stored next run's inputs and settings, leaving out inputs whose files are gone (the
    // photo alone; the styles all or none).
    void restore(const RunSettings& stored);
    // Saves the inputs and settings for the next run in the workspace when they changed since
    // the last time (and says so: saved()).
    void save();

    // Asked when a dropped image carries Deep Art Gallery settings; the default shows a question
    // box. Tests replace it.
    void setRestoreConfirmation(std::function<bool(const QString& fileName)> confirm) {
        confirmRestore_ = std::move(confirm);
    }

Q_SIGNALS:
    void changed(); // a photo, the styles or the weights changed
    void saved();   // the next run's inputs went to the workspace
    void message(const QString& text);

private:
    void stylesChanged();
    void offerSettingsOf(const QString& path);
    void showMatchingLook();

    Parts parts_;
    QString weightsPath_;
    QStringList knownStylePaths_;
    RunSettings savedInputs_; // what save() last saved
    QTimer saveTimer_;
    std::function<bool(const QString&)> confirmRestore_;
    std::function<QString()> chooseWeights_;
};

} // namespace deepart
