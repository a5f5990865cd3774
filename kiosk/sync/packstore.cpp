#include "packstore.h"

#include "minisign.h"
#include "packschema.h"
#include "sha256.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QStorageInfo>

#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcStore, "passerelle.sync.store")

namespace {

const QString kCurrent = u"current"_s;
const QString kPrevious = u"previous"_s;
const QString kStagingPrefix = u".staging-"_s;

QString linkTarget(qint64 version) { return u"packs/%1"_s.arg(version); }

/** Directory names of packs/: a version number, without sign or leading zero. */
qint64 parseVersion(const QString &name)
{
    static const QRegularExpression form(u"^[1-9][0-9]{0,15}$"_s);
    if (!form.match(name).hasMatch())
        return 0;
    return name.toLongLong();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

/** The (type, name, sql) rows of a database's schema, sorted, for comparison. */
QStringList schemaRows(sqlite3 *db)
{
    QStringList rows;
    sqlite3_stmt *stmt = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master", -1, &stmt, nullptr)
        != SQLITE_OK)
        return {u"<unreadable schema>"_s};
    while (sqlite3_step(stmt) == SQLITE_ROW) {
        QStringList fields;
        for (int i = 0; i < 4; ++i)
            fields.append(QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(stmt, i))));
        rows.append(fields.join(u'|'));
    }
    sqlite3_finalize(stmt);
    rows.sort();
    return rows;
}

/** The schema this kiosk reads, as the schema rows of an empty database made from it. */
const QStringList &expectedSchemaRows()
{
    static const QStringList rows = [] {
        sqlite3 *db = nullptr;
        sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        sqlite3_exec(db, packSchemaSql(), nullptr, nullptr, nullptr);
        QStringList result = schemaRows(db);
        sqlite3_close_v2(db);
        return result;
    }();
    return rows;
}

} // namespace

std::optional<Problem> checkPackDatabase(const QString &path)
{
    const QString hint = u"the pack was signed but its database is damaged or of another schema: rebuild it"_s;
    Result<SqliteDatabase> db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnlyImmutable);
    if (!db)
        return db.problem();
    SqliteStatement check = db->prepare(u"PRAGMA integrity_check"_s);
    if (!check.isValid())
        return Problem{path, 0, u"integrity_check cannot run: "_s + db->lastError(), hint};
    QStringList messages;
    while (check.next() && messages.size() < 5)
        messages.append(check.text(0));
    if (messages != QStringList{u"ok"_s})
        return Problem{path, 0, u"the database fails integrity_check: "_s + messages.join(u"; "_s), hint};
    SqliteStatement version = db->prepare(u"PRAGMA user_version"_s);
    if (!version.next())
        return Problem{path, 0, u"cannot read the schema version: "_s + db->lastError(), hint};
    if (version.integer(0) != kPackSchemaVersion)
        return Problem{path, 0,
                       u"the database has schema %1, this kiosk reads schema %2"_s.arg(version.integer(0)).arg(kPackSchemaVersion),
                       hint};
    if (schemaRows(db->handle()) != expectedSchemaRows())
        return Problem{path, 0, u"the database's tables are not those of schema %1"_s.arg(kPackSchemaVersion), hint};
    return std::nullopt;
}

namespace {

/** Holds a shared flock on a pack folder for as long as a reader uses the pack. */
struct LeasedPack
{
    std::shared_ptr<Pack> pack;
    fs::FileDescriptor lease;
};

} // namespace

qint64 versionOfPackLink(const QString &target)
{
    if (!target.startsWith(u"packs/"_s))
        return 0;
    return parseVersion(target.mid(6));
}

PackStore::PackStore(QString root) : m_root(std::move(root)) {}

PackStore::~PackStore() = default;

Result<std::unique_ptr<PackStore>> PackStore::open(const QString &root)
{
    const QString absolute = QDir(root).absolutePath();
    std::unique_ptr<PackStore> store(new PackStore(absolute));
    for (const QString &sub : {u"objects"_s, u"packs"_s, u"tmp"_s}) {
        if (!QDir().mkpath(QDir(absolute).filePath(sub)))
            return Problem{absolute, 0, u"cannot create the store folder %1"_s.arg(sub), u"check the path and permissions"_s};
    }
    const QString lockPath = QDir(absolute).filePath(u"lock"_s);
    // O_NOFOLLOW: O_CREAT would create a link's target wherever it points.
    store->m_lock = fs::FileDescriptor(
        ::open(fs::encode(lockPath).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0644));
    if (!store->m_lock.isValid())
        return Problem{lockPath, 0,
                       errno == ELOOP ? u"is a symlink: it was not followed"_s
                                      : u"cannot open the store lock: "_s + fs::errorText(errno),
                       errno == ELOOP ? u"remove it (someone may have planted it)"_s : QString()};
    if (::flock(store->m_lock.get(), LOCK_EX | LOCK_NB) != 0)
        return Problem{absolute, 0, u"the store is being written by another process"_s,
                       u"wait for the other passerelle-sync or kiosk to finish"_s};
    if (std::optional<Problem> problem = store->recover())
        return *problem;
    return store;
}

