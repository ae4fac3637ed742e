#include "QueuePanel.h"
#include "RunQueue.h"

#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QtTest>

using namespace deepart;

namespace {

JobRequest job(const QString& content) {
    JobRequest j;
    j.contentPath = content;
    j.styles = {StyleSource{"starry.jpg"}};
    return j;
}

QStringList contents(const RunQueue& queue) {
    QStringList names;
    for (int row = 0; row < queue.rowCount(); ++row)
        names << queue.job(row).contentPath;
    return names;
}

} // namespace

class TestQueuePanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void buttonsReorderAndRemove() {
        RunQueue queue;
        QueuePanel panel(&queue);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        // Nothing selected: nothing to act on.
        QVERIFY(!panel.removeButton()->isEnabled());
        QVERIFY(!panel.moveUpButton()->isEnabled());
        QVERIFY(!panel.moveDownButton()->isEnabled());
        QVERIFY(!panel.clearButton()->isEnabled());
        QCOMPARE(panel.summaryLabel()->text(), QStringLiteral("Nothing waiting"));
        for (const char* name : {"a.png", "b.png", "c.png"})
            queue.add(job(QString::fromLatin1(name)));
        QCOMPARE(panel.summaryLabel()->text(), QStringLiteral("3 waiting"));

        panel.selectRow(0);
        QVERIFY(!panel.moveUpButton()->isEnabled());
        QVERIFY(panel.moveDownButton()->isEnabled());
        QTest::mouseClick(panel.moveDownButton(), Qt::LeftButton);
        QCOMPARE(contents(queue), (QStringList{"b.png", "a.png", "c.png"}));
        QCOMPARE(panel.selectedRow(), 1); // the selection follows the entry
        QTest::mouseClick(panel.moveDownButton(), Qt::LeftButton);
        QCOMPARE(contents(queue), (QStringList{"b.png", "c.png", "a.png"}));
        QCOMPARE(panel.selectedRow(), 2);
        QVERIFY(!panel.moveDownButton()->isEnabled());
        QTest::mouseClick(panel.moveUpButton(), Qt::LeftButton);
        QCOMPARE(contents(queue), (QStringList{"b.png", "a.png", "c.png"}));

        // Delete on the list removes the selected entry; the next one is selected.
        panel.view()->setFocus();
        QTRY_VERIFY(panel.view()->hasFocus());
        QTest::keyClick(panel.view(), Qt::Key_Delete);
        QCOMPARE(contents(queue), (QStringList{"b.png", "c.png"}));
        QCOMPARE(panel.selectedRow(), 1);
        QTest::mouseClick(panel.removeButton(), Qt::LeftButton);
        QCOMPARE(contents(queue), QStringList{"b.png"});

        // The running entry cannot be removed.
        queue.setStatus(0, RunQueue::Status::Running);
        panel.selectRow(0);
        QVERIFY(!panel.removeButton()->isEnabled());
        QTest::keyClick(panel.view(), Qt::Key_Delete);
        QCOMPARE(queue.rowCount(), 1);
        QCOMPARE(panel.summaryLabel()->text(), QStringLiteral("1 running · Nothing waiting"));
    }

    void pauseButtonFollowsTheQueue() {
        RunQueue queue;
        QueuePanel panel(&queue);
        QPushButton* pause = panel.pauseButton();
        QVERIFY(pause->isCheckable());
        QCOMPARE(pause->text(), QStringLiteral("Pause queue"));
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(queue.isPaused());
        QCOMPARE(pause->text(), QStringLiteral("Resume queue"));
        QVERIFY(panel.summaryLabel()->text().endsWith(QStringLiteral(" · paused")));
        // Paused from elsewhere (a stopped run), the button shows it.
        queue.setPaused(false);
        QVERIFY(!pause->isChecked());
        QCOMPARE(pause->text(), QStringLiteral("Pause queue"));
        queue.setPaused(true);
        QVERIFY(pause->isChecked());
        QTest::mouseClick(pause, Qt::LeftButton);
        QVERIFY(!queue.isPaused());
    }

    void clearFinishedRemovesOnlyFinished() {
        RunQueue queue;
        QueuePanel panel(&queue);
        for (const char* name : {"a.png", "b.png", "c.png"})
            queue.add(job(QString::fromLatin1(name)));
        QVERIFY(!panel.clearButton()->isEnabled());
        queue.setStatus(0, RunQueue::Status::Done);
        queue.setStatus(1, RunQueue::Status::Failed, QStringLiteral("unreadable"));
        QVERIFY(panel.clearButton()->isEnabled());
        QTest::mouseClick(panel.clearButton(), Qt::LeftButton);
        QCOMPARE(contents(queue), QStringList{"c.png"});
        QVERIFY(!panel.clearButton()->isEnabled());
    }

    void entriesAreOneLineOrWrappedAndDraggable() {
        RunQueue queue;
        QueuePanel panel(&queue);
        JobRequest j = job(QStringLiteral("a-rather-long-photo-name.png"));
        j.styles.push_back(StyleSource{"kandinsky-composition-vii.jpg"});
        queue.add(j);
        QCOMPARE(panel.view()->dragDropMode(), QAbstractItemView::InternalMove);
        QVERIFY(queue.flags(queue.index(0)).testFlag(Qt::ItemIsDragEnabled));
        QVERIFY(!queue.flags(queue.index(0)).testFlag(Qt::ItemIsDropEnabled)); // not onto one
        QVERIFY(queue.flags({}).testFlag(Qt::ItemIsDropEnabled));              // between
        QVERIFY(queue.supportedDropActions().testFlag(Qt::MoveAction));

        // Wide, an entry is one line; in a narrow dock it wraps rather than hide its end.
        const QFontMetrics metrics(panel.view()->font());
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTRY_VERIFY(panel.view()->visualRect(queue.index(0)).height() < 2 * metrics.height());
        panel.resize(260, 300);
        QTRY_VERIFY(panel.view()->visualRect(queue.index(0)).height() >= 2 * metrics.height());
        QVERIFY(panel.view()->visualRect(queue.index(0)).right() <=
                panel.view()->viewport()->width());
    }
};

QTEST_MAIN(TestQueuePanel)
#include "tst_queuepanel.moc"
