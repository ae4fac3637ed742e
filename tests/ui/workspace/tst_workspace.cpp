#include "Workspace.h"

#include "ProjectArchive.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// The window's work on disk on its own: the next run's one copy, runs with snapshots written as
// they come, an unreadable manifest moved aside, and everything back after a reopen.
class TestWorkspace : public QObject {
    Q_OBJECT
private:
    static RunSettings next(const QString& content) {
        RunSettings run;
        run.contentPath = content.toStdString();
        run.styles = {StyleSource{"painting.png"}};
        run.transfer.lossWeights.tv = 3.5;
        run.transfer.tileSize = 256;
        return run;
    }

private Q_SLOTS:
    void theNextRunAndTheRunsComeBack() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ws"));
        {
            Workspace workspace;
            QCOMPARE(workspace.open(folder), QString());
            QVERIFY(!workspace.manifest().next);
            workspace.setNext(next(QStringLiteral("photo.png")));
            JobRequest job;
            job.runNumber = 1;
            job.contentPath = QStringLiteral("photo.png");
            workspace.beginRun(job);
            SnapshotInfo snapshot;
            snapshot.settings = job;
            snapshot.iteration = 20;
            snapshot.image = QImage(12, 8, QImage::Format_RGB32);
            snapshot.image.fill(Qt::blue);
            QString error;
            const SnapshotInfo written = workspace.addSnapshot(snapshot, &error);
            QCOMPARE(error, QString());
            QVERIFY(QFile::exists(written.file));
            workspace.endRun(1, StoredRunOutcome::Finished);
            QCOMPARE(workspace.save(), QString());
        }
        Workspace reopened;
        QCOMPARE(reopened.open(folder), QString());
        QVERIFY(reopened.manifest().next);
        QCOMPARE(*reopened.manifest().next, next(QStringLiteral("photo.png")));
        QCOMPARE(int(reopened.manifest().runs.size()), 1);
        const StoredRun& run = reopened.manifest().runs.front();
        QCOMPARE(run.outcome, StoredRunOutcome::Finished);
        const auto snapshots = reopened.snapshotsOf(run);
        QCOMPARE(int(snapshots.size()), 1);
        QCOMPARE(snapshots.front().iteration, 20);
        QCOMPARE(snapshots.front().loadImage().size(), QSize(12, 8));
    }

    void anUnreadableManifestIsMovedAside() {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("ws"));
        QVERIFY(QDir().mkpath(folder));
        QFile broken(QDir(folder).filePath(QLatin1String(kManifestName)));
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        broken.close();
        Workspace workspace;
        const QString error = workspace.open(folder);
        QVERIFY2(!error.isEmpty(), "a broken manifest is reported");
        QVERIFY(workspace.manifest().runs.empty());
        QVERIFY(QFile::exists(broken.fileName() + QStringLiteral(".broken")));
    }
};

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
