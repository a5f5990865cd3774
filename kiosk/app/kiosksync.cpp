#include "kiosksync.h"

#include "minisign.h"
#include "navigator.h"
#include "staffcontroller.h"
#include "syncer.h"

#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcKioskSync, "passerelle.sync")

std::unique_ptr<KioskSync> KioskSync::start(const KioskConfig &config, Navigator &navigator, StaffController *staff)
{
    sync::SyncConfig sc = sync::SyncConfig::defaults();
    sc.storeRoot = config.stateDirectory;
    sc.sources = config.syncSources;
    sc.checkIntervalSeconds = config.syncIntervalSeconds;
    sc.checkJitterSeconds = config.syncJitterSeconds;
    sc.packId = config.syncPackId;
    sc.usbMountParents = config.syncUsbMountParents;
    sc.requestDeadlineSeconds = config.syncRequestDeadlineSeconds;
    sc.minBytesPerSecond = config.syncMinBytesPerSecond;
    sc.rateWindowSeconds = config.syncRateWindowSeconds;
    sc.httpsOnly = config.syncHttpsOnly;
    sc.redirectHosts = config.syncRedirectHosts;
    for (const QString &key : config.trustedKeys) {
        QFile file(key);
        const auto parsed = key.startsWith(u'/') && file.open(QIODevice::ReadOnly)
            ? sync::MinisignPublicKey::parse(file.readAll(), key)
            : sync::MinisignPublicKey::fromBase64(key.toLatin1(), u"trusted_keys"_s);
        if (parsed)
            sc.trustedKeys.append(parsed.value());
        else
            qCWarning(lcKioskSync).noquote() << "ignored trusted key:" << parsed.problem().toString();
    }
    // No source is "USB sticks only" (deploy/passerelle.conf): the Syncer still watches them.
    if (sc.trustedKeys.isEmpty()) {
        qCInfo(lcKioskSync) << "no sync: the configuration names no trusted key ([sync] trusted_keys)";
        return nullptr;
    }
    if (sc.sources.isEmpty() && sc.usbMountParents.isEmpty()) {
        qCInfo(lcKioskSync) << "no sync: the configuration names no source and no USB mount folder";
        return nullptr;
    }
    if (sc.sources.isEmpty())
        qCInfo(lcKioskSync).noquote() << "sync from USB sticks only, mounted in" << sc.usbMountParents.join(u", "_s);
    auto syncer = sync::Syncer::create(sc);
    if (!syncer) {
        qCWarning(lcKioskSync).noquote() << "no sync:" << syncer.problem().toString();
        return nullptr;
    }
    std::unique_ptr<KioskSync> ks(new KioskSync(std::move(syncer.value()), navigator));
    if (staff)
        connect(staff, &StaffController::syncRequested, ks->m_syncer.get(), &sync::Syncer::syncNow);
    ks->m_syncer->start();
    return ks;
}

KioskSync::KioskSync(std::unique_ptr<sync::Syncer> syncer, Navigator &navigator)
    : m_syncer(std::move(syncer)), m_navigator(navigator)
{
    connect(&m_navigator, &Navigator::routeChanged, this, &KioskSync::switchIfIdle);
    connect(m_syncer.get(), &sync::Syncer::packStaged, this, &KioskSync::switchIfIdle);
}

KioskSync::~KioskSync() = default;

void KioskSync::switchIfIdle()
{
    if (m_navigator.current().kind() != Route::Kind::Attract || !m_syncer->hasStagedPack())
        return;
    const auto pack = m_syncer->activateStaged();
    if (!pack) {
        qCWarning(lcKioskSync).noquote() << "the staged pack was not switched to:" << pack.problem().toString();
        return;
    }
    qCInfo(lcKioskSync) << "switched to pack version" << pack.value()->manifest().version << "- restarting on it";
    m_restart = true;
    QCoreApplication::exit(0);
}

} // namespace passerelle
