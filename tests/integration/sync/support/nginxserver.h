#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

namespace passerelle::synctest {

/**
 * A real nginx (Debian's nginx-light) on a free loopback port, started as the current
 * user in the foreground with a generated configuration that includes the server block of
 * deploy/nginx/passerelle-packs.conf (its listen and root lines replaced), so the example
 * operators copy is the one under test. Stopped on destruction.
 */
class NginxServer
{
public:
    NginxServer() = default;
    NginxServer(const NginxServer &) = delete;
    NginxServer &operator=(const NginxServer &) = delete;
    ~NginxServer();

    /** Serves root; false (and errorString()) when nginx cannot be started. */
    bool start(const QString &root);
    void stop();

    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString baseUrl() const;
    [[nodiscard]] QString errorString() const { return m_error; }
    /** Bytes nginx sent (status line, headers and body) per the access log. */
    [[nodiscard]] qint64 bytesSent() const;
    /** Bytes of response bodies only. */
    [[nodiscard]] qint64 bodyBytesSent() const;
    [[nodiscard]] QString accessLog() const;

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

/** A loopback port nothing listens on right now. */
quint16 freePort();

} // namespace passerelle::synctest
