#include "ErrorLine.h"

#include <QtTest>

using namespace deepart;

// The window's error line: a message about the inputs goes once they change; a run's failure
// stays until the next start.
class TestErrorLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void inputErrorsGoWhenTheInputsChange() {
        ErrorLine line;
        QVERIFY(line.isHidden());
        QCOMPARE(line.message(), QString());
        line.showInputError(QStringLiteral("Choose a content image"));
        QCOMPARE(line.message(), QStringLiteral("Choose a content image"));
        line.inputsChanged();
        QCOMPARE(line.message(), QString());
    }

    void aRunsFailureStaysUntilCleared() {
        ErrorLine line;
        line.showError(QStringLiteral("The run failed: out of memory"));
        line.inputsChanged();
        QCOMPARE(line.message(), QStringLiteral("The run failed: out of memory"));
        line.clearError();
        QCOMPARE(line.message(), QString());
        // A failure after an input error is not taken for one.
        line.showInputError(QStringLiteral("no weights"));
        line.showError(QStringLiteral("failed"));
        line.inputsChanged();
        QCOMPARE(line.message(), QStringLiteral("failed"));
    }
};

QTEST_MAIN(TestErrorLine)
#include "tst_errorline.moc"
