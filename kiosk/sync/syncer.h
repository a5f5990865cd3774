#pragma once

#include "clock.h"
#include "packsignature.h"
#include "packsource.h"
#include "packstore.h"
#include "syncconfig.h"
#include "syncstatus.h"
#include "versionfloor.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <memory>

class QTimer;

namespace passerelle::sync {

class MountWatcher;

/**
 * Keeps a kiosk's store up to date, following SYNC.md "Sync, step by step":
 * fetch the manifest and signature from each source in priority order (USB sticks
 * first), verify signature and trusted comment, parse strictly, refuse rollbacks, equal
 * versions (no-op), packs for a newer kiosk or schema, fetch the missing objects (each
 * cut at its declared size, hashed, fsynced, renamed into the store), stage the pack and
 * check its database. The switch is a separate call, activateStaged(), which the kiosk
 * makes only on its attract screen, never during a user's session.
 *
 * Decisions never read the clock; the clock only dates the status and flags an expired
 * active pack (which still shows, with "information may be outdated").
 *
 * Threading: a Syncer works from the event loop of the thread it lives in. Transfers are
 * asynchronous and hashed as they arrive, so the GUI thread is fine for ordinary packs;
 * staging runs PRAGMA integrity_check synchronously (a fraction of a second for a typical
 * pack database). To keep even that off the GUI thread, move the Syncer to a worker
 * QThread and talk to it through queued connections; activateStaged() is then called
 * with QMetaObject::invokeMethod(..., Qt::BlockingQueuedConnection).
 *
 * Wiring in the kiosk (the UI engineer's side):
 *   auto syncer = Syncer::create(config);               // opens the store, builds sources
 *   connect(syncer, &Syncer::packStaged, ...);          // a new pack waits for the attract screen
 *   connect(syncer, &Syncer::syncFailed, ...);          // the reason, for the staff screen
 *   syncer->start();                                    // periodic checks, USB sticks
 *   // on the attract screen:
 *   if (syncer->hasStagedPack()) { auto pack = syncer->activateStaged(); if (pack) kiosk.show(pack.value()); }
 *   // the staff screen's "sync now": syncer->syncNow();
 * Before the Syncer exists (or without one), the kiosk opens the active pack with
 * PackStore::openActivePack(storeRoot).
 */
class Syncer : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged FINAL)
    Q_PROPERTY(qint64 activeVersion READ activeVersion NOTIFY statusChanged FINAL)
    Q_PROPERTY(qint64 stagedVersion READ stagedVersion NOTIFY statusChanged FINAL)
    Q_PROPERTY(bool hasStagedPack READ hasStagedPack NOTIFY statusChanged FINAL)
    Q_PROPERTY(bool isActivePackExpired READ isActivePackExpired NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString lastResult READ lastResult NOTIFY statusChanged FINAL)
    Q_PROPERTY(QString lastError READ lastError NOTIFY statusChanged FINAL)
    Q_PROPERTY(QDateTime lastCheck READ lastCheck NOTIFY statusChanged FINAL)

public:
    enum class State {
        Idle,          ///< nothing under way, nothing staged
        Checking,      ///< fetching and verifying manifests
        Fetching,      ///< receiving the objects of a new pack
        Staging,       ///< writing packs/<v> and checking its database
        ReadyToSwitch, ///< a checked pack waits for activateStaged()
    };
    Q_ENUM(State)

    /** The result of one check, most significant first when sources disagree. */
    enum class Outcome { UpToDate, Failed, Rejected, Staged };
    Q_ENUM(Outcome)

    /** Opens the store of config (taking its lock) and builds the configured sources. */
    static Result<std::unique_ptr<Syncer>> create(const SyncConfig &config, std::shared_ptr<const Clock> clock = {});
    ~Syncer() override;

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] qint64 activeVersion() const;
    [[nodiscard]] qint64 stagedVersion() const;
    [[nodiscard]] bool hasStagedPack() const { return stagedVersion() > 0; }
    /** The active pack's expiry is past (by the clock): warn staff, keep showing it. */
    [[nodiscard]] bool isActivePackExpired() const { return m_status.activeExpired; }
    [[nodiscard]] QString lastResult() const { return m_status.result; }
    [[nodiscard]] QString lastError() const { return m_status.lastError; }
    [[nodiscard]] QDateTime lastCheck() const { return m_status.lastCheck; }
    [[nodiscard]] const SyncStatus &status() const { return m_status; }
    [[nodiscard]] const SyncConfig &config() const { return m_config; }
    [[nodiscard]] PackStore &store() { return *m_store; }
    /** Names of the sources the next check tries, in order. */
    [[nodiscard]] QStringList sourceNames() const;

    /**
     * Switches to the staged pack (see PackStore::activate): returns the opened new pack,
     * or the problem, in which case the previous pack is active again. Old packs and
     * objects are collected afterwards (later, if a check is under way).
     */
    [[nodiscard]] Result<std::shared_ptr<Pack>> activateStaged();

