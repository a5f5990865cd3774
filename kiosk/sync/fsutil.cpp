#include "fsutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace passerelle::sync::fs {

using namespace Qt::StringLiterals;

FileDescriptor &FileDescriptor::operator=(FileDescriptor &&other) noexcept
{
    if (this != &other) {
        close();
        m_fd = other.release();
    }
    return *this;
}

FileDescriptor::~FileDescriptor() { close(); }

int FileDescriptor::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

void FileDescriptor::close()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

QByteArray encode(const QString &path) { return QFile::encodeName(path); }

QString errorText(int err) { return QString::fromLocal8Bit(std::strerror(err)); }

EntryKind entryKind(const QString &path)
{
    struct stat st;
    if (::lstat(encode(path).constData(), &st) != 0)
        return EntryKind::Missing;
    if (S_ISLNK(st.st_mode))
        return EntryKind::Symlink;
    if (S_ISREG(st.st_mode))
        return EntryKind::File;
    if (S_ISDIR(st.st_mode))
        return EntryKind::Directory;
    return EntryKind::Other;
}

bool isObjectName(QStringView name)
{
    if (name.size() != 64)
        return false;
    for (QChar c : name) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return true;
}

bool syncDescriptor(int fd, QString *error)
{
    if (::fsync(fd) == 0)
        return true;
    if (error)
        *error = errorText(errno);
    return false;
}

bool syncDirectory(const QString &dir, QString *error)
{
    FileDescriptor fd(::open(encode(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!fd.isValid()) {
        if (error)
            *error = errorText(errno);
        return false;
    }
    return syncDescriptor(fd.get(), error);
}

namespace {

/** How many random temporary names to try before giving up (each collision is a planted file or a race). */
constexpr int kNameAttempts = 16;

/**
 * A hidden temporary name beside name: ".name.tmp-" and 64 random bits from the system's
 * generator, so nobody can guess it in advance and plant something there.
 */
QByteArray temporaryName(const QString &name)
{
    return encode(u"."_s + name + u".tmp-"_s
                  + u"%1"_s.arg(QRandomGenerator::system()->generate64(), 16, 16, QLatin1Char('0')));
}

bool writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        data += n;
        size -= n;
    }
    return true;
}

/** A single file name: no folder part, not "." or "..". */
bool isPlainName(const QString &name)
{
    return !name.isEmpty() && !name.contains(u'/') && name != u"."_s && name != u".."_s;
}

QString describe(mode_t mode)
{
    if (S_ISLNK(mode))
        return u"a symlink"_s;
    if (S_ISDIR(mode))
        return u"a folder"_s;
    return u"not a regular file"_s;
}

} // namespace

