// passerelle-pack keygen, sign, verify and publish: the signing side of sync
// (../shared/SYNC.md). Keys and signatures are minisign's formats, so editors may use
// `minisign` itself instead; the kiosk accepts either.
#include "commands.h"

#include "fsutil.h"
#include "minisign.h"
#include "packsignature.h"
#include "packstore.h"
#include "sha256.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTextStream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace passerelle::content {

using namespace Qt::StringLiterals;
using namespace passerelle::sync;

namespace {

int fail(const Problem &problem)
{
    errorStream() << problem.toString() << Qt::endl;
    return 1;
}

Result<QByteArray> readFile(const QString &path, qint64 maxBytes)
{
    return fs::readSmallFile(path, maxBytes);
}

/** Writes a file readable by its owner only, refusing to replace one unless force. */
std::optional<Problem> writePrivateFile(const QString &path, const QByteArray &data, bool force)
{
    if (!force && fs::entryKind(path) != fs::EntryKind::Missing)
        return Problem{path, 0, u"already exists"_s, u"add --force to replace it"_s};
    return fs::writeFileDurably(path, data, 0600);
}

/** The signed manifest of a pack folder, verified against keys. */
Result<VerifiedManifest> verifiedManifest(const QString &packDir, const QList<MinisignPublicKey> &keys)
{
    Result<QByteArray> manifest = readFile(QDir(packDir).filePath(u"manifest.json"_s), PackManifest::kMaxBytes);
    if (!manifest)
        return manifest.problem();
    Result<QByteArray> signature =
        readFile(QDir(packDir).filePath(u"manifest.json.minisig"_s), MinisignSignature::kMaxFileBytes);
    if (!signature)
        return Problem{signature.problem().file, 0, signature.problem().message,
                       u"sign the pack first: passerelle-pack sign PACK_DIR SECRET_KEY"_s};
    return verifySignedManifest(manifest.value(), signature.value(), keys, packDir);
}

/** Copies one object into objects/ of a published tree: temporary file, hash check, fsync, rename. */
std::optional<Problem> publishObject(const PackObject &object, const QString &from, const QString &toDir)
{
    const QString target = QDir(toDir).filePath(object.sha256);
    if (fs::entryKind(target) == fs::EntryKind::File && QFileInfo(target).size() == object.size
        && sha256HexOfFile(target) == object.sha256)
        return std::nullopt; // already published by an earlier version
    qint64 size = 0;
    Result<fs::FileDescriptor> in = fs::openRegularFile(from, &size);
    if (!in)
        return in.problem();
    if (size != object.size)
        return Problem{from, 0, u"has %1 bytes, the manifest declares %2"_s.arg(size).arg(object.size), {}};
    Result<QByteArray> bytes = fs::readSmallFile(from, object.size);
    if (!bytes)
        return bytes.problem();
    if (sha256Hex(bytes.value()) != object.sha256)
        return Problem{from, 0, u"does not match its name (SHA-256)"_s, u"rebuild the pack"_s};
    return fs::writeFileAtomically(toDir, object.sha256, bytes.value(), 0644);
}

/**
 * The objects of the manifest published in dest now, which kiosks may be downloading:
 * nullopt when there is none; a problem when there is one that cannot be read.
 */
Result<std::optional<PackManifest>> publishedManifest(const QString &dest)
{
    const QString path = QDir(dest).filePath(u"manifest.json"_s);
    if (fs::entryKind(path) == fs::EntryKind::Missing)
        return std::optional<PackManifest>();
    Result<QByteArray> bytes = fs::readSmallFile(path, PackManifest::kMaxBytes);
    if (!bytes)
        return bytes.problem();
    Result<PackManifest> manifest = PackManifest::parse(bytes.value(), path);
    if (!manifest)
        return manifest.problem();
    return std::optional<PackManifest>(std::move(manifest.value()));
}

/** Removes the objects in objectsDir that keep does not name; other files are left alone. */
int pruneObjects(const QString &objectsDir, const QSet<QString> &keep)
{
    Result<fs::FileDescriptor> dir = fs::openDirectory(objectsDir);
    if (!dir)
        return 0;
    int pruned = 0;
    for (const QString &name : QDir(objectsDir).entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        // Only object names: a hidden temporary file may be a concurrent publish's.
        if (fs::isObjectName(name) && !keep.contains(name)
            && ::unlinkat(dir->get(), fs::encode(name).constData(), 0) == 0)
            ++pruned;
    }
    QString error;
    fs::syncDescriptor(dir->get(), &error);
    return pruned;
}

} // namespace

