#include "CliOptionsTest.h"

#include <QMap>

// deepart-cli's batches as parsed: a jobs file's jobs under the flags, folder batches.
class TestCliBatchOptions : public CliOptionsTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void batchJobsTakeTheFlagsOverTheirSettings() {
        RunSettings fromFile;
        fromFile.contentPath = "/abs/c.jpg";
        fromFile.styles = {StyleSource("/abs/s.jpg", 1.0, 0.5)};
        fromFile.transfer.lossWeights.tv = 1.25;
        batchFile("sub/job.json", runSettingsToJsonText(fromFile));
        const QString jobs = batchFile("jobs/../layered.json", R"({"jobs": [
            {"settings": "sub/job.json", "output": "out/one.png"},
            {"settings": {"size": 256, "inputs": {"content": "c2.jpg",
                          "styles": [{"path": "a.jpg"}, {"path": "/abs/b.jpg", "mask": "m.png"}]}},
             "output": "two.jpg"},
            {"settings": {"loss": {"tv_weight": "lots"}}, "output": "three.png"},
            {"settings": {"size": 64}, "output": "four.png"},
            {"settings": "sub/job.json", "output": "five.gif"},
            {"settings": "sub/job.json", "output": "out/one.png"},
            "not a job"
        ]})");
        const auto r = parse({"--batch", jobs, "--iterations", "7", "--tv-weight", "3"});
        QVERIFY2(r.options, r.message.c_str());
        const CliOptions& o = *r.options;
        QVERIFY(o.batch);
        QCOMPARE(int(o.jobs.size()), 7);
        const QDir folder(batchDir_.path());
        const auto at = [&](const char* name) {
            return folder.filePath(QLatin1String(name)).toStdString();
        };

        const BatchJob& one = o.jobs[0];
        QCOMPARE(one.error, std::string());
        QCOMPARE(one.outputPath, at("out/one.png"));
        RunSettings expected = fromFile;
        expected.transfer.setIterationsPerScale(7);
        expected.transfer.lossWeights.tv = 3.0;
        QCOMPARE(one.run, expected); // the file's own paths as written

        const BatchJob& two = o.jobs[1];
        QCOMPARE(two.error, std::string());
        QCOMPARE(two.outputPath, at("two.jpg"));
        QCOMPARE(two.run.contentPath, at("c2.jpg")); // relative to the jobs file
        QCOMPARE(int(two.run.styles.size()), 2);
        QCOMPARE(two.run.styles[0].path, at("a.jpg"));
        QCOMPARE(two.run.styles[1].path, std::string("/abs/b.jpg"));
        QCOMPARE(two.run.styles[1].maskPath, at("m.png"));
        QCOMPARE(two.run.transfer.scales, (std::vector<ScaleStep>{{256, 7}}));
        QCOMPARE(two.run.transfer.lossWeights.tv, 3.0);

        const auto errorOf = [&](size_t k) { return QString::fromStdString(o.jobs[k].error); };
        QVERIFY2(errorOf(2).contains(QStringLiteral("settings: loss.tv_weight")),
                 qPrintable(errorOf(2)));
        QVERIFY2(errorOf(3).contains(QStringLiteral("no content image")), qPrintable(errorOf(3)));
        QVERIFY2(errorOf(4).contains(QStringLiteral("unsupported file type")),
                 qPrintable(errorOf(4)));
        QVERIFY2(errorOf(5).contains(QStringLiteral("is also job 1's")), qPrintable(errorOf(5)));
        QVERIFY2(errorOf(6).contains(QStringLiteral("expected {\"settings\"")),
                 qPrintable(errorOf(6)));

        // A flag that does not fit one job fails that job only.
        const auto blended = parse({"--batch", jobs, "--style-blend", "1,3"});
        QVERIFY2(blended.options, blended.message.c_str());
        QVERIFY(QString::fromStdString(blended.options->jobs[0].error)
                    .contains(QStringLiteral("--style-blend: 2 weights for 1 style")));
        QCOMPARE(blended.options->jobs[1].error, std::string());
        QCOMPARE(blended.options->jobs[1].run.styles[1].weight, 3.0);
    }

    void folderBatchPairsEveryContentWithEveryStyle() {
        const QString out = batchDir_.filePath(QStringLiteral("results"));
        RunSettings base;
        base.transfer.lossWeights.style = 7.0;
        const QString settings = batchFile("base.json", runSettingsToJsonText(base));
        const auto r = parse({"--content-dir", batchDir_.filePath(QStringLiteral("content")),
                              "--style-dir", batchDir_.filePath(QStringLiteral("styles")),
                              "--output-dir", out, "--settings", settings, "--size", "64"});
        QVERIFY2(r.options, r.message.c_str());
        const CliOptions& o = *r.options;
        QVERIFY(o.batch);
        QCOMPARE(o.outputDir, out.toStdString());
        QStringList outputs, pairs;
        for (const BatchJob& job : o.jobs) {
            QCOMPARE(job.error, std::string());
            outputs << QString::fromStdString(job.outputPath);
            pairs << QFileInfo(QString::fromStdString(job.run.contentPath)).fileName() + "+" +
                         QFileInfo(QString::fromStdString(job.run.styles.at(0).path)).fileName();
            QCOMPARE(int(job.run.styles.size()), 1);
            QCOMPARE(job.run.transfer.lossWeights.style, 7.0); // the --settings base
            QCOMPARE(job.run.transfer.outputSize(), 64);       // and the flags over it
        }
        // Images only (notes.txt is not one), in name order.
        QCOMPARE(pairs,
                 (QStringList{"a.png+s1.jpg", "a.png+s2.PNG", "b.jpg+s1.jpg", "b.jpg+s2.PNG"}));
        QCOMPARE(outputs, (QStringList{out + "/a-s1.png", out + "/a-s2.png", out + "/b-s1.png",
                                       out + "/b-s2.png"}));
    }

    // --shard K/N: the parts of 1..N partition the batch, each job in exactly one, with its
    // number in the whole batch; the same on every machine (the batch's order is the file's,
    // or the folders' by name).
    void shardsPartitionTheBatch() {
        const QStringList batch = {"--content-dir", batchDir_.filePath(QStringLiteral("content")),
                                   "--style-dir",   batchDir_.filePath(QStringLiteral("styles")),
                                   "--output-dir",  batchDir_.filePath(QStringLiteral("results"))};
        const auto whole = parse(batch);
        QVERIFY2(whole.options, whole.message.c_str());
        const int size = int(whole.options->jobs.size());
        QCOMPARE(size, 4);
        for (int shards : {1, 3, 4, 7}) {
            QMap<int, int> seen; // job number -> times
            for (int shard = 1; shard <= shards; ++shard) {
                const auto part = parse(
                    batch + QStringList{"--shard", QStringLiteral("%1/%2").arg(shard).arg(shards)});
                QVERIFY2(part.options, part.message.c_str());
                QCOMPARE(part.options->batchSize, size);
                for (const BatchJob& job : part.options->jobs) {
                    QCOMPARE((job.number - 1) % shards, shard - 1);
                    const BatchJob& same = whole.options->jobs.at(size_t(job.number - 1));
                    QCOMPARE(job.outputPath, same.outputPath);
                    ++seen[job.number];
                }
            }
            QCOMPARE(seen.size(), size);
            for (int times : seen)
                QCOMPARE(times, 1);
        }
        const auto skip = parse(batch + QStringList{"--skip-existing"});
        QVERIFY(skip.options && skip.options->skipExisting);
        QVERIFY(!whole.options->skipExisting);
    }
};

QTEST_GUILESS_MAIN(TestCliBatchOptions)
#include "tst_clibatchoptions.moc"
