#include "syncer.h"

#include "foldersource.h"
#include "httpsource.h"
#include "mountwatcher.h"
#include "packschema.h"

#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTimer>
#include <QUrl>

#include <limits>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcSync, "passerelle.sync")

namespace {

QString outcomeName(Syncer::Outcome outcome)
{
    switch (outcome) {
    case Syncer::Outcome::UpToDate:
        return u"up-to-date"_s;
    case Syncer::Outcome::Failed:
        return u"failed"_s;
    case Syncer::Outcome::Rejected:
        return u"rejected"_s;
    case Syncer::Outcome::Staged:
        return u"staged"_s;
    }
    return {};
}

QString byteCount(qint64 bytes)
{
    if (bytes < 10 * 1024 * 1024)
        return u"%1 kB"_s.arg((bytes + 1023) / 1024);
    return u"%1 MB"_s.arg((bytes + 1024 * 1024 - 1) / (1024 * 1024));
}

Syncer::Outcome outcomeOf(SourceFailure::Kind kind)
{
    return kind == SourceFailure::Kind::Rejected ? Syncer::Outcome::Rejected : Syncer::Outcome::Failed;
}

} // namespace

Result<std::unique_ptr<Syncer>> Syncer::create(const SyncConfig &config, std::shared_ptr<const Clock> clock)
{
    if (config.trustedKeys.isEmpty())
        return Problem{{}, 0, u"sync: no trusted key configured"_s, u"list the editors' public keys"_s};
    if (const QString plain = config.plainHttpSource(); !plain.isEmpty())
        return Problem{{}, 0, u"sync: source %1 is plain http, and https_only is set"_s.arg(plain),
                       u"give the source as an https:// address"_s};
    Result<std::unique_ptr<PackStore>> store = PackStore::open(config.storeRoot);
    if (!store)
        return store.problem();
    Result<VersionFloor> floor = VersionFloor::load(config.storeRoot);
    if (!floor)
        return floor.problem();
    if (!clock)
        clock = std::make_shared<SystemClock>();
    return std::unique_ptr<Syncer>(new Syncer(config, std::move(store.value()), std::move(floor.value()), std::move(clock)));
}

Syncer::Syncer(SyncConfig config, std::unique_ptr<PackStore> store, VersionFloor floor, std::shared_ptr<const Clock> clock)
    : m_config(std::move(config)),
      m_store(std::move(store)),
      m_floor(std::move(floor)),
      m_clock(std::move(clock)),
      m_timer(new QTimer(this)),
      m_refetchTimer(new QTimer(this))
{
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &Syncer::syncNow);
    m_refetchTimer->setSingleShot(true);
    m_refetchTimer->setInterval(kRefetchDelayMs);
    connect(m_refetchTimer, &QTimer::timeout, this, &Syncer::refetchManifest);
    HttpSource::Options http;
    http.transferTimeoutMs = m_config.transferTimeoutMs;
    http.maxAttempts = m_config.maxAttempts;
    http.retryBaseDelayMs = m_config.retryBaseDelayMs;
    http.retryMaxDelayMs = m_config.retryMaxDelayMs;
    http.requestDeadlineMs = int(std::min<qint64>(qint64(m_config.requestDeadlineSeconds) * 1000, std::numeric_limits<int>::max()));
    http.minBytesPerSecond = m_config.minBytesPerSecond;
    http.rateWindowMs = m_config.rateWindowSeconds * 1000;
    http.httpsOnly = m_config.httpsOnly;
    http.redirectHosts = m_config.redirectHosts;
    for (const QString &s : std::as_const(m_config.sources)) {
        PackSource *source = s.startsWith(u"http://"_s) || s.startsWith(u"https://"_s)
            ? static_cast<PackSource *>(new HttpSource(QUrl(s), http, this))
            : static_cast<PackSource *>(new FolderSource(s, this));
        m_configuredSources.append(source);
    }
    // A previous run may have been cut before its status was written.
    if (Result<SyncStatus> previous = SyncStatus::read(m_config.statusFilePath()))
        m_status = previous.value();
    m_status.checkStarted = {}; // a check cut by the end of a previous run
    m_status.kioskVersion = m_config.kioskVersion;
    // A store from before the floor existed, or a switch cut before the floor was written.
    for (qint64 version : {m_store->previousVersion(), m_store->activeVersion(), m_store->stagedVersion()}) {
        if (version > 0) {
            if (Result<PackManifest> m = m_store->manifest(version))
                raiseFloor(m->packId, version);
        }
    }
    refreshStatus();
    if (m_store->stagedVersion() > 0)
        m_state = State::ReadyToSwitch;
}

