#include "MaskCanvas.h"
#include "MaskEditorDialog.h"
#include "TestData.h"

#include <QFile>
#include <QFileInfo>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace deepart;

namespace {

// Content 200 x 150 in a 500 x 300 canvas: drawn at twice its size, 50 px in from the left.
// The tests place the mouse with this arithmetic rather than the canvas's own mapping, so a
// mapping bug cannot cancel itself out.
constexpr int kWidth = 200;
constexpr int kHeight = 150;
const QSize kCanvasSize(500, 300);

QPoint widgetPoint(int x, int y) {
    return {50 + 2 * x + 1, 2 * y + 1};
}

QImage contentImage() {
    QImage image(kWidth, kHeight, QImage::Format_RGB32);
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x)
            image.setPixel(x, y, qRgb(x, y, (x + y) / 2));
    return image;
}

QImage blackMask(QSize size = {kWidth, kHeight}) {
    QImage mask(size, QImage::Format_Grayscale8);
    mask.fill(0);
    return mask;
}

// Every grey level somewhere, so a lossy or thresholding path shows.
QImage gradientMask() {
    QImage mask = blackMask();
    for (int y = 0; y < kHeight; ++y)
        for (int x = 0; x < kWidth; ++x)
            mask.scanLine(y)[x] = uchar((x + 3 * y) % 256);
    return mask;
}

int value(const QImage& mask, int x, int y) {
    return mask.constScanLine(y)[x];
}

} // namespace

class TestMaskEditor : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

    static void showCanvas(MaskCanvas& canvas) {
        canvas.setContent(contentImage());
        canvas.resize(kCanvasSize);
        canvas.show();
        QVERIFY(QTest::qWaitForWindowExposed(&canvas));
        QCOMPARE(canvas.imageRect(), QRectF(50, 0, 400, 300));
    }

    // A left-button drag through the given image pixels.
    static void drag(MaskCanvas& canvas, const QList<QPoint>& pixels) {
        QTest::mousePress(&canvas, Qt::LeftButton, {}, widgetPoint(pixels[0].x(), pixels[0].y()));
        for (qsizetype i = 1; i < pixels.size(); ++i)
            QTest::mouseMove(&canvas, widgetPoint(pixels[i].x(), pixels[i].y()));
        QTest::mouseRelease(&canvas, Qt::LeftButton, {},
                            widgetPoint(pixels.last().x(), pixels.last().y()));
    }