int runKeygen(const QStringList &args)
{
    QStringList files = args;
    const bool force = files.removeAll(u"--force"_s) > 0;
    if (files.size() != 2)
        return 2;
    const MinisignSecretKey key = MinisignSecretKey::generate();
    if (auto problem = writePrivateFile(files[1], key.toFileText(), force))
        return fail(*problem);
    if (!force && QFileInfo::exists(files[0]))
        return fail(Problem{files[0], 0, u"already exists"_s, u"add --force to replace it"_s});
    if (auto problem = fs::writeFileDurably(files[0], key.publicKey().toFileText()))
        return fail(*problem);
    QTextStream(stdout) << "key " << key.publicKey().idText() << ": public key in " << files[0] << ", secret key in "
                        << files[1] << "\nKeep the secret key offline; list the public key in the kiosks' configuration.\n";
    return 0;
}

int runSign(const QStringList &args)
{
    if (args.size() != 2)
        return 2;
    const QString packDir = args[0];
    Result<QByteArray> secretText = readFile(args[1], 4096);
    if (!secretText)
        return fail(secretText.problem());
    Result<MinisignSecretKey> key = MinisignSecretKey::parse(secretText.value(), args[1]);
    if (!key)
        return fail(key.problem());
    const QString manifestPath = QDir(packDir).filePath(u"manifest.json"_s);
    Result<QByteArray> manifest = readFile(manifestPath, PackManifest::kMaxBytes);
    if (!manifest)
        return fail(manifest.problem());
    Result<QByteArray> signature = signManifest(manifest.value(), key.value());
    if (!signature)
        return fail(signature.problem());
    if (auto problem = fs::writeFileDurably(manifestPath + u".minisig"_s, signature.value()))
        return fail(*problem);
    const PackManifest m = PackManifest::parse(manifest.value(), manifestPath).value();
    QTextStream(stdout) << "signed " << m.packId << " version " << m.version << " with key "
                        << key->publicKey().idText() << '\n';
    return 0;
}

int runVerify(const QStringList &args)
{
    if (args.size() < 2)
        return 2;
    const QString packDir = args[0];
    Result<QList<MinisignPublicKey>> keys = loadPublicKeys(args.mid(1));
    if (!keys)
        return fail(keys.problem());
    Result<VerifiedManifest> verified = verifiedManifest(packDir, keys.value());
    if (!verified)
        return fail(verified.problem());
    const PackManifest &m = verified->manifest;
    const QString objects = QDir(packDir).filePath(u"objects"_s);
    for (const PackObject &o : m.objects) {
        const QString path = QDir(objects).filePath(o.sha256);
        if (fs::entryKind(path) != fs::EntryKind::File || QFileInfo(path).size() != o.size)
            return fail(Problem{path, 0, u"missing, not a plain file, or of the wrong size"_s, {}});
        if (sha256HexOfFile(path) != o.sha256)
            return fail(Problem{path, 0, u"does not match its SHA-256"_s, {}});
    }
    Result<std::shared_ptr<Pack>> pack = Pack::openDirectory(packDir);
    if (!pack)
        return fail(pack.problem());
    if (auto problem = checkPackDatabase(pack.value()->database().path()))
        return fail(*problem);
    QTextStream(stdout) << "good: " << m.packId << " version " << m.version << ", " << m.objects.size()
                        << " objects, signed by key " << verified->signedBy.idText() << '\n';
    return 0;
}