Result<FileDescriptor> openDirectory(const QString &path)
{
    FileDescriptor fd(::open(encode(path).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (fd.isValid())
        return fd;
    const int err = errno;
    if (err == ELOOP || (err == ENOTDIR && entryKind(path) == EntryKind::Symlink))
        return Problem{path, 0, u"is a symlink, not a folder: nothing is written through it"_s,
                       u"remove the link (someone may have planted it) or name the real folder"_s};
    return Problem{path, 0, u"cannot open the folder: "_s + errorText(err), u"check that it exists and may be written"_s};
}

int createExclusively(int dirFd, const QByteArray &name, mode_t mode)
{
    return ::openat(dirFd, name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode);
}

PendingFile::PendingFile(PendingFile &&other) noexcept
    : m_dir(std::move(other.m_dir)),
      m_dirPath(std::move(other.m_dirPath)),
      m_name(std::move(other.m_name)),
      m_tempName(std::move(other.m_tempName)),
      m_pending(std::exchange(other.m_pending, false))
{
}

PendingFile &PendingFile::operator=(PendingFile &&other) noexcept
{
    if (this != &other) {
        if (m_pending)
            ::unlinkat(m_dir.get(), m_tempName.constData(), 0);
        m_dir = std::move(other.m_dir);
        m_dirPath = std::move(other.m_dirPath);
        m_name = std::move(other.m_name);
        m_tempName = std::move(other.m_tempName);
        m_pending = std::exchange(other.m_pending, false);
    }
    return *this;
}

PendingFile::~PendingFile()
{
    if (m_pending)
        ::unlinkat(m_dir.get(), m_tempName.constData(), 0);
}

QString PendingFile::path() const { return QDir(m_dirPath).filePath(m_name); }

Result<PendingFile> PendingFile::write(const QString &dir, const QString &name, const QByteArray &bytes, mode_t mode,
                                       qint64 modifiedSecs)
{
    const QString path = QDir(dir).filePath(name);
    if (!isPlainName(name))
        return Problem{path, 0, u"not a plain file name"_s, {}};
    Result<FileDescriptor> dirFd = openDirectory(dir);
    if (!dirFd)
        return dirFd.problem();
    PendingFile file;
    file.m_dir = std::move(dirFd.value());
    file.m_dirPath = dir;
    file.m_name = name;
    FileDescriptor fd;
    for (int attempt = 0; attempt < kNameAttempts && !fd.isValid(); ++attempt) {
        file.m_tempName = temporaryName(name);
        fd = FileDescriptor(createExclusively(file.m_dir.get(), file.m_tempName, mode));
        if (!fd.isValid() && errno != EEXIST)
            break;
    }
    if (!fd.isValid()) {
        const int err = errno;
        return Problem{path, 0, u"cannot create a temporary file beside it: "_s + errorText(err),
                       err == ENOSPC || err == EDQUOT ? u"the disk is full"_s : u"check the disk (space, permissions)"_s};
    }
    file.m_pending = true;
    auto fail = [&](const QString &what) {
        const int err = errno;
        return Problem{path, 0, u"%1: %2"_s.arg(what, errorText(err)),
                       err == ENOSPC || err == EDQUOT ? u"the disk is full"_s : u"check the disk (space, permissions)"_s};
    };
    // FAT and exFAT (USB sticks) keep no modes and may refuse a chmod: that is no failure.
    if (::fchmod(fd.get(), mode) != 0 && errno != EPERM && errno != ENOTSUP)
        return fail(u"cannot set its permissions"_s);
    if (!writeAll(fd.get(), bytes.constData(), bytes.size()))
        return fail(u"cannot write"_s);
    if (modifiedSecs > 0) {
        const timespec times[2] = {{0, UTIME_OMIT}, {time_t(modifiedSecs), 0}};
        if (::futimens(fd.get(), times) != 0)
            return fail(u"cannot set its modification time"_s);
    }
    if (::fsync(fd.get()) != 0)
        return fail(u"cannot sync"_s);
    if (::close(fd.release()) != 0)
        return fail(u"cannot write"_s);
    return file;
}

std::optional<Problem> PendingFile::commit()
{
    const QString final = path();
    if (!m_pending)
        return Problem{final, 0, u"nothing to commit"_s, {}};
    const QByteArray name = encode(m_name);
    struct stat st;
    if (::fstatat(m_dir.get(), name.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && !S_ISREG(st.st_mode))
        return Problem{final, 0, u"is %1: it was neither followed nor replaced"_s.arg(describe(st.st_mode)),
                       u"remove it (someone may have planted it), then try again"_s};
    if (::renameat(m_dir.get(), m_tempName.constData(), m_dir.get(), name.constData()) != 0)
        return Problem{final, 0, u"cannot rename into place: "_s + errorText(errno), u"check the disk"_s};
    m_pending = false;
    return std::nullopt;
}

std::optional<Problem> writeFileAtomically(const QString &dir, const QString &name, const QByteArray &bytes, mode_t mode)
{
    Result<PendingFile> file = PendingFile::write(dir, name, bytes, mode);
    if (!file)
        return file.problem();
    if (auto problem = file->commit())
        return problem;
    QString error;
    if (!syncDescriptor(file->directory(), &error))
        return Problem{dir, 0, u"cannot sync the folder: "_s + error, u"check the disk"_s};
    return std::nullopt;
}

namespace {

/**
 * The folder of path with the links in it resolved: the store's and the tools' own
 * folders may be links an administrator made (systemd's DynamicUser= makes
 * /var/lib/<name> one). Missing: the folder as written, for the error that follows.
 */
QString resolvedFolder(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QString resolved = QFileInfo(folder).canonicalFilePath();
    return resolved.isEmpty() ? folder : resolved;
}

} // namespace

std::optional<Problem> writeFileDurably(const QString &path, const QByteArray &data, mode_t mode)
{
    return writeFileAtomically(resolvedFolder(path), QFileInfo(path).fileName(), data, mode);
}

std::optional<Problem> replaceSymlink(const QString &link, const QString &target)
{
    const QString name = QFileInfo(link).fileName();
    Result<FileDescriptor> dir = openDirectory(resolvedFolder(link));
    if (!dir)
        return dir.problem();
    const QByteArray linkName = encode(name);
    QByteArray temp;
    int result = -1;
    for (int attempt = 0; attempt < kNameAttempts && result != 0; ++attempt) {
        temp = temporaryName(name);
        result = ::symlinkat(encode(target).constData(), dir->get(), temp.constData());
        if (result != 0 && errno != EEXIST)
            break;
    }
    if (result != 0)
        return Problem{link, 0, u"cannot create a symlink: "_s + errorText(errno), u"check the disk"_s};
    if (::renameat(dir->get(), temp.constData(), dir->get(), linkName.constData()) != 0) {
        const int err = errno;
        ::unlinkat(dir->get(), temp.constData(), 0);
        return Problem{link, 0, u"cannot switch the symlink: "_s + errorText(err), u"check the disk"_s};
    }
    QString error;
    if (!syncDescriptor(dir->get(), &error))
        return Problem{link, 0, u"cannot sync the folder: "_s + error, {}};
    return std::nullopt;
}

QString readSymlink(const QString &path)
{
    char buffer[4096];
    const ssize_t n = ::readlink(encode(path).constData(), buffer, sizeof buffer - 1);
    if (n <= 0)
        return {};
    return QFile::decodeName(QByteArray(buffer, qsizetype(n)));
}

namespace {

/**
 * Removes name in the folder parentFd, and if it is a folder everything in it, through
 * descriptors only: a folder swapped for a link while we work is unlinked, never entered.
 */
bool removeAt(int parentFd, const char *name)
{
    if (::unlinkat(parentFd, name, 0) == 0 || errno == ENOENT)
        return true;
    if (errno != EISDIR)
        return false;
    const int fd = ::openat(parentFd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return errno == ENOTDIR || errno == ELOOP ? ::unlinkat(parentFd, name, 0) == 0 : false;
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return false;
    }
    bool ok = true;
    while (const dirent *entry = ::readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        ok = removeAt(::dirfd(dir), entry->d_name) && ok;
    }
    ::closedir(dir);
    return (::unlinkat(parentFd, name, AT_REMOVEDIR) == 0 || errno == ENOENT) && ok;
}

} // namespace

bool removeTree(const QString &path)
{
    const QFileInfo info(QDir::cleanPath(path));
    FileDescriptor parent(::open(encode(info.absolutePath()).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!parent.isValid())
        return errno == ENOENT;
    return removeAt(parent.get(), encode(info.fileName()).constData());
}

Result<FileDescriptor> openRegularFile(const QString &path, qint64 *size)
{
    // O_NONBLOCK: opening a FIFO must not hang the sync; it is refused just below.
    FileDescriptor fd(::open(encode(path).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (!fd.isValid()) {
        const int err = errno;
        if (err == ELOOP)
            return Problem{path, 0, u"is a symlink, which a pack may not contain"_s, u"copy the pack again with passerelle-pack publish"_s};
        return Problem{path, 0, u"cannot open: "_s + errorText(err), {}};
    }
    struct stat st;
    if (::fstat(fd.get(), &st) != 0)
        return Problem{path, 0, u"cannot read its status: "_s + errorText(errno), {}};
    if (!S_ISREG(st.st_mode))
        return Problem{path, 0, u"is not a regular file (a device, FIFO or socket), which a pack may not contain"_s,
                       u"copy the pack again with passerelle-pack publish"_s};
    // Back to blocking reads for a regular file.
    const int flags = ::fcntl(fd.get(), F_GETFL);
    if (flags >= 0)
        ::fcntl(fd.get(), F_SETFL, flags & ~O_NONBLOCK);
    if (size)
        *size = qint64(st.st_size);
    return fd;
}

Result<QByteArray> readSmallFile(const QString &path, qint64 maxBytes)
{
    qint64 size = 0;
    Result<FileDescriptor> fd = openRegularFile(path, &size);
    if (!fd)
        return fd.problem();
    if (size > maxBytes)
        return Problem{path, 0, u"is larger than the %1 bytes allowed"_s.arg(maxBytes), {}};
    QByteArray data(size + 1, Qt::Uninitialized);
    qint64 total = 0;
    // Read one byte more than allowed, in case the file grows while we read.
    while (total < data.size()) {
        const ssize_t n = ::read(fd->get(), data.data() + total, size_t(data.size() - total));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return Problem{path, 0, u"cannot read: "_s + errorText(errno), {}};
        }
        if (n == 0)
            break;
        total += n;
    }
    if (total > maxBytes)
        return Problem{path, 0, u"is larger than the %1 bytes allowed"_s.arg(maxBytes), {}};
    data.truncate(total);
    return data;
}

} // namespace passerelle::sync::fs