Syncer::~Syncer()
{
    if (m_check) {
        for (const QPointer<PackSource> &s : std::as_const(m_check->sources)) {
            if (s)
                s->cancel();
        }
    }
}

qint64 Syncer::activeVersion() const { return m_store->activeVersion(); }

qint64 Syncer::stagedVersion() const { return m_store->stagedVersion(); }

QStringList Syncer::sourceNames() const
{
    QStringList names;
    if (m_mountWatcher)
        names += m_mountWatcher->packFolders();
    for (PackSource *s : m_configuredSources)
        names.append(s->name());
    return names;
}

bool Syncer::isBusy() const { return m_check != nullptr; }

void Syncer::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void Syncer::start()
{
    m_running = true;
    if (!m_config.usbMountParents.isEmpty() && !m_mountWatcher) {
        m_mountWatcher = new MountWatcher(m_config.usbMountParents, m_config.usbPackFolder, 30000, this);
        connect(m_mountWatcher, &MountWatcher::packFolderAppeared, this, &Syncer::syncNow);
    }
    if (m_gcPending)
        collectGarbageIfIdle();
    // The first check comes within the jitter, so kiosks powered on together spread out.
    const int jitter = std::max(0, m_config.checkJitterSeconds);
    m_timer->start(1000 + int(QRandomGenerator::global()->bounded(qint64(jitter) * 1000 + 1)));
    if (m_mountWatcher && !m_mountWatcher->packFolders().isEmpty())
        syncNow();
}

void Syncer::stop()
{
    m_running = false;
    m_timer->stop();
    delete m_mountWatcher;
    m_mountWatcher = nullptr;
}

void Syncer::scheduleNextCheck()
{
    if (!m_running || m_config.checkIntervalSeconds <= 0)
        return;
    const qint64 jitterMs = qint64(std::max(0, m_config.checkJitterSeconds)) * 1000;
    const qint64 delay = qint64(m_config.checkIntervalSeconds) * 1000 + QRandomGenerator::global()->bounded(jitterMs + 1);
    m_timer->start(int(std::min<qint64>(delay, std::numeric_limits<int>::max())));
}

void Syncer::syncNow()
{
    if (isBusy()) {
        qCInfo(lcSync) << "a check is under way: abandoned for a new one, USB sticks first";
        abandonCheck();
    }
    m_check = std::make_unique<Check>();
    if (m_mountWatcher) {
        m_mountWatcher->rescan();
        for (const QString &folder : m_mountWatcher->packFolders()) {
            auto *source = new FolderSource(folder, this);
            m_check->temporary.append(source);
            m_check->sources.append(source);
        }
    }
    for (PackSource *s : std::as_const(m_configuredSources))
        m_check->sources.append(s);
    qCInfo(lcSync).noquote() << "checking" << m_check->sources.size() << "source(s); active version"
                             << m_store->activeVersion();
    // Written at once, so whoever asked (the staff screen) sees the check start.
    m_status.checkStarted = m_clock->nowUtc();
    refreshStatus();
    setState(State::Checking);
    nextSource();
}

