#include "GalleryModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace deepart;

// The gallery's model on its own: the fixed input rows, runs as groups of snapshots, removal and
// folding, under QAbstractItemModelTester (every change signalled as Qt's views expect).
class TestGalleryModel : public QObject {
    Q_OBJECT
private:
    static JobRequest job(int run) {
        JobRequest j;
        j.runNumber = run;
        return j;
    }
    static SnapshotInfo snapshot(int run, int iteration) {
        SnapshotInfo s;
        s.settings = job(run);
        s.iteration = iteration;
        s.stats.iteration = iteration;
        s.stats.total = 1000.0 / iteration;
        s.image = QImage(8, 6, QImage::Format_RGB32);
        s.image.fill(QColor::fromHsv(iteration * 7 % 360, 200, 200));
        return s;
    }

private Q_SLOTS:
    void inputsComeFirstThenRunsAsGroups() {
        GalleryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 2);
        QImage photo(10, 8, QImage::Format_RGB32);
        photo.fill(Qt::red);
        model.setContent(photo, QStringLiteral("photo.png"));
        QCOMPARE(model.item(0).kind, GalleryModel::Kind::Content);
        QCOMPARE(model.image(0).size(), photo.size());
        QCOMPARE(model.data(model.index(0), Qt::DisplayRole).toString(), QStringLiteral("Content"));
        QVERIFY(model.item(0).title.contains(QStringLiteral("photo.png")));

        QCOMPARE(model.newestSnapshotRow(), -1);
        model.addRun(job(1), QDateTime::currentDateTime());
        model.addSnapshot(snapshot(1, 5));
        model.addSnapshot(snapshot(1, 10));
        // A snapshot of a run without a header makes its group.
        model.addSnapshot(snapshot(2, 3));
        QCOMPARE(model.rowCount(), 2 + 1 + 2 + 1 + 1);
        QCOMPARE(model.runRow(1), 2);
        QCOMPARE(model.runRow(2), 5);
        QCOMPARE(model.item(3).snapshot.iteration, 5);
        QCOMPARE(model.newestSnapshotRow(), 6);
        QCOMPARE(model.snapshots().size(), 3);
        QVERIFY(model.data(model.index(3), Qt::DisplayRole)
                    .toString()
                    .contains(QStringLiteral("R1 #5")));
        QCOMPARE(model.data(model.index(4), GalleryModel::kIterationRole).toInt(), 10);
    }

    // A video frame names every term of its loss, the temporal one too; a frame found whole in
    // the frames folder says so instead of showing a loss of 0.
    void videoFramesShowTheirTermsOrThatTheyWereKept() {
        GalleryModel model;
        JobRequest video = job(4);
        video.contentPath = QStringLiteral("/clips/walk.mp4");
        video.transfer.scales = {{64, 30}};
        video.video.emplace();
        video.video->temporalWeight = 20.0;
        model.addRun(video, QDateTime::currentDateTime());
        const QString runTip = model.data(model.index(2), Qt::ToolTipRole).toString();
        QVERIFY2(runTip.contains(QStringLiteral("\nVideo of walk.mp4: temporal weight 20, 15 "
                                                "iterations for each frame after the first\nα ")),
                 qPrintable(runTip));
        QVERIFY(runTip.indexOf(QStringLiteral("preset")) < runTip.indexOf(QStringLiteral("Video")));
        SnapshotInfo measured = snapshot(4, 20);
        measured.frame = 3;
        measured.stats.total = 70.0;
        measured.stats.terms = {
            {"content", 10.0}, {"style", 40.0}, {"tv", 5.0}, {"temporal", 15.0}};
        model.addSnapshot(measured);
        SnapshotInfo kept = snapshot(4, 30);
        kept.frame = 4;
        kept.stats = {};
        model.addSnapshot(kept);

        const QString label = model.data(model.index(3), Qt::DisplayRole).toString();
        QVERIFY2(label.contains(QStringLiteral("frame 3")) && label.contains(QStringLiteral("70")),
                 qPrintable(label));
        const QString tip = model.data(model.index(3), Qt::ToolTipRole).toString();
        QVERIFY2(tip.contains(QStringLiteral("total 70 = Content 10 + Style 40 + TV 5 + "
                                             "Temporal 15")),
                 qPrintable(tip));

        const QString keptLabel = model.data(model.index(4), Qt::DisplayRole).toString();
        QCOMPARE(keptLabel, QStringLiteral("R4 frame 4\nkept from before"));
        const QString keptTip = model.data(model.index(4), Qt::ToolTipRole).toString();
        QVERIFY2(keptTip.startsWith(QStringLiteral("Frame 4 (at ")) &&
                     keptTip.contains(QStringLiteral("Kept from an earlier run")),
                 qPrintable(keptTip));
    }

    void removingASnapshotOrARun() {
        GalleryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addRun(job(1), QDateTime::currentDateTime());
        model.addSnapshot(snapshot(1, 5));
        model.addSnapshot(snapshot(1, 10));
        model.addRun(job(2), QDateTime::currentDateTime());
        model.addSnapshot(snapshot(2, 7));
        model.removeRow(3); // R1 #5
        QCOMPARE(model.snapshots().size(), 2);
        QCOMPARE(model.item(3).snapshot.iteration, 10);
        model.removeRow(model.runRow(1)); // the group and what is left of it
        QCOMPARE(model.runRow(1), -1);
        QCOMPARE(model.snapshots().size(), 1);
        QCOMPARE(model.snapshots().first().iteration, 7);
        model.clearRuns();
        QCOMPARE(model.rowCount(), 2);
    }

    void aCollapsedRunKeepsItsRowsHidden() {
        GalleryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.addRun(job(1), QDateTime::currentDateTime());
        model.addSnapshot(snapshot(1, 5));
        QVERIFY(!model.isHiddenRow(3));
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCollapsed(1, true);
        QVERIFY(model.item(2).collapsed);
        QVERIFY(model.isHiddenRow(3));
        QVERIFY(!model.isHiddenRow(2)); // the header stays, to unfold it
        QVERIFY(changed.count() >= 1);
        QCOMPARE(model.rowCount(), 4);
        model.setCollapsed(1, false);
        QVERIFY(!model.isHiddenRow(3));
    }

    void runsHaveDistinctColours() {
        QVERIFY(GalleryModel::runColor(1) != GalleryModel::runColor(2));
        QVERIFY(GalleryModel::runColor(2) != GalleryModel::runColor(3));
    }
};

QTEST_MAIN(TestGalleryModel)
#include "tst_gallerymodel.moc"
