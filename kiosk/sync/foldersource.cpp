#include "foldersource.h"

#include "minisign.h"
#include "objectwriter.h"
#include "packmanifest.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTimer>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcFolder, "passerelle.sync.folder")

namespace {

constexpr qint64 kChunk = 1024 * 1024;

Problem treeProblem(const QString &path, const QString &message)
{
    return Problem{path, 0, message, u"a pack folder holds only what passerelle-pack publish writes: copy it again"_s};
}

/** Names in a folder with their kind (lstat: symlinks are not followed). */
std::optional<Problem> listFolder(const QString &dir, QList<std::pair<QString, fs::EntryKind>> *out)
{
    DIR *d = ::opendir(fs::encode(dir).constData());
    if (!d)
        return Problem{dir, 0, u"cannot read the folder: "_s + fs::errorText(errno), u"is the USB stick still there?"_s};
    while (const dirent *entry = ::readdir(d)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        const QByteArray raw(entry->d_name);
        const QString name = QFile::decodeName(raw);
        if (QFile::encodeName(name) != raw) {
            ::closedir(d);
            return treeProblem(dir, u"a name in the folder is not valid text"_s);
        }
        out->append({name, fs::entryKind(dir + u'/' + name)});
    }
    ::closedir(d);
    return std::nullopt;
}

} // namespace

FolderSource::FolderSource(QString folder, QObject *parent)
    : PackSource(parent), m_folder(std::move(folder)), m_pump(new QTimer(this))
{
    m_pump->setInterval(0);
    connect(m_pump, &QTimer::timeout, this, &FolderSource::pump);
}

FolderSource::~FolderSource() { cancel(); }

std::optional<Problem> FolderSource::checkTree(const QString &folder)
{
    switch (fs::entryKind(folder)) {
    case fs::EntryKind::Directory:
        break;
    case fs::EntryKind::Missing:
        return Problem{folder, 0, u"the pack folder is not there"_s, u"is the USB stick plugged in and mounted?"_s};
    default:
        return treeProblem(folder, u"the pack folder is not a plain folder (a symlink?)"_s);
    }
    QList<std::pair<QString, fs::EntryKind>> top;
    if (auto problem = listFolder(folder, &top))
        return problem;
    bool hasObjects = false;
    for (const auto &[name, kind] : top) {
        const QString path = folder + u'/' + name;
        if (kind == fs::EntryKind::Symlink || kind == fs::EntryKind::Other)
            return treeProblem(path, u"is a symlink or a device, which a pack may not contain"_s);
        if (name == u"objects" && kind == fs::EntryKind::Directory) {
            hasObjects = true;
            continue;
        }
        if ((name == u"manifest.json" || name == u"manifest.json.minisig") && kind == fs::EntryKind::File)
            continue;
        if (name.startsWith(u'.') && kind == fs::EntryKind::File)
            continue;
        return treeProblem(path, u"is not part of a pack"_s);
    }
    if (!hasObjects)
        return treeProblem(folder + u"/objects"_s, u"the objects folder is missing"_s);
    QList<std::pair<QString, fs::EntryKind>> objects;
    if (auto problem = listFolder(folder + u"/objects"_s, &objects))
        return problem;
    for (const auto &[name, kind] : objects) {
        const QString path = folder + u"/objects/"_s + name;
        if (kind == fs::EntryKind::Symlink || kind == fs::EntryKind::Other)
            return treeProblem(path, u"is a symlink or a device, which a pack may not contain"_s);
        if (name.startsWith(u'.') && kind == fs::EntryKind::File)
            continue;
        if (kind != fs::EntryKind::File || !fs::isObjectName(name))
            return treeProblem(path, u"is not an object (a file named by 64 hex digits)"_s);
    }
    return std::nullopt;
}

