#include "WeightsDownloader.h"

#include "WeightsStore.h"

#include <QDir>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <filesystem>
#include <system_error>

namespace deepart {

WeightsDownloader::WeightsDownloader(QString targetPath, QUrl url, QString expectedMd5,
                                     QObject* parent)
    : QObject(parent), targetPath_(std::move(targetPath)), url_(std::move(url)),
      expectedMd5_(std::move(expectedMd5)), network_(new QNetworkAccessManager(this)) {}

WeightsDownloader::~WeightsDownloader() {
    if (reply_) {
        canceling_ = true;
        reply_->abort();
    }
}

bool WeightsDownloader::hasPartial() const {
    return QFileInfo(partialPath()).size() > 0;
}

void WeightsDownloader::start(bool resume) {
    if (reply_)
        return;
    canceling_ = false;
    pendingError_.clear();
    if (!QDir().mkpath(QFileInfo(targetPath_).absolutePath())) {
        fail(QStringLiteral("cannot create the folder '%1'")
                 .arg(QFileInfo(targetPath_).absolutePath()));
        return;
    }
    if (!resume)
        QFile::remove(partialPath());
    partial_.setFileName(partialPath());
    if (!partial_.open(QIODevice::ReadWrite | QIODevice::Append)) {
        fail(QStringLiteral("cannot write '%1': %2").arg(partialPath(), partial_.errorString()));
        return;
    }
    offset_ = partial_.size();
    QNetworkRequest request(url_);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::NoLessSafeRedirectPolicy);
    if (offset_ > 0)
        request.setRawHeader("Range", "bytes=" + QByteArray::number(offset_) + "-");
    reply_ = network_->get(request);
    connect(reply_, &QNetworkReply::metaDataChanged, this, &WeightsDownloader::onMetaData);
    connect(reply_, &QNetworkReply::readyRead, this, &WeightsDownloader::onReadyRead);
    connect(reply_, &QNetworkReply::finished, this, &WeightsDownloader::onFinished);
    connect(reply_, &QNetworkReply::downloadProgress, this, [this](qint64 received, qint64 total) {
        Q_EMIT progress(offset_ + received, total < 0 ? -1 : offset_ + total);
    });
}

void WeightsDownloader::cancel() {
    if (!reply_)
        return;
    canceling_ = true;
    reply_->abort();
}

void WeightsDownloader::onMetaData() {
    const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // A server that ignores the Range header sends the whole file again: start over.
    if (status == 200 && offset_ > 0) {
        partial_.resize(0);
        partial_.seek(0);
        offset_ = 0;
    }
}

void WeightsDownloader::onReadyRead() {
    const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status != 200 && status != 206)
        return; // an error page, not the file
    const QByteArray data = reply_->readAll();
    if (partial_.write(data) != data.size()) {
        pendingError_ = QStringLiteral("cannot write '%1': %2 (is the disk full?)")
                            .arg(partialPath(), partial_.errorString());
        reply_->abort();
    }
}

QString WeightsDownloader::networkErrorText() const {
    switch (reply_->error()) {
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return QStringLiteral("could not reach %1 (%2): this computer seems to be offline. Get the "
                              "file '%3' on another computer, then choose \"Use a file I already "
                              "have\" or pass --weights FILE.")
            .arg(url_.host(), reply_->errorString(), QString::fromLatin1(WeightsStore::kFileName));
    default:
        break;
    }
    const int status = reply_->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status >= 400)
        return QStringLiteral("the server answered HTTP %1 (%2); try again later")
            .arg(status)
            .arg(reply_->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString());
    return QStringLiteral("the download failed: %1").arg(reply_->errorString());
}

void WeightsDownloader::closePartial() {
    partial_.close();
    // Nothing was received (offline, a server error): no empty file to resume from.
    if (QFileInfo(partialPath()).size() == 0)
        QFile::remove(partialPath());
}

void WeightsDownloader::onFinished() {
    QNetworkReply* reply = reply_;
    reply->deleteLater();
    if (canceling_) {
        closePartial();
        reply_ = nullptr;
        Q_EMIT canceled();
        return;
    }
    if (!pendingError_.isEmpty()) {
        closePartial();
        reply_ = nullptr;
        fail(std::exchange(pendingError_, QString()));
        return;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->error() != QNetworkReply::NoError || (status != 200 && status != 206)) {
        const QString message = networkErrorText();
        if (status == 416) // the partial file is not a prefix of what the server has
            QFile::remove(partialPath());
        closePartial();
        reply_ = nullptr;
        fail(message);
        return;
    }
    reply_ = nullptr;
    if (partial_.isOpen())
        partial_.write(reply->readAll());
    partial_.close();
    const QString md5 = WeightsStore::md5Of(partialPath());
    if (!expectedMd5_.isEmpty() && md5 != expectedMd5_) {
        QFile::remove(partialPath());
        fail(QStringLiteral("the downloaded file is damaged (MD5 %1, expected %2); it was removed. "
                            "Try the download again.")
                 .arg(md5, expectedMd5_));
        return;
    }
    // Replaces the old file in one step: a failed move leaves the old weights, not none.
    std::error_code error;
    std::filesystem::rename(QFile::encodeName(partialPath()).toStdString(),
                            QFile::encodeName(targetPath_).toStdString(), error);
    if (error) {
        fail(QStringLiteral("cannot move the download to '%1': %2")
                 .arg(targetPath_, QString::fromStdString(error.message())));
        return;
    }
    Q_EMIT finished(targetPath_);
}

void WeightsDownloader::fail(const QString& message) {
    Q_EMIT failed(message);
}

} // namespace deepart
