#include "operations.h"

#include "healthreport.h"
#include "kioskservices.h"
#include "lockdown.h"
#include "navigator.h"
#include "opssingletons.h"
#include "repository.h"
#include "session.h"
#include "staffpin.h"
#include "syncstate.h"
#include "systemdnotify.h"
#include "usagecounters.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLoggingCategory>
#include <QQuickWindow>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcOps, "passerelle.ops")

Operations::Operations(KioskConfig config, KioskServices &services, Mode mode, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_services(services), m_mode(mode)
{
    m_uptime.start();
    m_settings = std::make_unique<KioskSettings>(m_config);
    const QString state = m_config.stateDirectory;

    // Usage counts: created by the kiosk; only read (if there) when rendering.
    const QString dbPath = UsageCounters::databasePath(state);
    if (m_mode == Mode::Kiosk || QFileInfo::exists(dbPath)) {
        Result<std::unique_ptr<UsageCounters>> counters = UsageCounters::open(dbPath);
        if (counters)
            m_counters = std::move(counters.value());
        else
            qCWarning(lcOps).noquote() << counters.problem().toString() << "(usage is not counted)";
    }
    if (m_counters && m_mode == Mode::Kiosk)
        m_recorder = std::make_unique<UsageRecorder>(*m_counters, services.repository(), services.navigator(),
                                                     services.session());

    // The syncer writes status.json into the store, which is the state directory.
    m_sync = std::make_unique<SyncStatusFile>(QDir(state).filePath(u"status.json"_s));
    m_pin = std::make_unique<StaffPin>(m_config.staffPinHash);
    if (!m_pin->isConfigured())
        qCInfo(lcOps) << "no staff PIN in the config ([staff] pin_hash): the staff screen cannot be opened";

    StaffController::Dependencies deps;
    deps.config = &m_settings->config();
    deps.repository = &services.repository();
    deps.counters = m_counters.get();
    deps.sync = m_sync.get();
    deps.pin = m_pin.get();
    deps.navigator = &services.navigator();
    m_staff = std::make_unique<StaffController>(deps);

    m_notifier = std::make_unique<SystemdNotifier>();
    m_crashMarker = std::make_unique<CrashMarker>(state);
    m_health = std::make_unique<HealthReporter>(m_config.healthTextfile, m_config.healthIntervalSeconds, [this] {
        const PackManifest &manifest = m_services.repository().pack().manifest();
        const SyncState sync = m_sync->state();
        HealthSnapshot s;
        s.kioskName = m_config.name;
        s.version = QStringLiteral(PASSERELLE_VERSION);
        s.packId = manifest.packId;
        s.packVersion = manifest.version;
        s.packExpires = manifest.expires;
        s.lastSync = sync.lastCheck;
        s.lastSyncSucceeded = sync.succeeded();
        s.uptimeSeconds = m_uptime.elapsed() / 1000;
        s.lastCrash = m_crashMarker->lastCrash();
        s.packFallbacks = m_packFallbacks;
        return s;
    });
    connect(m_health.get(), &HealthReporter::written, this, [this] { m_crashMarker->touch(); });
}

Operations::~Operations()
{
    if (OpsInstances::staff == m_staff.get()) {
        OpsInstances::staff = nullptr;
        OpsInstances::settings = nullptr;
    }
    if (m_lockdown)
        QCoreApplication::instance()->removeEventFilter(m_lockdown.get());
}

void Operations::setStartPack(const StartPack &start)
{
    m_packFallbacks = start.fallbackReasonNames();
    QString shown;
    switch (start.origin) {
    case StartPack::Origin::Current:
        shown = u"current (version %1)"_s.arg(start.version);
        break;
    case StartPack::Origin::Previous:
        shown = u"previous (version %1)"_s.arg(start.version);
        break;
    case StartPack::Origin::FirstPack:
        shown = u"le paquet fourni %1 (version %2)"_s.arg(start.packDir).arg(start.version);
        break;
    case StartPack::Origin::None:
        break;
    }
    m_staff->setPackFallbacks(start.fallbacks, shown);
}

void Operations::installIntoQml()
{
    OpsInstances::staff = m_staff.get();
    OpsInstances::settings = m_settings.get();
}

void Operations::start(QQuickWindow *window)
{
    if (m_mode != Mode::Kiosk || m_started)
        return;
    m_started = true;
    m_lockdown = std::make_unique<KeyLockdown>();
    QCoreApplication::instance()->installEventFilter(m_lockdown.get());

    if (QDir().mkpath(m_config.stateDirectory))
        m_crashMarker->start();
    else
        qCWarning(lcOps) << "cannot create the state directory" << m_config.stateDirectory;
    m_health->start();

    // READY once something is on screen: the first frame swapped, not just QML loaded.
    // Queued (frameSwapped may come from the render thread), so several frames can be
    // queued before the first is handled: only the first counts.
    connect(window, &QQuickWindow::frameSwapped, this, [this] {
        if (m_ready)
            return;
        m_ready = true;
        const PackManifest &manifest = m_services.repository().pack().manifest();
        m_notifier->ready(u"showing pack %1 version %2"_s.arg(manifest.packId).arg(manifest.version));
        qCInfo(lcOps).noquote() << "kiosk" << m_config.name << "ready: pack" << manifest.packId << "version"
                                << manifest.version;
        Q_EMIT ready();
    }, Qt::QueuedConnection);
}

void Operations::shutdown()
{
    if (!m_started)
        return;
    m_started = false;
    m_notifier->stopping();
    m_health->writeFinal();
    m_crashMarker->finish();
    qCInfo(lcOps) << "clean exit";
}

} // namespace passerelle
