#include "ImageFile.h"
#include "KerasWeightsWriter.h"
#include "SettingsJson.h"
#include "TestData.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>

#include <csignal>
#include <vector>

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

    // Every frame of a video, decoded (BGR).
    static std::vector<cv::Mat> videoFrames(const QString& file) {
        cv::VideoCapture capture(file.toStdString());
        std::vector<cv::Mat> frames;
        cv::Mat frame;
        while (capture.read(frame))
            frames.push_back(frame.clone());
        return frames;
    }

    // Writes `text` to the file `name` in the test's folder; returns its path.
    QString writeText(const QString& name, const QByteArray& text) const {
        const QString file = path(name);
        QDir().mkpath(QFileInfo(file).path());
        test::writeBytes(file, text);
        return file;
    }

    // The flags every batch here shares: tiny, fast, no snapshots, the test weights.
    QStringList tinyBatch(const QStringList& kind) const {
        return kind + QStringList{QStringLiteral("--weights"),    weights_,
                                  QStringLiteral("--size"),       QStringLiteral("32"),
                                  QStringLiteral("--iterations"), QStringLiteral("3"),
                                  QStringLiteral("--save-every"), QStringLiteral("0"),
                                  QStringLiteral("--device"),     QStringLiteral("cpu"),
                                  QStringLiteral("--threads"),    QStringLiteral("1")};
    }

    // A job of a jobs file, with inline settings.
    static QByteArray inlineJob(const QString& content, const QString& style,
                                const QString& output) {
        return QStringLiteral(
                   R"({"settings": {"inputs": {"content": "%1", "styles": [{"path": "%2"}]}}, "output": "%3"})")
            .arg(content, style, output)
            .toUtf8();
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

    // --tile: the same run evaluated in 2 x 2 tiles (128 x 96 px in cores of 64) writes the
    // whole run's image after 3 iterations (to a level of rounding), and says it is tiled.
    void tiledRunGivesTheWholeRunsImage() {
        const auto args = [&](const QString& output) {
            QStringList a = tiny(output);
            a[a.indexOf(QStringLiteral("--size")) + 1] = QStringLiteral("128");
            a[a.indexOf(QStringLiteral("--iterations")) + 1] = QStringLiteral("3");
            return a;
        };
        const QString whole = path(QStringLiteral("whole.png"));
        const QString tiled = path(QStringLiteral("tiled.png"));
        const auto a = run(args(whole));
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        QVERIFY2(!a.err.contains(QStringLiteral("tiles")), qPrintable(a.err));
        const auto b = run(args(tiled) << QStringLiteral("--tile") << QStringLiteral("64"));
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        QVERIFY2(b.err.contains(QStringLiteral("in 4 tiles of 64 px")), qPrintable(b.err));
        const cv::Mat x = loadRgbImage(whole.toStdString(), "whole");
        const cv::Mat y = loadRgbImage(tiled.toStdString(), "tiled");
        QCOMPARE(x.cols, 128);
        // Float rounding turns the sign of the L1 TV term's gradient at the odd pixel (see
        // tst_tiledobjective): all but a few values within one level, none far off.
        cv::Mat levels;
        cv::absdiff(x, y, levels);
        const double apart = cv::countNonZero(levels.reshape(1) > 1);
        QVERIFY2(apart <= 0.001 * double(levels.total() * 3), qPrintable(QString::number(apart)));
        QVERIFY(cv::norm(x, y, cv::NORM_INF) <= 16.0);

        const QString refused = path(QStringLiteral("refused.png"));
        expectFailure(args(refused) << QStringLiteral("--tile") << QStringLiteral("10"), 2,
                      QStringLiteral("--tile: 10 is too small"), refused);
    }

    // --bit-depth 16 --dpi 300: a 16-bit PNG recording 300 dpi; JPEG refuses both in words
    // before the run.
    void printOutputHasSixteenBitsAndResolution() {
        const QString out = path(QStringLiteral("print.png"));
        const auto r = run(tiny(out) << QStringLiteral("--bit-depth") << QStringLiteral("16")
                                     << QStringLiteral("--dpi") << QStringLiteral("300"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(cv::imread(out.toStdString(), cv::IMREAD_UNCHANGED).depth(), CV_16U);
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("pHYs"));
        const QString jpeg = path(QStringLiteral("print.jpg"));
        expectFailure(tiny(jpeg) << QStringLiteral("--bit-depth") << QStringLiteral("16"), 2,
                      QStringLiteral("holds 8 bits a channel"), jpeg);
        expectFailure(tiny(jpeg) << QStringLiteral("--dpi") << QStringLiteral("300"), 2,
                      QStringLiteral("recorded in PNG and TIFF"), jpeg);
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
        args << QStringLiteral("--style-scale") << QStringLiteral("600");
        expectFailure(args, 1, QStringLiteral("the limit is 16384 px"), out);

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

    void timelapseRecordsEveryNthIteration() {
        const QString video = path(QStringLiteral("lapse.mp4"));
        auto args = tiny(path(QStringLiteral("lapse.png")));
        args << QStringLiteral("--iterations") << QStringLiteral("7")
             << QStringLiteral("--timelapse") << video << QStringLiteral("--timelapse-every")
             << QStringLiteral("3") << QStringLiteral("--timelapse-fps") << QStringLiteral("5");
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The start, iterations 3 and 6, the result (7); the first frame held 1 s, the last
        // 2 s, at 5 frames a second.
        const int expected = 1 + 2 + 1 + 5 + 10;
        const auto frames = videoFrames(video);
        QCOMPARE(int(frames.size()), expected);
        for (const cv::Mat& frame : frames)
            QCOMPARE(frame.size(), cv::Size(32, 24));
        QVERIFY2(r.err.contains(
                     QStringLiteral("time-lapse '%1': %2 frames, 3.8 s").arg(video).arg(expected)),
                 qPrintable(r.err));
        QVERIFY(!QFile::exists(path(QStringLiteral("lapse.part.mp4"))));
    }

    void timelapseSideBySideAcrossScales() {
        const QString video = path(QStringLiteral("wide.avi"));
        auto args = tiny(path(QStringLiteral("wide.png")));
        args << QStringLiteral("--size") << QStringLiteral("48") << QStringLiteral("--scales")
             << QStringLiteral("24,48") << QStringLiteral("--scale-iterations")
             << QStringLiteral("2,2") << QStringLiteral("--timelapse") << video
             << QStringLiteral("--timelapse-every") << QStringLiteral("2")
             << QStringLiteral("--timelapse-side-by-side")
             // From noise, so that the result cannot pass for the photo.
             << QStringLiteral("--init") << QStringLiteral("noise");
        const auto r = run(args);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // The start and iteration 2 at 24 px, iteration 4 (the result) at 48 px; holds of 1 and
        // 2 s at the default 10 frames a second.
        const auto frames = videoFrames(video);
        QCOMPARE(int(frames.size()), 3 + 10 + 20);
        cv::Mat content = loadRgbImage(content_.toStdString(), "content");
        cv::resize(content, content, cv::Size(48, 36), 0, 0, cv::INTER_AREA);
        cv::cvtColor(content, content, cv::COLOR_RGB2BGR);
        for (const cv::Mat& frame : frames) {
            QCOMPARE(frame.size(), cv::Size(96, 36));
            // The photo on the left, as given; the result on the right.
            cv::Mat left, right;
            cv::absdiff(frame(cv::Rect(0, 0, 48, 36)), content, left);
            cv::absdiff(frame(cv::Rect(48, 0, 48, 36)), content, right);
            QVERIFY2(cv::mean(left)[0] < 12, qPrintable(QString::number(cv::mean(left)[0])));
            QVERIFY2(cv::mean(right)[0] > 30, qPrintable(QString::number(cv::mean(right)[0])));
        }
    }

    void interruptFinishesTheTimelapse() {
        const QString video = path(QStringLiteral("stopped.avi"));
        auto args = tiny(path(QStringLiteral("stopped.png")));
        args << QStringLiteral("--iterations") << QStringLiteral("100000")
             << QStringLiteral("--log-json") << path(QStringLiteral("stopped.jsonl"))
             << QStringLiteral("--timelapse") << video << QStringLiteral("--timelapse-every")
             << QStringLiteral("2");
        QProcess cli;
        cli.setProcessEnvironment(isolatedEnvironment());
        cli.start(QStringLiteral(DEEPART_CLI_PATH), args);
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo(path(QStringLiteral("stopped.jsonl"))).size() > 0,
                                 60000);
        ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(60000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 130);
        const auto match =
            QRegularExpression(QStringLiteral("interrupted after (\\d+) iterations")).match(err);
        QVERIFY2(match.hasMatch(), qPrintable(err));
        const int done = match.captured(1).toInt();
        QVERIFY(done >= 1);
        // What was recorded, finished under the final name: the start, every second
        // iteration, the last image, and the holds.
        QVERIFY2(QFile::exists(video), qPrintable(err));
        QVERIFY(!QFile::exists(path(QStringLiteral("stopped.part.avi"))));
        QCOMPARE(int(videoFrames(video).size()), 1 + done / 2 + done % 2 + 10 + 20);
    }

    void batchGoesOnAfterAFailedJob() {
        RunSettings first;
        first.contentPath = content_.toStdString();
        first.styles = {StyleSource(style_.toStdString())};
        writeText(QStringLiteral("batch/first.json"), runSettingsToJsonText(first));
        writeText(QStringLiteral("batch/broken.jpg"), "\xff\xd8\xff not a jpeg");
        const QString jobs = writeText(
            QStringLiteral("batch/jobs.json"),
            "{\"jobs\": [{\"settings\": \"first.json\", \"output\": \"b1.png\"},\n" +
                inlineJob(QStringLiteral("broken.jpg"), style_, QStringLiteral("b2.png")) + ",\n" +
                inlineJob(content_, style_, QStringLiteral("out/b3.jpg")) + "]}");
        QDir().mkpath(path(QStringLiteral("batch/out")));
        const auto r = run(tinyBatch({QStringLiteral("--batch"), jobs}));
        QCOMPARE(r.exitCode, 1);
        QVERIFY(QFile::exists(path(QStringLiteral("batch/b1.png"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("batch/b2.png"))));
        const cv::Mat third =
            loadRgbImage(path(QStringLiteral("batch/out/b3.jpg")).toStdString(), "third");
        QCOMPARE(third.size(), cv::Size(32, 24)); // --size over the job's settings
        // The failure named as it happened, then the summary.
        QVERIFY2(r.err.contains(QStringLiteral("job 2/3 'b2.png': content image '%1'")
                                    .arg(path(QStringLiteral("batch/broken.jpg")))),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("batch of 3 jobs: 2 done, 1 failed in ")),
                 qPrintable(r.err));
        QVERIFY2(r.err.contains(QRegularExpression(QStringLiteral("\\n +1 +done +b1\\.png "))) &&
                     r.err.contains(QRegularExpression(
                         QStringLiteral("\\n +2 +failed +b2\\.png .*content image '"))) &&
                     r.err.contains(QRegularExpression(QStringLiteral("\\n +3 +done +b3\\.jpg "))),
                 qPrintable(r.err));
        QVERIFY(!r.err.contains(QStringLiteral("Exception raised from")));
    }

    void folderBatchNamesOutputsByContentAndStyle() {
        QDir().mkpath(path(QStringLiteral("folders/in")));
        QDir().mkpath(path(QStringLiteral("folders/styles")));
        test::writeRgbImage(path(QStringLiteral("folders/in/a.png")), test::testPicture(80, 60, 4));
        test::writeRgbImage(path(QStringLiteral("folders/in/b.jpg")), test::testPicture(60, 80, 5));
        writeText(QStringLiteral("folders/in/notes.txt"), "not an image");
        test::writeRgbImage(path(QStringLiteral("folders/styles/s1.jpg")),
                            test::testPicture(50, 50, 6));
        test::writeRgbImage(path(QStringLiteral("folders/styles/s2.png")),
                            test::testPicture(40, 64, 7));
        const QString out = path(QStringLiteral("folders/results/new")); // created by the batch
        const auto r =
            run(tinyBatch({QStringLiteral("--content-dir"), path(QStringLiteral("folders/in")),
                           QStringLiteral("--style-dir"), path(QStringLiteral("folders/styles")),
                           QStringLiteral("--output-dir"), out}));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QDir(out).entryList(QDir::Files),
                 (QStringList{"a-s1.png", "a-s2.png", "b-s1.png", "b-s2.png"}));
        const cv::Mat portrait =
            loadRgbImage(QDir(out).filePath(QStringLiteral("b-s2.png")).toStdString(), "result");
        QCOMPARE(portrait.size(), cv::Size(24, 32));
        QVERIFY2(r.err.contains(QStringLiteral("batch of 4 jobs: 4 done, 0 failed in ")),
                 qPrintable(r.err));
    }

    void interruptStopsTheBatch() {
        const QString jobs =
            writeText(QStringLiteral("stop/jobs.json"),
                      "{\"jobs\": [" + inlineJob(content_, style_, QStringLiteral("s1.png")) +
                          ", " + inlineJob(content_, style_, QStringLiteral("s2.png")) + "]}");
        auto args = tinyBatch({QStringLiteral("--batch"), jobs});
        args << QStringLiteral("--iterations") << QStringLiteral("100000");
        QProcess cli;
        cli.setProcessEnvironment(isolatedEnvironment());
        cli.start(QStringLiteral(DEEPART_CLI_PATH), args);
        QVERIFY(cli.waitForStarted());
        QString err;
        // The first job has started (the weights are loaded and Ctrl-C is handled by then).
        QTRY_VERIFY_WITH_TIMEOUT((err += QString::fromUtf8(cli.readAllStandardError()))
                                     .contains(QStringLiteral("job 1/2")),
                                 60000);
        ::kill(static_cast<pid_t>(cli.processId()), SIGINT);
        QVERIFY(cli.waitForFinished(60000));
        err += QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 130);
        QVERIFY2(err.contains(
                     QStringLiteral("batch of 2 jobs: 0 done, 0 failed, 1 interrupted, 1 not run")),
                 qPrintable(err));
        QVERIFY(QFile::exists(path(QStringLiteral("stop/s1-interrupted.png"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("stop/s1.png"))));
        QVERIFY(!QFile::exists(path(QStringLiteral("stop/s2.png"))));
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
