#include "packstartup.h"

#include "fsutil.h"
#include "minisign.h"
#include "pack.h"
#include "packschema.h"
#include "packsignature.h"
#include "packstore.h"
#include "sha256stream.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <cerrno>
#include <optional>

#include <unistd.h>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStartPath, "passerelle.startpath")

QString packFallbackReasonName(PackFallbackReason reason)
{
    switch (reason) {
    case PackFallbackReason::Missing:
        return u"missing"_s;
    case PackFallbackReason::ManifestInvalid:
        return u"manifest_invalid"_s;
    case PackFallbackReason::SignatureInvalid:
        return u"signature_invalid"_s;
    case PackFallbackReason::DatabaseHashMismatch:
        return u"database_hash_mismatch"_s;
    case PackFallbackReason::SchemaInvalid:
        return u"schema_invalid"_s;
    }
    return u"missing"_s;
}

QList<PackFallbackReason> allPackFallbackReasons()
{
    return {PackFallbackReason::Missing, PackFallbackReason::ManifestInvalid, PackFallbackReason::SignatureInvalid,
            PackFallbackReason::DatabaseHashMismatch, PackFallbackReason::SchemaInvalid};
}

QStringList StartPack::fallbackReasonNames() const
{
    QStringList names;
    for (const PackFallback &f : fallbacks) {
        const QString name = packFallbackReasonName(f.reason);
        if (!names.contains(name))
            names.append(name);
    }
    return names;
}

