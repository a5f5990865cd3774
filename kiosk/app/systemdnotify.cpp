#include "systemdnotify.h"

#include <QLoggingCategory>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSystemd, "passerelle.systemd")

SystemdNotifier::SystemdNotifier(QObject *parent)
    : SystemdNotifier(qEnvironmentVariable("NOTIFY_SOCKET"), qEnvironmentVariable("WATCHDOG_USEC").toLongLong(),
                      parent)
{
}

SystemdNotifier::SystemdNotifier(QString socketPath, qint64 watchdogUsec, QObject *parent)
    : QObject(parent), m_socketPath(std::move(socketPath)), m_watchdogUsec(std::max<qint64>(0, watchdogUsec))
{
    // The timer belongs to the thread that made the notifier: the GUI thread.
    m_heartbeat.setTimerType(Qt::CoarseTimer);
    connect(&m_heartbeat, &QTimer::timeout, this, [this] {
        if (notify("WATCHDOG=1"))
            Q_EMIT heartbeat();
    });
}

int SystemdNotifier::heartbeatIntervalMs() const
{
    if (m_watchdogUsec <= 0)
        return 0;
    return int(std::max<qint64>(1, m_watchdogUsec / 3000));
}

bool SystemdNotifier::notify(const QByteArray &state)
{
    if (m_socketPath.isEmpty())
        return false;
    const QByteArray path = m_socketPath.toLocal8Bit();
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= qsizetype(sizeof(address.sun_path)) || (path[0] != '/' && path[0] != '@')) {
        qCWarning(lcSystemd) << "NOTIFY_SOCKET is not a socket path:" << m_socketPath;
        return false;
    }
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
    if (path[0] == '@')
        address.sun_path[0] = '\0'; // abstract namespace: no terminating NUL in the length
    else
        length += 1;

    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        qCWarning(lcSystemd) << "cannot make a socket for NOTIFY_SOCKET:" << std::strerror(errno);
        return false;
    }
    const ssize_t sent = ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                                  reinterpret_cast<const sockaddr *>(&address), length);
    const int error = errno;
    ::close(fd);
    if (sent != state.size()) {
        qCWarning(lcSystemd) << "cannot notify systemd at" << m_socketPath << ":" << std::strerror(error);
        return false;
    }
    return true;
}

void SystemdNotifier::ready(const QString &status)
{
    if (!isActive())
        return;
    notify("READY=1\nSTATUS=" + status.toUtf8());
    qCInfo(lcSystemd) << "told systemd the kiosk is ready";
    if (const int interval = heartbeatIntervalMs(); interval > 0) {
        m_heartbeat.start(interval);
        qCInfo(lcSystemd) << "watchdog heartbeat every" << interval << "ms";
    }
}

void SystemdNotifier::stopping()
{
    m_heartbeat.stop();
    notify("STOPPING=1");
}

} // namespace passerelle
