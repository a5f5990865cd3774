#include "soakfront.h"

#include <QHostAddress>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace passerelle::bench {

SoakFront::SoakFront(QObject *parent) : QObject(parent), m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &SoakFront::onConnection);
}

quint16 SoakFront::listen()
{
    if (!m_server->listen(QHostAddress::LocalHost, 0))
        return 0;
    m_port = m_server->serverPort();
    return m_port;
}

void SoakFront::setMode(Mode mode)
{
    if (mode == m_mode)
        return;
    const QList<QTcpSocket *> clients = m_clients;
    for (QTcpSocket *s : clients)
        s->abort();
    m_mode = mode;
    if (mode == Mode::Gone)
        m_server->close();
    else if (!m_server->isListening())
        m_server->listen(QHostAddress::LocalHost, m_port);
}

void SoakFront::onConnection()
{
    while (QTcpSocket *client = m_server->nextPendingConnection()) {
        connect(client, &QTcpSocket::disconnected, client, &QObject::deleteLater);
        m_clients.append(client);
        connect(client, &QObject::destroyed, this, [this, client] { m_clients.removeAll(client); });
        if (m_mode == Mode::Trickle)
            trickle(client);
        else
            relay(client);
    }
}

void SoakFront::relay(QTcpSocket *client)
{
    auto *upstream = new QTcpSocket(client);
    connect(upstream, &QTcpSocket::readyRead, client, [client, upstream] { client->write(upstream->readAll()); });
    connect(client, &QTcpSocket::readyRead, upstream, [client, upstream] {
        if (upstream->state() == QAbstractSocket::ConnectedState)
            upstream->write(client->readAll());
    });
    connect(upstream, &QTcpSocket::connected, client, [client, upstream] { upstream->write(client->readAll()); });
    // nginx stopped, or done: the client's connection ends too.
    connect(upstream, &QTcpSocket::disconnected, client, [client] { client->disconnectFromHost(); });
    connect(upstream, &QTcpSocket::errorOccurred, client, [client](QAbstractSocket::SocketError) {
        client->disconnectFromHost();
    });
    connect(client, &QTcpSocket::disconnected, upstream, [upstream] { upstream->abort(); });
    upstream->connectToHost(QHostAddress::LocalHost, m_upstream);
}

void SoakFront::trickle(QTcpSocket *client)
{
    // What issue 15 saw freeze updates: a 500 whose body comes one byte a second.
    client->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n");
    auto *timer = new QTimer(client);
    connect(timer, &QTimer::timeout, client, [client] { client->write("x"); });
    timer->start(1000);
}

} // namespace passerelle::bench
