#include "KerasWeightsWriter.h"
#include "LocalHttpServer.h"
#include "TestData.h"
#include "WeightsDialog.h"
#include "WeightsDownloader.h"

#include <QLabel>
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

    void aLongMessageIsNotCutOff() {
        const WeightsStore store(dir_.filePath(QStringLiteral("store3")));
        WeightsDialog dialog(store, QUrl(QStringLiteral("http://127.0.0.1:1/x")),
                             QStringLiteral("missing"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // The offline message is four or five lines at the dialog's width.
        const QString message = QStringLiteral(
            "the download failed: Connection refused. You may be offline. Connect and choose "
            "Download again, or get the file (vgg19_weights_tf_dim_ordering_tf_kernels_notop.h5) "
            "on another computer and choose \"Use a file I already have…\". Nothing was changed "
            "in the weights store, and the next attempt resumes where this one stopped.");
        QMetaObject::invokeMethod(dialog.downloader(), "failed", Q_ARG(QString, message));
        QTRY_COMPARE(dialog.statusText(), message);
        QLabel* status = nullptr;
        for (QLabel* label : dialog.findChildren<QLabel*>())
            if (label->text() == message)
                status = label;
        QVERIFY(status);
        QVERIFY2(status->height() >= status->heightForWidth(status->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(status->height())
                                .arg(status->heightForWidth(status->width()))));
    }
};

QTEST_MAIN(TestWeightsDialog)
#include "tst_weightsdialog.moc"
