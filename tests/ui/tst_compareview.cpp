#include "CompareView.h"
#include "GalleryModel.h"
#include "ImageView.h"
#include "WipeView.h"

#include <QtTest>

using namespace deepart;

class TestCompareView : public QObject {
    Q_OBJECT
private:
    static QImage solid(QColor colour, QSize size = {80, 60}) {
        QImage image(size, QImage::Format_RGB888);
        image.fill(colour);
        return image;
    }
    static SnapshotInfo snapshot(int iteration, QColor colour) {
        SnapshotInfo s;
        s.iteration = iteration;
        s.image = solid(colour);
        return s;
    }

private Q_SLOTS:
    void showsTheTwoChosenItems() {
        GalleryModel model;
        model.setContent(solid(Qt::red, {160, 120}), QStringLiteral("photo.jpg"));
        model.setStyle(solid(Qt::blue), QStringLiteral("paint.jpg"));
        model.addSnapshot(snapshot(200, Qt::green));
        model.addSnapshot(snapshot(400, Qt::yellow));
        CompareView view(&model);
        view.resize(800, 400);
        view.show();
        view.compare(3, 4); // row 2 is the run's header
        QCOMPARE(view.leftView()->image().pixelColor(1, 1), QColor(Qt::green));
        QCOMPARE(view.rightView()->image().pixelColor(1, 1), QColor(Qt::yellow));

        // Snapshot against the (larger) content: shown on the same pixel grid.
        view.compare(4, 0);
        QCOMPARE(view.rightView()->image().pixelColor(1, 1), QColor(Qt::red));
        QCOMPARE(view.rightView()->image().size(), view.leftView()->image().size());
    }

    void zoomAndPanAreSynchronized() {
        GalleryModel model;
        model.addSnapshot(snapshot(1, Qt::green));
        model.addSnapshot(snapshot(2, Qt::yellow));
        CompareView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.compare(3, 4); // row 2 is the run's header
        view.leftView()->zoomBy(4.0);
        QVERIFY(qAbs(view.rightView()->zoom() - view.leftView()->zoom()) < 1e-9);
        view.rightView()->actualSize();
        QVERIFY(qAbs(view.leftView()->zoom() - 1.0) < 1e-9);
    }

    void wipeSplitsWhereDragged() {
        GalleryModel model;
        model.addSnapshot(snapshot(1, Qt::green));
        model.addSnapshot(snapshot(2, Qt::yellow));
        CompareView view(&model);
        view.resize(800, 400);
        view.setMode(CompareView::Mode::Wipe);
        view.compare(3, 4); // row 2 is the run's header
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        WipeView* wipe = view.wipeView();
        QTest::mouseClick(wipe, Qt::LeftButton, {}, QPoint(wipe->width() / 4, wipe->height() / 2));
        QVERIFY(wipe->split() > 0.0 && wipe->split() < 0.5);
        const QImage shot = wipe->grab().toImage();
        const int y = shot.height() / 2;
        QCOMPARE(QColor(shot.pixel(shot.width() / 2 - 80, y)).name(), QColor(Qt::yellow).name());
        QCOMPARE(QColor(shot.pixel(wipe->width() / 4 - 20, y)).name(), QColor(Qt::green).name());
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
