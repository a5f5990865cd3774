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
#include <QTextStream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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
    if (!force && QFileInfo::exists(path))
        return Problem{path, 0, u"already exists"_s, u"add --force to replace it"_s};
    const int fd = ::open(fs::encode(path).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return Problem{path, 0, u"cannot write: "_s + fs::errorText(errno), {}};
    fs::FileDescriptor owned(fd);
    ::fchmod(fd, 0600);
    qint64 done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, size_t(data.size() - done));
        if (n <= 0)
            return Problem{path, 0, u"cannot write: "_s + fs::errorText(errno), {}};
        done += n;
    }
    QString error;
    if (!fs::syncDescriptor(fd, &error))
        return Problem{path, 0, u"cannot sync: "_s + error, {}};
    return std::nullopt;
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
    return fs::writeFileDurably(target, bytes.value());
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
    const QString dest = rest[1];
    Result<QList<MinisignPublicKey>> keys = loadPublicKeys(keyFiles);
    if (!keys)
        return fail(keys.problem());
    // Publish only what a kiosk will accept.
    Result<VerifiedManifest> verified = verifiedManifest(packDir, keys.value());
    if (!verified)
        return fail(verified.problem());
    const PackManifest &m = verified->manifest;
    const QString destObjects = QDir(dest).filePath(u"objects"_s);
    if (!QDir().mkpath(destObjects))
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
    // The manifest last, once every object it names is in place: a kiosk never sees a
    // manifest whose objects are missing.
    const QByteArray manifest = readFile(QDir(packDir).filePath(u"manifest.json"_s), PackManifest::kMaxBytes).value();
    const QByteArray signature =
        readFile(QDir(packDir).filePath(u"manifest.json.minisig"_s), MinisignSignature::kMaxFileBytes).value();
    const QString destManifest = QDir(dest).filePath(u"manifest.json"_s);
    const QDateTime previous = QFileInfo(destManifest).lastModified();
    if (auto problem = fs::writeFileDurably(QDir(dest).filePath(u"manifest.json.minisig"_s), signature))
        return fail(*problem);
    if (auto problem = fs::writeFileDurably(destManifest, manifest))
        return fail(*problem);
    // Web servers derive the ETag from size and modification time (to the second); two
    // publishes within one second must still differ, or kiosks would be told "unchanged".
    if (previous.isValid() && QFileInfo(destManifest).lastModified().toSecsSinceEpoch() <= previous.toSecsSinceEpoch()) {
        QFile file(destManifest);
        if (file.open(QIODevice::ReadWrite))
            file.setFileTime(previous.addSecs(1), QFileDevice::FileModificationTime);
    }
    int pruned = 0;
    if (prune) {
        QSet<QString> keep;
        for (const PackObject &o : m.objects)
            keep.insert(o.sha256);
        for (const QString &name : QDir(destObjects).entryList(QDir::Files | QDir::Hidden | QDir::System)) {
            if (!keep.contains(name) && QFile::remove(QDir(destObjects).filePath(name)))
                ++pruned;
        }
    }
    QTextStream(stdout) << "published " << m.packId << " version " << m.version << " to " << dest << ": " << copied
                        << " bytes of new objects" << (prune ? u", %1 old objects removed"_s.arg(pruned) : QString())
                        << '\n';
    return 0;
}

} // namespace passerelle::content