public Q_SLOTS:
    /** Starts periodic checks (interval + jitter) and watching for USB sticks. */
    void start();
    void stop();
    /**
     * Checks now (staff's "sync now", a stick plugged in). A check under way is abandoned
     * (its request cancelled, objects already stored kept) and a new one starts at once,
     * USB sticks first: a slow server never holds back a stick or the staff.
     */
    void syncNow();
    /** For QML: activateStaged(), true on success. */
    bool activate();

Q_SIGNALS:
    void stateChanged(passerelle::sync::Syncer::State state);
    /** Status fields changed (also written to the status file). */
    void statusChanged();
    /** A new pack is checked and staged: switch at the next attract screen. */
    void packStaged(qint64 version);
    void activated(qint64 version);
    /** A check or switch went wrong; reason says what and where, for the staff screen. */
    void syncFailed(const QString &reason);
    void checkFinished(passerelle::sync::Syncer::Outcome outcome);
    void progress(qint64 bytesReceived, qint64 bytesTotal);

private:
    Syncer(SyncConfig config, std::unique_ptr<PackStore> store, VersionFloor floor, std::shared_ptr<const Clock> clock);

    void setState(State state);
    void nextSource();
    void onManifest(PackSource *source, const ManifestFetch &fetch);
    void refetchManifest();
    void fetchNextObject();
    void onObject(std::optional<SourceFailure> failure);
    void stagePack();
    void record(Outcome outcome, const QString &reason, PackSource *source);
    void sourceDone(PackSource *source);
    void abandonCheck();
    void finishCheck();
    void raiseFloor(const QString &packId, qint64 version);
    void scheduleNextCheck();
    void refreshStatus();
    void collectGarbageIfIdle();
    [[nodiscard]] bool isBusy() const;

    SyncConfig m_config;
    std::unique_ptr<PackStore> m_store;
    VersionFloor m_floor;
    std::shared_ptr<const Clock> m_clock;
    QList<PackSource *> m_configuredSources;
    MountWatcher *m_mountWatcher = nullptr;
    QTimer *m_timer = nullptr;
    /**
     * A manifest and signature that do not verify are fetched once more after this delay
     * before they are refused: they may be a pair from two publishes (see onManifest).
     */
    static constexpr int kRefetchDelayMs = 1000;
    QTimer *m_refetchTimer = nullptr;
    State m_state = State::Idle;
    SyncStatus m_status;
    bool m_running = false;
    bool m_gcPending = false;

    // The check under way.
    struct Check
    {
        QList<QPointer<PackSource>> sources;
        QList<PackSource *> temporary; // USB sources made for this check
        int index = -1;
        Outcome outcome = Outcome::UpToDate;
        QString reason;
        QString source;
        /** A manifest refused for good in this check (see SyncStatus::refusal). */
        QString refusal;
        bool anyFetched = false;
        /** The current source's manifest and signature did not verify once already. */
        bool refetched = false;
        // The pack being fetched.
        PackSource *fetchingFrom = nullptr;
        FetchedManifest fetched;
        VerifiedManifest verified;
        QList<PackObject> missing;
        int nextObject = 0;
        qint64 bytesDone = 0;
        qint64 bytesTotal = 0;
        std::unique_ptr<ObjectWriter> writer;
        QMetaObject::Connection progressConnection;
    };
    std::unique_ptr<Check> m_check;
};

} // namespace passerelle::sync
