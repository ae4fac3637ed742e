#include "ImageFile.h"
#include "KerasWeightsWriter.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace deepart;

// deepart-cli as a user runs it: exit codes, messages, files left behind.
class TestCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString weights_, content_, style_;

    QString path(const QString& name) const { return dir_.filePath(name); }

    struct Result {
        int exitCode;
        QString err;
    };

    // A home of our own: no weights store or Keras cache of whoever runs the tests.
    QProcessEnvironment isolatedEnvironment() const {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), path(QStringLiteral("home")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("home/data")));
        return env;
    }

    Result run(const QStringList& args) { return run(args, isolatedEnvironment()); }

    Result run(const QStringList& args, const QProcessEnvironment& env) {
        QProcess cli;
        cli.setProcessEnvironment(env);
        cli.start(QStringLiteral(DEEPART_CLI_PATH), args);
        if (!cli.waitForFinished(120000))
            return {-1, QStringLiteral("timed out")};
        return {cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -2,
                QString::fromUtf8(cli.readAllStandardError())};
    }

    QStringList tiny(const QString& output) const {
        return {QStringLiteral("--content"),    content_,
                QStringLiteral("--style"),      style_,
                QStringLiteral("--weights"),    weights_,
                QStringLiteral("--output"),     output,
                QStringLiteral("--size"),       QStringLiteral("32"),
                QStringLiteral("--iterations"), QStringLiteral("6"),
                QStringLiteral("--save-every"), QStringLiteral("0"),
                QStringLiteral("--device"),     QStringLiteral("cpu"),
                QStringLiteral("--threads"),    QStringLiteral("1")};
    }

    // A failed run: the exit code, a single line naming `mentions`, no output file.
    void expectFailure(const QStringList& args, int code, const QString& mentions,
                       const QString& output) {
        const auto r = run(args);
        QVERIFY2(r.exitCode == code,
                 qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.err)));
        QVERIFY2(r.err.contains(mentions), qPrintable(r.err));
        QCOMPARE(r.err.trimmed().count(QLatin1Char('\n')), 0);
        QVERIFY2(!r.err.contains(QStringLiteral("terminate")) &&
                     !r.err.contains(QStringLiteral("Exception raised from")),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(output));
    }

