// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A loopback HTTP server for the tests that prove what reaches the network (issue #21):
// offline previews and Images panels must not connect to it at all; online ones do.

#include <QBuffer>
#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QImage>
#include <QString>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>

namespace frontmark::test {

/// Listens on 127.0.0.1 (a free port), counts every connection made to it, and answers each
/// GET with a 40×30 PNG of one colour, keeping the paths asked for. Its sockets are served
/// from the event loop (UI thread): wait with QTRY_* or QTest::qWaitFor.
class LoopbackServer
{
public:
    explicit LoopbackServer(QRgb colour = qRgb(0xd0, 0x30, 0x30))
    {
        QImage image(40, 30, QImage::Format_RGB32);
        image.fill(colour);
        QBuffer buffer(&m_png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] { accept(); });
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    bool isListening() const { return m_server.isListening(); }
    /// `path` ("/x.png") on this server, as a post would link it.
    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
    }
    /// Every connection accepted so far, with or without a request on it.
    int connections() const { return m_connections; }
    /// The paths of the requests answered so far, in order.
    QStringList paths() const { return m_paths; }

private:
    void accept()
    {
        while (QTcpSocket *socket = m_server.nextPendingConnection()) {
            ++m_connections;
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, socket] {
                m_pending.remove(socket);
                socket->deleteLater();
            });
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { read(socket); });
        }
    }

    void read(QTcpSocket *socket)
    {
        QByteArray &request = m_pending[socket];
        request += socket->readAll();
        if (!request.contains("\r\n\r\n"))
            return;
        // "GET /path HTTP/1.1": one request per connection (Connection: close).
        const QList<QByteArray> words = request.left(request.indexOf("\r\n")).split(' ');
        m_paths.append(QString::fromLatin1(words.value(1)));
        m_pending.remove(socket);
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: "
                      + QByteArray::number(m_png.size()) + "\r\nConnection: close\r\n\r\n" + m_png);
        socket->disconnectFromHost();
    }

    QTcpServer m_server;
    QByteArray m_png;
    QHash<QTcpSocket *, QByteArray> m_pending;
    int m_connections = 0;
    QStringList m_paths;
};

} // namespace frontmark::test
