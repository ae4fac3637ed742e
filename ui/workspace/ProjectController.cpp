#include "ProjectController.h"

#include "AppSettings.h"
#include "Workspace.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>
#include <QWidget>

namespace deepart {

namespace {
const QString kFilter = QObject::tr("Deep Art Gallery projects (*.deepart)");
} // namespace

ProjectController::ProjectController(Workspace* workspace, QWidget* window)
    : QObject(window), workspace_(workspace), window_(window) {
    askUnsaved_ = [this] {
        const auto answer = QMessageBox::question(
            window_, tr("Save the current work?"),
            tr("The runs in the gallery have changes that are not in a project file. Save them "
               "as a project first?"),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        return answer == QMessageBox::Save      ? Unsaved::Save
               : answer == QMessageBox::Discard ? Unsaved::Discard
                                                : Unsaved::Cancel;
    };
    chooseFile_ = [this](bool forSaving) {
        const QString folder = QFileInfo(workspace_->projectPath()).path();
        if (!forSaving)
            return QFileDialog::getOpenFileName(window_, tr("Open project"), folder, kFilter);
        QString path = QFileDialog::getSaveFileName(
            window_, tr("Save project"),
            QDir(folder.isEmpty() ? QDir::homePath() : folder)
                .filePath(workspace_->projectPath().isEmpty()
                              ? tr("artwork.deepart")
                              : QFileInfo(workspace_->projectPath()).fileName()),
            kFilter);
        if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
            path += QStringLiteral(".deepart");
        return path;
    };
    // Also when the workspace is (re)opened: a project and its unsaved mark outlive a restart.
    connect(workspace_, &Workspace::modifiedChanged, this, &ProjectController::updateTitle);
    updateTitle();
}

void ProjectController::addActions(QMenu* file) {
    new_ = file->addAction(tr("New project"), QKeySequence(Qt::CTRL | Qt::Key_N), this,
                           [this] { newProject(); });
    new_->setStatusTip(tr("Start over with an empty gallery (the inputs stay)"));
    open_ = file->addAction(tr("Open project…"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_O), this,
                            [this] { openProject(); });
    recent_ = file->addMenu(tr("Open recent project"));
    connect(recent_, &QMenu::aboutToShow, this, &ProjectController::fillRecentMenu);
    fillRecentMenu();
    save_ = file->addAction(tr("Save project"), QKeySequence(Qt::CTRL | Qt::Key_S), this,
                            [this] { save(); });
    saveAs_ =
        file->addAction(tr("Save project as…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S),
                        this, [this] { saveAs(); });
}

void ProjectController::setReplaceEnabled(bool enabled) {
    for (QAction* a : {new_, open_})
        if (a)
            a->setEnabled(enabled);
    if (recent_)
        recent_->setEnabled(enabled);
}

bool ProjectController::mayReplace() {
    if (!workspace_->isModified() || workspace_->manifest().runs.empty())
        return true;
    switch (askUnsaved_()) {
    case Unsaved::Save:
        return save();
    case Unsaved::Discard:
        return true;
    case Unsaved::Cancel:
        return false;
    }
    return false;
}

bool ProjectController::newProject() {
    if (!mayReplace())
        return false;
    workspace_->clear();
    updateTitle();
    Q_EMIT workspaceReplaced();
    return true;
}

bool ProjectController::openProject(const QString& given) {
    if (!mayReplace())
        return false;
    const QString path = given.isEmpty() ? chooseFile_(false) : given;
    if (path.isEmpty())
        return false;
    const QString error = workspace_->openProject(path);
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return false;
    }
    remember(path);
    updateTitle();
    Q_EMIT workspaceReplaced();
    return true;
}

bool ProjectController::save() {
    return saveAs(workspace_->projectPath());
}

bool ProjectController::saveAs(const QString& given) {
    const QString path = given.isEmpty() ? chooseFile_(true) : given;
    if (path.isEmpty())
        return false;
    const QString error = workspace_->saveProject(path);
    if (!error.isEmpty()) {
        Q_EMIT failed(error);
        return false;
    }
    remember(path);
    updateTitle();
    Q_EMIT saved(path);
    return true;
}

QStringList ProjectController::recentProjects() const {
    return AppSettings().recentProjects();
}

void ProjectController::remember(const QString& path) {
    QStringList recent = recentProjects();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    AppSettings().setRecentProjects(recent);
}

void ProjectController::fillRecentMenu() {
    if (!recent_)
        return;
    recent_->clear();
    const QStringList recent = recentProjects();
    for (const QString& path : recent) {
        QAction* a = recent_->addAction(QFileInfo(path).fileName(), this,
                                        [this, path] { openProject(path); });
        a->setStatusTip(QDir::toNativeSeparators(path));
        a->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        recent_->addAction(tr("No projects yet"))->setEnabled(false);
}

void ProjectController::updateTitle() {
    const QString path = workspace_->projectPath();
    const QString name = path.isEmpty() ? tr("Untitled") : QFileInfo(path).fileName();
    // "[*]" is where Qt shows the modified mark.
    window_->setWindowTitle(tr("%1[*] — Deep Art Gallery").arg(name));
    window_->setWindowFilePath(path);
    window_->setWindowModified(workspace_->isModified() && !workspace_->manifest().runs.empty());
}

} // namespace deepart
