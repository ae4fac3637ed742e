#include "StyleStripTest.h"

// The style strip: files in order, moves and removals, edits, drops, bad files, round trips.
class TestStyleStrip : public StyleStripTest {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { setUpTestCase(); }

    void addedFilesKeepOrderAndDefaults() {
        StyleStrip strip;
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        addThree(strip);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(strip.count(), 3);
        QCOMPARE(paths(strip), (QStringList{a_, b_, c_}));
        for (const StyleSource& s : strip.styles()) {
            QCOMPARE(s.weight, 1.0);
            QCOMPARE(s.scale, 1.0);
            QVERIFY(s.maskPath.empty());
        }
        QCOMPARE(strip.styleImage(1).size(), QSize(50, 20));
        QCOMPARE(strip.stylePath(2), c_);
        QVERIFY(strip.styleImage(3).isNull());
        QVERIFY(strip.stylePath(-1).isEmpty());
        // Equal weights show as equal shares; the cards are numbered in order.
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(strip.card(i)->shareLabel()->text(), QStringLiteral("33 % of the blend"));
            QCOMPARE(strip.card(i)->weightControl()->value(), 100.0);
            QCOMPARE(strip.card(i)->scaleBox()->value(), 1.0);
            QCOMPARE(strip.card(i)->regionLabel()->text(), QStringLiteral("Whole image"));
            QCOMPARE(strip.card(i)->color(), StyleStrip::colorFor(i));
        }
        QCOMPARE(strip.card(1)->removeButton()->accessibleName(), QStringLiteral("Remove style 2"));
        QCOMPARE(strip.browseFolder(), dir_.path());
    }

    void moveAndRemove() {
        StyleStrip strip;
        addThree(strip);
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        strip.moveStyle(2, 0);
        QCOMPARE(paths(strip), (QStringList{c_, a_, b_}));
        QCOMPARE(changed.count(), 1);
        // Numbers, colours and possible moves follow the position, not the painting.
        QCOMPARE(strip.card(0)->color(), StyleStrip::colorFor(0));
        QCOMPARE(strip.card(0)->moveEarlierButton()->accessibleName(),
                 QStringLiteral("Move style 1 earlier"));
        QVERIFY(!strip.card(0)->moveEarlierButton()->isEnabled());
        QVERIFY(strip.card(0)->moveLaterButton()->isEnabled());
        QVERIFY(!strip.card(2)->moveLaterButton()->isEnabled());
        strip.moveStyle(0, 2);
        QCOMPARE(paths(strip), (QStringList{a_, b_, c_}));
        strip.moveStyle(1, 1); // no move: no signal
        strip.moveStyle(0, 3); // out of range: ignored
        QCOMPARE(changed.count(), 2);
        strip.removeStyle(1);
        QCOMPARE(paths(strip), (QStringList{a_, c_}));
        QCOMPARE(strip.card(1)->color(), StyleStrip::colorFor(1));
        QCOMPARE(strip.card(0)->shareLabel()->text(), QStringLiteral("50 % of the blend"));
        strip.removeStyle(5);
        QCOMPARE(changed.count(), 3);
        QCOMPARE(strip.count(), 2);
    }

    void editsReachStyles() {
        StyleStrip strip;
        addThree(strip);
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        strip.setWeight(0, 0.5);
        strip.setScale(1, 1.5);
        strip.setMaskPath(2, QStringLiteral("/masks/sky.png"));
        QCOMPARE(changed.count(), 3);
        auto styles = strip.styles();
        QCOMPARE(styles[0].weight, 0.5);
        QCOMPARE(styles[1].scale, 1.5);
        QCOMPARE(styles[2].maskPath, std::string("/masks/sky.png"));
        QCOMPARE(strip.card(0)->weightControl()->value(), 50.0);
        QCOMPARE(strip.card(0)->shareLabel()->text(), QStringLiteral("20 % of the blend"));
        QCOMPARE(strip.card(1)->scaleBox()->value(), 1.5);
        QCOMPARE(strip.card(2)->regionLabel()->text(), QStringLiteral("Painted area"));
        QVERIFY(strip.card(2)->clearRegionButton()->isVisibleTo(strip.card(2)));
        QVERIFY(!strip.card(1)->clearRegionButton()->isVisibleTo(strip.card(1)));
        // Setting what is already there is no change.
        strip.setWeight(0, 0.5);
        strip.setMaskPath(2, QStringLiteral("/masks/sky.png"));
        QCOMPARE(changed.count(), 3);
        // Clamped to what the controls show.
        strip.setScale(1, 9.0);
        QCOMPARE(strip.styles()[1].scale, 8.0);
        changed.clear();

        // The user's edits, through the card's own controls.
        strip.card(1)->weightControl()->spinBox()->setValue(25.0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(strip.styles()[1].weight, 0.25);
        strip.card(1)->weightControl()->slider()->setValue(750); // 0..1000 over 0..100 %
        QCOMPARE(strip.styles()[1].weight, 0.75);
        strip.card(0)->scaleBox()->setValue(0.25);
        QCOMPARE(strip.styles()[0].scale, 0.25);
        QCOMPARE(changed.count(), 3);
        strip.show();
        QVERIFY(QTest::qWaitForWindowExposed(&strip));
        QTest::mouseClick(strip.card(2)->clearRegionButton(), Qt::LeftButton);
        QVERIFY(strip.styles()[2].maskPath.empty());
        QCOMPARE(strip.card(2)->regionLabel()->text(), QStringLiteral("Whole image"));
        QCOMPARE(changed.count(), 4);

        // Region… asks for the mask of the card's current position.
        QSignalSpy maskRequests(&strip, &StyleStrip::maskEditRequested);
        strip.moveStyle(2, 0);
        QTest::mouseClick(strip.card(0)->regionButton(), Qt::LeftButton);
        QCOMPARE(maskRequests.count(), 1);
        QCOMPARE(maskRequests.first().first().toInt(), 0);
        QTest::mouseClick(strip.card(2)->regionButton(), Qt::LeftButton);
        QCOMPARE(maskRequests.last().first().toInt(), 2);
    }

    void droppedFilesAreAddedInOrder() {
        StyleStrip strip;
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        // On the Add button: it hands the drop to the strip.
        QVERIFY(drop(strip.addButton(), {c_, a_, b_}));
        QCOMPARE(paths(strip), (QStringList{c_, a_, b_}));
        QCOMPARE(changed.count(), 1);
        // On the strip itself, after the cards.
        QVERIFY(drop(&strip, {a_, c_}));
        QCOMPARE(paths(strip), (QStringList{c_, a_, b_, a_, c_}));
    }

    void dropOnCardReplacesItsImage() {
        StyleStrip strip;
        addThree(strip);
        strip.setWeight(1, 0.4);
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        // On the thumbnail, and on the card around it.
        QVERIFY(drop(strip.card(1)->well(), {c_}));
        QCOMPARE(paths(strip), (QStringList{a_, c_, c_}));
        QCOMPARE(strip.styleImage(1).size(), QSize(24, 36));
        QCOMPARE(strip.styles()[1].weight, 0.4); // the rest of the style stays
        QVERIFY(drop(strip.card(0), {b_, c_}));
        QCOMPARE(paths(strip), (QStringList{b_, c_, c_}));
        QCOMPARE(changed.count(), 2);
    }

    void badFileIsRefused() {
        StyleStrip strip;
        addThree(strip);
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        QSignalSpy failed(&strip, &StyleStrip::loadFailed);
        QVERIFY(!strip.addStyleFile(broken_));
        QCOMPARE(failed.count(), 1);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("broken.png")),
                 qPrintable(failed.first().first().toString()));
        QCOMPARE(changed.count(), 0);
        QCOMPARE(paths(strip), (QStringList{a_, b_, c_}));
        // In a drop of several, the good ones still come in.
        QVERIFY(drop(&strip, {broken_, a_}));
        QCOMPARE(failed.count(), 2);
        QCOMPARE(paths(strip), (QStringList{a_, b_, c_, a_}));
        // On a card: the card keeps its painting.
        QVERIFY(drop(strip.card(0), {broken_}));
        QCOMPARE(failed.count(), 3);
        QCOMPARE(strip.stylePath(0), a_);
        QCOMPARE(strip.styleImage(0).size(), QSize(40, 30));
    }

    void setStylesRoundTrips() {
        StyleStrip strip;
        std::vector<StyleSource> styles(3);
        styles[0] = {b_.toStdString(), 0.3333, 0.5, std::string()};
        styles[1] = {a_.toStdString(), 1.0, 1.125, "/masks/trees.png"};
        styles[2] = {c_.toStdString(), 0.0, 3.95, std::string()};
        QSignalSpy changed(&strip, &StyleStrip::stylesChanged);
        strip.setStyles(styles);
        QCOMPARE(changed.count(), 1);
        QVERIFY(strip.styles() == styles);
        QCOMPARE(strip.card(1)->regionLabel()->text(), QStringLiteral("Painted area"));
        QCOMPARE(strip.card(2)->shareLabel()->text(), QStringLiteral("0 % of the blend"));

        // Replaced, not appended; a file that does not load is reported and skipped.
        QSignalSpy failed(&strip, &StyleStrip::loadFailed);
        std::vector<StyleSource> withBad = {
            {c_.toStdString(), 1.0, 1.0, {}},
            {broken_.toStdString(), 1.0, 1.0, {}},
            {dir_.filePath(QStringLiteral("missing.png")).toStdString(), 1.0, 1.0, {}},
            {a_.toStdString(), 1.0, 2.0, {}}};
        strip.setStyles(withBad);
        QCOMPARE(failed.count(), 2);
        QCOMPARE(paths(strip), (QStringList{c_, a_}));
        QCOMPARE(strip.styles()[1].scale, 2.0);

        // Weights beyond the control's 100 % keep their ratio.
        strip.setStyles({{a_.toStdString(), 4.0, 1.0, {}}, {b_.toStdString(), 1.0, 1.0, {}}});
        QCOMPARE(strip.styles()[0].weight, 1.0);
        QCOMPARE(strip.styles()[1].weight, 0.25);
        QCOMPARE(strip.card(0)->shareLabel()->text(), QStringLiteral("80 % of the blend"));

        strip.setStyles({});
        QCOMPARE(strip.count(), 0);
    }
};

QTEST_MAIN(TestStyleStrip)
#include "tst_stylestrip.moc"
