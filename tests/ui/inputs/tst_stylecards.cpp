#include "StyleStripTest.h"

// The style strip's cards as a person uses them: buttons, hint, paste, keyboard, a narrow panel,
// colours.
class TestStyleCards : public StyleStripTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void cardButtonsMoveAndRemove() {
        StyleStrip strip;
        addThree(strip);
        strip.resize(320, strip.sizeHint().height());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        QTest::mouseClick(strip.card(2)->moveEarlierButton(), Qt::LeftButton);
        QCOMPARE(paths(strip), (QStringList{a_, c_, b_}));
        QTest::mouseClick(strip.card(0)->moveLaterButton(), Qt::LeftButton);
        QCOMPARE(paths(strip), (QStringList{c_, a_, b_}));
        QTRY_VERIFY(inVisualOrder(strip));
        // A disabled move does nothing.
        QTest::mouseClick(strip.card(0)->moveEarlierButton(), Qt::LeftButton);
        QCOMPARE(paths(strip), (QStringList{c_, a_, b_}));
        QCOMPARE(changed.count(), 2);

        QPointer<StyleCard> removed = strip.card(1);
        QTest::mouseClick(removed->removeButton(), Qt::LeftButton);
        QCOMPARE(paths(strip), (QStringList{c_, b_}));
        QCOMPARE(changed.count(), 3);
        QTRY_VERIFY(removed.isNull()); // deleted once the click is over
        QTRY_VERIFY(inVisualOrder(strip));
        QTest::mouseClick(strip.card(1)->removeButton(), Qt::LeftButton);
        QTest::mouseClick(strip.card(0)->removeButton(), Qt::LeftButton);
        QCOMPARE(strip.count(), 0);
        QVERIFY(strip.hintLabel()->isVisible());
    }

    void emptyStripShowsHint() {
        StyleStrip strip;
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        QVERIFY(strip.hintLabel()->isVisible());
        QCOMPARE(strip.hintLabel()->text(), QStringLiteral("Drop one or more paintings here"));
        QVERIFY(strip.addButton()->isVisible());
        QVERIFY(strip.addStyleFile(a_));
        QVERIFY(!strip.hintLabel()->isVisible());
        QVERIFY(strip.card(0)->isVisible());
        strip.removeStyle(0);
        QVERIFY(strip.hintLabel()->isVisible());
    }

    void pasteAddsAStyle() {
        StyleStrip strip;
        strip.setPasteFolder(dir_.filePath(QStringLiteral("pasted")));
        QImage image(30, 20, QImage::Format_RGB32);
        image.fill(QColor(200, 40, 10));
        QApplication::clipboard()->setImage(image);
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        // Ctrl+V with the Add button focused reaches the strip.
        QTest::keySequence(strip.addButton(), QKeySequence::Paste);
        QCOMPARE(strip.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(strip.styleImage(0).size(), QSize(30, 20));
        QVERIFY(strip.stylePath(0).startsWith(dir_.filePath(QStringLiteral("pasted"))));
        QVERIFY(strip.browseFolder().isEmpty()); // the paste cache is not a place to browse

        // A clipboard without an image adds nothing and says why.
        QApplication::clipboard()->setText(QStringLiteral("just words"));
        QSignalSpy failed(&strip, &StyleStrip::loadFailed);
        strip.paste();
        QCOMPARE(failed.count(), 1);
        QCOMPARE(strip.count(), 1);
    }

    void tabVisitsCardsInOrder() {
        QWidget window;
        auto* layout = new QVBoxLayout(&window);
        auto* before = new QLineEdit(&window);
        auto* strip = new StyleStrip(&window);
        auto* after = new QLineEdit(&window);
        layout->addWidget(before);
        layout->addWidget(strip);
        layout->addWidget(after);
        // Cards are made after `after`, and one moves: Tab must still follow the list.
        QVERIFY(strip->addStyleFile(a_));
        QVERIFY(strip->addStyleFile(b_));
        strip->setMaskPath(0, QStringLiteral("/masks/sky.png"));
        strip->moveStyle(1, 0);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        before->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), before);

        QList<QWidget*> expected;
        for (int i = 0; i < strip->count(); ++i)
            for (QWidget* w : strip->card(i)->tabOrder())
                if (w->isVisible() && w->isEnabled())
                    expected << w;
        expected << strip->addButton() << after;
        QList<QWidget*> visited;
        for (int i = 0; i < expected.size(); ++i) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            visited << QApplication::focusWidget();
        }
        QCOMPARE(visited, expected);
        QCOMPARE(visited.first(), strip->card(0)->moveLaterButton()); // Move earlier is disabled
        QVERIFY(visited.contains(strip->card(1)->clearRegionButton()));
    }

    void removingByKeyboardKeepsFocusInStrip() {
        StyleStrip strip;
        addThree(strip);
        strip.show();
        QVERIFY(QTest::qWaitForWindowActive(&strip));
        QPointer<StyleCard> first = strip.card(0);
        first->removeButton()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), first->removeButton());
        QTest::keyClick(first->removeButton(), Qt::Key_Space);
        QCOMPARE(paths(strip), (QStringList{b_, c_}));
        QCOMPARE(QApplication::focusWidget(), strip.card(0)->well());
        QTRY_VERIFY(first.isNull());
        // The last card's removal lands on the card before it, the only one's on Add style….
        strip.card(1)->removeButton()->setFocus();
        QTest::keyClick(strip.card(1)->removeButton(), Qt::Key_Space);
        QCOMPARE(QApplication::focusWidget(), strip.card(0)->well());
        strip.card(0)->removeButton()->setFocus();
        QTest::keyClick(strip.card(0)->removeButton(), Qt::Key_Space);
        QCOMPARE(strip.count(), 0);
        QCOMPARE(QApplication::focusWidget(), strip.addButton());
    }

    void fitsANarrowPanel() {
        StyleStrip strip;
        addThree(strip);
        strip.setMaskPath(1, QStringLiteral("/masks/sky.png"));
        QVERIFY2(strip.minimumSizeHint().width() <= 300,
                 qPrintable(QString::number(strip.minimumSizeHint().width())));
        strip.resize(300, strip.sizeHint().height());
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        // Nothing squeezed below the size its text needs, nothing outside its card.
        for (int i = 0; i < strip.count(); ++i) {
            StyleCard* card = strip.card(i);
            for (QWidget* w : card->findChildren<QWidget*>()) {
                const auto* label = qobject_cast<QLabel*>(w);
                if (!w->isVisible() || (!label && !qobject_cast<QAbstractButton*>(w)))
                    continue;
                if (!(label && label->wordWrap()))
                    QVERIFY2(w->width() >= w->minimumSizeHint().width(),
                             qPrintable(w->objectName() + w->accessibleName()));
                QVERIFY(card->rect().contains(QRect(w->mapTo(card, QPoint(0, 0)), w->size())));
            }
        }
    }

    void coloursAreDistinctAndCycle() {
        QSet<QRgb> seen;
        for (int i = 0; i < 6; ++i)
            seen.insert(StyleStrip::colorFor(i).rgb());
        QCOMPARE(seen.size(), 6);
        QCOMPARE(StyleStrip::colorFor(6), StyleStrip::colorFor(0));
        QCOMPARE(StyleStrip::colorFor(-1), StyleStrip::colorFor(5));
    }
};

QTEST_MAIN(TestStyleCards)
#include "tst_stylecards.moc"