void FolderSource::fetchManifest(ManifestCallback done)
{
    cancel();
    m_manifestDone = std::move(done);
    // Answer from the event loop, like a network source would.
    QTimer::singleShot(0, this, [this, generation = m_generation] {
        if (generation != m_generation)
            return; // cancelled meanwhile
        ManifestCallback done = std::move(m_manifestDone);
        m_manifestDone = nullptr;
        if (!done)
            return;
        ManifestFetch result;
        auto failWith = [&](SourceFailure::Kind kind, const Problem &problem) {
            result.status = ManifestFetch::Status::Failed;
            result.failure = {kind, problem};
            qCWarning(lcFolder).noquote() << problem.toString();
            done(result);
        };
        if (fs::entryKind(m_folder) == fs::EntryKind::Missing)
            return failWith(SourceFailure::Kind::Unavailable,
                            Problem{m_folder, 0, u"the pack folder is not there"_s, u"is the USB stick plugged in?"_s});
        if (auto problem = checkTree(m_folder))
            return failWith(SourceFailure::Kind::Rejected, *problem);
        Result<QByteArray> manifest = fs::readSmallFile(m_folder + u"/manifest.json"_s, PackManifest::kMaxBytes);
        if (!manifest)
            return failWith(SourceFailure::Kind::Rejected, manifest.problem());
        Result<QByteArray> signature =
            fs::readSmallFile(m_folder + u"/manifest.json.minisig"_s, MinisignSignature::kMaxFileBytes);
        if (!signature)
            return failWith(SourceFailure::Kind::Rejected, signature.problem());
        result.status = ManifestFetch::Status::Fetched;
        result.fetched = {manifest.value(), signature.value()};
        done(result);
    });
}

void FolderSource::fetchObject(ObjectWriter *writer, ObjectCallback done)
{
    cancel();
    m_writer = writer;
    m_objectDone = std::move(done);
    const QString path = m_folder + u"/objects/"_s + writer->object().sha256;
    qint64 size = 0;
    Result<fs::FileDescriptor> file = fs::openRegularFile(path, &size);
    if (!file) {
        const bool gone = fs::entryKind(m_folder) == fs::EntryKind::Missing || fs::entryKind(path) == fs::EntryKind::Missing;
        SourceFailure failure{gone ? SourceFailure::Kind::Unavailable : SourceFailure::Kind::Rejected, file.problem()};
        if (gone)
            failure.problem.hint = u"the USB stick was removed, or the pack on it is incomplete"_s;
        QTimer::singleShot(0, this, [this, failure, generation = m_generation] {
            if (generation == m_generation)
                finishObject(failure);
        });
        return;
    }
    m_file = std::move(file.value());
    m_pump->start();
}

void FolderSource::pump()
{
    if (!m_writer || !m_file.isValid()) {
        m_pump->stop();
        return;
    }
    // One byte more than the object may still take, to notice a file that is too long.
    QByteArray buffer(std::min(kChunk, m_writer->remaining() + 1), Qt::Uninitialized);
    ssize_t n;
    do {
        n = ::read(m_file.get(), buffer.data(), size_t(buffer.size()));
    } while (n < 0 && errno == EINTR);
    const QString path = m_folder + u"/objects/"_s + m_writer->object().sha256;
    if (n < 0) {
        finishObject(SourceFailure{SourceFailure::Kind::Unavailable,
                                   Problem{path, 0, u"cannot read: "_s + fs::errorText(errno),
                                           u"the USB stick was removed or is failing"_s}});
        return;
    }
    if (n == 0) {
        if (m_writer->remaining() == 0) {
            finishObject(std::nullopt);
        } else {
            const bool gone = fs::entryKind(m_folder) == fs::EntryKind::Missing;
            finishObject(SourceFailure{gone ? SourceFailure::Kind::Unavailable : SourceFailure::Kind::Rejected,
                                       Problem{path, 0,
                                               u"the file ends after %1 of the %2 bytes declared"_s.arg(m_writer->written())
                                                   .arg(m_writer->object().size),
                                               gone ? u"the USB stick was removed"_s : u"the copy on the stick is incomplete"_s}});
        }
        return;
    }
    if (n > m_writer->remaining()) {
        finishObject(SourceFailure{SourceFailure::Kind::Rejected,
                                   Problem{path, 0,
                                           u"the file is longer than the %1 bytes the manifest declares; cut there"_s.arg(
                                               m_writer->object().size),
                                           u"this is not the signed object"_s}});
        return;
    }
    if (auto problem = m_writer->write(buffer.constData(), n)) {
        finishObject(SourceFailure{SourceFailure::Kind::Local, *problem});
        return;
    }
    Q_EMIT bytesReceived(n);
}

void FolderSource::finishObject(std::optional<SourceFailure> failure)
{
    m_pump->stop();
    m_file.close();
    ObjectCallback done = std::move(m_objectDone);
    m_objectDone = nullptr;
    m_writer = nullptr;
    if (failure)
        qCWarning(lcFolder).noquote() << failure->problem.toString();
    if (done)
        done(failure);
}

void FolderSource::cancel()
{
    ++m_generation;
    m_pump->stop();
    m_file.close();
    m_manifestDone = nullptr;
    m_objectDone = nullptr;
    m_writer = nullptr;
}

} // namespace passerelle::sync