void Syncer::abandonCheck()
{
    m_refetchTimer->stop();
    std::unique_ptr<Check> check = std::move(m_check);
    for (const QPointer<PackSource> &s : std::as_const(check->sources)) {
        if (s)
            s->cancel(); // no callback comes after cancel()
    }
    disconnect(check->progressConnection);
    check->writer.reset(); // removes its temporary file; committed objects stay
    for (PackSource *s : std::as_const(check->temporary))
        s->deleteLater();
    setState(m_store->stagedVersion() > 0 ? State::ReadyToSwitch : State::Idle);
}

void Syncer::raiseFloor(const QString &packId, qint64 version)
{
    if (std::optional<Problem> problem = m_floor.raise(packId, version))
        qCWarning(lcSync).noquote() << "the version floor was not raised to" << packId << version << ":"
                                    << problem->toString();
}

void Syncer::nextSource()
{
    Check &check = *m_check;
    ++check.index;
    if (check.index >= check.sources.size() || check.outcome == Outcome::Staged) {
        finishCheck();
        return;
    }
    check.refetched = false;
    PackSource *source = check.sources[check.index];
    if (!source) {
        nextSource();
        return;
    }
    source->fetchManifest([this, source](ManifestFetch fetch) { onManifest(source, fetch); });
}

void Syncer::refetchManifest()
{
    if (!m_check)
        return;
    PackSource *source = m_check->sources.value(m_check->index);
    if (!source) {
        nextSource();
        return;
    }
    // As the first fetch: with If-None-Match if this source has a settled manifest, so a
    // 304 now means the server is back on the manifest this kiosk already dealt with.
    source->fetchManifest([this, source](ManifestFetch fetch) { onManifest(source, fetch); });
}

void Syncer::record(Outcome outcome, const QString &reason, PackSource *source)
{
    Check &check = *m_check;
    const QString name = source ? source->name() : QString();
    if (outcome == Outcome::Rejected || outcome == Outcome::Failed)
        qCWarning(lcSync).noquote() << outcomeName(outcome) << "from" << name << ":" << reason;
    else
        qCInfo(lcSync).noquote() << outcomeName(outcome) << "from" << name << (reason.isEmpty() ? QString() : u": "_s + reason);
    if (int(outcome) >= int(check.outcome) && (outcome != Outcome::UpToDate || check.source.isEmpty())) {
        check.outcome = outcome;
        check.reason = reason;
        check.source = name;
    }
}

