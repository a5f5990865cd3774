#pragma once

#include "kioskconfig.h"
#include "packstartup.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QVariantList>

#include <memory>

class QQmlApplicationEngine;
class QQuickWindow;

namespace passerelle {

class HealthReporter;
class KioskSync;
class Navigator;
class SystemdNotifier;

/**
 * A kiosk with no usable pack (StartPack::isUsable() false): it shows "out of service"
 * in every configured language with the emergency numbers (built in: there is no pack to
 * take them from), and stays up. It says READY=1 and feeds the systemd watchdog, writes
 * the health textfile (passerelle_out_of_service 1 and the fallback reasons), lets the
 * sync bring a pack, and looks again each minute in which the store or the bundled pack
 * changed; when a usable pack is there (or the sync switched to one), the event loop
 * ends with restartRequested() true.
 */
class OutOfService : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Kiosk, Render };

    OutOfService(KioskConfig config, StartPack start, Mode mode, QObject *parent = nullptr);
    ~OutOfService() override;

    /** Loads OutOfService.qml; false (QML errors logged) when it cannot. */
    bool loadUi();
    [[nodiscard]] QQuickWindow *window() const;
    /** Readiness and watchdog after the first frame, health file, retries, sync. */
    void start();
    /** A clean exit: STOPPING=1 and the last health file. */
    void shutdown();
    [[nodiscard]] bool restartRequested() const;
    /** How often to look for a usable pack (default a minute; tests shorten it). */
    void setRetryIntervalMs(int ms) { m_retry.setInterval(ms); }

    /** The languages shown: [kiosk] languages, or every UI translation. */
    [[nodiscard]] static QStringList languages(const KioskConfig &config);
    /**
     * One entry per language, for QML: code, rightToLeft, title, message, and lines (the
     * emergency numbers, each with its label), with their base direction and numbers isolated.
     */
    [[nodiscard]] static QVariantList notices(const QStringList &languages);
    /** The emergency numbers, for the band above the notices: they need no language. */
    [[nodiscard]] static QStringList numbers();

private:
    KioskConfig m_config;
    StartPack m_start;
    Mode m_mode;
    QElapsedTimer m_uptime;
    std::unique_ptr<QQmlApplicationEngine> m_engine;
    std::unique_ptr<SystemdNotifier> m_notifier;
    std::unique_ptr<HealthReporter> m_health;
    std::unique_ptr<Navigator> m_navigator;
    std::unique_ptr<KioskSync> m_sync;
    QTimer m_retry;
    QString m_storeSeen;
    bool m_ready = false;
    bool m_restart = false;
};

} // namespace passerelle