std::optional<Problem> PackStore::recover()
{
    // Objects being received when the process stopped: incomplete, and unverified.
    const QString tmp = QDir(m_root).filePath(u"tmp"_s);
    for (const QString &name : entries(tmp))
        fs::removeTree(QDir(tmp).filePath(name));
    // Packs half written, and temporary symlinks never renamed into place.
    const QString packs = QDir(m_root).filePath(u"packs"_s);
    for (const QString &name : entries(packs)) {
        if (name.startsWith(kStagingPrefix) || (parseVersion(name) == 0)) {
            qCInfo(lcStore) << "removing an unfinished pack folder" << name;
            fs::removeTree(QDir(packs).filePath(name));
        }
    }
    for (const QString &name : entries(m_root)) {
        if (name.startsWith(u'.') && name.contains(u".tmp-"_s))
            fs::removeTree(QDir(m_root).filePath(name));
    }

    // `current` is complete by construction; check cheaply anyway (sizes, database opens).
    const QString currentLink = QDir(m_root).filePath(kCurrent);
    if (fs::entryKind(currentLink) == fs::EntryKind::Missing)
        return std::nullopt;
    const qint64 active = activeVersion();
    std::optional<Problem> problem = active == 0
        ? std::optional<Problem>(Problem{currentLink, 0, u"`current` does not point at packs/<version>"_s, {}})
        : verify(active, false);
    if (!problem)
        return std::nullopt;
    qCWarning(lcStore).noquote() << "the active pack is not usable:" << problem->toString();
    m_setAsideVersion = active;
    m_setAsideProblem = problem->toString();
    const qint64 previous = previousVersion();
    if (previous != 0 && !verify(previous, false)) {
        qCWarning(lcStore) << "switching back to the previous pack, version" << previous;
        return fs::replaceSymlink(currentLink, linkTarget(previous));
    }
    // Nothing usable: drop `current`, so the next sync installs a pack from scratch.
    ::unlink(fs::encode(currentLink).constData());
    return std::nullopt;
}

QString PackStore::objectsDir() const { return QDir(m_root).filePath(u"objects"_s); }

QString PackStore::objectPath(const QString &sha256) const { return QDir(objectsDir()).filePath(sha256); }

QString PackStore::packDir(qint64 version) const { return QDir(m_root).filePath(linkTarget(version)); }

bool PackStore::hasObject(const PackObject &object) const
{
    struct stat st;
    if (!fs::isObjectName(object.sha256) || ::lstat(fs::encode(objectPath(object.sha256)).constData(), &st) != 0)
        return false;
    return S_ISREG(st.st_mode) && qint64(st.st_size) == object.size;
}

qint64 PackStore::availableBytes() const { return QStorageInfo(m_root).bytesAvailable(); }

qint64 PackStore::linkVersion(const QString &linkName) const
{
    return versionOfPackLink(fs::readSymlink(QDir(m_root).filePath(linkName)));
}

qint64 PackStore::activeVersion() const { return linkVersion(kCurrent); }

qint64 PackStore::previousVersion() const { return linkVersion(kPrevious); }

QList<qint64> PackStore::versions() const
{
    QList<qint64> list;
    const QString packs = QDir(m_root).filePath(u"packs"_s);
    for (const QString &name : entries(packs)) {
        const qint64 v = parseVersion(name);
        if (v > 0 && fs::entryKind(QDir(packs).filePath(name)) == fs::EntryKind::Directory)
            list.append(v);
    }
    std::sort(list.begin(), list.end());
    return list;
}

qint64 PackStore::stagedVersion() const
{
    const QList<qint64> list = versions();
    const qint64 active = activeVersion();
    return !list.isEmpty() && list.last() > active ? list.last() : 0;
}

