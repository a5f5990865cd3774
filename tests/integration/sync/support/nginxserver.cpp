#include "nginxserver.h"

#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <pwd.h>
#include <unistd.h>

namespace passerelle::synctest {

using namespace Qt::StringLiterals;

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

NginxServer::~NginxServer() { stop(); }

QString NginxServer::baseUrl() const { return u"http://127.0.0.1:%1/"_s.arg(m_port); }

bool NginxServer::start(const QString &root)
{
    QString nginx = QStandardPaths::findExecutable(u"nginx"_s);
    if (nginx.isEmpty())
        nginx = QStandardPaths::findExecutable(u"nginx"_s, {u"/usr/sbin"_s, u"/sbin"_s});
    if (nginx.isEmpty()) {
        m_error = u"nginx is not installed (deploy/install-deps.sh installs nginx-light)"_s;
        return false;
    }
    QFile example(sourceDir() + u"/deploy/nginx/passerelle-packs.conf"_s);
    if (!example.open(QIODevice::ReadOnly)) {
        m_error = u"cannot read deploy/nginx/passerelle-packs.conf"_s;
        return false;
    }
    QString server = QString::fromUtf8(example.readAll());
    const QString dir = m_dir.path();
    for (const QString &sub : {u"tmp"_s, u"logs"_s})
        QDir().mkpath(QDir(dir).filePath(sub));

    for (int attempt = 0; attempt < 5; ++attempt) {
        m_port = freePort();
        QString block = server;
        block.replace(QRegularExpression(u"(?m)^(\\s*)listen\\s+\\[::\\][^;]+;\\n"_s), QString());
        block.replace(QRegularExpression(u"(?m)^(\\s*)listen\\s+[^;]+;"_s), u"\\1listen 127.0.0.1:%1;"_s.arg(m_port));
        block.replace(QRegularExpression(u"(?m)^(\\s*)root\\s+[^;]+;"_s), u"\\1root "_s + root + u';');
        block.replace(QRegularExpression(u"(?m)^(\\s*)access_log\\s+[^;]+;"_s), QString());
        // As root, nginx's workers would become nobody, who cannot read a private temp dir.
        QString user;
        if (::geteuid() == 0) {
            if (const passwd *pw = ::getpwuid(::geteuid()))
                user = u"user %1;\n"_s.arg(QString::fromLocal8Bit(pw->pw_name));
        }
        const QString conf = user + uR"(worker_processes 1;
pid %1/nginx.pid;
error_log %1/logs/error.log warn;
events { worker_connections 256; }
http {
    types { application/json json; application/octet-stream minisig; }
    default_type application/octet-stream;
    log_format bytes '$request_method $uri $status $bytes_sent $body_bytes_sent $http_range';
    access_log %1/logs/access.log bytes;
    client_body_temp_path %1/tmp/body;
    proxy_temp_path %1/tmp/proxy;
    fastcgi_temp_path %1/tmp/fastcgi;
    uwsgi_temp_path %1/tmp/uwsgi;
    scgi_temp_path %1/tmp/scgi;
%2
}
)"_s.arg(dir, block);
        QFile out(QDir(dir).filePath(u"nginx.conf"_s));
        if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return false;
        out.write(conf.toUtf8());
        out.close();

        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(nginx, {u"-p"_s, dir, u"-c"_s, out.fileName(), u"-e"_s, dir + u"/logs/error.log"_s, u"-g"_s,
                                u"daemon off;"_s});
        if (!m_process.waitForStarted(5000)) {
            m_error = m_process.errorString();
            return false;
        }
        for (int i = 0; i < 100; ++i) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(100))
                return true;
            if (m_process.state() == QProcess::NotRunning)
                break;
            QThread::msleep(20);
        }
        stop(); // the port was taken meanwhile, perhaps: try another
        m_error = QString::fromUtf8(m_process.readAll());
        QFile log(QDir(dir).filePath(u"logs/error.log"_s));
        if (log.open(QIODevice::ReadOnly))
            m_error += QString::fromUtf8(log.readAll());
    }
    return false;
}

void NginxServer::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate(); // SIGTERM: nginx's fast shutdown
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString NginxServer::accessLog() const
{
    QFile f(QDir(m_dir.path()).filePath(u"logs/access.log"_s));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

namespace {
qint64 sumField(const QString &log, int field)
{
    qint64 total = 0;
    const QStringList lines = log.split(u'\n', Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QStringList fields = line.split(u' ');
        if (fields.size() > field)
            total += fields[field].toLongLong();
    }
    return total;
}
} // namespace

qint64 NginxServer::bytesSent() const { return sumField(accessLog(), 3); }

qint64 NginxServer::bodyBytesSent() const { return sumField(accessLog(), 4); }

} // namespace passerelle::synctest