namespace {

/** What makes a pack trusted at start (see the header). */
struct Trust
{
    QList<sync::MinisignPublicKey> keys;
    /** The bundled first pack's manifest bytes; a pack with the same bytes is the package's. */
    QByteArray bundledManifest;
};

/** A pack that passed, or why it did not. */
struct Verdict
{
    std::optional<PackFallbackReason> reason;
    QString detail;
    qint64 version = 0;
    QString packId;
};

Verdict refused(PackFallbackReason reason, const Problem &problem)
{
    return Verdict{reason, problem.toString(), 0, {}};
}

QList<sync::MinisignPublicKey> trustedKeysOf(const KioskConfig &config)
{
    QList<sync::MinisignPublicKey> keys;
    for (const QString &key : config.trustedKeys) {
        QFile file(key);
        const auto parsed = key.startsWith(u'/') && file.open(QIODevice::ReadOnly)
            ? sync::MinisignPublicKey::parse(file.readAll(), key)
            : sync::MinisignPublicKey::fromBase64(key.toLatin1(), u"trusted_keys"_s);
        if (parsed)
            keys.append(parsed.value());
        else
            qCWarning(lcStartPath).noquote() << "ignored trusted key:" << parsed.problem().toString();
    }
    return keys;
}

/** The SHA-256 of a regular file (symlinks and devices refused), with libcrypto. */
Result<QString> hashFile(const QString &path, qint64 *size)
{
    Result<sync::fs::FileDescriptor> fd = sync::fs::openRegularFile(path, size);
    if (!fd)
        return fd.problem();
    sync::Sha256Stream hash;
    QByteArray buffer(1 << 20, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(fd->get(), buffer.data(), size_t(buffer.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return Problem{path, 0, u"cannot read: "_s + sync::fs::errorText(errno), u"check the disk"_s};
        if (n == 0)
            break;
        hash.update(buffer.constData(), n);
    }
    return hash.finishHex();
}

/**
 * Everything the kiosk relies on before showing a pack: manifest, signature, every object
 * there with its size (unless recovery just checked exactly that), the database's hash,
 * integrity and schema. The manifest is read and parsed once, its signature verified on
 * those bytes.
 */
Verdict verifyPack(const QString &packDir, const QString &objectsDir, const Trust &trust, bool objectsPresent,
                   StartPack *timing)
{
    namespace fs = sync::fs;
    const QString manifestPath = QDir(packDir).filePath(u"manifest.json"_s);
    if (fs::entryKind(QDir(packDir).absolutePath()) == fs::EntryKind::Missing
        || fs::entryKind(manifestPath) == fs::EntryKind::Missing)
        return refused(PackFallbackReason::Missing,
                       Problem{manifestPath, 0, u"no such pack"_s, u"sync a pack, or reinstall the package"_s});
    Result<QByteArray> bytes = fs::readSmallFile(manifestPath, PackManifest::kMaxBytes);
    if (!bytes)
        return refused(PackFallbackReason::ManifestInvalid, bytes.problem());
    Result<PackManifest> manifest = PackManifest::parse(bytes.value(), manifestPath);
    if (!manifest)
        return refused(PackFallbackReason::ManifestInvalid, manifest.problem());

    const bool isBundled = !trust.bundledManifest.isEmpty() && bytes.value() == trust.bundledManifest;
    if (!isBundled && !trust.keys.isEmpty()) {
        const QString signaturePath = manifestPath + u".minisig"_s;
        Result<QByteArray> signature = fs::readSmallFile(signaturePath, sync::MinisignSignature::kMaxFileBytes);
        if (!signature)
            return refused(PackFallbackReason::SignatureInvalid, signature.problem());
        Result<sync::VerifiedManifest> verified =
            sync::verifySignedManifest(bytes.value(), signature.value(), trust.keys, packDir);
        if (!verified)
            return refused(PackFallbackReason::SignatureInvalid, verified.problem());
    }
    if (manifest->schema != kPackSchemaVersion)
        return refused(PackFallbackReason::SchemaInvalid,
                       Problem{manifestPath, 0,
                               u"pack schema %1 is not the one this kiosk reads (%2)"_s.arg(manifest->schema).arg(kPackSchemaVersion),
                               u"install a kiosk version that reads it, or rebuild the pack"_s});

    // Recovery (PackStore::open) has just checked every object of the store's active pack
    // for presence and size; the other candidates (previous, the bundled first pack, and
    // every pack when the store is only read) get that check here.
    if (!objectsPresent) {
        for (const PackObject &o : manifest->objects) {
            const QString path = QDir(objectsDir).filePath(o.sha256);
            const QFileInfo info(path); // one stat per object: a pack has thousands (recordings)
            if (!fs::isObjectName(o.sha256) || !info.isFile() || info.size() != o.size)
                return refused(PackFallbackReason::Missing,
                               Problem{path, 0, u"an object of the pack is missing or has the wrong size"_s,
                                       u"the pack is incomplete: sync it again"_s});
        }
    }
    const PackObject *database = manifest->database();
    const QString databasePath = QDir(objectsDir).filePath(database->sha256);
    QElapsedTimer timer;
    timer.start();
    qint64 size = 0;
    Result<QString> hash = hashFile(databasePath, &size);
    timing->hashMs += timer.restart();
    if (!hash)
        return refused(PackFallbackReason::Missing, hash.problem());
    if (size != database->size)
        return refused(PackFallbackReason::Missing,
                       Problem{databasePath, 0, u"the pack database is missing or has the wrong size"_s,
                               u"the pack is incomplete: sync it again"_s});
    if (hash.value() != database->sha256)
        return refused(PackFallbackReason::DatabaseHashMismatch,
                       Problem{databasePath, 0, u"the database has SHA-256 %1, not the one its manifest names"_s.arg(hash.value()),
                               u"the disk damaged it: the kiosk shows another pack until sync brings a newer one"_s});
    // The hash covers the size; integrity and schema (user_version, tables) in one open.
    std::optional<Problem> problem = sync::checkPackDatabase(databasePath);
    timing->databaseCheckMs += timer.elapsed();
    if (problem)
        return refused(PackFallbackReason::SchemaInvalid, *problem);
    return Verdict{std::nullopt, {}, manifest->version, manifest->packId};
}

struct Candidate
{
    QString name;
    QString packDir;
    QString objectsDir;
    StartPack::Origin origin;
    qint64 version = 0;
};

} // namespace

StartPack choosePackAtStart(const KioskConfig &config, StartMode mode)
{
    namespace fs = sync::fs;
    QElapsedTimer timer;
    timer.start();
    StartPack start;
    const QDir state(config.stateDirectory);
    const QString firstPack = config.firstPack;

    Trust trust;
    trust.keys = trustedKeysOf(config);
    if (trust.keys.isEmpty())
        qCWarning(lcStartPath) << "no [sync] trusted_keys in the configuration: pack signatures are not checked at start";
    if (!firstPack.isEmpty()) {
        Result<QByteArray> bundled =
            fs::readSmallFile(QDir(firstPack).filePath(u"manifest.json"_s), PackManifest::kMaxBytes);
        if (bundled)
            trust.bundledManifest = bundled.value();
    }

    // 1. Recovery, and the first pack into a store that never had one.
    qint64 setAside = 0;
    QString setAsideProblem;
    qint64 checkedByRecovery = 0; // the active version after recovery: its objects are there
    if (mode == StartMode::Kiosk) {
        Result<std::unique_ptr<sync::PackStore>> store = sync::PackStore::open(config.stateDirectory);
        if (!store) {
            qCWarning(lcStartPath).noquote() << store.problem().toString() << "- reading the store without recovery";
        } else {
            setAside = store.value()->setAsideVersion();
            setAsideProblem = store.value()->setAsideProblem();
            // A store that never had a pack: nothing active or set aside, and no version in
            // it but (at most) the bundled one's, staged by a first start that a power cut
            // stopped before `current` was switched (installTree stages it again over that).
            bool neverActivated = store.value()->activeVersion() == 0 && setAside == 0 && !trust.bundledManifest.isEmpty();
            if (neverActivated && !store.value()->versions().isEmpty()) {
                Result<PackManifest> bundled = PackManifest::parse(trust.bundledManifest, firstPack);
                for (qint64 v : store.value()->versions())
                    neverActivated = neverActivated && bundled && v == bundled->version;
            }
            if (neverActivated) {
                if (std::optional<Problem> problem = store.value()->installTree(firstPack))
                    qCWarning(lcStartPath).noquote() << "the first pack was not installed:" << problem->toString();
            }
            // recover() checked every object of `current` (or switched to a `previous` it
            // checked); installTree() wrote and hash-checked every object it switched to.
            checkedByRecovery = store.value()->activeVersion();
        } // the lock goes here: the kiosk's syncer takes it next
    }

    start.recoveryMs = timer.restart();

    // 2. Verification, in order.
    QList<Candidate> candidates;
    const QString objects = state.filePath(u"objects"_s);
    auto storeCandidate = [&](const QString &name, qint64 version, StartPack::Origin origin) {
        candidates.append(Candidate{u"%1 (version %2)"_s.arg(name).arg(version),
                                    state.absoluteFilePath(u"packs/%1"_s.arg(version)), objects, origin, version});
    };
    const qint64 current = sync::versionOfPackLink(fs::readSymlink(state.filePath(u"current"_s)));
    const qint64 previous = sync::versionOfPackLink(fs::readSymlink(state.filePath(u"previous"_s)));
    if (setAside != 0)
        storeCandidate(u"current"_s, setAside, StartPack::Origin::Current);
    if (current != 0 && current != setAside)
        storeCandidate(current == previous && setAside != 0 ? u"previous"_s : u"current"_s, current,
                       current == previous && setAside != 0 ? StartPack::Origin::Previous : StartPack::Origin::Current);
    if (previous != 0 && previous != current && previous != setAside)
        storeCandidate(u"previous"_s, previous, StartPack::Origin::Previous);
    if (candidates.isEmpty()) {
        const Problem none{state.filePath(u"current"_s), 0, u"the store has no active pack"_s,
                           u"sync a pack into it, or reinstall the package"_s};
        start.fallbacks.append(PackFallback{u"current"_s, PackFallbackReason::Missing, none.toString()});
        qCWarning(lcStartPath).noquote() << "not showing current - missing :" << none.toString();
    }
    if (!firstPack.isEmpty())
        candidates.append(Candidate{u"first pack "_s + firstPack, firstPack, QDir(firstPack).filePath(u"objects"_s),
                                    StartPack::Origin::FirstPack, 0});

    for (const Candidate &c : std::as_const(candidates)) {
        const bool objectsPresent = c.version != 0 && c.version == checkedByRecovery && c.version != setAside;
        Verdict verdict = verifyPack(c.packDir, c.objectsDir, trust, objectsPresent, &start);
        if (!verdict.reason && c.version != 0 && c.version == setAside) {
            // Recovery found it unusable (e.g. a pictogram missing): the store no longer shows it.
            verdict.reason = PackFallbackReason::Missing;
            verdict.detail = setAsideProblem;
        }
        if (verdict.reason) {
            start.fallbacks.append(PackFallback{c.name, *verdict.reason, verdict.detail});
            qCWarning(lcStartPath).noquote() << "not showing" << c.name << "-" << packFallbackReasonName(*verdict.reason)
                                             << ":" << verdict.detail;
            continue;
        }
        start.packDir = c.packDir;
        start.objectsDir = c.objectsDir;
        start.version = verdict.version;
        start.packId = verdict.packId;
        start.origin = c.origin;
        break;
    }
    start.verifyMs = timer.elapsed();
    if (start.isUsable())
        qCInfo(lcStartPath).noquote() << "verified" << start.packId << "version" << start.version << "in"
                                      << start.verifyMs << "ms (database hashed in" << start.hashMs
                                      << "ms), after recovery in" << start.recoveryMs << "ms";
    else
        qCWarning(lcStartPath).noquote() << "no usable pack in" << config.stateDirectory
                                         << (firstPack.isEmpty() ? u"(no first pack configured)"_s : u"nor in "_s + firstPack)
                                         << "- out of service until a pack is synced";
    return start;
}

} // namespace passerelle
