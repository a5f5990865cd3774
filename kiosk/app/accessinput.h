#pragma once

#include "keymap.h"

#include <QElapsedTimer>
#include <QEvent>
#include <QObject>
#include <QPointer>
#include <QPointF>

class QQuickItem;
class QQuickWindow;

namespace passerelle {

class IdleTimer;
class Narrator;
class Navigator;
class Session;
class SpeechMode;

/**
 * The keys and, in speech mode, the touches of the kiosk window (ACCESSIBILITY.md req.
 * 18-21), seen before the UI sees them:
 * - a mapped key (KeyMap) moves the focus in reading order, activates, goes back or
 *   home, asks for help or changes the volume; the first one turns speech mode on;
 *   while the idle warning shows, any key gives more time;
 * - in speech mode a touch says what is under the finger, sliding says each item
 *   crossed, and a double tap activates the item (touch exploration); ordinary touches
 *   never reach the UI then.
 * Keys go to the UI untouched while a text field has the focus (the social worker's
 * search) or the staff panel is open.
 *
 * Items take part through QML: activeFocusOnTab, a function activate(), spokenKind and
 * spokenFile (see SpeechMode). Focus stays on the screen's items and the navigation bar;
 * on the language screen it cycles through the languages only.
 */
class AccessInput : public QObject
{
    Q_OBJECT

public:
    AccessInput(QQuickWindow *window, KeyMap keys, SpeechMode *speech, Navigator *navigator, Narrator *narrator,
                IdleTimer *idle, const Session *session, QObject *parent = nullptr);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    bool keyPressed(int key, Qt::KeyboardModifiers modifiers);
    void act(KeyAction action);
    /** The kiosk's item of that objectName, or null. */
    [[nodiscard]] QQuickItem *named(const QString &name) const;
    /** The current screen's root item (the Loader's item), or null. */
    [[nodiscard]] QQuickItem *screen() const;
    [[nodiscard]] QQuickItem *focused() const;
    /** The item a key moves to from the focused one. */
    [[nodiscard]] QQuickItem *neighbour(bool forward) const;
    /** Gives item the focus, brings it into view and says it. */
    void focus(QQuickItem *item);
    /** A new screen: the focus on its first item (the current language on the language screen), its title said. */
    void enterScreen();
    [[nodiscard]] QQuickItem *firstItem() const;
    void activate(QQuickItem *item);

    bool touched(QEvent::Type type, const QPointF &position);
    /** The item touch exploration speaks for a point of the window: the focusable one under it. */
    [[nodiscard]] QQuickItem *explorable(const QPointF &position) const;

    QQuickWindow *m_window;
    KeyMap m_keys;
    SpeechMode *m_speech;
    Navigator *m_navigator;
    Narrator *m_narrator;
    IdleTimer *m_idle;
    const Session *m_session;

    bool m_fingerDown = false;
    bool m_doubleTap = false; // the finger now down is a double tap's second
    QPointer<QQuickItem> m_lastTap; // the item of the last single tap, for a double tap
    QElapsedTimer m_sinceTap;
};

} // namespace passerelle
