#pragma once

#include <QList>
#include <QObject>
#include <QTcpServer>

class QTcpSocket;

namespace passerelle::bench {

/**
 * The soak's HTTP source, on a loopback port that stays the same for the whole run (the
 * kiosk's configuration names it): it relays to the current nginx, trickles (answers
 * "500" and then one byte a second), or is gone (nothing listens: connection refused).
 * Lives in its own thread, so the bench can build packs meanwhile; setMode and
 * setUpstream are called through queued invocations. A mode change ends every open
 * connection, as a server that changed would: otherwise a kept-alive connection would
 * go on relaying to the old server.
 */
class SoakFront : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Relay, Trickle, Gone };
    Q_ENUM(Mode)

    explicit SoakFront(QObject *parent = nullptr);
    /** Listens on a free loopback port; 0 on failure. Call before moving to a thread. */
    quint16 listen();

public Q_SLOTS:
    void setMode(passerelle::bench::SoakFront::Mode mode);
    void setUpstream(quint16 port) { m_upstream = port; }

private:
    void onConnection();
    void relay(QTcpSocket *client);
    void trickle(QTcpSocket *client);

    QTcpServer *m_server = nullptr;
    quint16 m_port = 0;
    quint16 m_upstream = 0;
    Mode m_mode = Mode::Relay;
    /** Open client connections, ended when the mode changes. */
    QList<QTcpSocket *> m_clients;
};

} // namespace passerelle::bench
