#include "CompareView.h"
#include "GalleryModel.h"
#include "ImageView.h"
#include "WipeView.h"

#include <QAbstractItemView>
#include <QComboBox>
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
    static void wheel(QWidget* target, QPoint at, int delta) {
        QWheelEvent event(at, target->mapToGlobal(at), QPoint(), QPoint(0, delta), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &event);
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
        QTest::mouseClick(wipe->viewport(), Qt::LeftButton, {},
                          QPoint(wipe->width() / 4, wipe->height() / 2));
        QVERIFY(wipe->split() > 0.0 && wipe->split() < 0.5);
        const QImage shot = wipe->grab().toImage();
        const int y = shot.height() / 2;
        QCOMPARE(QColor(shot.pixel(shot.width() / 2 - 80, y)).name(), QColor(Qt::yellow).name());
        QCOMPARE(QColor(shot.pixel(wipe->width() / 4 - 20, y)).name(), QColor(Qt::green).name());
    }

    void wheelZoomsTheWipeAroundThePointer() {
        GalleryModel model;
        model.addSnapshot(snapshot(1, Qt::green));
        model.addSnapshot(snapshot(2, Qt::yellow));
        CompareView view(&model);
        view.resize(800, 400);
        view.setMode(CompareView::Mode::Wipe);
        view.compare(2, 3);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        WipeView* wipe = view.wipeView();
        wipe->zoomBy(4.0); // larger than the view, so that there is room to keep the point
        const double before = wipe->zoom();
        QWidget* viewport = wipe->viewport();
        const QPoint at(viewport->width() * 3 / 5, viewport->height() / 3);
        const QPointF under = wipe->mapToScene(at);
        wheel(viewport, at, 120);
        QVERIFY2(wipe->zoom() > before * 1.1, qPrintable(QString::number(wipe->zoom())));
        // The image point under the pointer stays there (to a screen pixel or so).
        const QPointF drift = (wipe->mapToScene(at) - under) * wipe->zoom();
        QVERIFY2(drift.manhattanLength() <= 2.0,
                 qPrintable(QStringLiteral("%1, %2").arg(drift.x()).arg(drift.y())));
        // Side by side follows, and a zoom there is the wipe's too.
        QVERIFY(qAbs(view.leftView()->zoom() - wipe->zoom()) < 1e-9);
        view.setMode(CompareView::Mode::SideBySide);
        view.leftView()->actualSize();
        QVERIFY(qAbs(wipe->zoom() - 1.0) < 1e-9);
        view.setMode(CompareView::Mode::Wipe);
        QVERIFY(qAbs(wipe->zoom() - 1.0) < 1e-9);
        // Dragging still moves the split line (a mouse move without a button does not).
        QTest::mouseMove(viewport, QPoint(viewport->width() / 4, viewport->height() / 2));
        QCOMPARE(wipe->split(), 0.5);
        QTest::mousePress(viewport, Qt::LeftButton, {}, viewport->rect().center());
        QTest::mouseMove(viewport, QPoint(viewport->width() / 4, viewport->height() / 2));
        QTest::mouseRelease(viewport, Qt::LeftButton, {},
                            QPoint(viewport->width() / 4, viewport->height() / 2));
        QVERIFY2(wipe->split() < 0.5, qPrintable(QString::number(wipe->split())));
    }

    void choicesShowBothLinesOfTheirItems() {
        GalleryModel model;
        model.setContent(solid(Qt::red, {160, 120}), QStringLiteral("photo.jpg"));
        model.setStyle(solid(Qt::blue), QStringLiteral("paint.jpg"));
        SnapshotInfo first = snapshot(200, Qt::green);
        first.settings.runNumber = 2;
        first.settings.continuedFrom = QStringLiteral("R1 #400");
        first.stats.total = 123463.5;
        first.manual = true;
        model.addSnapshot(first);
        model.addSnapshot(snapshot(400, Qt::yellow));
        CompareView view(&model);
        view.resize(900, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.compare(2, 3);
        for (QComboBox* choice : {view.leftChoice(), view.rightChoice()}) {
            const QFontMetrics metrics(choice->font());
            const auto needed = [&](int row) {
                return metrics.boundingRect(QRect(0, 0, 2000, 2000), Qt::AlignLeft,
                                            choice->itemText(row));
            };
            // The box: two lines high, wide enough for the longest line of any item.
            QVERIFY(choice->currentText().contains(QLatin1Char('\n')));
            int widest = 0;
            for (int row = 0; row < choice->count(); ++row)
                widest = std::max(widest, needed(row).width());
            QVERIFY2(choice->height() >= needed(choice->currentIndex()).height() + 4,
                     qPrintable(QString::number(choice->height())));
            QVERIFY2(choice->width() >= widest + choice->iconSize().width(),
                     qPrintable(QStringLiteral("%1 < %2").arg(choice->width()).arg(widest)));
            // ...and not much wider (measured as one line, it was twice as wide).
            QVERIFY2(choice->width() < 2 * widest + choice->iconSize().width(),
                     qPrintable(QString::number(choice->width())));
            // The list: every item as tall and as wide as its lines.
            choice->showPopup();
            QTRY_VERIFY(choice->view()->isVisible());
            for (int row = 0; row < choice->count(); ++row) {
                const QRect item = choice->view()->visualRect(choice->model()->index(row, 0));
                QVERIFY2(item.height() >= needed(row).height(),
                         qPrintable(QStringLiteral("row %1: %2 < %3")
                                        .arg(row)
                                        .arg(item.height())
                                        .arg(needed(row).height())));
                QVERIFY2(item.width() >= needed(row).width() + choice->view()->iconSize().width(),
                         qPrintable(QStringLiteral("row %1: %2").arg(row).arg(item.width())));
            }
            choice->hidePopup();
        }
    }
};

QTEST_MAIN(TestCompareView)
#include "tst_compareview.moc"
