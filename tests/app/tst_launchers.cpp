#include "KerasWeightsWriter.h"
#include "ProjectArchive.h"
#include "RandomVgg19Weights.h"
#include "TestData.h"
#include "TransferSession.h"
#include "WorkspaceManifest.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace deepart;

// The programs as a person starts them: `deepart` (the window) and `deepart-test-weights`.
class TestLaunchers : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    // A home of its own (settings, weights store), and no display at all: `deepart` must answer
    // what it can without one.
    QProcessEnvironment environment(bool display) const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("home/config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/data")));
        env.remove(QStringLiteral("DISPLAY"));
        env.remove(QStringLiteral("WAYLAND_DISPLAY"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"),
                   display ? QStringLiteral("offscreen") : QStringLiteral("xcb"));
        return env;
    }

    struct Result {
        int exitCode;
        QString out;
        QString err;
    };

    Result run(const QString& program, const QStringList& args, bool display = false) {
        QProcess process;
        process.setProcessEnvironment(environment(display));
        process.setWorkingDirectory(dir_.path());
        process.start(program, args);
        if (!process.waitForFinished(60000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromLocal8Bit(process.readAllStandardOutput()),
                QString::fromLocal8Bit(process.readAllStandardError())};
    }

    // CPU time (user + system, in clock ticks) of the process's worker: the thread that
    // TransferSession names "deepart-worker" and LibTorch's pool threads it starts, which
    // inherit the name.
    static long long workerCpuTicks(qint64 pid) {
        const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
        long long ticks = 0;
        for (const QString& task : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            QFile comm(tasks.filePath(task + QStringLiteral("/comm")));
            if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != "deepart-worker")
                continue;
            QFile stat(tasks.filePath(task + QStringLiteral("/stat")));
            if (!stat.open(QIODevice::ReadOnly))
                continue;
            // After the command name in parentheses: fields 3..; utime and stime are 14 and 15.
            const QByteArray text = stat.readAll();
            const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
            if (fields.size() > 13)
                ticks += fields[11].toLongLong() + fields[12].toLongLong();
        }
        return ticks;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir_.isValid()); }

    void helpAndVersionNeedNoDisplay() {
        const Result help = run(QStringLiteral(DEEPART_GUI_PATH), {QStringLiteral("--help")});
        QVERIFY2(help.exitCode == 0, qPrintable(help.err));
        QVERIFY2(help.out.contains(QStringLiteral("--size <px>")) &&
                     help.out.contains(QStringLiteral("--start")),
                 qPrintable(help.out));
        const Result version = run(QStringLiteral(DEEPART_GUI_PATH), {QStringLiteral("--version")});
        QVERIFY2(version.exitCode == 0, qPrintable(version.err));
        QCOMPARE(version.out.trimmed(), QStringLiteral("deepart " DEEPART_VERSION));
    }

    void windowArgumentsAreCheckedLikeTheCli() {
        // Refused before any window (or display) is needed, with the CLI's limits.
        const QList<QStringList> bad = {{QStringLiteral("--size"), QStringLiteral("16385")},
                                        {QStringLiteral("--size"), QStringLiteral("15")},
                                        {QStringLiteral("--size"), QStringLiteral("big")},
                                        {QStringLiteral("--iterations"), QStringLiteral("0")},
                                        {QStringLiteral("--iterations"), QStringLiteral("2.5")},
                                        {QStringLiteral("--preset"), QStringLiteral("slow")},
                                        {QStringLiteral("--no-such-flag")}};
        for (const QStringList& args : bad) {
            const Result r = run(QStringLiteral(DEEPART_GUI_PATH), args);
            QVERIFY2(r.exitCode == 2, qPrintable(args.join(' ') + QStringLiteral(": ") + r.err));
            QVERIFY2(r.err.startsWith(QStringLiteral("deepart: ")) && r.err.count('\n') == 1,
                     qPrintable(r.err));
        }
        const Result size = run(QStringLiteral(DEEPART_GUI_PATH),
                                {QStringLiteral("--size"), QStringLiteral("20000")});
        QVERIFY2(size.err.contains(QStringLiteral("--size: '20000'")) &&
                     size.err.contains(QStringLiteral("from 16 to 16384")),
                 qPrintable(size.err));
    }

    void testWeightsToolPrintsUsage() {
        const Result help =
            run(QStringLiteral(DEEPART_TEST_WEIGHTS_PATH), {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QStringLiteral("usage: deepart-test-weights")),
                 qPrintable(help.out));
        QVERIFY(!QFile::exists(path(QStringLiteral("--help"))));
        const Result unknown =
            run(QStringLiteral(DEEPART_TEST_WEIGHTS_PATH), {QStringLiteral("--fast")});
        QCOMPARE(unknown.exitCode, 2);
        QVERIFY(!QFile::exists(path(QStringLiteral("--fast"))));
        const Result written =
            run(QStringLiteral(DEEPART_TEST_WEIGHTS_PATH), {path(QStringLiteral("slim.h5"))});
        QCOMPARE(written.exitCode, 0);
        QVERIFY(QFile::exists(path(QStringLiteral("slim.h5"))));
    }

    void sigtermDuringPreparationClosesTheWindowPromptly() {
        // Full-width VGG-19 weights and a 1536 px photo: one layer of the preparation's forward
        // passes is a single LibTorch call of seconds, which no stop can interrupt.
        const QString weights = path(QStringLiteral("full.h5"));
        test::writeKerasWeights(weights, randomVgg19Weights());
        const QString photo = test::writeRgbImage(path(QStringLiteral("photo.png")),
                                                  test::testPicture(1536, 1152, 1));
        QProcess window;
        window.setProcessEnvironment(environment(true));
        window.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        window.start(QStringLiteral(DEEPART_GUI_PATH),
                     {QStringLiteral("--weights"), weights, QStringLiteral("--content"), photo,
                      QStringLiteral("--style"), photo, QStringLiteral("--size"),
                      QStringLiteral("1536"), QStringLiteral("--iterations"), QStringLiteral("3"),
                      QStringLiteral("--start")});
        QVERIFY(window.waitForStarted());
        // The run is under way once its thread has done half a second of work.
        QTRY_VERIFY_WITH_TIMEOUT(workerCpuTicks(window.processId()) >= 50 ||
                                     window.state() == QProcess::NotRunning,
                                 120000);
        QCOMPARE(window.state(), QProcess::Running);
        QElapsedTimer sinceSignal;
        sinceSignal.start();
        ::kill(static_cast<pid_t>(window.processId()), SIGTERM);
        QVERIFY(window.waitForFinished(30000));
        const qint64 ms = sinceSignal.elapsed();
        qInfo("closed %lld ms after SIGTERM", static_cast<long long>(ms));
        QCOMPARE(window.exitStatus(), QProcess::NormalExit);
        QCOMPARE(window.exitCode(), 0);
        // The bound is the session's wait plus the window's close; the margin is for a loaded
        // machine (2 cores shared with the rest of the suite).
        QVERIFY2(ms < TransferSession::kShutdownWaitMs + 3000, qPrintable(QString::number(ms)));
        // It closed as a window closes: its state was saved, and the next run's inputs are in
        // its workspace for the next launch.
        const QSettings saved(path(QStringLiteral("home/config/DeepArtGallery/deepart.conf")),
                              QSettings::IniFormat);
        QVERIFY(!saved.value(QStringLiteral("window/geometry")).toByteArray().isEmpty());
        QFile manifest(path(QStringLiteral("home/data/DeepArtGallery/deepart/workspace/") +
                            QLatin1String(kManifestName)));
        QVERIFY2(manifest.open(QIODevice::ReadOnly), qPrintable(manifest.fileName()));
        const auto next = workspaceFromJsonText(manifest.readAll()).next;
        QVERIFY(next);
        QCOMPARE(QString::fromStdString(next->contentPath), photo);
    }
};

QTEST_GUILESS_MAIN(TestLaunchers)
#include "tst_launchers.moc"
