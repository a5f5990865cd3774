#pragma once

// The kiosk's services are built in one place (Kiosk) and handed to QML as singletons
// that resolve to those instances, with C++ ownership. Tests set the same pointers.

#include "contentcatalog.h"
#include "idletimer.h"
#include "narrator.h"
#include "navigator.h"
#include "session.h"
#include "speechmode.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace passerelle {

/** The instances QML's singletons resolve to; set before any QML is loaded. */
struct QmlInstances
{
    static inline Session *session = nullptr;
    static inline Navigator *navigator = nullptr;
    static inline ContentCatalog *content = nullptr;
    static inline Narrator *narrator = nullptr;
    static inline IdleTimer *idleTimer = nullptr;
    static inline SpeechMode *speechMode = nullptr;
};

namespace detail {
template<typename T>
T *handOver(T *instance)
{
    Q_ASSERT_X(instance, "QmlInstances", "the kiosk's services must exist before QML loads");
    QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
    return instance;
}
} // namespace detail

struct SessionSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::Session)
    QML_NAMED_ELEMENT(Session)
    QML_SINGLETON
public:
    SessionSingleton() = delete;
    static Session *create(QQmlEngine *, QJSEngine *) { return detail::handOver(QmlInstances::session); }
};

struct NavigatorSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::Navigator)
    QML_NAMED_ELEMENT(Navigator)
    QML_SINGLETON
public:
    NavigatorSingleton() = delete;
    static Navigator *create(QQmlEngine *, QJSEngine *) { return detail::handOver(QmlInstances::navigator); }
};

struct ContentSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::ContentCatalog)
    QML_NAMED_ELEMENT(Content)
    QML_SINGLETON
public:
    ContentSingleton() = delete;
    static ContentCatalog *create(QQmlEngine *, QJSEngine *) { return detail::handOver(QmlInstances::content); }
};

struct NarratorSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::Narrator)
    QML_NAMED_ELEMENT(Narrator)
    QML_SINGLETON
public:
    NarratorSingleton() = delete;
    static Narrator *create(QQmlEngine *, QJSEngine *) { return detail::handOver(QmlInstances::narrator); }
};

struct IdleTimerSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::IdleTimer)
    QML_NAMED_ELEMENT(IdleTimer)
    QML_SINGLETON
public:
    IdleTimerSingleton() = delete;
    static IdleTimer *create(QQmlEngine *, QJSEngine *) { return detail::handOver(QmlInstances::idleTimer); }
};

struct SpeechModeSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::SpeechMode)
    QML_NAMED_ELEMENT(SpeechMode)
    QML_SINGLETON
public:
    SpeechModeSingleton() = delete;
    static SpeechMode *create(QQmlEngine *, QJSEngine *) { return detail::handOver(QmlInstances::speechMode); }
};

} // namespace passerelle