Result<PackManifest> PackStore::manifest(qint64 version) const
{
    const QString path = QDir(packDir(version)).filePath(u"manifest.json"_s);
    Result<QByteArray> bytes = fs::readSmallFile(path, PackManifest::kMaxBytes);
    if (!bytes)
        return bytes.problem();
    return PackManifest::parse(bytes.value(), path);
}

Result<std::unique_ptr<ObjectWriter>> PackStore::createObjectWriter(const PackObject &object)
{
    if (!fs::isObjectName(object.sha256))
        return Problem{object.sha256, 0, u"not an object name"_s, {}};
    // tmp/ opened without following a link there, the file created exclusively under a
    // name nobody can guess: nothing planted in the store is ever written through.
    const QString tmp = QDir(m_root).filePath(u"tmp"_s);
    Result<fs::FileDescriptor> tmpDir = fs::openDirectory(tmp);
    if (!tmpDir)
        return tmpDir.problem();
    const QString name =
        u"%1.part-%2"_s.arg(object.sha256).arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0'));
    const QString temp = QDir(tmp).filePath(name);
    fs::FileDescriptor fd(fs::createExclusively(tmpDir->get(), fs::encode(name), 0644));
    if (!fd.isValid()) {
        const int err = errno;
        return Problem{temp, 0, u"cannot create a file for object %1: %2"_s.arg(object.sha256, fs::errorText(err)),
                       err == ENOSPC || err == EDQUOT ? u"the disk is full: free space, then sync again"_s : QString()};
    }
    return std::make_unique<ObjectWriter>(object, temp, objectPath(object.sha256), objectsDir(), std::move(fd));
}

