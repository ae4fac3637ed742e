#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>

namespace deepart {

// Every preference the window keeps between sessions, each under one QSettings key, typed, with
// its default. The next run's inputs and settings are not among them: the workspace keeps those
// (its manifest's "next"), saved as they change, so there is one copy and a crash loses none.
// Reads and writes at once; any thread, one object per thread (as QSettings).
class AppSettings {
public:
    AppSettings(); // the application's settings (organization and application names)
    explicit AppSettings(const QString& iniFile); // a file of its own, for tests

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray& geometry);
    QByteArray windowState() const; // docks and toolbars
    void setWindowState(const QByteArray& state);

    // Where the file dialogs open: the last folder used for each purpose.
    QString exportFolder() const; // the home folder until one is chosen
    void setExportFolder(const QString& folder);
    QString contentFolder() const;
    void setContentFolder(const QString& folder);
    QString styleFolder() const;
    void setStyleFolder(const QString& folder);

    // Iterations between two previews (a window preference, not part of a run's settings);
    // `fallback` until one is saved, or when the stored one is unusable.
    int previewInterval(int fallback) const;
    void setPreviewInterval(int iterations);

    // Most recent first.
    QStringList recentProjects() const;
    void setRecentProjects(const QStringList& paths);

private:
    std::unique_ptr<QSettings> settings_;
};

} // namespace deepart
