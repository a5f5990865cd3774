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

QString temporaryName(const QString &path)
{
    const QFileInfo info(path);
    return info.dir().filePath(u".%1.tmp-%2"_s.arg(info.fileName()).arg(QRandomGenerator::global()->generate(), 8, 16,
                                                                         QLatin1Char('0')));
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

} // namespace

std::optional<Problem> writeFileDurably(const QString &path, const QByteArray &data)
{
    const QString temp = temporaryName(path);
    auto fail = [&](const QString &what) {
        const int err = errno;
        ::unlink(encode(temp).constData());
        return Problem{path, 0, u"%1: %2"_s.arg(what, errorText(err)), u"check the disk (space, permissions)"_s};
    };
    FileDescriptor fd(::open(encode(temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644));
    if (!fd.isValid())
        return fail(u"cannot create a temporary file"_s);
    if (!writeAll(fd.get(), data.constData(), data.size()))
        return fail(u"cannot write"_s);
    if (::fsync(fd.get()) != 0)
        return fail(u"cannot sync"_s);
    fd.close();
    if (::rename(encode(temp).constData(), encode(path).constData()) != 0)
        return fail(u"cannot rename into place"_s);
    QString error;
    if (!syncDirectory(QFileInfo(path).absolutePath(), &error))
        return Problem{path, 0, u"cannot sync the folder: "_s + error, {}};
    return std::nullopt;
}

std::optional<Problem> replaceSymlink(const QString &link, const QString &target)
{
    const QString temp = temporaryName(link);
    if (::symlink(encode(target).constData(), encode(temp).constData()) != 0) {
        return Problem{link, 0, u"cannot create a symlink: "_s + errorText(errno), u"check the disk"_s};
    }
    if (::rename(encode(temp).constData(), encode(link).constData()) != 0) {
        const int err = errno;
        ::unlink(encode(temp).constData());
        return Problem{link, 0, u"cannot switch the symlink: "_s + errorText(err), u"check the disk"_s};
    }
    QString error;
    if (!syncDirectory(QFileInfo(link).absolutePath(), &error))
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

bool removeTree(const QString &path)
{
    const QByteArray name = encode(path);
    struct stat st;
    if (::lstat(name.constData(), &st) != 0)
        return errno == ENOENT;
    if (!S_ISDIR(st.st_mode))
        return ::unlink(name.constData()) == 0 || errno == ENOENT;
    DIR *dir = ::opendir(name.constData());
    if (!dir)
        return false;
    bool ok = true;
    while (const dirent *entry = ::readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        ok = removeTree(path + u'/' + QFile::decodeName(entry->d_name)) && ok;
    }
    ::closedir(dir);
    return ::rmdir(name.constData()) == 0 && ok;
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
