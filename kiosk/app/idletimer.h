#pragma once

#include <QObject>
#include <QTimer>

namespace passerelle {

/**
 * Ends a visitor's session after a time without touch: first a warning, shown, spoken
 * and with a tone, for at least 20 s, with a "more time" button that works any number
 * of times; then expired(), on which the kiosk forgets everything. It does not run
 * while held (audio is playing) or while inactive (the attract screen is showing).
 */
class IdleTimer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(bool warning READ warning NOTIFY warningChanged FINAL)
    Q_PROPERTY(int secondsLeft READ secondsLeft NOTIFY secondsLeftChanged FINAL)
    Q_PROPERTY(bool running READ running NOTIFY runningChanged FINAL)

public:
    /** idleSeconds: no touch for that long ends the session; warningSeconds of it warn. */
    IdleTimer(int idleSeconds, int warningSeconds, QObject *parent = nullptr);

    [[nodiscard]] bool warning() const { return m_warning; }
    [[nodiscard]] int secondsLeft() const { return m_secondsLeft; }
    [[nodiscard]] bool running() const { return m_active && !m_held; }
    [[nodiscard]] int idleSeconds() const { return m_idleSeconds; }
    [[nodiscard]] int warningSeconds() const { return m_warningSeconds; }

    /** False on the attract screen: nobody is there. */
    void setActive(bool active);
    /** True while audio the visitor asked for plays. */
    void setHeld(bool held);

    /** The visitor touched the screen: start counting again. */
    Q_INVOKABLE void activity();
    /** The "more time" button. */
    Q_INVOKABLE void moreTime() { activity(); }
    /** Ends the session at once (a social worker's "new visitor"). */
    Q_INVOKABLE void endNow();

Q_SIGNALS:
    void warningChanged();
    void secondsLeftChanged();
    void runningChanged();
    void expired();

private:
    void restart();
    void startWarning();
    void tick();
    void setWarning(bool on);

    int m_idleSeconds;
    int m_warningSeconds;
    bool m_active = false;
    bool m_held = false;
    bool m_warning = false;
    int m_secondsLeft = 0;
    QTimer m_untilWarning;
    QTimer m_countdown;
};

} // namespace passerelle