private Q_SLOTS:
    void mapsBetweenWidgetAndImage() {
        MaskCanvas canvas;
        showCanvas(canvas);
        QCOMPARE(canvas.mapToImage(QPointF(50, 0)), QPointF(0, 0));
        QCOMPARE(canvas.mapToImage(QPointF(450, 300)), QPointF(kWidth, kHeight));
        QCOMPARE(canvas.mapFromImage(QPointF(100, 75)), QPointF(250, 150));
        QCOMPARE(canvas.mask().size(), QSize(kWidth, kHeight));
        QCOMPARE(canvas.mask().format(), QImage::Format_Grayscale8);
    }

    void brushStrokePaintsAlongTheDrag() {
        MaskCanvas canvas;
        showCanvas(canvas);
        canvas.setTool(MaskCanvas::Tool::Brush);
        canvas.setBrushSize(10);
        QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
        // Mouse moves 80 image pixels apart, far more than the brush: the gaps must be painted.
        drag(canvas, {{20, 75}, {100, 75}, {180, 75}});
        QCOMPARE(changed.count(), 1);
        const QImage mask = canvas.mask();
        for (int x : {20, 40, 60, 100, 140, 170, 180})
            QVERIFY2(value(mask, x, 75) == 255, qPrintable(QStringLiteral("x = %1").arg(x)));
        QCOMPARE(value(mask, 100, 72), 255);
        QCOMPARE(value(mask, 100, 78), 255);
        QCOMPARE(value(mask, 10, 75), 0);
        QCOMPARE(value(mask, 190, 75), 0);
        QCOMPARE(value(mask, 100, 60), 0);
        QCOMPARE(value(mask, 100, 90), 0);
        QCOMPARE(value(mask, 5, 5), 0);
        QCOMPARE(value(mask, 195, 145), 0);
        QCOMPARE(canvas.undoStack()->count(), 1);
    }

    void eraserRemovesTheStroke() {
        MaskCanvas canvas;
        showCanvas(canvas);
        canvas.setBrushSize(10);
        drag(canvas, {{30, 40}, {150, 110}});
        QCOMPARE(value(canvas.mask(), 90, 75), 255);
        QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
        canvas.setTool(MaskCanvas::Tool::Eraser);
        canvas.setBrushSize(20);
        drag(canvas, {{30, 40}, {90, 75}, {150, 110}});
        QCOMPARE(changed.count(), 1);
        QCOMPARE(canvas.mask(), blackMask());
    }

    void fillTogglesTheEnclosedRegion() {
        MaskCanvas canvas;
        showCanvas(canvas);
        // A closed outline, 3 px wide, around x 40..159, y 30..119.
        QImage outline = blackMask();
        for (int y = 30; y < 120; ++y)
            for (int x = 40; x < 160; ++x)
                if (x < 43 || x >= 157 || y < 33 || y >= 117)
                    outline.scanLine(y)[x] = 255;
        canvas.setMask(outline);
        QCOMPARE(canvas.mask(), outline);

        QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
        canvas.setTool(MaskCanvas::Tool::Fill);
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, widgetPoint(100, 75));
        QCOMPARE(changed.count(), 1);
        QImage filled = blackMask();
        for (int y = 30; y < 120; ++y)
            for (int x = 40; x < 160; ++x)
                filled.scanLine(y)[x] = 255;
        QCOMPARE(canvas.mask(), filled);

        // The region is white now, and joined to the outline: a second click clears both.
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, widgetPoint(60, 50));
        QCOMPARE(canvas.mask(), blackMask());

        // Outside the outline: everything but the enclosed part.
        canvas.setMask(outline);
        QTest::mouseClick(&canvas, Qt::LeftButton, {}, widgetPoint(5, 5));
        QImage outside = outline;
        outside.invertPixels();
        for (int y = 30; y < 120; ++y)
            for (int x = 40; x < 160; ++x)
                outside.scanLine(y)[x] = (x < 43 || x >= 157 || y < 33 || y >= 117) ? 255 : 0;
        QCOMPARE(canvas.mask(), outside);
    }

    void invertFlipsEveryPixel() {
        MaskCanvas canvas;
        showCanvas(canvas);
        const QImage before = gradientMask();
        canvas.setMask(before);
        QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
        canvas.invert();
        QCOMPARE(changed.count(), 1);
        const QImage after = canvas.mask();
        for (int y = 0; y < kHeight; ++y)
            for (int x = 0; x < kWidth; ++x)
                QCOMPARE(value(after, x, y), 255 - value(before, x, y));
    }

    void clearBlackensAndUndoRestores() {
        MaskCanvas canvas;
        showCanvas(canvas);
        canvas.setMask(gradientMask());
        QSignalSpy changed(&canvas, &MaskCanvas::maskChanged);
        canvas.clear();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(canvas.mask(), blackMask());
        // Clearing a black mask changes nothing and is no undo step.
        const int steps = canvas.undoStack()->count();
        canvas.clear();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(canvas.undoStack()->count(), steps);

        canvas.undoStack()->undo();
        QCOMPARE(changed.count(), 2);
        QCOMPARE(canvas.mask(), gradientMask());
        canvas.undoStack()->redo();
        QCOMPARE(canvas.mask(), blackMask());
    }

    void nullMaskIsBlackAndOtherSizesAreScaled() {
        MaskCanvas canvas;
        canvas.setContent(contentImage());
        canvas.setMask(gradientMask());
        canvas.setMask(QImage());
        QCOMPARE(canvas.mask(), blackMask());
        QImage rgb(kWidth / 2, kHeight / 2, QImage::Format_RGB32);
        rgb.fill(Qt::white);
        canvas.setMask(rgb);
        QCOMPARE(canvas.mask().format(), QImage::Format_Grayscale8);
        QCOMPARE(canvas.mask().size(), QSize(kWidth, kHeight));
        QCOMPARE(value(canvas.mask(), 100, 75), 255);
    }

    void overlaysTintTheContent() {
        MaskCanvas canvas;
        QImage grey(kWidth, kHeight, QImage::Format_RGB32);
        grey.fill(QColor(128, 128, 128));
        canvas.setContent(grey);
        canvas.resize(kCanvasSize);
        canvas.setColor(Qt::red);
        QImage left = blackMask();
        QImage right = blackMask();
        for (int y = 0; y < kHeight; ++y) {
            for (int x = 0; x < kWidth / 2; ++x) {
                left.scanLine(y)[x] = 255;
                right.scanLine(y)[x + kWidth / 2] = 255;
            }
        }
        canvas.setMask(left);
        canvas.setOtherMasks({{right, QColor(Qt::blue)}});
        const QImage shown = canvas.grab().toImage();
        const QColor own = shown.pixelColor(widgetPoint(50, 75));
        const QColor other = shown.pixelColor(widgetPoint(150, 75));
        QVERIFY2(own.red() > own.green() + 60 && own.red() > own.blue() + 60,
                 qPrintable(own.name()));
        // Fainter than the edited style's tint, but there.
        QVERIFY2(other.blue() > other.red() + 20 && other.blue() > other.green() + 20,
                 qPrintable(other.name()));
        QVERIFY2(other.blue() - other.red() < own.red() - own.green(), qPrintable(other.name()));
    }

    void dialogShowsTheStyleAndKeepsTheMaskItOpenedWith() {
        const QImage start = gradientMask();
        MaskEditorDialog dialog(contentImage(), start, Qt::red, QStringLiteral("Starry Night"));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Region for Starry Night"));
        QCOMPARE(dialog.mask(), start);
        QCOMPARE(dialog.canvas()->undoStack()->count(), 0);

        MaskEditorDialog empty(contentImage(), QImage(), Qt::red, QStringLiteral("Wave"));
        QCOMPARE(empty.mask(), blackMask());
    }

    void undoAndRedoShortcuts() {
        MaskEditorDialog dialog(contentImage(), QImage(), Qt::red, QStringLiteral("Wave"));
        dialog.show();
        dialog.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        dialog.canvas()->invert();
        QCOMPARE(value(dialog.mask(), 10, 10), 255);
        QTest::keyClick(&dialog, Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(dialog.mask(), blackMask());
        QTest::keyClick(&dialog, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(value(dialog.mask(), 10, 10), 255);
    }

    void saveThenLoadRoundTrips() {
        MaskEditorDialog dialog(contentImage(), gradientMask(), Qt::red, QStringLiteral("Wave"));
        QString error;
        const QString base = dir_.filePath(QStringLiteral("roundtrip"));
        QVERIFY2(dialog.saveMaskFile(base, &error), qPrintable(error));
        // No extension: the PNG gets one.
        QVERIFY(QFileInfo::exists(base + QStringLiteral(".png")));
        QVERIFY(!QFileInfo::exists(base));

        MaskEditorDialog other(contentImage(), QImage(), Qt::blue, QStringLiteral("Other"));
        QSignalSpy changed(other.canvas(), &MaskCanvas::maskChanged);
        QVERIFY2(other.loadMaskFile(base + QStringLiteral(".png"), &error), qPrintable(error));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(other.mask(), gradientMask());
    }

    void saveRefusesOtherFormats() {
        MaskEditorDialog dialog(contentImage(), gradientMask(), Qt::red, QStringLiteral("Wave"));
        QString error;
        const QString path = dir_.filePath(QStringLiteral("lossy.jpg"));
        QVERIFY(!dialog.saveMaskFile(path, &error));
        QVERIFY2(error.contains(QStringLiteral("lossy.jpg")) &&
                     error.contains(QStringLiteral("PNG")),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(path));
    }

    void loadRefusesAnotherShape() {
        const QString path = dir_.filePath(QStringLiteral("wide.png"));
        QImage wide(100, 50, QImage::Format_Grayscale8);
        wide.fill(255);
        QVERIFY(wide.save(path));
        MaskEditorDialog dialog(contentImage(), gradientMask(), Qt::red, QStringLiteral("Wave"));
        QSignalSpy changed(dialog.canvas(), &MaskCanvas::maskChanged);
        QString error;
        QVERIFY(!dialog.loadMaskFile(path, &error));
        QVERIFY2(error.contains(QStringLiteral("wide.png")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("100 x 50")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("200 x 150")), qPrintable(error));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(dialog.mask(), gradientMask());
    }

    void loadScalesASmallerCopy() {
        const QString path = dir_.filePath(QStringLiteral("half.png"));
        // Half size, white on the right half only, in colour: converted and scaled up.
        QImage half(kWidth / 2, kHeight / 2, QImage::Format_RGB32);
        half.fill(Qt::black);
        QPainter(&half).fillRect(QRect(kWidth / 4, 0, kWidth / 4, kHeight / 2), Qt::white);
        QVERIFY(half.save(path));
        MaskEditorDialog dialog(contentImage(), QImage(), Qt::red, QStringLiteral("Wave"));
        QString error;
        QVERIFY2(dialog.loadMaskFile(path, &error), qPrintable(error));
        const QImage mask = dialog.mask();
        QCOMPARE(mask.size(), QSize(kWidth, kHeight));
        QCOMPARE(mask.format(), QImage::Format_Grayscale8);
        QCOMPARE(value(mask, 20, 75), 0);
        QCOMPARE(value(mask, 90, 10), 0);
        QCOMPARE(value(mask, 110, 140), 255);
        QCOMPARE(value(mask, 180, 75), 255);
    }

    void loadFollowsExifOrientation() {
        // Stored 48 x 64 with "rotate 90°": 64 x 48 as shown, the content's shape.
        const QString path = dir_.filePath(QStringLiteral("phone.jpg"));
        test::writeBytes(path, test::jpegWithExifOrientation6(test::testPicture(48, 64)));
        QImage content(64, 48, QImage::Format_RGB32);
        content.fill(Qt::gray);
        MaskEditorDialog dialog(content, QImage(), Qt::red, QStringLiteral("Wave"));
        QString error;
        QVERIFY2(dialog.loadMaskFile(path, &error), qPrintable(error));
        QCOMPARE(dialog.mask().size(), QSize(64, 48));
    }

    void loadReportsAnUnreadableFile() {
        const QString path = dir_.filePath(QStringLiteral("broken.png"));
        test::writeBytes(path, "not a png at all");
        MaskEditorDialog dialog(contentImage(), gradientMask(), Qt::red, QStringLiteral("Wave"));
        QString error;
        QVERIFY(!dialog.loadMaskFile(path, &error));
        QVERIFY2(error.startsWith(QStringLiteral("cannot read 'broken.png': ")) &&
                     error.size() > QStringLiteral("cannot read 'broken.png': ").size(),
                 qPrintable(error));
        QCOMPARE(dialog.mask(), gradientMask());
    }
};

QTEST_MAIN(TestMaskEditor)
#include "tst_maskeditor.moc"
