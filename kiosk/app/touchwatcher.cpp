#include "touchwatcher.h"

#include "idletimer.h"
#include "narrator.h"

#include <QMouseEvent>
#include <QQuickItem>
#include <QQuickWindow>
#include <QTouchEvent>

namespace passerelle {

namespace {

/** The deepest visible item under a point of the window. */
QQuickItem *itemAt(QQuickItem *item, const QPointF &scenePosition)
{
    const QPointF local = item->mapFromScene(scenePosition);
    QQuickItem *child = item->childAt(local.x(), local.y());
    return child ? itemAt(child, scenePosition) : item;
}

bool keepsSpeech(QQuickItem *item)
{
    for (; item; item = item->parentItem()) {
        if (item->property("keepsSpeech").toBool())
            return true;
    }
    return false;
}

} // namespace

TouchWatcher::TouchWatcher(QQuickWindow *window, IdleTimer *idle, Narrator *narrator, QObject *parent)
    : QObject(parent), m_window(window), m_idle(idle), m_narrator(narrator)
{
    m_window->installEventFilter(this);
}

bool TouchWatcher::eventFilter(QObject *watched, QEvent *event)
{
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        pressed(static_cast<QMouseEvent *>(event)->scenePosition());
        break;
    case QEvent::TouchBegin: {
        const auto *touch = static_cast<QTouchEvent *>(event);
        if (!touch->points().isEmpty())
            pressed(touch->points().first().scenePosition());
        break;
    }
    case QEvent::KeyPress:
        m_idle->activity();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void TouchWatcher::pressed(const QPointF &windowPosition)
{
    m_idle->activity();
    if (!keepsSpeech(itemAt(m_window->contentItem(), windowPosition)))
        m_narrator->stop(); // silence does nothing
}

} // namespace passerelle
