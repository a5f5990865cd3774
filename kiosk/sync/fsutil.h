#pragma once

// Small POSIX helpers for the store: durable writes (fsync of files and of the folders
// that name them), atomic replacement of symlinks, and opening files without following
// symlinks or blocking on devices. Linux is the only target, so this is plain POSIX.

#include "problem.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

namespace passerelle::sync::fs {

/** An owned file descriptor, closed on destruction. */
class FileDescriptor
{
public:
    FileDescriptor() = default;
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    FileDescriptor(FileDescriptor &&other) noexcept : m_fd(other.release()) {}
    FileDescriptor &operator=(FileDescriptor &&other) noexcept;
    FileDescriptor(const FileDescriptor &) = delete;
    FileDescriptor &operator=(const FileDescriptor &) = delete;
    ~FileDescriptor();

    [[nodiscard]] int get() const { return m_fd; }
    [[nodiscard]] bool isValid() const { return m_fd >= 0; }
    int release();
    void close();

private:
    int m_fd = -1;
};

/** What is at a path, without following a symlink there. */
enum class EntryKind { Missing, File, Directory, Symlink, Other };
[[nodiscard]] EntryKind entryKind(const QString &path);

/** strerror(err) as a QString. */
[[nodiscard]] QString errorText(int err);
/** The bytes of a path for system calls. */
[[nodiscard]] QByteArray encode(const QString &path);

/** True for a store object name: 64 lower-case hex digits and nothing else. */
[[nodiscard]] bool isObjectName(QStringView name);

/** fsync of an open descriptor; false and *error set on failure. */
bool syncDescriptor(int fd, QString *error);
/** fsync of a folder, so that renames and new names in it survive a power cut. */
bool syncDirectory(const QString &dir, QString *error);

/** Writes a whole file durably: temporary file beside it, fsync, rename, fsync of the folder. */
[[nodiscard]] std::optional<Problem> writeFileDurably(const QString &path, const QByteArray &data);

/**
 * Points the symlink link at target atomically: a temporary symlink beside it renamed
 * over it, then the folder synced. Readers see the old target or the new one, never none.
 */
[[nodiscard]] std::optional<Problem> replaceSymlink(const QString &link, const QString &target);
/** The target of a symlink as written; empty when path is not a symlink. */
[[nodiscard]] QString readSymlink(const QString &path);

/** Removes a file, or a folder and everything in it, never following symlinks. */
bool removeTree(const QString &path);

/**
 * Opens a regular file for reading. Refuses symlinks (O_NOFOLLOW), devices, FIFOs and
 * sockets (checked on the open descriptor, so nothing can be swapped in between).
 * On success *size is the file's size.
 */
[[nodiscard]] Result<FileDescriptor> openRegularFile(const QString &path, qint64 *size);

/** Reads at most maxBytes of a regular file opened as above; an error if it is larger. */
[[nodiscard]] Result<QByteArray> readSmallFile(const QString &path, qint64 maxBytes);

} // namespace passerelle::sync::fs
