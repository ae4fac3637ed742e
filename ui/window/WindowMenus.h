#pragma once

class QAction;
class QWidget;

namespace deepart {

class MainWindow;

// The window's actions that menus and the toolbar share with its own code (enabled state,
// the gallery's context menu).
struct WindowActions {
    QAction* start;
    QAction* pause;
    QAction* stop;
    QAction* snapshot;
    QAction* exportImage;
    QAction* exportAll;
    QAction* continueRun;
    QAction* addToQueue;
    QAction* stylizeVideo;
};

// Makes those actions, with their texts, shortcuts and tips, owned by `window` and active while
// it has focus; the window connects them.
WindowActions createWindowActions(QWidget& window);

// Builds the window's menu bar (File, Run, View, Help) and its Run toolbar: where each action is
// offered. GUI thread only.
void addWindowMenus(MainWindow& window, const WindowActions& actions);

} // namespace deepart
