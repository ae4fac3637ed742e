#include "PrintSizeDialog.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSpinBox>
#include <QtTest>

using namespace deepart;

// The export's print-size question: resolution and printed width set each other, in cm or
// inches, and the summary states the printed size.
class TestPrintSizeDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void resolutionAndWidthFollowEachOther() {
        PrintSizeDialog dialog(QSize(4096, 2048), ImageWriteOptions{16, 300.0});
        QCOMPARE(dialog.options().bitDepth, 16);
        QCOMPARE(dialog.options().dpi, 300.0);
        // 4096 px at 300 dpi: 13.65 in, 34.68 cm.
        QCOMPARE(dialog.unitBox()->currentText(), QStringLiteral("cm"));
        QCOMPARE(dialog.widthBox()->value(), 34.68);
        QVERIFY2(dialog.summary()->text().contains(QStringLiteral("34.7 × 17.3 cm")),
                 qPrintable(dialog.summary()->text()));
        QVERIFY(dialog.summary()->text().contains(QStringLiteral("13.65 × 6.83 in")));
        dialog.unitBox()->setCurrentIndex(1); // inches
        QCOMPARE(dialog.widthBox()->value(), 13.65);
        dialog.widthBox()->setValue(10.0); // 10 inches wide: 410 dpi
        QCOMPARE(dialog.dpiBox()->value(), 410);
        QCOMPARE(dialog.options().dpi, 410.0);
        dialog.bitDepthBox()->setCurrentIndex(dialog.bitDepthBox()->findData(8));
        QCOMPARE(dialog.options().bitDepth, 8);
        dialog.dpiBox()->setValue(0);
        QCOMPARE(dialog.options().dpi, 0.0);
        QVERIFY(dialog.summary()->text().contains(QStringLiteral("No resolution")));
    }
};

QTEST_MAIN(TestPrintSizeDialog)
#include "tst_printsizedialog.moc"