void Syncer::onManifest(PackSource *source, const ManifestFetch &fetch)
{
    switch (fetch.status) {
    case ManifestFetch::Status::Unchanged:
        record(Outcome::UpToDate, u"manifest unchanged since the last check"_s, source);
        return nextSource();
    case ManifestFetch::Status::Failed:
        record(outcomeOf(fetch.failure.kind), fetch.failure.problem.toString(), source);
        return nextSource();
    case ManifestFetch::Status::Fetched:
        break;
    }

    // Step 1: signature, trusted comment, strict parse.
    Result<VerifiedManifest> verified =
        verifySignedManifest(fetch.fetched.manifest, fetch.fetched.signature, m_config.trustedKeys, source->name());
    if (!verified) {
        // The manifest and its signature are two requests. A publish that switches the two
        // files between them (kiosk/sync/README.md, "Publishing") hands this check a pair
        // from two publishes: the old manifest with the new signature, or the other way
        // round, which no order of two renames can rule out for a kiosk with no ETag to
        // send. So a pair that does not verify is fetched once more, a moment later, before
        // it is refused; only a second one in a row is. A tampered manifest or signature
        // stays tampered and is refused, one round trip and kRefetchDelayMs later.
        if (!m_check->refetched) {
            m_check->refetched = true;
            qCInfo(lcSync).noquote() << "manifest and signature from" << source->name()
                                     << "do not verify, fetched once more before refusing them:"
                                     << verified.problem().toString();
            m_refetchTimer->start();
            return;
        }
        record(Outcome::Rejected, verified.problem().toString(), source);
        return nextSource();
    }
    const PackManifest &m = verified->manifest;
    const QString origin = (source->name().endsWith(u'/') ? source->name() : source->name() + u'/') + u"manifest.json"_s;
    // A manifest refused for good is not marked handled: its ETag must never turn the next
    // checks into "unchanged", so the refusal is seen, and reported, every time.
    auto reject = [&](const QString &message, bool final) {
        const QString reason = Problem{origin, 0, message, {}}.toString();
        record(Outcome::Rejected, reason, source);
        if (final)
            m_check->refusal = reason;
        nextSource();
    };

    // Step 2: which pack, which version, for which kiosk. None of it reads the clock.
    QString expectedId = m_config.packId;
    const qint64 active = m_store->activeVersion();
    if (expectedId.isEmpty() && active > 0) {
        if (Result<PackManifest> current = m_store->manifest(active))
            expectedId = current->packId;
    }
    if (expectedId.isEmpty() && m_floor.packIds().size() == 1)
        expectedId = m_floor.packIds().constFirst(); // `current` lost: the pack this store had
    if (!expectedId.isEmpty() && m.packId != expectedId)
        return reject(u"pack \"%1\" is not this kiosk's pack \"%2\""_s.arg(m.packId, expectedId), true);
    if (m.version < active)
        return reject(u"version %1 is older than the active version %2 (rollback refused)"_s.arg(m.version).arg(active), true);
    if (m.version == active) {
        record(Outcome::UpToDate, u"version %1 is the active one"_s.arg(m.version), source);
        source->manifestHandled();
        return nextSource();
    }
    const qint64 staged = m_store->stagedVersion();
    if (m.version <= staged) {
        if (m.version == staged)
            record(Outcome::UpToDate, u"version %1 is already staged"_s.arg(m.version), source);
        else
            record(Outcome::UpToDate, u"version %1 is older than the staged version %2"_s.arg(m.version).arg(staged), source);
        source->manifestHandled();
        return nextSource();
    }
    // After the active and staged ones: a pack staged then rolled back at the switch may
    // have raised the floor above the active version, which stays welcome.
    if (const qint64 floor = m_floor.floor(m.packId); m.version < floor)
        return reject(u"version %1 is older than version %2, the newest this kiosk accepted (rollback refused)"_s
                          .arg(m.version)
                          .arg(floor),
                      true);
    if (compareVersions(m.minKioskVersion, m_config.kioskVersion) > 0)
        return reject(u"version %1 needs kiosk %2 or later, this kiosk is %3"_s.arg(m.version).arg(m.minKioskVersion,
                                                                                                   m_config.kioskVersion),
                      true);
    if (m.schema != kPackSchemaVersion)
        return reject(u"version %1 has pack schema %2, this kiosk reads schema %3"_s.arg(m.version).arg(m.schema).arg(
                          kPackSchemaVersion),
                      true);

    Check &check = *m_check;
    check.fetchingFrom = source;
    check.fetched = fetch.fetched;
    check.verified = std::move(verified.value());
    const PackManifest &pack = check.verified.manifest; // m was moved from
    check.missing.clear();
    check.nextObject = 0;
    check.bytesDone = 0;
    check.bytesTotal = 0;
    for (const PackObject &o : pack.objects) {
        if (!m_store->hasObject(o)) {
            check.missing.append(o);
            check.bytesTotal += o.size;
        }
    }
    const qint64 available = m_store->availableBytes();
    // The objects, and the manifest and signature written twice (staging, then in place).
    const qint64 needed = check.bytesTotal + 2 * (check.fetched.manifest.size() + check.fetched.signature.size())
        + m_config.freeSpaceReserveBytes;
    if (available >= 0 && needed > available) {
        record(Outcome::Failed,
               Problem{m_store->root(), 0,
                       u"not enough disk space for version %1: it needs %2, %3 are free and %4 must stay free"_s
                           .arg(pack.version)
                           .arg(byteCount(needed - m_config.freeSpaceReserveBytes), byteCount(available),
                                byteCount(m_config.freeSpaceReserveBytes)),
                       u"free disk space; the next check tries again"_s}
                   .toString(),
               source);
        return nextSource();
    }
    qCInfo(lcSync).noquote() << "fetching version" << pack.version << "from" << source->name() << ":" << check.missing.size()
                             << "of" << pack.objects.size() << "objects," << check.bytesTotal << "bytes";
    setState(State::Fetching);
    check.progressConnection = connect(source, &PackSource::bytesReceived, this, [this](qint64 n) {
        if (m_check) {
            m_check->bytesDone += n;
            Q_EMIT progress(m_check->bytesDone, m_check->bytesTotal);
        }
    });
    fetchNextObject();
}