int runPublish(const QStringList &args)
{
    QStringList rest = args;
    const bool prune = rest.removeAll(u"--prune"_s) > 0;
    QStringList keyFiles;
    for (qsizetype i = 0; i < rest.size();) {
        if (rest[i] == u"--key" && i + 1 < rest.size()) {
            keyFiles.append(rest[i + 1]);
            rest.remove(i, 2);
        } else {
            ++i;
        }
    }
    if (rest.size() != 2 || keyFiles.isEmpty())
        return 2;
    const QString packDir = rest[0];
    Result<QList<MinisignPublicKey>> keys = loadPublicKeys(keyFiles);
    if (!keys)
        return fail(keys.problem());
    // Publish only what a kiosk will accept.
    Result<VerifiedManifest> verified = verifiedManifest(packDir, keys.value());
    if (!verified)
        return fail(verified.problem());
    const PackManifest &m = verified->manifest;
    if (!QDir().mkpath(rest[1]))
        return fail(Problem{rest[1], 0, u"cannot create the folder"_s, {}});
    // The folder the operator names may be a link they made; nothing inside it is
    // followed (others may write there: fs:: refuses links at every name it writes).
    const QString dest = QFileInfo(rest[1]).canonicalFilePath();
    const QString destObjects = QDir(dest).filePath(u"objects"_s);
    if (fs::entryKind(destObjects) == fs::EntryKind::Missing && !QDir().mkdir(destObjects))
        return fail(Problem{destObjects, 0, u"cannot create the folder"_s, {}});
    qint64 copied = 0;
    for (const PackObject &o : m.objects) {
        const QString from = QDir(packDir).filePath(u"objects/"_s + o.sha256);
        const bool present = fs::entryKind(QDir(destObjects).filePath(o.sha256)) == fs::EntryKind::File;
        if (auto problem = publishObject(o, from, destObjects))
            return fail(*problem);
        if (!present)
            copied += o.size;
    }
    QString error;
    if (!fs::syncDirectory(destObjects, &error))
        return fail(Problem{destObjects, 0, u"cannot sync: "_s + error, {}});

    // The order a kiosk can never catch half done, as far as two files can be switched:
    // a kiosk asks for manifest.json first, conditionally (If-None-Match, the ETag of the
    // manifest it last settled on), and for manifest.json.minisig only when the manifest
    // changed. So:
    // 1. every object first (above): a kiosk that sees the new manifest finds them all;
    // 2. the new signature and manifest written and fsynced under temporary names, so
    //    that nothing slow (writing, fsync on an SD card or NFS) happens between the two
    //    switches;
    // 3. the signature renamed into place, then at once the manifest. A kiosk settled on
    //    the old manifest is answered 304 until the manifest's rename, and by then the new
    //    signature is there. (The other order would hand it the new manifest with the old
    //    signature for as long as step 3 takes.)
    // What no order of two files can close: a kiosk that asks for the manifest without a
    // settled ETag (its first check, or the one after a failed check) and whose two
    // requests straddle step 3 gets the old manifest with the new signature. The window is
    // its own request's duration; the kiosk's Syncer fetches a pair that does not verify
    // once more a second later before refusing it (kiosk/sync/README.md, "Publishing").
    // The modification time is set before the rename: web servers derive the ETag from
    // size and modification time (to the second), two publishes within one second must
    // still differ, and the ETag must not change after kiosks saw the file.
    const QString destManifest = QDir(dest).filePath(u"manifest.json"_s);
    Result<std::optional<PackManifest>> previous = publishedManifest(dest);
    const QByteArray manifest = readFile(QDir(packDir).filePath(u"manifest.json"_s), PackManifest::kMaxBytes).value();
    const QByteArray signature =
        readFile(QDir(packDir).filePath(u"manifest.json.minisig"_s), MinisignSignature::kMaxFileBytes).value();
    qint64 modified = QDateTime::currentSecsSinceEpoch();
    if (fs::entryKind(destManifest) == fs::EntryKind::File)
        modified = std::max(modified, QFileInfo(destManifest).lastModified().toSecsSinceEpoch() + 1);
    Result<fs::PendingFile> pendingSignature =
        fs::PendingFile::write(dest, u"manifest.json.minisig"_s, signature, 0644);
    if (!pendingSignature)
        return fail(pendingSignature.problem());
    Result<fs::PendingFile> pendingManifest = fs::PendingFile::write(dest, u"manifest.json"_s, manifest, 0644, modified);
    if (!pendingManifest)
        return fail(pendingManifest.problem());
    if (auto problem = pendingSignature->commit())
        return fail(*problem);
    if (auto problem = pendingManifest->commit())
        return fail(*problem);
    if (!fs::syncDescriptor(pendingManifest->directory(), &error))
        return fail(Problem{dest, 0, u"cannot sync: "_s + error, {}});

    int pruned = 0;
    if (prune) {
        // Kiosks that fetched the manifest just replaced may still be downloading its
        // objects: those stay until the next publish with --prune.
        if (!previous) {
            errorStream() << previous.problem().toString() << " (nothing pruned: the objects of the version "
                          << "published before could not be known)" << Qt::endl;
        } else {
            QSet<QString> keep;
            for (const PackObject &o : m.objects)
                keep.insert(o.sha256);
            if (previous->has_value()) {
                for (const PackObject &o : previous->value().objects)
                    keep.insert(o.sha256);
            }
            pruned = pruneObjects(destObjects, keep);
        }
    }
    QTextStream(stdout) << "published " << m.packId << " version " << m.version << " to " << dest << ": " << copied
                        << " bytes of new objects" << (prune ? u", %1 old objects removed"_s.arg(pruned) : QString())
                        << '\n';
    return 0;
}

} // namespace passerelle::content