std::optional<Problem> PackStore::stage(const QByteArray &manifestBytes, const QByteArray &signatureBytes,
                                        const PackManifest &manifest)
{
    for (const PackObject &o : manifest.objects) {
        if (!hasObject(o))
            return Problem{objectPath(o.sha256), 0, u"object missing from the store, cannot stage"_s, {}};
    }
    // The objects' names, made durable at once: ObjectWriter::commit() renames each object
    // into objects/ without a folder fsync. A manifest must never outlive its objects.
    QString syncError;
    if (!fs::syncDirectory(objectsDir(), &syncError))
        return Problem{objectsDir(), 0, u"cannot sync the objects folder: "_s + syncError, u"check the disk"_s};
    const QString packs = QDir(m_root).filePath(u"packs"_s);
    const QString staging = QDir(packs).filePath(
        kStagingPrefix + u"%1-%2"_s.arg(manifest.version).arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    if (!QDir().mkdir(staging))
        return Problem{staging, 0, u"cannot create the staging folder"_s, u"check the disk"_s};
    auto cleanup = qScopeGuard([&] { fs::removeTree(staging); });

    // So that packs/<v> (and `current`) is also a pack tree as Pack::openDirectory() and
    // `passerelle --pack` read it: manifest.json beside objects/.
    // Made before the folder's fsyncs (those of manifest.json's and the signature's writes),
    // which make it durable with them: made after, a power cut could lose it.
    if (::symlink("../../objects", fs::encode(QDir(staging).filePath(u"objects"_s)).constData()) != 0)
        return Problem{staging, 0, u"cannot link the objects folder: "_s + fs::errorText(errno), {}};

    const QString manifestPath = QDir(staging).filePath(u"manifest.json"_s);
    if (auto problem = fs::writeFileDurably(manifestPath, manifestBytes))
        return problem;
    // A bundled first pack may come unsigned (installTree): then there is no signature file.
    if (!signatureBytes.isEmpty())
        if (auto problem = fs::writeFileDurably(QDir(staging).filePath(u"manifest.json.minisig"_s), signatureBytes))
            return problem;

    // The schema check of Pack::open (declared schema, database size, user_version)...
    Result<std::shared_ptr<Pack>> opened = Pack::open(manifestPath, objectsDir());
    if (!opened)
        return opened.problem();
    // ...and the whole database read once by SQLite, before anyone shows it.
    if (auto problem = checkPackDatabase(opened.value()->database().path()))
        return problem;
    opened.value().reset();

    const QString final = packDir(manifest.version);
    if (fs::entryKind(final) != fs::EntryKind::Missing && !fs::removeTree(final))
        return Problem{final, 0, u"cannot replace an older staging of this version"_s, {}};
    if (::rename(fs::encode(staging).constData(), fs::encode(final).constData()) != 0)
        return Problem{final, 0, u"cannot move the staged pack into place: "_s + fs::errorText(errno), {}};
    cleanup.dismiss();
    QString error;
    if (!fs::syncDirectory(packs, &error))
        return Problem{packs, 0, u"cannot sync the packs folder: "_s + error, {}};
    qCInfo(lcStore) << "staged pack" << manifest.packId << "version" << manifest.version;
    return std::nullopt;
}

Result<std::shared_ptr<Pack>> PackStore::openActivePack(const QString &root)
{
    // A switch or a garbage collection may run between reading the link and taking the
    // lease; if the folder vanished meanwhile, read the link again.
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString target = fs::readSymlink(QDir(root).filePath(kCurrent));
        if (versionOfPackLink(target) == 0)
            return Problem{QDir(root).filePath(kCurrent), 0, u"the store has no active pack"_s,
                           u"sync a pack into it (passerelle-sync), or install one"_s};
        const QString dir = QDir(root).filePath(target);
        fs::FileDescriptor lease(::open(fs::encode(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (!lease.isValid() || ::flock(lease.get(), LOCK_SH) != 0)
            continue;
        if (fs::entryKind(QDir(dir).filePath(u"manifest.json"_s)) != fs::EntryKind::File)
            continue;
        Result<std::shared_ptr<Pack>> pack = Pack::open(QDir(dir).filePath(u"manifest.json"_s),
                                                        QDir(root).filePath(u"objects"_s));
        if (!pack)
            return pack.problem();
        auto holder = std::make_shared<LeasedPack>(LeasedPack{pack.value(), std::move(lease)});
        return std::shared_ptr<Pack>(holder, holder->pack.get());
    }
    return Problem{QDir(root).filePath(kCurrent), 0, u"the active pack kept changing while opening it"_s, {}};
}

Result<std::shared_ptr<Pack>> PackStore::activate(qint64 version)
{
    if (fs::entryKind(packDir(version)) != fs::EntryKind::Directory)
        return Problem{packDir(version), 0, u"version %1 is not staged"_s.arg(version), {}};
    const QString currentLink = QDir(m_root).filePath(kCurrent);
    const QString previousLink = QDir(m_root).filePath(kPrevious);
    const QString oldCurrent = fs::readSymlink(currentLink);
    const QString oldPrevious = fs::readSymlink(previousLink);
    const QString target = linkTarget(version);
    if (oldCurrent != target) {
        if (!oldCurrent.isEmpty()) {
            if (auto problem = fs::replaceSymlink(previousLink, oldCurrent))
                return *problem;
        }
        if (auto problem = fs::replaceSymlink(currentLink, target))
            return *problem;
    }
    Result<std::shared_ptr<Pack>> pack = openActivePack(m_root);
    if (pack) {
        qCInfo(lcStore) << "switched to version" << version;
        return pack;
    }
    // Roll back: the old pack opened before, it will open again.
    qCWarning(lcStore).noquote() << "version" << version << "does not open, switching back:" << pack.problem().toString();
    if (!oldCurrent.isEmpty()) {
        (void)fs::replaceSymlink(currentLink, oldCurrent);
        if (!oldPrevious.isEmpty())
            (void)fs::replaceSymlink(previousLink, oldPrevious);
    } else {
        ::unlink(fs::encode(currentLink).constData());
    }
    fs::removeTree(packDir(version));
    Problem problem = pack.problem();
    problem.message = u"version %1 failed to open (%2); switched back to version %3"_s.arg(version)
                          .arg(problem.message)
                          .arg(versionOfPackLink(oldCurrent));
    return problem;
}

std::optional<Problem> PackStore::installTree(const QString &publishedTree)
{
    const QDir tree(publishedTree);
    Result<QByteArray> manifestBytes = fs::readSmallFile(tree.filePath(u"manifest.json"_s), PackManifest::kMaxBytes);
    if (!manifestBytes)
        return manifestBytes.problem();
    Result<PackManifest> manifest = PackManifest::parse(manifestBytes.value(), tree.filePath(u"manifest.json"_s));
    if (!manifest)
        return manifest.problem();
    QByteArray signatureBytes;
    const QString signaturePath = tree.filePath(u"manifest.json.minisig"_s);
    if (fs::entryKind(signaturePath) != fs::EntryKind::Missing) {
        Result<QByteArray> read = fs::readSmallFile(signaturePath, MinisignSignature::kMaxFileBytes);
        if (!read)
            return read.problem();
        signatureBytes = read.value();
    }

    for (const PackObject &o : manifest->objects) {
        // Not trusted by size: a power cut or a bad sector can leave the right size with other bytes.
        if (hasObject(o) && sha256HexOfFile(objectPath(o.sha256)) == o.sha256)
            continue;
        const QString source = tree.filePath(u"objects/"_s + o.sha256);
        qint64 size = 0;
        Result<fs::FileDescriptor> in = fs::openRegularFile(source, &size);
        if (!in)
            return in.problem();
        Result<std::unique_ptr<ObjectWriter>> writer = createObjectWriter(o);
        if (!writer)
            return writer.problem();
        QByteArray buffer(1 << 20, Qt::Uninitialized);
        for (;;) {
            const ssize_t n = ::read(in->get(), buffer.data(), size_t(buffer.size()));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return Problem{source, 0, u"cannot read: "_s + fs::errorText(errno), u"reinstall the package"_s};
            if (n == 0)
                break;
            if (auto problem = writer.value()->write(buffer.constData(), n))
                return Problem{source, 0, problem->message, u"the bundled pack is damaged: reinstall the package"_s};
        }
        if (auto problem = writer.value()->commit())
            return Problem{source, 0, problem->message, u"the bundled pack is damaged: reinstall the package"_s};
    }
    if (auto problem = stage(manifestBytes.value(), signatureBytes, manifest.value()))
        return problem;
    Result<std::shared_ptr<Pack>> active = activate(manifest->version);
    if (!active)
        return active.problem();
    qCInfo(lcStore) << "installed" << manifest->packId << "version" << manifest->version << "from" << publishedTree;
    return std::nullopt;
}

std::optional<Problem> PackStore::verify(qint64 version, bool hashObjects) const
{
    Result<PackManifest> m = manifest(version);
    if (!m)
        return m.problem();
    for (const PackObject &o : m->objects) {
        if (!hasObject(o))
            return Problem{objectPath(o.sha256), 0, u"object of version %1 missing or of the wrong size"_s.arg(version), {}};
        if (hashObjects && sha256HexOfFile(objectPath(o.sha256)) != o.sha256)
            return Problem{objectPath(o.sha256), 0, u"object of version %1 does not match its hash"_s.arg(version), {}};
    }
    Result<std::shared_ptr<Pack>> pack = Pack::open(QDir(packDir(version)).filePath(u"manifest.json"_s), objectsDir());
    if (!pack)
        return pack.problem();
    return std::nullopt;
}

PackStore::Collected PackStore::collectGarbage()
{
    Collected collected;
    const qint64 active = activeVersion();
    const qint64 previous = previousVersion();
    QList<qint64> kept;
    for (qint64 v : versions()) {
        if (v == active || v == previous || v > active) {
            kept.append(v);
            continue;
        }
        const QString dir = packDir(v);
        fs::FileDescriptor lock(::open(fs::encode(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
        if (lock.isValid() && ::flock(lock.get(), LOCK_EX | LOCK_NB) != 0) {
            qCInfo(lcStore) << "keeping version" << v << "while a reader uses it";
            kept.append(v);
            continue;
        }
        if (fs::removeTree(dir))
            ++collected.packs;
    }
    QSet<QString> referenced;
    for (qint64 v : std::as_const(kept)) {
        Result<PackManifest> m = manifest(v);
        if (!m) {
            // Never delete objects on a guess.
            qCWarning(lcStore).noquote() << "garbage collection skipped:" << m.problem().toString();
            return collected;
        }
        for (const PackObject &o : m->objects)
            referenced.insert(o.sha256);
    }
    const QString objects = objectsDir();
    for (const QString &name : entries(objects)) {
        if (referenced.contains(name))
            continue;
        const QString path = QDir(objects).filePath(name);
        struct stat st;
        const qint64 size = ::lstat(fs::encode(path).constData(), &st) == 0 ? qint64(st.st_size) : 0;
        if (fs::removeTree(path)) {
            ++collected.objects;
            collected.bytes += size;
        }
    }
    QString error;
    fs::syncDirectory(objects, &error);
    fs::syncDirectory(QDir(m_root).filePath(u"packs"_s), &error);
    if (collected.packs || collected.objects)
        qCInfo(lcStore) << "garbage collection removed" << collected.packs << "packs and" << collected.objects
                        << "objects," << collected.bytes << "bytes";
    return collected;
}

} // namespace passerelle::sync
