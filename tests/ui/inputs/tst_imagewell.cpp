#include "ImageWell.h"
#include "TestData.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QVBoxLayout>
#include <QtTest>

using namespace deepart;

class TestImageWell : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QString good_;

    // Delivers a drop of `mime` on the well, as a file manager would.
    static void drop(ImageWell& well, QMimeData* mime) {
        const QPoint centre = well.rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&well, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(centre, Qt::CopyAction, mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&well, &dropEvent);
    }

private Q_SLOTS:
    void initTestCase() {
        good_ = test::writeRgbImage(dir_.filePath(QStringLiteral("photo.png")),
                                    test::testPicture(64, 48));
    }

    void droppedFileLoads() {
        ImageWell well(QStringLiteral("Content"), QStringLiteral("content image"));
        well.resize(200, 200);
        QSignalSpy changed(&well, &ImageWell::imageChanged);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(good_)});
        drop(well, &mime);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(well.path(), good_);
        QCOMPARE(well.image().size(), QSize(64, 48));
        QVERIFY(well.errorText().isEmpty());
    }

    void longNameDoesNotWidenTheWell() {
        const QString longName =
            QStringLiteral("pasted-") + QString(120, QLatin1Char('x')) + QStringLiteral(".png");
        const QString path =
            test::writeRgbImage(dir_.filePath(longName), test::testPicture(64, 48));
        QWidget panel;
        auto* layout = new QVBoxLayout(&panel);
        auto* well = new ImageWell(QStringLiteral("Content"), QStringLiteral("content image"));
        layout->addWidget(well);
        panel.resize(260, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        const int before = panel.minimumSizeHint().width();
        QVERIFY(well->loadFile(path));
        QCOMPARE(panel.minimumSizeHint().width(), before);
        QVERIFY(well->width() <= 260);
        const auto* caption = well->findChildren<QLabel*>().at(2);
        QVERIFY2(caption->text().contains(QChar(0x2026)), qPrintable(caption->text())); // "…"
        QVERIFY(caption->toolTip().endsWith(longName));
    }

    void spaceOrEnterBrowses() {
        ImageWell well(QStringLiteral("Content"), QStringLiteral("content image"));
        int asked = 0;
        well.setFileChooser([&](const QString&) {
            ++asked;
            return good_;
        });
        QTest::keyClick(&well, Qt::Key_Space);
        QCOMPARE(asked, 1);
        QCOMPARE(well.path(), good_);
        QTest::keyClick(&well, Qt::Key_Return);
        QCOMPARE(asked, 2);
        QCOMPARE(well.focusPolicy(), Qt::StrongFocus);
    }

    void badDropKeepsPreviousImage() {
        ImageWell well(QStringLiteral("Content"), QStringLiteral("content image"));
        well.resize(200, 200);
        QVERIFY(well.loadFile(good_));
        test::writeBytes(dir_.filePath(QStringLiteral("broken.jpg")), "definitely not a jpeg");
        QSignalSpy failed(&well, &ImageWell::loadFailed);
        QSignalSpy changed(&well, &ImageWell::imageChanged);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(dir_.filePath(QStringLiteral("broken.jpg")))});
        drop(well, &mime);
        QCOMPARE(failed.count(), 1);
        QCOMPARE(changed.count(), 0);
        QCOMPARE(well.path(), good_);
        QCOMPARE(well.image().size(), QSize(64, 48));
        QVERIFY2(well.errorText().contains(QStringLiteral("broken.jpg")),
                 qPrintable(well.errorText()));
        QVERIFY(well.errorText().startsWith(QStringLiteral("content image")));
    }

    void pastedImageLoads() {
        ImageWell well(QStringLiteral("Style"), QStringLiteral("style image"));
        well.setPasteFolder(dir_.filePath(QStringLiteral("pasted")));
        QImage image(30, 20, QImage::Format_RGB32);
        image.fill(QColor(200, 40, 10));
        QApplication::clipboard()->setImage(image);
        well.paste();
        QVERIFY2(well.errorText().isEmpty(), qPrintable(well.errorText()));
        QCOMPARE(well.image().size(), QSize(30, 20));
        QCOMPARE(well.image().pixelColor(5, 5), QColor(200, 40, 10));
        QVERIFY(well.path().startsWith(dir_.filePath(QStringLiteral("pasted"))));
    }

    void pastedFileUrlLoads() {
        ImageWell well(QStringLiteral("Style"), QStringLiteral("style image"));
        auto* mime = new QMimeData;
        mime->setUrls({QUrl::fromLocalFile(good_)});
        QApplication::clipboard()->setMimeData(mime);
        QTest::keySequence(&well, QKeySequence::Paste);
        QCOMPARE(well.path(), good_);
    }
};

QTEST_MAIN(TestImageWell)
#include "tst_imagewell.moc"
