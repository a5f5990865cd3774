#include "faultproxy.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

namespace passerelle::synctest {

using namespace Qt::StringLiterals;

FaultProxy::FaultProxy(QHostAddress upstreamHost, quint16 upstreamPort, QObject *parent)
    : QObject(parent), m_upstreamHost(std::move(upstreamHost)), m_upstreamPort(upstreamPort)
{
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::onConnection);
}

bool FaultProxy::listen() { return m_server.listen(QHostAddress::LocalHost, 0); }

QString FaultProxy::baseUrl() const { return u"http://127.0.0.1:%1/"_s.arg(port()); }

FaultProxy::Fault FaultProxy::takeFault(const QString &path, qint64 *offset)
{
    for (Rule &rule : m_rules) {
        if (rule.times == 0 || !path.endsWith(rule.pathEndsWith))
            continue;
        if (rule.times > 0)
            --rule.times;
        *offset = rule.offset;
        return rule.fault;
    }
    return Fault::None;
}

namespace {

/** One proxied request: client <-> proxy <-> upstream. */
class Relay : public QObject
{
public:
    Relay(QTcpSocket *client, FaultProxy::Fault fault, qint64 offset, qint64 *bodyBytes)
        : m_client(client), m_fault(fault), m_offset(offset), m_bodyBytes(bodyBytes)
    {
        client->setParent(this);
        connect(client, &QTcpSocket::disconnected, this, &Relay::finish);
    }

    void answer(const QByteArray &statusLine)
    {
        m_client->write("HTTP/1.1 " + statusLine + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        m_client->disconnectFromHost();
    }

    /** The "HTTP/1.1 500 then one byte a second" server of issue 15. */
    void trickle(int intervalMs)
    {
        m_client->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: 1000000\r\n"
                        "Connection: close\r\n\r\n");
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [this] {
            if (m_client && m_client->state() == QAbstractSocket::ConnectedState) {
                m_client->write("x");
                *m_bodyBytes += 1;
            }
        });
        timer->start(intervalMs);
    }

    void hugeError(qint64 size)
    {
        m_client->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: text/html\r\nContent-Length: "
                        + QByteArray::number(size) + "\r\nConnection: close\r\n\r\n" + QByteArray(size, 'e'));
        *m_bodyBytes += size;
        m_client->disconnectFromHost();
    }

    void redirect(const QByteArray &location)
    {
        m_client->write("HTTP/1.1 302 Found\r\nLocation: " + location + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        m_client->disconnectFromHost();
    }

    void endless()
    {
        m_client->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n");
        auto more = [this] {
            if (m_client->state() == QAbstractSocket::ConnectedState && m_client->bytesToWrite() < 1024 * 1024) {
                m_client->write(QByteArray(256 * 1024, '\0'));
                *m_bodyBytes += 256 * 1024;
            }
        };
        connect(m_client, &QTcpSocket::bytesWritten, this, more);
        more();
    }

    void forward(const QByteArray &request, const QHostAddress &host, quint16 port)
    {
        m_upstream = new QTcpSocket(this);
        connect(m_upstream, &QTcpSocket::connected, this, [this, request] { m_upstream->write(request); });
        connect(m_upstream, &QTcpSocket::readyRead, this, &Relay::fromUpstream);
        connect(m_upstream, &QTcpSocket::disconnected, this, [this] {
            if (m_fault != FaultProxy::Fault::StallAfter && m_client)
                m_client->disconnectFromHost();
        });
        m_upstream->connectToHost(host, port);
    }

private:
    void fromUpstream()
    {
        QByteArray data = m_upstream->readAll();
        if (!m_headersDone) {
            m_head += data;
            const qsizetype end = m_head.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            m_headersDone = true;
            QByteArray head = m_head.left(end + 4);
            data = m_head.mid(end + 4);
            if (m_fault == FaultProxy::Fault::WrongLength) {
                // Announce more than there is; the body then ends early.
                const qsizetype at = head.toLower().indexOf("content-length: ");
                if (at >= 0) {
                    const qsizetype lineEnd = head.indexOf("\r\n", at);
                    const qint64 length = head.mid(at + 16, lineEnd - at - 16).toLongLong();
                    head = head.left(at) + "Content-Length: " + QByteArray::number(length + m_offset) + head.mid(lineEnd);
                }
            }
            m_client->write(head);
        }
        if (m_stalled)
            return;
        for (qsizetype i = 0; i < data.size(); ++i, ++m_sent) {
            if (m_fault == FaultProxy::Fault::FlipBitAt && m_sent == m_offset)
                data[i] = char(data[i] ^ 0x01);
            if ((m_fault == FaultProxy::Fault::CutAfter || m_fault == FaultProxy::Fault::StallAfter) && m_sent == m_offset) {
                m_client->write(data.left(i));
                *m_bodyBytes += i;
                if (m_fault == FaultProxy::Fault::CutAfter) {
                    m_client->flush();
                    m_client->abort();
                    finish();
                } else {
                    m_stalled = true;
                }
                return;
            }
        }
        m_client->write(data);
        *m_bodyBytes += data.size();
    }

    void finish()
    {
        if (m_upstream)
            m_upstream->abort();
        deleteLater();
    }

    QPointer<QTcpSocket> m_client;
    QPointer<QTcpSocket> m_upstream;
    FaultProxy::Fault m_fault;
    qint64 m_offset;
    qint64 *m_bodyBytes;
    QByteArray m_head;
    bool m_headersDone = false;
    bool m_stalled = false;
    qint64 m_sent = 0;
};

} // namespace

void FaultProxy::onConnection()
{
    while (QTcpSocket *client = m_server.nextPendingConnection()) {
        auto *buffer = new QByteArray;
        connect(client, &QTcpSocket::readyRead, this, [this, client, buffer] {
            *buffer += client->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            disconnect(client, &QTcpSocket::readyRead, this, nullptr);
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            delete buffer;
            const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
            Request request;
            request.path = QString::fromLatin1(requestLine.value(1));
            QByteArray forwarded = lines.value(0).trimmed() + "\r\n";
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines[i].trimmed();
                const QByteArray name = line.left(line.indexOf(':')).trimmed().toLower();
                if (name == "range")
                    request.range = line.mid(line.indexOf(':') + 1).trimmed();
                if (name == "if-none-match")
                    request.ifNoneMatch = line.mid(line.indexOf(':') + 1).trimmed();
                if (name == "connection" || name == "keep-alive" || line.isEmpty())
                    continue;
                forwarded += line + "\r\n";
            }
            forwarded += "Connection: close\r\n\r\n";
            qint64 offset = 0;
            request.fault = takeFault(request.path, &offset);
            m_requests.append(request);
            auto *relay = new Relay(client, request.fault, offset, &m_bodyBytes);
            relay->setParent(this);
            switch (request.fault) {
            case Fault::Status404:
                relay->answer("404 Not Found");
                break;
            case Fault::Status500:
                relay->answer("500 Internal Server Error");
                break;
            case Fault::Endless:
                relay->endless();
                break;
            case Fault::Trickle500:
                relay->trickle(int(offset));
                break;
            case Fault::HugeError:
                relay->hugeError(offset);
                break;
            case Fault::Redirect:
                relay->redirect(m_locations.value(offset));
                break;
            default:
                relay->forward(forwarded, m_upstreamHost, m_upstreamPort);
                break;
            }
        });
    }
}

} // namespace passerelle::synctest
