#pragma once

#include <QObject>

class QQuickWindow;

namespace passerelle {

class IdleTimer;
class Narrator;

/**
 * Sees every touch (and click, and key) on the kiosk window before the UI does: it
 * counts as activity for the idle timer, and it interrupts speech, unless the touch is
 * on an audio control (an item, or an ancestor, with the property keepsSpeech: true).
 */
class TouchWatcher : public QObject
{
    Q_OBJECT

public:
    TouchWatcher(QQuickWindow *window, IdleTimer *idle, Narrator *narrator, QObject *parent);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void pressed(const QPointF &windowPosition);

    QQuickWindow *m_window;
    IdleTimer *m_idle;
    Narrator *m_narrator;
};

} // namespace passerelle
