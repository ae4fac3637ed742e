#include "AppSettings.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// Every preference the window keeps, typed, with its default, under one key each.
class TestAppSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaultsBeforeAnythingIsSaved() {
        QTemporaryDir dir;
        const AppSettings settings(dir.filePath(QStringLiteral("a.ini")));
        QVERIFY(settings.windowGeometry().isEmpty());
        QVERIFY(settings.windowState().isEmpty());
        QCOMPARE(settings.exportFolder(), QDir::homePath());
        QVERIFY(settings.contentFolder().isEmpty());
        QVERIFY(settings.styleFolder().isEmpty());
        QCOMPARE(settings.previewInterval(10), 10);
        QVERIFY(settings.recentProjects().isEmpty());
    }

    void whatIsSavedComesBack() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.ini"));
        {
            AppSettings settings(file);
            settings.setWindowGeometry(QByteArray("geometry"));
            settings.setWindowState(QByteArray("state"));
            settings.setExportFolder(QStringLiteral("/art/out"));
            settings.setContentFolder(QStringLiteral("/art/photos"));
            settings.setStyleFolder(QStringLiteral("/art/paintings"));
            settings.setPreviewInterval(7);
            settings.setRecentProjects(
                {QStringLiteral("/a.deepart"), QStringLiteral("/b.deepart")});
        }
        const AppSettings settings(file);
        QCOMPARE(settings.windowGeometry(), QByteArray("geometry"));
        QCOMPARE(settings.windowState(), QByteArray("state"));
        QCOMPARE(settings.exportFolder(), QStringLiteral("/art/out"));
        QCOMPARE(settings.contentFolder(), QStringLiteral("/art/photos"));
        QCOMPARE(settings.styleFolder(), QStringLiteral("/art/paintings"));
        QCOMPARE(settings.previewInterval(10), 7);
        QCOMPARE(settings.recentProjects(),
                 (QStringList{QStringLiteral("/a.deepart"), QStringLiteral("/b.deepart")}));
    }

    // A hand-edited or damaged file gives the default, not 0 (a preview every 0 iterations).
    void aBadPreviewIntervalGivesTheDefault() {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("a.ini"));
        for (const QString& bad : {QStringLiteral("often"), QStringLiteral("0")}) {
            QSettings(file, QSettings::IniFormat)
                .setValue(QStringLiteral("run/previewInterval"), bad);
            QCOMPARE(AppSettings(file).previewInterval(10), 10);
        }
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
