#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

namespace passerelle {

/**
 * Talks to systemd through $NOTIFY_SOCKET (the sd_notify protocol: one datagram of
 * "KEY=value" lines on a Unix socket, "@" for the abstract namespace), with no library.
 *
 * The unit is Type=notify with WatchdogSec=: the kiosk says READY=1 once its first
 * frame is on screen, then WATCHDOG=1 from a timer of the GUI thread. A GUI thread
 * that stops turning its event loop stops the heartbeat, and systemd restarts the kiosk.
 *
 * Under cage the kiosk is cage's child, not the unit's main process, so systemd's
 * $WATCHDOG_PID names cage: the heartbeat is sent whatever $WATCHDOG_PID says, and the
 * unit has NotifyAccess=all so systemd accepts it.
 */
class SystemdNotifier : public QObject
{
    Q_OBJECT

public:
    /** Reads $NOTIFY_SOCKET and $WATCHDOG_USEC. */
    explicit SystemdNotifier(QObject *parent = nullptr);
    SystemdNotifier(QString socketPath, qint64 watchdogUsec, QObject *parent = nullptr);

    /** True when there is a socket to talk to (run by systemd with Type=notify). */
    [[nodiscard]] bool isActive() const { return !m_socketPath.isEmpty(); }
    /** The heartbeat period: a third of WatchdogSec, or 0 when there is no watchdog. */
    [[nodiscard]] int heartbeatIntervalMs() const;
    [[nodiscard]] bool isHeartbeatRunning() const { return m_heartbeat.isActive(); }

    /** Sends one datagram; false when there is no socket or sending failed. */
    bool notify(const QByteArray &state);
    /** READY=1 with a STATUS line, then starts the heartbeat if there is a watchdog. */
    void ready(const QString &status);
    void stopping();

Q_SIGNALS:
    /** After each WATCHDOG=1 sent (for tests and the debug log). */
    void heartbeat();

private:
    QString m_socketPath;
    qint64 m_watchdogUsec = 0;
    QTimer m_heartbeat;
};

} // namespace passerelle
