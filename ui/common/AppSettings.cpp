#include "AppSettings.h"

#include <QDir>

namespace deepart {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kExportFolder = QStringLiteral("folders/export");
const QString kContentFolder = QStringLiteral("folders/content");
const QString kStyleFolder = QStringLiteral("folders/style");
const QString kPreviewInterval = QStringLiteral("run/previewInterval");
const QString kRecentProjects = QStringLiteral("projects/recent");
} // namespace

AppSettings::AppSettings() : settings_(std::make_unique<QSettings>()) {}

AppSettings::AppSettings(const QString& iniFile)
    : settings_(std::make_unique<QSettings>(iniFile, QSettings::IniFormat)) {}

QByteArray AppSettings::windowGeometry() const {
    return settings_->value(kGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray& geometry) {
    settings_->setValue(kGeometry, geometry);
}

QByteArray AppSettings::windowState() const {
    return settings_->value(kState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state) {
    settings_->setValue(kState, state);
}

QString AppSettings::exportFolder() const {
    return settings_->value(kExportFolder, QDir::homePath()).toString();
}

void AppSettings::setExportFolder(const QString& folder) {
    settings_->setValue(kExportFolder, folder);
}

QString AppSettings::contentFolder() const {
    return settings_->value(kContentFolder).toString();
}

void AppSettings::setContentFolder(const QString& folder) {
    settings_->setValue(kContentFolder, folder);
}

QString AppSettings::styleFolder() const {
    return settings_->value(kStyleFolder).toString();
}

void AppSettings::setStyleFolder(const QString& folder) {
    settings_->setValue(kStyleFolder, folder);
}

int AppSettings::previewInterval(int fallback) const {
    bool ok = false;
    const int value = settings_->value(kPreviewInterval).toInt(&ok);
    return ok && value >= 1 ? value : fallback;
}

void AppSettings::setPreviewInterval(int iterations) {
    settings_->setValue(kPreviewInterval, iterations);
}

QStringList AppSettings::recentProjects() const {
    return settings_->value(kRecentProjects).toStringList();
}

void AppSettings::setRecentProjects(const QStringList& paths) {
    settings_->setValue(kRecentProjects, paths);
}

} // namespace deepart