private Q_SLOTS:
    void initTestCase() {
        weights_ = path(QStringLiteral("w.h5"));
        test::writeKerasWeights(weights_, test::smallWeights());
        content_ =
            test::writeRgbImage(path(QStringLiteral("content.png")), test::testPicture(80, 60, 1));
        style_ =
            test::writeRgbImage(path(QStringLiteral("style.jpg")), test::testPicture(50, 70, 2));
    }

    void runsAndWritesEverything() {
        const QString out = path(QStringLiteral("art.png"));
        auto args = tiny(out);
        args << QStringLiteral("--save-every") << QStringLiteral("3")
             << QStringLiteral("--snapshot-dir") << path(QStringLiteral("snaps"))
             << QStringLiteral("--log-json") << path(QStringLiteral("log.jsonl"));
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.err.contains(QStringLiteral("100%")));
        QVERIFY(QFile::exists(out));
        QVERIFY(QFile::exists(path(QStringLiteral("snaps/art-0003.png"))));
        QVERIFY(QFile::exists(path(QStringLiteral("snaps/art-0006.png"))));
        QCOMPARE(QDir(path(QStringLiteral("snaps"))).entryList(QDir::Files).size(), 2);

        QFile log(path(QStringLiteral("log.jsonl")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const auto lines = log.readAll().split('\n');
        QCOMPARE(lines.size(), 7); // six lines and the empty remainder after the last newline
        for (int k = 1; k <= 6; ++k) {
            const auto obj = QJsonDocument::fromJson(lines[k - 1]).object();
            QCOMPARE(obj.value(QStringLiteral("iteration")).toInt(), k);
            const double total = obj.value(QStringLiteral("total")).toDouble();
            const double sum = obj.value(QStringLiteral("content")).toDouble() +
                               obj.value(QStringLiteral("style")).toDouble() +
                               obj.value(QStringLiteral("tv")).toDouble();
            QVERIFY(qAbs(total - sum) <= 1e-4 * total);
            QVERIFY(obj.value(QStringLiteral("ms")).toDouble() > 0.0);
            QCOMPARE(obj.value(QStringLiteral("size")).toInt(), 32);
            QCOMPARE(obj.value(QStringLiteral("evaluations")).toInt(), k); // Adam: one each
        }
        QCOMPARE(
            QJsonDocument::fromJson(lines[0]).object().value(QStringLiteral("content")).toDouble(),
            0.0);
    }

    void coarseToFineWithLbfgs() {
        const QString out = path(QStringLiteral("scaled.png"));
        auto args = tiny(out);
        args << QStringLiteral("--size") << QStringLiteral("48") << QStringLiteral("--scales")
             << QStringLiteral("24,48") << QStringLiteral("--scale-iterations")
             << QStringLiteral("3,2") << QStringLiteral("--optimizer") << QStringLiteral("lbfgs")
             << QStringLiteral("--line-search") << QStringLiteral("strong-wolfe")
             << QStringLiteral("--log-json") << path(QStringLiteral("scaled.jsonl"));
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const cv::Mat image = loadRgbImage(out.toStdString(), "output");
        QCOMPARE(image.cols, 48);
        QCOMPARE(image.rows, 36);
        QFile log(path(QStringLiteral("scaled.jsonl")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QList<int> sizes;
        qint64 evaluations = 0;
        for (const auto& line : log.readAll().split('\n')) {
            if (line.isEmpty())
                continue;
            const auto obj = QJsonDocument::fromJson(line).object();
            sizes << obj.value(QStringLiteral("size")).toInt();
            const qint64 now = obj.value(QStringLiteral("evaluations")).toInteger();
            QVERIFY(now > evaluations); // cumulative, at least one per iteration
            evaluations = now;
        }
        QCOMPARE(sizes, (QList<int>{24, 24, 24, 48, 48}));
    }

    void nonFiniteLossKeepsTheLastGoodImage() {
        const QString out = path(QStringLiteral("blowup.png"));
        auto args = tiny(out);
        args << QStringLiteral("--style-weight") << QStringLiteral("1e39")
             << QStringLiteral("--quiet");
        expectFailure(args, 1, QStringLiteral("infinite or not a number"), out);
        QVERIFY(QFile::exists(path(QStringLiteral("blowup-last-good.png"))));
    }

    void printSettings() {
        QProcess cli;
        cli.setProcessEnvironment(isolatedEnvironment());
        cli.start(QStringLiteral(DEEPART_CLI_PATH),
                  {QStringLiteral("--print-settings"), QStringLiteral("--preset"),
                   QStringLiteral("fast"), QStringLiteral("--content"), content_});
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const auto json = QJsonDocument::fromJson(cli.readAllStandardOutput()).object();
        QCOMPARE(json.value(QStringLiteral("format")).toString(),
                 QStringLiteral("deepart-settings"));
        QCOMPARE(json.value(QStringLiteral("preset")).toString(), QStringLiteral("fast"));
        QCOMPARE(json.value(QStringLiteral("inputs")).toObject().value(QStringLiteral("content")),
                 QJsonValue(content_));
    }

    void outputHasContentSize() {
        const QString out = path(QStringLiteral("sized.jpg"));
        QCOMPARE(run(tiny(out)).exitCode, 0);
        const cv::Mat image = loadRgbImage(out.toStdString(), "output");
        QCOMPARE(image.cols, 32); // content is 80x60, --size 32
        QCOMPARE(image.rows, 24);
    }

    void inputErrors() {
        const QString out = path(QStringLiteral("never.png"));
        auto args = tiny(out);
        args[1] = path(QStringLiteral("missing.jpg"));
        expectFailure(args, 1, QStringLiteral("content image '") + args[1] + "': file not found",
                      out);

        test::writeBytes(path(QStringLiteral("empty.png")), {});
        args[1] = path(QStringLiteral("empty.png"));
        expectFailure(args, 1, QStringLiteral("the file is empty"), out);

        test::writeBytes(path(QStringLiteral("corrupt.jpg")), "\xff\xd8\xff garbage");
        args = tiny(out);
        args[3] = path(QStringLiteral("corrupt.jpg"));
        expectFailure(args, 1, QStringLiteral("style image '") + args[3], out);

        test::writeBytes(path(QStringLiteral("bomb.png")), test::pngClaimingSize(300000, 300000));
        args[3] = path(QStringLiteral("bomb.png"));
        expectFailure(args, 1, QStringLiteral("too large"), out);
    }

    void creativeControlsEndToEnd() {
        // Two styles blended, the second in a region, colours kept; then a continuation.
        cv::Mat mask(60, 80, CV_8UC3, cv::Scalar(0, 0, 0));
        mask(cv::Rect(0, 0, 40, 60)).setTo(cv::Scalar(255, 255, 255));
        const QString maskPath = test::writeRgbImage(path(QStringLiteral("mask.png")), mask);
        const QString second =
            test::writeRgbImage(path(QStringLiteral("second.png")), test::testPicture(64, 64, 3));
        const QString out = path(QStringLiteral("blend.png"));
        auto args = tiny(out);
        args << QStringLiteral("--style") << second << QStringLiteral("--style-blend")
             << QStringLiteral("0.7,0.3") << QStringLiteral("--style-mask") << QStringLiteral("-")
             << QStringLiteral("--style-mask") << maskPath << QStringLiteral("--style-scale")
             << QStringLiteral("1,0.75") << QStringLiteral("--preserve-colors")
             << QStringLiteral("luminance");
        auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("2 styles")), qPrintable(r.err));
        const cv::Mat result = loadRgbImage(out.toStdString(), "output");
        QCOMPARE(result.cols, 32);
        QCOMPARE(result.rows, 24);

        const QString continued = path(QStringLiteral("continued.png"));
        args = tiny(continued);
        args << QStringLiteral("--init-image") << out;
        r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(QFile::exists(continued));
    }

    void creativeControlErrors() {
        const QString out = path(QStringLiteral("never.png"));
        cv::Mat wrongShape(50, 50, CV_8UC3, cv::Scalar(255, 255, 255));
        const QString mask = test::writeRgbImage(path(QStringLiteral("square.png")), wrongShape);
        auto args = tiny(out);
        args << QStringLiteral("--style-mask") << mask;
        expectFailure(args, 1, QStringLiteral("50 x 50 pixels; a mask must have the content"), out);

        args = tiny(out);
        args << QStringLiteral("--style-mask") << path(QStringLiteral("nowhere.png"));
        expectFailure(args, 1, QStringLiteral("nowhere.png"), out);

        args = tiny(out);
        args << QStringLiteral("--style-scale") << QStringLiteral("300");
        expectFailure(args, 1, QStringLiteral("the limit is 8192 px"), out);

        args = tiny(out);
        args << QStringLiteral("--init-image") << path(QStringLiteral("missing-start.png"));
        expectFailure(args, 1, QStringLiteral("starting image '"), out);
    }

    void weightErrors() {
        const QString out = path(QStringLiteral("never.png"));
        auto args = tiny(out);
        args[5] = path(QStringLiteral("nothing.h5"));
        expectFailure(args, 1, QStringLiteral("weights file '") + args[5] + "': file not found",
                      out);
        test::writeBytes(path(QStringLiteral("fake.h5")), "not hdf5");
        args[5] = path(QStringLiteral("fake.h5"));
        expectFailure(args, 1, QStringLiteral("not an HDF5 file"), out);

        args.removeAt(5);
        args.removeAt(4);
        expectFailure(args, 1, QStringLiteral("no VGG-19 weights found"), out);
    }

    void usageErrors() {
        const QString out = path(QStringLiteral("never.gif"));
        expectFailure(tiny(out), 2, QStringLiteral("unsupported file type"), out);
        auto args = tiny(path(QStringLiteral("never.png")));
        args << QStringLiteral("--iterations") << QStringLiteral("many");
        expectFailure(args, 2, QStringLiteral("--iterations: 'many'"),
                      path(QStringLiteral("never.png")));
    }

    void outputFolderMustExist() {
        const QString out = path(QStringLiteral("no/such/folder/x.png"));
        expectFailure(tiny(out), 1, QStringLiteral("does not exist"), out);
    }

    void cudaWithoutDevice() {
        if (QProcess::execute(
                QStringLiteral("sh"),
                {QStringLiteral("-c"), QStringLiteral("command -v nvidia-smi >/dev/null")}) == 0)
            QFAIL("this test expects a machine without CUDA; run it on the CPU CI");
        const QString out = path(QStringLiteral("never.png"));
        auto args = tiny(out);
        args << QStringLiteral("--device") << QStringLiteral("cuda");
        expectFailure(args, 1, QStringLiteral("no CUDA device"), out);
    }

    void fetchWeightsOfflineSaysSo() {
        QProcessEnvironment env = isolatedEnvironment();
        // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
        env.insert(QStringLiteral("DEEPART_WEIGHTS_URL"),
                   QStringLiteral("http://127.0.0.1:9/w.h5"));
        const auto r = run({QStringLiteral("--fetch-weights")}, env);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("offline")) &&
                     r.err.contains(QStringLiteral("--weights")),
                 qPrintable(r.err));
    }

    void interruptSavesImageSoFar() {
        const QString out = path(QStringLiteral("long.png"));
        auto args = tiny(out);
        args << QStringLiteral("--iterations") << QStringLiteral("100000")
             << QStringLiteral("--log-json") << path(QStringLiteral("long.jsonl"));
        QProcess cli;
        cli.setProcessEnvironment(isolatedEnvironment());
        cli.start(QStringLiteral(DEEPART_CLI_PATH), args);
        QVERIFY(cli.waitForStarted());
        // Wait until optimization is under way (the log has lines), then press Ctrl-C.
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path(QStringLiteral("long.jsonl"))).size() > 0, 60000);
        ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(60000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 130);
        QVERIFY2(err.contains(QStringLiteral("interrupted after")), qPrintable(err));
        QVERIFY(QFile::exists(path(QStringLiteral("long-interrupted.png"))));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
