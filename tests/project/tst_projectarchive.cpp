#include "ProjectArchive.h"
#include "RunDriver.h"
#include "SettingsJson.h"
#include "TestData.h"
#include "WorkspaceManifest.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// The workspace manifest (its JSON form) and .deepart project files around it.
class TestProjectArchive : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    static void write(const QString& path, const QByteArray& bytes) {
        QVERIFY(QDir().mkpath(QFileInfo(path).path()));
        test::writeBytes(path, bytes);
    }
    static QByteArray read(const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // A workspace in `folder` with two runs (one continued from the other, one interrupted)
    // whose inputs are outside it.
    WorkspaceManifest sampleWorkspace(const QString& folder) {
        const QString inputs = dir_.filePath(QStringLiteral("outside"));
        write(inputs + QStringLiteral("/photo.png"), QByteArray("photo-bytes"));
        write(inputs + QStringLiteral("/starry.jpg"), QByteArray("starry-bytes"));
        write(inputs + QStringLiteral("/sky.png"), QByteArray("mask-bytes"));
        WorkspaceManifest m;
        RunSettings s;
        s.contentPath = (inputs + QStringLiteral("/photo.png")).toStdString();
        s.styles = {StyleSource{(inputs + QStringLiteral("/starry.jpg")).toStdString(), 0.7, 2.0,
                                (inputs + QStringLiteral("/sky.png")).toStdString()},
                    StyleSource{"/gone/away.jpg", 0.3}};
        s.transfer.scales = {{64, 20}};
        s.transfer.lossWeights.style = 3e-2;
        m.next = s;
        for (int number : {1, 2}) {
            StoredRun run;
            run.number = number;
            run.started = QDateTime(QDate(2026, 11, 29), QTime(10, number, 30), Qt::UTC);
            run.settings = s;
            run.outcome = number == 1 ? StoredRunOutcome::Finished : StoredRunOutcome::Running;
            run.collapsed = number == 1;
            if (number == 2)
                run.continuedFrom = QStringLiteral("R1 #20");
            for (int it : {10, 20}) {
                IterationStats stats;
                stats.iteration = it;
                stats.total = 1000.0 / it;
                stats.terms = {{"content", 1.5 * it}, {"style", 2.25}, {"tv", 0.125}};
                if (number == 2 && it == 20) // a video's second frame: a fourth term
                    stats.terms.push_back({"temporal", 0.5 * it});
                run.losses.push_back(stats);
                StoredSnapshot snap;
                snap.iteration = it;
                snap.manual = it == 10 && number == 2;
                snap.size = 64;
                snap.stats = stats;
                snap.stats.evaluations = it;
                if (number == 2) {        // a video run's frames: the first kept from an earlier
                    snap.frame = it / 10; // run (nothing measured), the second with 4 terms
                    if (it == 10)
                        snap.stats = {};
                }
                snap.lossWeights = {1e4, 0.5 * it, 7.5};
                snap.file = QStringLiteral("runs/R%1/%2.png").arg(number).arg(it);
                write(QDir(folder).filePath(snap.file),
                      QByteArray("png-%1-%2").append(QByteArray::number(number * 100 + it)));
                run.snapshots.push_back(snap);
            }
            m.runs.push_back(run);
        }
        return m;
    }

    static void compareRuns(const WorkspaceManifest& a, const WorkspaceManifest& b) {
        QCOMPARE(b.runs.size(), a.runs.size());
        for (size_t r = 0; r < a.runs.size(); ++r) {
            const StoredRun &x = a.runs[r], &y = b.runs[r];
            QCOMPARE(y.number, x.number);
            QCOMPARE(y.started, x.started);
            QCOMPARE(y.outcome, x.outcome);
            QCOMPARE(y.collapsed, x.collapsed);
            QCOMPARE(y.continuedFrom, x.continuedFrom);
            QCOMPARE(y.settings.transfer, x.settings.transfer);
            QCOMPARE(y.losses.size(), x.losses.size());
            for (size_t i = 0; i < x.losses.size(); ++i) {
                QCOMPARE(y.losses[i].iteration, x.losses[i].iteration);
                QCOMPARE(y.losses[i].total, x.losses[i].total);
                QCOMPARE(y.losses[i].content(), x.losses[i].content());
                QCOMPARE(y.losses[i].tv(), x.losses[i].tv());
                QCOMPARE(y.losses[i].terms.size(), x.losses[i].terms.size());
                QCOMPARE(y.losses[i].term("temporal"), x.losses[i].term("temporal"));
            }
            QCOMPARE(y.snapshots.size(), x.snapshots.size());
            for (size_t i = 0; i < x.snapshots.size(); ++i) {
                const StoredSnapshot &p = x.snapshots[i], &q = y.snapshots[i];
                QCOMPARE(q.iteration, p.iteration);
                QCOMPARE(q.frame, p.frame);
                QCOMPARE(q.stats.terms.size(), p.stats.terms.size());
                QCOMPARE(q.stats.term("temporal"), p.stats.term("temporal"));
                QCOMPARE(q.manual, p.manual);
                QCOMPARE(q.size, p.size);
                QCOMPARE(q.file, p.file);
                QCOMPARE(q.stats.total, p.stats.total);
                QCOMPARE(q.stats.style(), p.stats.style());
                QCOMPARE(q.stats.evaluations, p.stats.evaluations);
                QCOMPARE(q.lossWeights, p.lossWeights);
            }
        }
    }

private Q_SLOTS:
    // The engine's outcome of a run and the manifest's stored one are two types: a file may use
    // both (a one-definition-rule violation once, when both were deepart::RunOutcome).
    void storedOutcomesAreTheManifestsOwn() {
        QCOMPARE(QString::fromLatin1(toString(StoredRunOutcome::Stopped)),
                 QStringLiteral("stopped"));
        const RunOutcome engine = RunOutcome::Cancelled;
        QVERIFY(engine != RunOutcome::Finished);
    }

    void manifestRoundTrip() {
        const QString folder = dir_.filePath(QStringLiteral("ws-json"));
        WorkspaceManifest m = sampleWorkspace(folder);
        m.projectPath = QStringLiteral("/somewhere/art.deepart");
        m.modified = true;
        const QByteArray text = QJsonDocument(workspaceToJson(m)).toJson();
        const WorkspaceManifest back = workspaceFromJsonText(text);
        compareRuns(m, back);
        QVERIFY(back.next.has_value());
        QCOMPARE(*back.next, *m.next);
        QCOMPARE(back.projectPath, m.projectPath);
        QVERIFY(back.modified);
        QCOMPARE(back.lastRunNumber(), 2);
    }

    void manifestRefusesWhatIsNotOne_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << QByteArray("{\"format\": ") << "offset";
        QTest::newRow("format") << QByteArray(R"({"format":"deepart-settings","version":1})")
                                << "format";
        QTest::newRow("newer") << QByteArray(R"({"format":"deepart-workspace","version":9})")
                               << "newer";
        const QByteArray run =
            R"({"format":"deepart-workspace","version":1,"runs":[{"number":1,"started":"2026-11-29T10:00:00Z","settings":{},"snapshots":[{"iteration":1,"losses":{"total":1},"file":"FILE"}]}]})";
        QTest::newRow("escapes") << QByteArray(run).replace("FILE", "../../etc/passwd")
                                 << "runs[0].snapshots[0].file";
        QTest::newRow("absolute") << QByteArray(run).replace("FILE", "/etc/passwd")
                                  << "not a file inside";
        QTest::newRow("unknown key")
            << QByteArray(R"({"format":"deepart-workspace","version":1,"rnus":[]})") << "rnus";
        QTest::newRow("twice")
            << QByteArray(
                   R"({"format":"deepart-workspace","version":1,"runs":[{"number":1,"started":"2026-11-29T10:00:00Z","settings":{}},{"number":1,"started":"2026-11-29T10:00:00Z","settings":{}}]})")
            << "twice";
    }
    void manifestRefusesWhatIsNotOne() {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        try {
            workspaceFromJsonText(text);
            QFAIL("accepted");
        } catch (const SettingsError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(expected), e.what());
        }
    }

    void projectRoundTripCopiesInputs() {
        const QString folder = dir_.filePath(QStringLiteral("ws-save"));
        const WorkspaceManifest m = sampleWorkspace(folder);
        const QString project = dir_.filePath(QStringLiteral("art.deepart"));
        saveProject(m, folder, project);
        QVERIFY(QFileInfo(project).size() > 0);
        QVERIFY(!QFileInfo::exists(project + QStringLiteral(".part")));

        const QString opened = dir_.filePath(QStringLiteral("ws-open"));
        WorkspaceManifest back = openProject(project, opened);
        compareRuns(m, back);
        // Inputs are copies inside the project, named relative to it until resolved.
        QVERIFY(
            QString::fromStdString(back.next->contentPath).startsWith(QStringLiteral("inputs/")));
        resolveProjectInputs(back, opened);
        const RunSettings& next = *back.next;
        QCOMPARE(read(QString::fromStdString(next.contentPath)), QByteArray("photo-bytes"));
        QCOMPARE(read(QString::fromStdString(next.styles[0].path)), QByteArray("starry-bytes"));
        QCOMPARE(read(QString::fromStdString(next.styles[0].maskPath)), QByteArray("mask-bytes"));
        QCOMPARE(next.styles[0].scale, 2.0);
        // A missing input keeps its name (it could not be copied).
        QCOMPARE(next.styles[1].path, std::string("/gone/away.jpg"));
        // Each input once: the runs share the copies.
        QCOMPARE(back.runs[1].settings.contentPath, next.contentPath);
        QCOMPARE(QDir(opened + QStringLiteral("/inputs"))
                     .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                     .size(),
                 3);
        // Under their own names, so the window shows "photo.png", not an archive's name.
        QCOMPARE(QFileInfo(QString::fromStdString(next.contentPath)).fileName(),
                 QStringLiteral("photo.png"));
    }

    void projectSnapshotsComeBack() {
        const QString folder = dir_.filePath(QStringLiteral("ws-snaps"));
        const WorkspaceManifest m = sampleWorkspace(folder);
        write(folder + QStringLiteral("/runs/R2/frames/000005.jpg"), QByteArray("frame"));
        write(folder + QStringLiteral("/runs/R2/stray.txt"), QByteArray("not packed"));
        const QString project = dir_.filePath(QStringLiteral("snaps.deepart"));
        saveProject(m, folder, project);
        const QString opened = dir_.filePath(QStringLiteral("ws-snaps-open"));
        const WorkspaceManifest back = openProject(project, opened);
        for (const auto& run : back.runs)
            for (const auto& snap : run.snapshots)
                QCOMPARE(read(QDir(opened).filePath(snap.file)),
                         read(QDir(folder).filePath(snap.file)));
        // The time-lapse frames travel too; nothing else in the folder does.
        QCOMPARE(read(opened + QStringLiteral("/runs/R2/frames/000005.jpg")), QByteArray("frame"));
        QVERIFY(!QFileInfo::exists(opened + QStringLiteral("/runs/R2/stray.txt")));
        QVERIFY(QFileInfo::exists(QDir(opened).filePath(QString::fromLatin1(kManifestName))));
    }

    void damagedProjectsAreRefused() {
        const QString notZip = dir_.filePath(QStringLiteral("not.deepart"));
        test::writeBytes(notZip, QByteArray("this is not a zip archive"));
        QVERIFY_THROWS_EXCEPTION(ProjectError,
                                 openProject(notZip, dir_.filePath(QStringLiteral("x1"))));
        try {
            openProject(notZip, dir_.filePath(QStringLiteral("x2")));
        } catch (const ProjectError& e) {
            QVERIFY2(QString::fromStdString(e.what()).contains(
                         QStringLiteral("not a Deep Art Gallery project")),
                     e.what());
        }
        // Truncated: the first half of a real project.
        const QString folder = dir_.filePath(QStringLiteral("ws-trunc"));
        const WorkspaceManifest m = sampleWorkspace(folder);
        const QString whole = dir_.filePath(QStringLiteral("whole.deepart"));
        saveProject(m, folder, whole);
        const QByteArray bytes = read(whole);
        const QString half = dir_.filePath(QStringLiteral("half.deepart"));
        test::writeBytes(half, bytes.left(bytes.size() / 2));
        QVERIFY_THROWS_EXCEPTION(ProjectError,
                                 openProject(half, dir_.filePath(QStringLiteral("x3"))));
    }

    void aFailedSaveKeepsTheOldProject() {
        const QString folder = dir_.filePath(QStringLiteral("ws-fail"));
        WorkspaceManifest m = sampleWorkspace(folder);
        const QString project = dir_.filePath(QStringLiteral("keep.deepart"));
        saveProject(m, folder, project);
        const QByteArray before = read(project);
        // A snapshot file that vanished makes the save fail: the old project stays as it was.
        QFile::remove(QDir(folder).filePath(m.runs[0].snapshots[0].file));
        QVERIFY_THROWS_EXCEPTION(ProjectError, saveProject(m, folder, project));
        QCOMPARE(read(project), before);
        QVERIFY(!QFileInfo::exists(project + QStringLiteral(".part")));
    }
};

QTEST_GUILESS_MAIN(TestProjectArchive)
#include "tst_projectarchive.moc"
