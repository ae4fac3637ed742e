#include "LocalHttpServer.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace deepart::test {

LocalHttpServer::LocalHttpServer(QByteArray body, QObject* parent)
    : QTcpServer(parent), body_(std::move(body)) {
    listen(QHostAddress::LocalHost, 0);
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket* socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
                if (socket->property("served").toBool())
                    return;
                const QByteArray head = socket->peek(socket->bytesAvailable());
                if (!head.contains("\r\n\r\n"))
                    return;
                socket->setProperty("served", true);
                serve(socket);
            });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
}

QString LocalHttpServer::url() const {
    return QStringLiteral("http://127.0.0.1:%1/vgg19.h5").arg(serverPort());
}

void LocalHttpServer::serve(QTcpSocket* socket) {
    ++requests_;
    const QByteArray request = socket->readAll();
    qint64 from = 0;
    lastRange_.clear();
    for (const QByteArray& line : request.split('\n')) {
        if (line.toLower().startsWith("range:")) {
            lastRange_ = line.mid(6).trimmed();
            from = lastRange_.mid(6, lastRange_.indexOf('-') - 6).toLongLong();
        }
    }
    QByteArray header;
    QByteArray payload;
    if (status_ != 200) {
        payload = "oops";
        header = "HTTP/1.1 " + QByteArray::number(status_) + " Internal Server Error\r\n";
    } else if (from > 0 && from < body_.size()) {
        payload = body_.mid(from);
        header = "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes " +
                 QByteArray::number(from) + "-" + QByteArray::number(body_.size() - 1) + "/" +
                 QByteArray::number(body_.size()) + "\r\n";
    } else {
        payload = body_;
        header = "HTTP/1.1 200 OK\r\n";
    }
    header += "Content-Length: " + QByteArray::number(payload.size()) +
              "\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n";
    socket->write(header);
    if (trickle_ <= 0) {
        socket->write(payload);
        socket->disconnectFromHost();
        return;
    }
    auto* timer = new QTimer(socket);
    auto offset = std::make_shared<qint64>(0);
    QPointer<QTcpSocket> guard(socket);
    connect(timer, &QTimer::timeout, socket, [guard, timer, payload, offset, this] {
        if (!guard)
            return;
        guard->write(payload.mid(*offset, trickle_));
        *offset += trickle_;
        if (*offset >= payload.size()) {
            timer->stop();
            guard->disconnectFromHost();
        }
    });
    timer->start(20);
}

} // namespace deepart::test
