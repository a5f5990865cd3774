#include "idletimer.h"

#include <algorithm>

namespace passerelle {

IdleTimer::IdleTimer(int idleSeconds, int warningSeconds, QObject *parent)
    : QObject(parent), m_idleSeconds(std::max(idleSeconds, 1)), m_warningSeconds(std::clamp(warningSeconds, 1, m_idleSeconds))
{
    m_untilWarning.setSingleShot(true);
    connect(&m_untilWarning, &QTimer::timeout, this, &IdleTimer::startWarning);
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &IdleTimer::tick);
}

void IdleTimer::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    restart();
    Q_EMIT runningChanged();
}

void IdleTimer::setHeld(bool held)
{
    if (held == m_held)
        return;
    m_held = held;
    restart();
    Q_EMIT runningChanged();
}

void IdleTimer::activity()
{
    restart();
}

void IdleTimer::endNow()
{
    m_untilWarning.stop();
    m_countdown.stop();
    setWarning(false);
    Q_EMIT expired();
}

void IdleTimer::restart()
{
    m_untilWarning.stop();
    m_countdown.stop();
    setWarning(false);
    if (running())
        m_untilWarning.start((m_idleSeconds - m_warningSeconds) * 1000);
}

void IdleTimer::startWarning()
{
    m_secondsLeft = m_warningSeconds;
    Q_EMIT secondsLeftChanged();
    setWarning(true);
    m_countdown.start();
}

void IdleTimer::tick()
{
    m_secondsLeft = std::max(m_secondsLeft - 1, 0);
    Q_EMIT secondsLeftChanged();
    if (m_secondsLeft == 0) {
        m_countdown.stop();
        setWarning(false);
        Q_EMIT expired();
    }
}

void IdleTimer::setWarning(bool on)
{
    if (on == m_warning)
        return;
    m_warning = on;
    Q_EMIT warningChanged();
}

} // namespace passerelle
