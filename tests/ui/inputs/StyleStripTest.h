#pragma once

#include "ImageWell.h"
#include "StyleCard.h"
#include "StyleStrip.h"
#include "TestData.h"
#include "WeightControl.h"
#include <QApplication>
#include <QClipboard>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTemporaryDir>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace deepart;

// What the style strip tests share.
class StyleStripTest : public QObject {
protected:
    QTemporaryDir dir_;
    // Three paintings told apart by their sizes.
    QString a_, b_, c_;
    QString broken_;

    static QStringList paths(const StyleStrip& strip) {
        QStringList result;
        for (const StyleSource& s : strip.styles())
            result << QString::fromStdString(s.path);
        return result;
    }

    // Delivers a drop of `files` on `target` as a file manager would: the drag enters the widget
    // under the cursor and goes to the nearest one that accepts it. Returns whether one did.
    static bool drop(QWidget* target, const QStringList& files) {
        QMimeData mime;
        QList<QUrl> urls;
        for (const QString& f : files)
            urls << QUrl::fromLocalFile(f);
        mime.setUrls(urls);
        const QPoint centre = target->rect().center();
        QDragEnterEvent enter(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropEvent(centre, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        return true;
    }

    // Whether the cards stand top to bottom in list order, the Add target below them.
    static bool inVisualOrder(const StyleStrip& strip) {
        int y = -1;
        for (int i = 0; i < strip.count(); ++i) {
            if (strip.card(i)->y() <= y)
                return false;
            y = strip.card(i)->y();
        }
        return strip.addButton()->mapTo(&strip, QPoint(0, 0)).y() > y;
    }

    void addThree(StyleStrip& strip) {
        QVERIFY(strip.addStyleFile(a_));
        QVERIFY(strip.addStyleFile(b_));
        QVERIFY(strip.addStyleFile(c_));
    }

    void setUpTestCase() {
        QVERIFY(dir_.isValid());
        a_ = test::writeRgbImage(dir_.filePath(QStringLiteral("a.png")),
                                 test::testPicture(40, 30, 1));
        b_ = test::writeRgbImage(dir_.filePath(QStringLiteral("b.png")),
                                 test::testPicture(50, 20, 2));
        c_ = test::writeRgbImage(dir_.filePath(QStringLiteral("c.png")),
                                 test::testPicture(24, 36, 3));
        broken_ = dir_.filePath(QStringLiteral("broken.png"));
        test::writeBytes(broken_, "these bytes are no PNG");
    }
};
