#include "CliProcessTest.h"

// deepart-cli as a user runs it: exit codes, messages, files left behind.
class TestCli : public CliProcessTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

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
