#pragma once

#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QString>
#include <QTcpServer>

namespace passerelle::synctest {

/**
 * A small HTTP proxy for tests that sits between a source and nginx and misbehaves on
 * purpose: it cuts a connection, stalls, flips a bit, sends endless data or answers
 * 404/500, trickles an error page or redirects, for requests whose path ends with a given text, for the first N of them.
 * One request per connection (it asks upstream for "Connection: close").
 */
class FaultProxy : public QObject
{
    Q_OBJECT
public:
    enum class Fault {
        None,
        CutAfter,   ///< close the connection after `offset` body bytes
        StallAfter, ///< send `offset` body bytes, then nothing, connection kept open
        FlipBitAt,  ///< flip the lowest bit of body byte `offset`
        Endless,    ///< answer 200 without a length and send zeros until the client hangs up
        WrongLength,///< announce `offset` more bytes than the file has, then close
        Status404,
        Status500,
        Trickle500, ///< answer 500 with a long body, then one body byte every `offset` ms
        HugeError,  ///< answer 500 with an error page of `offset` bytes, all at once
        Redirect,   ///< answer 302 with the Location given to addRedirect()
    };
    struct Rule
    {
        QString pathEndsWith;
        Fault fault = Fault::None;
        qint64 offset = 0;
        int times = -1; ///< how many matching requests to spoil; -1 for all
    };
    struct Request
    {
        QString path;
        QByteArray range; ///< the Range header, if any
        QByteArray ifNoneMatch;
        Fault fault = Fault::None;
    };

    FaultProxy(QHostAddress upstreamHost, quint16 upstreamPort, QObject *parent = nullptr);
    bool listen();
    [[nodiscard]] quint16 port() const { return m_server.serverPort(); }
    [[nodiscard]] QString baseUrl() const;

    void addRule(const Rule &rule) { m_rules.append(rule); }
    /** Answers requests whose path ends with pathEndsWith with a 302 to location. */
    void addRedirect(const QString &pathEndsWith, const QByteArray &location)
    {
        m_rules.append({pathEndsWith, Fault::Redirect, m_locations.size(), -1});
        m_locations.append(location);
    }
    void clearRules()
    {
        m_rules.clear();
        m_locations.clear();
    }
    [[nodiscard]] QList<Request> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    /** Body bytes sent to clients. */
    [[nodiscard]] qint64 bodyBytes() const { return m_bodyBytes; }

private:
    void onConnection();
    Fault takeFault(const QString &path, qint64 *offset);

    QTcpServer m_server;
    QHostAddress m_upstreamHost;
    quint16 m_upstreamPort;
    QList<Rule> m_rules;
    QList<QByteArray> m_locations; // of redirects, by their rule's offset
    QList<Request> m_requests;
    qint64 m_bodyBytes = 0;
};

} // namespace passerelle::synctest
