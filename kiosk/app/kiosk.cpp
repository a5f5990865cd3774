#include "kiosk.h"


#include <QQmlApplicationEngine>
#include <QQuickWindow>

namespace passerelle {

using namespace Qt::StringLiterals;

Result<std::unique_ptr<Kiosk>> Kiosk::open(const KioskServices::Options &options)
{
    Result<std::unique_ptr<KioskServices>> services = KioskServices::open(options);
    if (!services)
        return services.problem();
    std::unique_ptr<Kiosk> kiosk(new Kiosk);
    kiosk->m_services = std::move(services.value());
    kiosk->m_engine = std::make_unique<QQmlApplicationEngine>();
    kiosk->m_services->installInto(kiosk->m_engine.get());
    return kiosk;
}

Kiosk::~Kiosk()
{
    // The engine goes first: QML refers to the services until it is gone.
    m_inputs.reset();
    m_engine.reset();
}

bool Kiosk::loadUi()
{
    m_engine->load(QUrl(u"qrc:/qt/qml/Passerelle/Ui/Main.qml"_s));
    if (!window())
        return false;
    m_inputs = m_services->watch(window());
    return true;
}

QQuickWindow *Kiosk::window() const
{
    const auto roots = m_engine->rootObjects();
    return roots.isEmpty() ? nullptr : qobject_cast<QQuickWindow *>(roots.first());
}

} // namespace passerelle
