#include "InputsController.h"

#include "ExportWriter.h"
#include "GalleryModel.h"
#include "GalleryView.h"
#include "ImageWell.h"
#include "Looks.h"
#include "SettingsPanel.h"
#include "StyleStrip.h"
#include "WeightsDialog.h"
#include "WeightsStore.h"
#include "Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QMessageBox>
#include <QSignalBlocker>

#include <algorithm>

namespace deepart {

InputsController::InputsController(const Parts& parts, QWidget* window)
    : QObject(window), parts_(parts) {
    confirmRestore_ = [window](const QString& name) {
        return QMessageBox::question(
                   window, tr("Restore settings?"),
                   tr("%1 was made with Deep Art Gallery and carries its settings. Use them for "
                      "the next run?")
                       .arg(name)) == QMessageBox::Yes;
    };
    chooseWeights_ = [window] {
        return WeightsDialog::ask(
            WeightsStore(), tr("Download the VGG-19 weights, or use a file you already have."),
            window);
    };
    connect(parts_.content, &ImageWell::imageChanged, this, [this](const QString& path) {
        offerSettingsOf(path);
        parts_.gallery->setContent(parts_.content->image(), QFileInfo(path).fileName());
        Q_EMIT changed();
    });
    connect(parts_.styles, &StyleStrip::stylesChanged, this, &InputsController::stylesChanged);
    connect(parts_.settings, &SettingsPanel::lookChosen, this, [this](Look look) {
        RunSettings run = request().runSettings();
        applyLook(run, look);
        const QSignalBlocker blocker(parts_.styles);
        for (int k = 0; k < parts_.styles->count(); ++k)
            parts_.styles->setScale(k, run.styles[static_cast<size_t>(k)].scale);
    });
    connect(parts_.settings, &SettingsPanel::colorsChanged, this,
            &InputsController::showMatchingLook);
    // The panel has no single "changed" signal; what the next run would use is compared every
    // few seconds and saved when it differs, so a crash loses at most that.
    saveTimer_.setInterval(3000);
    connect(&saveTimer_, &QTimer::timeout, this, &InputsController::save);
    saveTimer_.start();
}

JobRequest InputsController::request() const {
    JobRequest job;
    parts_.settings->applyTo(job);
    job.contentPath = parts_.content->path();
    job.styles = parts_.styles->styles();
    job.weightsPath = weightsPath_;
    return job;
}

bool InputsController::complete() const {
    return !parts_.content->path().isEmpty() && parts_.styles->count() > 0;
}

void InputsController::show(const RunSettings& run) {
    JobRequest job = request();
    job.transfer = run.transfer;
    job.initImagePath = QString::fromStdString(run.initImagePath);
    if (!run.contentPath.empty())
        parts_.content->loadFile(QString::fromStdString(run.contentPath));
    if (!run.styles.empty())
        loadStyles(run.styles);
    const QSignalBlocker blocker(parts_.settings);
    parts_.settings->showSettings(job);
}

void InputsController::chooseWeights() {
    const QString path = chooseWeights_();
    if (path.isEmpty())
        return;
    weightsPath_ = path;
    Q_EMIT changed();
    Q_EMIT message(tr("Using the weights in %1").arg(QDir::toNativeSeparators(path)));
}

void InputsController::restore(const RunSettings& stored) {
    const auto present = [](const std::string& path) {
        return !path.empty() && QFileInfo(QString::fromStdString(path)).isFile();
    };
    RunSettings usable = stored;
    // The next run is an image run: a video's clip is no photo (only a hand-edited workspace
    // holds one here).
    if (!present(stored.contentPath) || stored.video)
        usable.contentPath.clear();
    usable.video.reset();
    const bool stylesPresent =
        std::all_of(stored.styles.begin(), stored.styles.end(), [&](const StyleSource& s) {
            return present(s.path) && (s.maskPath.empty() || present(s.maskPath));
        });
    if (!stylesPresent)
        usable.styles.clear();
    if (!present(stored.initImagePath))
        usable.initImagePath.clear(); // an image start without its image starts from the photo
    show(usable);
}

bool InputsController::loadContent(const QString& path) {
    return parts_.content->loadFile(path);
}

bool InputsController::loadStyle(const QString& path) {
    return loadStyles({StyleSource{path.toStdString()}});
}

bool InputsController::loadStyles(const std::vector<StyleSource>& styles) {
    parts_.styles->setStyles(styles);
    return parts_.styles->count() == static_cast<int>(styles.size());
}

void InputsController::save() {
    if (parts_.content->path().isEmpty() && parts_.styles->count() == 0)
        return;
    const RunSettings next = request().runSettings();
    if (next == savedInputs_)
        return;
    savedInputs_ = next;
    parts_.workspace->setNext(next);
    Q_EMIT saved();
}

void InputsController::stylesChanged() {
    StyleStrip* strip = parts_.styles;
    const int count = strip->count();
    const QString first = QFileInfo(strip->stylePath(0)).fileName();
    parts_.gallery->setStyle(strip->styleImage(0),
                             count > 1 ? tr("%1 (+%2 more)").arg(first).arg(count - 1) : first);
    // The thumbnail's height may change: without a repaint the old label stays visible.
    parts_.view->viewport()->update();
    // A painting made with this app offers its settings once, when it arrives.
    QStringList paths;
    for (int k = 0; k < count; ++k) {
        paths << strip->stylePath(k);
        if (!knownStylePaths_.contains(paths.last()))
            offerSettingsOf(paths.last());
    }
    knownStylePaths_ = paths;
    showMatchingLook();
    Q_EMIT changed();
}

void InputsController::showMatchingLook() {
    parts_.settings->showLook(matchingLook(request().runSettings()));
}

void InputsController::offerSettingsOf(const QString& path) {
    const auto settings = readArtworkSettings(path);
    if (!settings || !confirmRestore_(QFileInfo(path).fileName()))
        return;
    JobRequest job = request();
    job.transfer = settings->transfer;
    {
        // For the next run: a run in progress keeps its weights.
        const QSignalBlocker blocker(parts_.settings);
        parts_.settings->showSettings(job);
    }
    Q_EMIT message(tr("Settings restored from %1").arg(QFileInfo(path).fileName()));
}

} // namespace deepart
