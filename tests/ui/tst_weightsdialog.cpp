#include "KerasWeightsWriter.h"
#include "LocalHttpServer.h"
#include "TestData.h"
#include "WeightsDialog.h"
#include "WeightsDownloader.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

class TestWeightsDialog : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;

private Q_SLOTS:
    void badFileIsRefusedGoodFileAccepted() {
        const WeightsStore store(dir_.filePath(QStringLiteral("store")));
        WeightsDialog dialog(store, QUrl(QStringLiteral("http://127.0.0.1:9/none")),
                             QStringLiteral("missing"));
        test::writeBytes(dir_.filePath(QStringLiteral("junk.h5")), "junk");
        QVERIFY(!dialog.useFile(dir_.filePath(QStringLiteral("junk.h5"))));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("not an HDF5 file")),
                 qPrintable(dialog.statusText()));
        QCOMPARE(dialog.result(), int(QDialog::Rejected));

        const QString good = dir_.filePath(QStringLiteral("slim.h5"));
        test::writeKerasWeights(good, test::smallWeights());
        QVERIFY(dialog.useFile(good));
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.weightsPath(), store.storedPath());
    }

    void downloadFailureIsShown() {
        test::LocalHttpServer server("whatever");
        server.setStatus(500);
        const WeightsStore store(dir_.filePath(QStringLiteral("store2")));
        WeightsDialog dialog(store, QUrl(server.url()), QStringLiteral("missing"));
        dialog.startDownload(true);
        QTRY_VERIFY_WITH_TIMEOUT(dialog.statusText().contains(QStringLiteral("HTTP 500")), 10000);
        QVERIFY(!dialog.downloader()->isRunning());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
    }
};

QTEST_MAIN(TestWeightsDialog)
#include "tst_weightsdialog.moc"
