#pragma once

#include <QObject>
#include <QStringList>

#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace deepart {

class Workspace;

// File ▸ New project, Open project…, Open recent, Save project, Save project as…: the window's
// work as .deepart files (see ProjectArchive). Work is never lost between projects: replacing a
// workspace with changes first offers to save it. Keeps the recent list (QSettings) and the
// window's title and modified mark. GUI thread only.
class ProjectController : public QObject {
    Q_OBJECT
public:
    enum class Unsaved { Save, Discard, Cancel };
    static constexpr int kMaxRecent = 8;

    ProjectController(Workspace* workspace, QWidget* window);

    void addActions(QMenu* file);
    // New and Open replace the workspace: not during a run.
    void setReplaceEnabled(bool enabled);

    bool newProject();
    bool openProject(const QString& path = {}); // asks for the file when empty
    bool save();
    bool saveAs(const QString& path = {}); // asks for the file when empty
    QStringList recentProjects() const;

    // Tests replace these: the question before unsaved work is replaced, and the file dialog.
    void setUnsavedQuestion(std::function<Unsaved()> ask) { askUnsaved_ = std::move(ask); }
    void setFileChooser(std::function<QString(bool forSaving)> choose) {
        chooseFile_ = std::move(choose);
    }

Q_SIGNALS:
    // The workspace now holds other work: the window shows its runs, inputs and settings.
    void workspaceReplaced();
    void failed(const QString& message);
    void saved(const QString& path);

private:
    bool mayReplace(); // false when the user cancels or saving fails
    void remember(const QString& path);
    void updateTitle();
    void fillRecentMenu();

    Workspace* workspace_;
    QWidget* window_;
    QAction* new_ = nullptr;
    QAction* open_ = nullptr;
    QAction* save_ = nullptr;
    QAction* saveAs_ = nullptr;
    QMenu* recent_ = nullptr;
    std::function<Unsaved()> askUnsaved_;
    std::function<QString(bool)> chooseFile_;
};

} // namespace deepart
