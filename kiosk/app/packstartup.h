#pragma once

#include "kioskconfig.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace passerelle {

/**
 * Why the kiosk did not show a pack it could have shown at start: a small fixed set,
 * the label values of passerelle_pack_fallback{reason=...} in the health textfile.
 */
enum class PackFallbackReason {
    Missing,              ///< missing: no such pack, manifest or database object
    ManifestInvalid,      ///< manifest_invalid: manifest.json unreadable or not a valid manifest
    SignatureInvalid,     ///< signature_invalid: no signature, or not by a trusted key, or for another manifest
    DatabaseHashMismatch, ///< database_hash_mismatch: the database object's SHA-256 is not the manifest's
    SchemaInvalid,        ///< schema_invalid: the database fails integrity_check or is of another schema
};

/** "missing", "manifest_invalid", ...: the textfile's label value. */
[[nodiscard]] QString packFallbackReasonName(PackFallbackReason reason);
/** Every reason, in the order of the enum (the textfile lists them all, 0 or 1). */
[[nodiscard]] QList<PackFallbackReason> allPackFallbackReasons();

/** One pack the start path passed over, and why. */
struct PackFallback
{
    /** "current (version 7)", "previous (version 6)", "first pack /usr/share/...". */
    QString pack;
    PackFallbackReason reason = PackFallbackReason::Missing;
    /** The problem, with its file and what to do (Problem::toString()). */
    QString detail;
};

/** What the kiosk shows at start, and what it passed over to get there. */
struct StartPack
{
    enum class Origin { None, Current, Previous, FirstPack };

    /** Holds manifest.json: packs/<v> of the store (resolved), or the bundled tree. */
    QString packDir;
    /** The objects of that pack: the store's objects/, or the bundled tree's. */
    QString objectsDir;
    qint64 version = 0;
    QString packId;
    Origin origin = Origin::None;
    /** In the order they were tried; empty when `current` was shown as it is. */
    QList<PackFallback> fallbacks;
    /** Milliseconds spent recovering the store (and installing the first pack into an empty one). */
    qint64 recoveryMs = 0;
    /** Milliseconds spent verifying (every candidate tried), for the start-up budget. */
    qint64 verifyMs = 0;
    /** Of which hashing database objects. */
    qint64 hashMs = 0;
    /** Of which checking databases (integrity and schema). */
    qint64 databaseCheckMs = 0;

    /** False: nothing can be shown; the kiosk shows its out-of-service screen. */
    [[nodiscard]] bool isUsable() const { return origin != Origin::None; }
    /** The distinct reason names of the fallbacks. */
    [[nodiscard]] QStringList fallbackReasonNames() const;
};

/** How far the start path may touch the store. */
enum class StartMode {
    /** The kiosk: recovers the store and installs the first pack into an empty one. */
    Kiosk,
    /** --screenshot, --self-test: reads only (like Operations' Render mode). */
    ReadOnly,
};

/**
 * The kiosk's one way to choose the pack it shows at start, from the store in
 * [storage] state_directory; never exits, never throws.
 *
 * 1. Recovery (Kiosk mode): PackStore::open() cleans what an interrupted sync left and
 *    switches `current` back to `previous` when `current` does not open; an empty store
 *    gets the bundled first pack ([storage] first_pack) through PackStore::installTree()
 *    (lock, hash-checked objects, fsyncs, atomic switch). When another process (a
 *    passerelle-sync) holds the store's lock, recovery is skipped and the store only read.
 * 2. Verification, of each candidate in turn, `current`, `previous`, the bundled first
 *    pack: the manifest parses; its signature verifies against [sync] trusted_keys; the
 *    database object's SHA-256 is the manifest's; the database passes integrity_check
 *    and the schema check (checkPackDatabase). The first that passes is shown; each one
 *    passed over is logged (passerelle.startpath) and listed in fallbacks.
 *
 * Trust: the bundled first pack (and a store pack whose manifest is byte for byte the
 * bundled one's) is trusted as installed by the package; its signature is not needed,
 * its hash and schema are checked. With no [sync] trusted_keys at all, signatures cannot
 * be checked, and are not (logged once): the sync then accepts no pack, so the store
 * holds only what the package or an operator put there.
 *
 * Also the check after a simulated crash (tests/integration/sync): call it in-process,
 * with a KioskConfig whose stateDirectory is the crashed store; the store lock it takes
 * is released before it returns.
 */
[[nodiscard]] StartPack choosePackAtStart(const KioskConfig &config, StartMode mode = StartMode::Kiosk);

} // namespace passerelle
