#include "accessinput.h"

#include "idletimer.h"
#include "narrator.h"
#include "navigator.h"
#include "session.h"
#include "speechmode.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTouchEvent>

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

/** A second tap within this time on the same item is a double tap (a little longer than a phone's). */
constexpr int kDoubleTapMs = 500;

/** Speech mode reaches an item: it takes the focus by the keys, or it is a screen's title. */
bool isExplorable(const QQuickItem *item)
{
    return (item->activeFocusOnTab() && item->isEnabled()) || item->objectName() == u"screenTitle";
}

/**
 * The topmost explorable item at a point of the scene, under item. Every descendant is
 * looked at, not only those inside their parent (a list's content item can be narrower
 * than its rows); what a clipping item hides is not found.
 */
QQuickItem *explorableAt(QQuickItem *item, const QPointF &scenePosition)
{
    if (!item->isVisible())
        return nullptr;
    const bool inside = item->contains(item->mapFromScene(scenePosition));
    if (item->clip() && !inside)
        return nullptr;
    QList<QQuickItem *> children = item->childItems();
    std::stable_sort(children.begin(), children.end(), [](QQuickItem *a, QQuickItem *b) { return a->z() < b->z(); });
    for (auto it = children.crbegin(); it != children.crend(); ++it) { // the last painted is on top
        if (QQuickItem *found = explorableAt(*it, scenePosition))
            return found;
    }
    return inside && isExplorable(item) ? item : nullptr;
}

bool isTextField(const QQuickItem *item)
{
    return item && (item->inherits("QQuickTextInput") || item->inherits("QQuickTextEdit"));
}

/**
 * Moves the nearest Flickable around item so that item is in view, with the room the list
 * leaves around its items for the focus ring (its margins) in view too.
 */
void bringIntoView(QQuickItem *item)
{
    for (QQuickItem *p = item->parentItem(); p; p = p->parentItem()) {
        if (!p->inherits("QQuickFlickable"))
            continue;
        auto *content = p->property("contentItem").value<QQuickItem *>();
        if (!content)
            return;
        const qreal above = p->property("topMargin").toReal();
        const qreal below = p->property("bottomMargin").toReal();
        const QRectF r = item->mapRectToItem(content, item->boundingRect()).adjusted(0, -above, 0, below);
        const qreal y = p->property("contentY").toReal();
        const qreal h = p->height();
        // A list's content may not start at 0 (originY); the margins extend both ends.
        const qreal first = p->property("originY").toReal() - above;
        const qreal last = qMax(first, p->property("originY").toReal() + p->property("contentHeight").toReal() + below - h);
        qreal to = y;
        if (r.top() < y)
            to = r.top();
        else if (r.bottom() > y + h)
            to = qMin(r.top(), r.bottom() - h);
        p->setProperty("contentY", qBound(first, to, last));
        return;
    }
}

} // namespace

AccessInput::AccessInput(QQuickWindow *window, KeyMap keys, SpeechMode *speech, Navigator *navigator,
                         Narrator *narrator, IdleTimer *idle, const Session *session, QObject *parent)
    : QObject(parent), m_window(window), m_keys(std::move(keys)), m_speech(speech), m_navigator(navigator),
      m_narrator(narrator), m_idle(idle), m_session(session)
{
    m_window->installEventFilter(this);
    // A new screen is announced once its items exist: the screen's Loader reacts to the
    // same signal, and was connected first (QML loads before the window is watched).
    connect(m_navigator, &Navigator::routeChanged, this, &AccessInput::enterScreen);
    connect(m_speech, &SpeechMode::turnedOn, this, &AccessInput::enterScreen);
}