void Syncer::fetchNextObject()
{
    Check &check = *m_check;
    while (check.nextObject < check.missing.size() && m_store->hasObject(check.missing[check.nextObject]))
        ++check.nextObject; // arrived meanwhile (the same object listed by an earlier attempt)
    if (check.nextObject >= check.missing.size()) {
        stagePack();
        return;
    }
    Result<std::unique_ptr<ObjectWriter>> writer = m_store->createObjectWriter(check.missing[check.nextObject]);
    if (!writer) {
        onObject(SourceFailure{SourceFailure::Kind::Local, writer.problem()});
        return;
    }
    check.writer = std::move(writer.value());
    check.fetchingFrom->fetchObject(check.writer.get(), [this](std::optional<SourceFailure> failure) { onObject(failure); });
}

void Syncer::onObject(std::optional<SourceFailure> failure)
{
    Check &check = *m_check;
    if (!failure && check.writer) {
        if (std::optional<Problem> problem = check.writer->commit()) {
            const bool mismatch = check.writer->written() == check.writer->object().size
                && problem->message.contains(u"SHA-256"_s);
            failure = SourceFailure{mismatch ? SourceFailure::Kind::Rejected : SourceFailure::Kind::Local, *problem};
        }
    }
    check.writer.reset(); // removes the temporary file if it was not committed
    if (failure) {
        PackSource *source = check.fetchingFrom;
        disconnect(check.progressConnection);
        check.fetchingFrom = nullptr;
        record(outcomeOf(failure->kind),
               u"version %1 not staged: %2"_s.arg(check.verified.manifest.version).arg(failure->problem.toString()), source);
        setState(State::Checking);
        return nextSource();
    }
    ++check.nextObject;
    fetchNextObject();
}

void Syncer::stagePack()
{
    Check &check = *m_check;
    PackSource *source = check.fetchingFrom;
    disconnect(check.progressConnection);
    check.fetchingFrom = nullptr;
    setState(State::Staging);
    const PackManifest &m = check.verified.manifest;
    if (std::optional<Problem> problem = m_store->stage(check.fetched.manifest, check.fetched.signature, m)) {
        record(Outcome::Rejected, u"version %1 not staged: %2"_s.arg(m.version).arg(problem->toString()), source);
        setState(State::Checking);
        return nextSource();
    }
    source->manifestHandled();
    raiseFloor(m.packId, m.version);
    record(Outcome::Staged, u"version %1 signed by key %2"_s.arg(m.version).arg(check.verified.signedBy.idText()), source);
    Q_EMIT packStaged(m.version);
    nextSource(); // finishes: a staged pack ends the check
}

