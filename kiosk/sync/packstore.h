#pragma once

#include "fsutil.h"
#include "objectwriter.h"
#include "pack.h"
#include "packmanifest.h"
#include "problem.h"

#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace passerelle::sync {

/**
 * The kiosk's pack store (/var/lib/passerelle by default):
 *
 *   objects/<sha256>           every object of every kept pack, shared across versions
 *   packs/<version>/           manifest.json and manifest.json.minisig of a staged pack,
 *                              and objects -> ../../objects, so that `current` is a pack
 *                              tree for Pack::openDirectory() and `passerelle --pack`;
 *                              a folder here is complete and checked (it is renamed into
 *                              place only after its objects are all in and its database
 *                              passed integrity_check and the schema check)
 *   current -> packs/<v>       the active pack, switched by renaming a new symlink over it
 *   previous -> packs/<v>      the pack before it, kept for rollback
 *   tmp/                       objects being received
 *   lock                       held (flock) by the one process that writes the store
 *
 * Every write is fsynced, and so is the folder that names it (objects/ once per pack, in
 * stage(), for all the objects received before it), in an order that leaves the
 * store usable whenever the power goes: a restart finds `current` pointing at a complete
 * pack, the old one or the new one.
 *
 * Readers (the kiosk's UI) use openActivePack(), which needs no lock and holds a shared
 * lease on the pack folder, so garbage collection never removes a pack being read.
 */
class PackStore
{
public:
    /**
     * Opens the store for writing, creating it if needed, and takes its lock (a second
     * writer gets a problem, not a wait). Cleans what an interrupted sync left behind
     * and, if `current` does not open, switches back to `previous`.
     */
    static Result<std::unique_ptr<PackStore>> open(const QString &root);

    /**
     * Opens the active pack of the store at root, read-only, for display. The returned
     * pack holds a lease on its folder: garbage collection keeps it while it lives.
     */
    static Result<std::shared_ptr<Pack>> openActivePack(const QString &root);

    PackStore(const PackStore &) = delete;
    PackStore &operator=(const PackStore &) = delete;
    ~PackStore();

    [[nodiscard]] QString root() const { return m_root; }
    [[nodiscard]] QString objectsDir() const;
    [[nodiscard]] QString objectPath(const QString &sha256) const;
    [[nodiscard]] QString packDir(qint64 version) const;
    /** True when the object is in the store as a regular file of the declared size. */
    [[nodiscard]] bool hasObject(const PackObject &object) const;
    /** Bytes still free for the store (what the user running the kiosk may use). */
    [[nodiscard]] qint64 availableBytes() const;

    /**
     * The version open()'s recovery found unusable and switched `current` away from
     * (back to `previous`, or to nothing); 0 when it did not. Its folder is left in
     * packs/ for the start path to say why, and for the operator.
     */
    [[nodiscard]] qint64 setAsideVersion() const { return m_setAsideVersion; }
    /** Why recovery set that version aside (Problem::toString()); empty when it did not. */
    [[nodiscard]] QString setAsideProblem() const { return m_setAsideProblem; }

    /** The version `current` points at; 0 when there is none. */
    [[nodiscard]] qint64 activeVersion() const;
    /** The version `previous` points at; 0 when there is none. */
    [[nodiscard]] qint64 previousVersion() const;
    /** The highest staged version above the active one, ready to switch to; 0 if none. */
    [[nodiscard]] qint64 stagedVersion() const;
    /** Every version with a folder in packs/, ascending. */
    [[nodiscard]] QList<qint64> versions() const;
    /** The manifest of a staged or active version. */
    [[nodiscard]] Result<PackManifest> manifest(qint64 version) const;

    /** A writer for one object into tmp/, moved into objects/ by its commit(). */
    [[nodiscard]] Result<std::unique_ptr<ObjectWriter>> createObjectWriter(const PackObject &object);

    /**
     * Stages a verified pack whose objects are all in the store: fsyncs objects/ (which
     * makes the names of the objects committed since durable), writes its manifest and
     * signature into a temporary folder, opens its database read-only and runs
     * PRAGMA integrity_check and the schema check, then renames it to packs/<version>.
     */
    [[nodiscard]] std::optional<Problem> stage(const QByteArray &manifestBytes, const QByteArray &signatureBytes,
                                               const PackManifest &manifest);

    /**
     * Makes a staged version the active one: `previous` := the old `current`, then
     * `current` := packs/<version>, each by an atomic rename. Opens the new pack; if that
     * fails, switches back and returns the problem. Does not collect garbage.
     */
    [[nodiscard]] Result<std::shared_ptr<Pack>> activate(qint64 version);

    /**
     * Installs a published pack tree (manifest.json, manifest.json.minisig if any, and
     * objects/), e.g. the bundled first pack, the way a sync does: each object is copied
     * through an ObjectWriter (hash-checked, fsynced, renamed); an object already in the
     * store is kept only if its SHA-256 is right, so a damaged one of the right size is
     * replaced. Then stage() and activate(). The signature is not verified: the caller
     * trusts the tree (the package installed it).
     */
    [[nodiscard]] std::optional<Problem> installTree(const QString &publishedTree);

    /**
     * Checks that a version is complete: its pack opens, every object is there with its
     * size and, if hashObjects, with its SHA-256.
     */
    [[nodiscard]] std::optional<Problem> verify(qint64 version, bool hashObjects) const;

    struct Collected
    {
        int packs = 0;
        int objects = 0;
        qint64 bytes = 0;
    };
    /**
     * Removes pack folders other than current, previous and staged newer ones (and any
     * still leased by a reader), then every object that no kept pack references. Never
     * call it while a sync is fetching: its objects are not referenced yet.
     */
    Collected collectGarbage();

private:
    explicit PackStore(QString root);
    [[nodiscard]] std::optional<Problem> recover();
    [[nodiscard]] qint64 linkVersion(const QString &linkName) const;

    QString m_root;
    fs::FileDescriptor m_lock;
    qint64 m_setAsideVersion = 0;
    QString m_setAsideProblem;
};

/**
 * PRAGMA integrity_check and the schema check of a pack database: user_version and the
 * tables of kPackSchemaVersion. nullopt when the database is good.
 */
[[nodiscard]] std::optional<Problem> checkPackDatabase(const QString &path);

/** The version a "packs/<v>" symlink target names, or 0. */
[[nodiscard]] qint64 versionOfPackLink(const QString &target);

} // namespace passerelle::sync