bool AccessInput::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::KeyPress: {
        const auto *key = static_cast<QKeyEvent *>(event);
        return keyPressed(key->key(), key->modifiers());
    }
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
    case QEvent::TouchEnd: {
        if (!m_speech->active())
            break;
        auto *touch = static_cast<QTouchEvent *>(event);
        touch->accept();
        if (touch->points().isEmpty())
            return true;
        return touched(event->type() == QEvent::TouchBegin ? QEvent::MouseButtonPress
                       : event->type() == QEvent::TouchEnd ? QEvent::MouseButtonRelease
                                                           : QEvent::MouseMove,
                       touch->points().first().scenePosition());
    }
    case QEvent::MouseButtonDblClick:
        return m_speech->active(); // a double tap is seen as its two taps
    case QEvent::MouseButtonPress:
    case QEvent::MouseMove:
    case QEvent::MouseButtonRelease: {
        if (!m_speech->active())
            break;
        const auto *mouse = static_cast<QMouseEvent *>(event);
        if (mouse->source() != Qt::MouseEventNotSynthesized)
            return true; // made from a touch already explored
        if (event->type() == QEvent::MouseMove && !m_fingerDown)
            return true;
        return touched(event->type(), mouse->scenePosition());
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

bool AccessInput::keyPressed(int key, Qt::KeyboardModifiers modifiers)
{
    QQuickItem *staff = named(u"staffPanel"_s);
    if ((staff && staff->isVisible()) || isTextField(m_window->activeFocusItem()))
        return false;
    const KeyAction action = m_keys.action(key, modifiers, m_session->rightToLeft());
    if (action == KeyAction::None)
        return false;
    // Any key gives more time (req. 21); it does nothing else while the warning shows.
    const bool warned = m_idle->warning();
    m_idle->activity();
    if (warned)
        return true;
    if (!m_speech->active())
        m_speech->turnOn(); // the first key turns speech on, and is spent on that
    else
        act(action);
    return true;
}

void AccessInput::act(KeyAction action)
{
    switch (action) {
    case KeyAction::Previous:
    case KeyAction::Next:
        focus(neighbour(action == KeyAction::Next));
        break;
    case KeyAction::Activate:
        activate(focused());
        break;
    case KeyAction::Back:
        m_navigator->back();
        break;
    case KeyAction::Home:
        m_navigator->home();
        break;
    case KeyAction::Help:
        m_speech->help(screen(), focused());
        break;
    case KeyAction::VolumeUp:
    case KeyAction::VolumeDown:
        if (action == KeyAction::VolumeUp)
            m_narrator->volumeUp();
        else
            m_narrator->volumeDown();
        m_speech->describe(focused()); // heard at the new volume
        break;
    case KeyAction::None:
        break;
    }
}

QQuickItem *AccessInput::named(const QString &name) const
{
    // Items declared in a Window are the window's QObject children (Main.qml); a view's
    // root item is its content item's (the Qt Quick tests).
    if (auto *item = m_window->findChild<QQuickItem *>(name))
        return item;
    return m_window->contentItem()->findChild<QQuickItem *>(name);
}

QQuickItem *AccessInput::screen() const
{
    QQuickItem *loader = named(u"screen"_s);
    return loader ? loader->property("item").value<QQuickItem *>() : nullptr;
}

QQuickItem *AccessInput::focused() const
{
    QQuickItem *item = m_window->activeFocusItem();
    return item && item != m_window->contentItem() && item->activeFocusOnTab() ? item : nullptr;
}

QQuickItem *AccessInput::neighbour(bool forward) const
{
    QQuickItem *from = focused();
    if (m_navigator->current().kind() == Route::Kind::Language) {
        // Before a language is chosen, the keys cycle through the languages only, in the
        // grid's order (its reading order: the layout mirrors in right-to-left).
        QList<QQuickItem *> languages;
        if (QQuickItem *tile = firstItem(); tile && tile->parentItem()) {
            for (QQuickItem *i : tile->parentItem()->childItems()) {
                if (i->isVisible() && i->property("spokenKind").toString() == u"language")
                    languages.append(i);
            }
        }
        if (languages.isEmpty())
            return nullptr;
        const qsizetype at = languages.indexOf(from);
        const qsizetype n = languages.size();
        if (at < 0)
            return languages.first();
        return languages.at((at + (forward ? 1 : n - 1)) % n);
    }
    QQuickItem *start = from ? from : m_window->contentItem();
    return start->nextItemInFocusChain(forward);
}

void AccessInput::focus(QQuickItem *item)
{
    if (!item)
        return;
    item->forceActiveFocus(Qt::TabFocusReason);
    bringIntoView(item);
    m_speech->describe(item);
}

QQuickItem *AccessInput::firstItem() const
{
    QQuickItem *s = screen();
    if (!s)
        return nullptr;
    if (m_navigator->current().kind() == Route::Kind::Language) {
        const QString current = u"language_"_s + m_session->language();
        if (auto *tile = s->findChild<QQuickItem *>(current))
            return tile;
    }
    // A page starts at its first block (its audio controls come before, for the eyes).
    QQuickItem *first = nullptr;
    QQuickItem *i = s->nextItemInFocusChain(true);
    for (int guard = 0; i && s->isAncestorOf(i) && guard < 1000; ++guard, i = i->nextItemInFocusChain(true)) {
        if (!first)
            first = i;
        if (i->property("spokenKind").toString() == u"part")
            return i;
    }
    return first;
}

void AccessInput::enterScreen()
{
    if (!m_speech->active())
        return;
    // Nothing on the attract screen can be explored: speech mode goes on to the languages.
    if (m_navigator->current().kind() == Route::Kind::Attract) {
        m_navigator->start(); // and enters that screen
        return;
    }
    QQuickItem *item = firstItem();
    if (item) {
        item->forceActiveFocus(Qt::TabFocusReason);
        bringIntoView(item);
    } else if (QQuickItem *f = focused()) {
        f->setFocus(false); // nothing of the old screen keeps the focus
    }
    m_speech->announceScreen(screen(), item);
}

void AccessInput::activate(QQuickItem *item)
{
    if (!item)
        return;
    if (item->property("spokenKind").toString() == u"part") {
        m_speech->toggleReading(item);
        return;
    }
    const bool toggle = item->property("checkable").toBool();
    QMetaObject::invokeMethod(item, "activate");
    if (toggle)
        m_speech->describe(item); // says its new state
}

bool AccessInput::touched(QEvent::Type type, const QPointF &position)
{
    m_idle->activity();
    QQuickItem *target = explorable(position);
    switch (type) {
    case QEvent::MouseButtonPress:
        m_fingerDown = true;
        m_doubleTap = target && target == m_lastTap && m_sinceTap.isValid() && m_sinceTap.elapsed() < kDoubleTapMs;
        if (!m_doubleTap)
            focus(target);
        break;
    case QEvent::MouseMove:
        // Sliding says each item the finger crosses.
        if (m_fingerDown && target && target != focused()) {
            m_doubleTap = false;
            focus(target);
        }
        break;
    case QEvent::MouseButtonRelease:
        m_fingerDown = false;
        if (m_doubleTap) {
            m_doubleTap = false;
            m_lastTap = nullptr;
            activate(focused());
        } else {
            m_lastTap = focused();
            m_sinceTap.restart();
        }
        break;
    default:
        break;
    }
    return true;
}

QQuickItem *AccessInput::explorable(const QPointF &position) const
{
    return explorableAt(m_window->contentItem(), position);
}

} // namespace passerelle