void Syncer::finishCheck()
{
    std::unique_ptr<Check> check = std::move(m_check);
    for (PackSource *s : std::as_const(check->temporary))
        s->deleteLater();
    m_status.lastCheck = m_clock->nowUtc();
    m_status.checkStarted = {};
    // A refusal for good stays reported until a newer pack is accepted, whatever the
    // later checks find (a server back on the active version, a 304).
    if (check->outcome == Outcome::Staged)
        m_status.refusal.clear();
    else if (!check->refusal.isEmpty())
        m_status.refusal = check->refusal;
    if (check->outcome == Outcome::UpToDate && !m_status.refusal.isEmpty()) {
        check->outcome = Outcome::Rejected;
        check->reason = m_status.refusal;
    }
    m_status.result = outcomeName(check->outcome);
    m_status.source = check->source;
    const bool failed = check->outcome == Outcome::Rejected || check->outcome == Outcome::Failed;
    m_status.lastError = failed ? check->reason : QString();
    refreshStatus();
    setState(m_store->stagedVersion() > 0 ? State::ReadyToSwitch : State::Idle);
    if (failed)
        Q_EMIT syncFailed(check->reason);
    // Headless: switch to whatever is staged, also a pack staged by an earlier run.
    if (m_config.activateImmediately && m_store->stagedVersion() > 0)
        (void)activateStaged();
    // Objects of a pack that failed half-way stay for the next attempt; only a switch
    // makes objects garbage.
    if (m_gcPending)
        collectGarbageIfIdle();
    Q_EMIT checkFinished(check->outcome);
    scheduleNextCheck();
}

Result<std::shared_ptr<Pack>> Syncer::activateStaged()
{
    const qint64 staged = m_store->stagedVersion();
    if (staged == 0)
        return Problem{m_store->root(), 0, u"no staged pack to switch to"_s, {}};
    Result<std::shared_ptr<Pack>> pack = m_store->activate(staged);
    if (pack) {
        m_status.result = u"activated"_s;
        m_status.lastError.clear();
        m_status.refusal.clear();
        if (Result<PackManifest> m = m_store->manifest(staged))
            raiseFloor(m->packId, staged);
        m_gcPending = true;
        collectGarbageIfIdle();
        refreshStatus();
        if (!isBusy())
            setState(m_store->stagedVersion() > 0 ? State::ReadyToSwitch : State::Idle);
        Q_EMIT activated(staged);
        return pack;
    }
    // The pack may be fetched and checked again: do not let an ETag say "unchanged".
    for (PackSource *s : std::as_const(m_configuredSources))
        s->forgetHandledManifest();
    m_status.result = u"rolled-back"_s;
    m_status.lastError = pack.problem().toString();
    refreshStatus();
    if (!isBusy())
        setState(m_store->stagedVersion() > 0 ? State::ReadyToSwitch : State::Idle);
    Q_EMIT syncFailed(m_status.lastError);
    return pack;
}

bool Syncer::activate() { return activateStaged().ok(); }

void Syncer::collectGarbageIfIdle()
{
    if (isBusy()) {
        m_gcPending = true;
        return;
    }
    m_gcPending = false;
    m_store->collectGarbage();
}

void Syncer::refreshStatus()
{
    SyncStatus &s = m_status;
    s.activeVersion = m_store->activeVersion();
    s.previousVersion = m_store->previousVersion();
    s.stagedVersion = m_store->stagedVersion();
    s.activeCreated = {};
    s.activeExpires = {};
    s.activeExpired = false;
    if (s.activeVersion > 0) {
        if (Result<PackManifest> m = m_store->manifest(s.activeVersion)) {
            s.activeCreated = m->created;
            s.activeExpires = m->expires;
            // The only use of the clock: a warning, never a decision.
            s.activeExpired = m->expires < m_clock->nowUtc();
            if (s.activeExpired)
                qCWarning(lcSync).noquote() << "the active pack, version" << s.activeVersion << ", expired on"
                                            << m->expires.toString(Qt::ISODate) << ": information may be outdated";
        }
    }
    if (std::optional<Problem> problem = s.write(m_config.statusFilePath()))
        qCWarning(lcSync).noquote() << "cannot write the status file:" << problem->toString();
    Q_EMIT statusChanged();
}

} // namespace passerelle::sync
