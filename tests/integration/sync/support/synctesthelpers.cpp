#include "synctesthelpers.h"

#include <QEventLoop>
#include <QMetaEnum>
#include <QTimer>

namespace passerelle::synctest {

using namespace Qt::StringLiterals;

sync::SyncConfig testConfig(const Workspace &workspace, const QString &store, const QStringList &sources)
{
    sync::SyncConfig config = sync::SyncConfig::defaults();
    config.storeRoot = store;
    config.sources = sources;
    config.usbMountParents.clear();
    config.trustedKeys = {workspace.key().publicKey()};
    config.transferTimeoutMs = 2000;
    config.maxAttempts = 3;
    config.retryBaseDelayMs = 20;
    config.retryMaxDelayMs = 200;
    config.freeSpaceReserveBytes = 0;
    config.checkIntervalSeconds = 0;
    config.checkJitterSeconds = 0;
    return config;
}

std::optional<sync::Syncer::Outcome> runCheck(sync::Syncer &syncer, int timeoutMs)
{
    std::optional<sync::Syncer::Outcome> outcome;
    QEventLoop loop;
    const QMetaObject::Connection connection =
        QObject::connect(&syncer, &sync::Syncer::checkFinished, &loop, [&](sync::Syncer::Outcome o) {
            outcome = o;
            loop.quit();
        });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    QTimer::singleShot(0, &syncer, &sync::Syncer::syncNow);
    loop.exec();
    QObject::disconnect(connection);
    return outcome;
}

std::unique_ptr<sync::Syncer> makeSyncer(const sync::SyncConfig &config, std::shared_ptr<const sync::Clock> clock)
{
    Result<std::unique_ptr<sync::Syncer>> syncer = sync::Syncer::create(config, std::move(clock));
    if (!syncer) {
        qWarning().noquote() << "cannot create the syncer:" << syncer.problem().toString();
        return nullptr;
    }
    return std::move(syncer.value());
}

} // namespace passerelle::synctest

namespace passerelle::sync {

char *toString(const Syncer::Outcome &outcome)
{
    return qstrdup(QMetaEnum::fromType<Syncer::Outcome>().valueToKey(int(outcome)));
}

char *toString(const std::optional<Syncer::Outcome> &outcome)
{
    return outcome ? toString(*outcome) : qstrdup("(no outcome: the check did not finish)");
}

} // namespace passerelle::sync
