#include "LocalHttpServer.h"
#include "TestData.h"
#include "WeightsDownloader.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace deepart;

// The weights download against a server on 127.0.0.1 started by the test, never the internet.
class TestWeightsDownloader : public QObject {
    Q_OBJECT
private:
    QTemporaryDir dir_;
    QByteArray body_;
    QString md5_;

    QString target(const char* name) const { return dir_.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase() {
        body_.resize(300000);
        for (int i = 0; i < body_.size(); ++i)
            body_[i] = static_cast<char>((qint64(i) * 7919) % 251); // no int overflow (UBSan)
        md5_ =
            QString::fromLatin1(QCryptographicHash::hash(body_, QCryptographicHash::Md5).toHex());
    }

    void downloadsAndVerifies() {
        test::LocalHttpServer server(body_);
        WeightsDownloader downloader(target("ok.h5"), QUrl(server.url()), md5_);
        QSignalSpy finished(&downloader, &WeightsDownloader::finished);
        QSignalSpy progress(&downloader, &WeightsDownloader::progress);
        downloader.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(finished.first().first().toString(), target("ok.h5"));
        QFile file(target("ok.h5"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body_);
        QVERIFY(!QFile::exists(downloader.partialPath()));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(0).toLongLong(), qint64(body_.size()));
    }

    void checksumMismatchRemovesFile() {
        test::LocalHttpServer server(body_);
        WeightsDownloader downloader(target("bad.h5"), QUrl(server.url()),
                                     QStringLiteral("00000000000000000000000000000000"));
        QSignalSpy failed(&downloader, &WeightsDownloader::failed);
        downloader.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("damaged")) &&
                     message.contains(QStringLiteral("removed")),
                 qPrintable(message));
        QVERIFY(!QFile::exists(target("bad.h5")));
        QVERIFY(!QFile::exists(downloader.partialPath()));
    }

    void serverErrorIsReported() {
        test::LocalHttpServer server(body_);
        server.setStatus(500);
        WeightsDownloader downloader(target("err.h5"), QUrl(server.url()), md5_);
        QSignalSpy failed(&downloader, &WeightsDownloader::failed);
        downloader.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("HTTP 500")),
                 qPrintable(failed.first().first().toString()));
        QVERIFY(!QFile::exists(target("err.h5")));
        // Nothing received, nothing left behind (an empty .part file before).
        QVERIFY(!QFile::exists(downloader.partialPath()));
    }

    void offlineSaysSo() {
        // A port nothing listens on: connection refused, as when offline.
        quint16 port = 0;
        {
            test::LocalHttpServer probe(body_);
            port = probe.serverPort();
        }
        WeightsDownloader downloader(target("off.h5"),
                                     QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(port)), md5_);
        QSignalSpy failed(&downloader, &WeightsDownloader::failed);
        downloader.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 10000);
        const QString message = failed.first().first().toString();
        QVERIFY2(message.contains(QStringLiteral("offline")) &&
                     message.contains(QStringLiteral("Use a file I already have")),
                 qPrintable(message));
        QVERIFY(!QFile::exists(downloader.partialPath()));
    }

    void aNewDownloadReplacesTheOldFileInOneStep() {
        test::LocalHttpServer server(body_);
        const QString path = target("replace.h5");
        test::writeBytes(path, QByteArray("old weights"));
        WeightsDownloader downloader(path, QUrl(server.url()), md5_);
        QSignalSpy finished(&downloader, &WeightsDownloader::finished);
        downloader.start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body_);
        QVERIFY(!QFile::exists(downloader.partialPath()));
    }

    void cancelThenResume() {
        test::LocalHttpServer server(body_);
        server.setTrickle(4096);
        WeightsDownloader downloader(target("resume.h5"), QUrl(server.url()), md5_);
        QSignalSpy progress(&downloader, &WeightsDownloader::progress);
        QSignalSpy canceled(&downloader, &WeightsDownloader::canceled);
        QSignalSpy finished(&downloader, &WeightsDownloader::finished);
        downloader.start();
        QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(0).toLongLong() > 20000,
                                 10000);
        downloader.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(canceled.count(), 1, 5000);
        QVERIFY(downloader.hasPartial());
        const qint64 partial = QFileInfo(downloader.partialPath()).size();
        QVERIFY(partial > 0 && partial < body_.size());
        QVERIFY(!QFile::exists(target("resume.h5")));

        server.setTrickle(0);
        downloader.start(true);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QCOMPARE(server.lastRangeHeader(), "bytes=" + QByteArray::number(partial) + "-");
        QFile file(target("resume.h5"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body_);
    }

    void restartIgnoresPartial() {
        test::LocalHttpServer server(body_);
        WeightsDownloader downloader(target("restart.h5"), QUrl(server.url()), md5_);
        test::writeBytes(downloader.partialPath(), "garbage that is not a prefix");
        QSignalSpy finished(&downloader, &WeightsDownloader::finished);
        downloader.start(false);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QVERIFY(server.lastRangeHeader().isEmpty());
        QFile file(target("restart.h5"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), body_);
    }
};

QTEST_GUILESS_MAIN(TestWeightsDownloader)
#include "tst_weightsdownloader.moc"
