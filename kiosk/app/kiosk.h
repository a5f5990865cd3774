#pragma once

#include "kioskservices.h"

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace passerelle {

/** The kiosk application: its services and the QML engine that shows them. */
class Kiosk
{
public:
    static Result<std::unique_ptr<Kiosk>> open(const KioskServices::Options &options);
    ~Kiosk();

    /** Loads Main.qml; false (with the QML errors logged) when it cannot. */
    bool loadUi();
    [[nodiscard]] QQuickWindow *window() const;
    [[nodiscard]] QQmlApplicationEngine &engine() const { return *m_engine; }
    [[nodiscard]] KioskServices &services() const { return *m_services; }

private:
    Kiosk() = default;

    std::unique_ptr<KioskServices> m_services;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<QObject> m_inputs; // KioskServices::watch()
};

} // namespace passerelle
