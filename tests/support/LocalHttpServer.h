#pragma once

#include <QByteArray>
#include <QTcpServer>

namespace deepart::test {

// A minimal HTTP/1.1 server on 127.0.0.1 for download tests: serves one body for any GET,
// honours "Range: bytes=N-", can answer with an error status, or trickle the body slowly so a
// test can cancel mid-way. Lives on the test's thread and needs its event loop.
class LocalHttpServer : public QTcpServer {
    Q_OBJECT
public:
    explicit LocalHttpServer(QByteArray body, QObject* parent = nullptr);

    QString url() const;
    void setStatus(int status) { status_ = status; }
    // Bytes sent per 20 ms tick; 0 sends everything at once.
    void setTrickle(int bytesPerTick) { trickle_ = bytesPerTick; }
    int requestCount() const { return requests_; }
    QByteArray lastRangeHeader() const { return lastRange_; }

private:
    void serve(QTcpSocket* socket);

    QByteArray body_;
    int status_ = 200;
    int trickle_ = 0;
    int requests_ = 0;
    QByteArray lastRange_;
};

} // namespace deepart::test
