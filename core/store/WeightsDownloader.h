#pragma once

#include <QFile>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace deepart {

// Downloads the weights file to `<target>.part`, resuming a partial download with an HTTP Range
// request when asked, checks its MD5 and only then moves it to `target`. A mismatch removes the
// file. Lives on, and is called from, one thread with an event loop (GUI or CLI main thread).
class WeightsDownloader : public QObject {
    Q_OBJECT
public:
    WeightsDownloader(QString targetPath, QUrl url, QString expectedMd5, QObject* parent = nullptr);
    ~WeightsDownloader() override;

    // resume: continue `<target>.part` if there is one; otherwise start from zero.
    void start(bool resume = true);
    // Stops the transfer and keeps the partial file, so start(true) can resume it.
    void cancel();

    bool isRunning() const { return reply_ != nullptr; }
    QString partialPath() const { return targetPath_ + QStringLiteral(".part"); }
    bool hasPartial() const;

Q_SIGNALS:
    void progress(qint64 received, qint64 total); // total -1 when unknown
    void finished(const QString& path);
    void failed(const QString& message);
    void canceled();

private:
    void onMetaData();
    void onReadyRead();
    void onFinished();
    void fail(const QString& message);
    void closePartial(); // closes the .part file, removing it when empty
    QString networkErrorText() const;

    QString targetPath_;
    QUrl url_;
    QString expectedMd5_;
    QNetworkAccessManager* network_;
    QPointer<QNetworkReply> reply_;
    QFile partial_;
    qint64 offset_ = 0;
    bool canceling_ = false;
    QString pendingError_; // a write failure, reported once the aborted reply has finished
};

} // namespace deepart
