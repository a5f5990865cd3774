#pragma once

#include "kioskconfig.h"
#include "packstartup.h"

#include <QElapsedTimer>
#include <QObject>

#include <memory>

class QQuickWindow;

namespace passerelle {

class CrashMarker;
class HealthReporter;
class KioskServices;
class KioskSettings;
class KeyLockdown;
class StaffController;
class StaffPin;
class SyncStatusFile;
class SystemdNotifier;
class UsageCounters;
class UsageRecorder;

/**
 * What keeps a kiosk running unattended, built in one place beside the kiosk's services:
 * systemd readiness and watchdog, the health textfile, the crash marker, anonymous usage
 * counts, the staff screen's controller, the key lockdown. In Render mode (--screenshot,
 * --self-test) it reads the state directory but writes nothing and counts nothing.
 */
class Operations : public QObject
{
    Q_OBJECT

public:
    enum class Mode { Kiosk, Render };

    Operations(KioskConfig config, KioskServices &services, Mode mode, QObject *parent = nullptr);
    ~Operations() override;

    /** What the start path chose: its fallbacks go to the staff screen and the health file. */
    void setStartPack(const StartPack &start);
    /** Makes Staff and KioskSettings QML's singletons; call before loading QML. */
    void installIntoQml();
    /**
     * Starts the kiosk's life: lockdown, crash marker, usage counting, health file, and
     * READY=1 + the watchdog heartbeat once the window has drawn its first frame.
     */
    void start(QQuickWindow *window);
    /** A clean exit: STOPPING=1, the last health file (passerelle_up 0), no crash marker. */
    void shutdown();

    [[nodiscard]] StaffController &staff() const { return *m_staff; }
    [[nodiscard]] SystemdNotifier &notifier() const { return *m_notifier; }
    [[nodiscard]] const KioskConfig &config() const { return m_config; }

Q_SIGNALS:
    /** After READY=1 was sent (or would have been, without systemd). */
    void ready();

private:
    KioskConfig m_config;
    KioskServices &m_services;
    Mode m_mode;
    QElapsedTimer m_uptime;
    QStringList m_packFallbacks;
    std::unique_ptr<KioskSettings> m_settings;
    std::unique_ptr<UsageCounters> m_counters;
    std::unique_ptr<UsageRecorder> m_recorder;
    std::unique_ptr<SyncStatusFile> m_sync;
    std::unique_ptr<StaffPin> m_pin;
    std::unique_ptr<StaffController> m_staff;
    std::unique_ptr<SystemdNotifier> m_notifier;
    std::unique_ptr<CrashMarker> m_crashMarker;
    std::unique_ptr<HealthReporter> m_health;
    std::unique_ptr<KeyLockdown> m_lockdown;
    bool m_started = false;
    bool m_ready = false;
};

} // namespace passerelle
