#pragma once

// The operations side's objects, handed to QML as singletons like the kiosk's services
// (see qmlsingletons.h). When the kiosk did not make them (a QML test of other screens),
// QML gets empty ones: the defaults of the config, no pack figures.

#include "kiosksettings.h"
#include "staffcontroller.h"

#include <QJSEngine>
#include <QQmlEngine>
#include <QtQml/qqmlregistration.h>

namespace passerelle {

/** The instances the Staff and KioskSettings singletons resolve to; set before QML loads. */
struct OpsInstances
{
    static inline StaffController *staff = nullptr;
    static inline KioskSettings *settings = nullptr;
};

namespace detail {
template<typename T>
T *injectedOrEmpty(T *instance)
{
    if (!instance)
        return new T(); // owned by the engine that asked
    QJSEngine::setObjectOwnership(instance, QJSEngine::CppOwnership);
    return instance;
}
} // namespace detail

struct StaffSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::StaffController)
    QML_NAMED_ELEMENT(Staff)
    QML_SINGLETON
public:
    StaffSingleton() = delete;
    static StaffController *create(QQmlEngine *, QJSEngine *) { return detail::injectedOrEmpty(OpsInstances::staff); }
};

struct KioskSettingsSingleton
{
    Q_GADGET
    QML_FOREIGN(passerelle::KioskSettings)
    QML_NAMED_ELEMENT(KioskSettings)
    QML_SINGLETON
public:
    KioskSettingsSingleton() = delete;
    static KioskSettings *create(QQmlEngine *, QJSEngine *)
    {
        return detail::injectedOrEmpty(OpsInstances::settings);
    }
};

} // namespace passerelle
