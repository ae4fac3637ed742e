#include "CliProcessTest.h"

#include <QDateTime>
#include <QFileInfo>

// deepart-cli's batches as they run: on after a failed job, outputs named by content and style, an
// interrupt.
class TestCliBatch : public CliProcessTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

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

    // A shard run again with --skip-existing runs only what is missing and leaves finished
    // results alone (the rerun of a failed shard on a cluster).
    void skipExistingRunsOnlyWhatIsMissing() {
        QDir().mkpath(path(QStringLiteral("again/in")));
        QDir().mkpath(path(QStringLiteral("again/styles")));
        test::writeRgbImage(path(QStringLiteral("again/in/a.png")), test::testPicture(40, 30, 4));
        test::writeRgbImage(path(QStringLiteral("again/in/b.png")), test::testPicture(30, 40, 5));
        test::writeRgbImage(path(QStringLiteral("again/styles/s.png")),
                            test::testPicture(32, 32, 6));
        const QString out = path(QStringLiteral("again/out"));
        const QStringList batch =
            tinyBatch({QStringLiteral("--content-dir"), path(QStringLiteral("again/in")),
                       QStringLiteral("--style-dir"), path(QStringLiteral("again/styles")),
                       QStringLiteral("--output-dir"), out, QStringLiteral("--skip-existing")});
        // Shard 2 of 2 first: job 2 only.
        auto r = run(batch + QStringList{QStringLiteral("--shard"), QStringLiteral("2/2")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QDir(out).entryList(QDir::Files), QStringList{QStringLiteral("b-s.png")});
        QVERIFY2(r.err.contains(QStringLiteral("job 2/2 'b-s.png'")), qPrintable(r.err));
        const QDateTime written =
            QFileInfo(QDir(out).filePath(QStringLiteral("b-s.png"))).lastModified();
        // The whole batch again: job 1 runs, job 2 is left alone.
        r = run(batch);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(QDir(out).entryList(QDir::Files),
                 (QStringList{QStringLiteral("a-s.png"), QStringLiteral("b-s.png")}));
        QVERIFY2(r.err.contains(QStringLiteral("batch of 2 jobs: 1 done, 0 failed, 1 skipped")),
                 qPrintable(r.err));
        QCOMPARE(QFileInfo(QDir(out).filePath(QStringLiteral("b-s.png"))).lastModified(), written);
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
};

QTEST_GUILESS_MAIN(TestCliBatch)
#include "tst_clibatch.moc"
