#pragma once

#include <QObject>

class QKeyEvent;

namespace passerelle {

/**
 * An application-wide event filter: keys that would leave, close or switch away from
 * the kiosk on a desktop (Alt+F4, Ctrl+Q, Ctrl+W, the Meta/Super key, Ctrl+Alt+anything)
 * never reach QML. cage itself has no shortcuts and no VT switching (it runs without -s);
 * Qt has no quit shortcut of its own; this filter keeps it so if QML ever gains one.
 */
class KeyLockdown : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    /** True for a key press that this filter swallows. */
    [[nodiscard]] static bool isBlocked(const QKeyEvent &event);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

/**
 * SIGTERM, SIGINT and SIGHUP (systemctl stop, Ctrl+C in a terminal) quit the event loop,
 * so the kiosk exits cleanly (health file "down", crash marker removed) instead of dying.
 * Uses a self-pipe: the handler only writes a byte.
 */
class TerminationSignals : public QObject
{
    Q_OBJECT

public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

Q_SIGNALS:
    void received(int signalNumber);
};

} // namespace passerelle
