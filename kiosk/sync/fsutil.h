#pragma once

// Small POSIX helpers for the store: durable writes (fsync of files and of the folders
// that name them), atomic replacement of symlinks, and opening files without following
// symlinks or blocking on devices. Linux is the only target, so this is plain POSIX.

#include "problem.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <optional>

#include <sys/types.h>

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

/**
 * Opens a folder for the *at() calls below. Refuses a symlink at its last component
 * (O_NOFOLLOW), so a folder someone swapped for a link cannot redirect what is written.
 */
[[nodiscard]] Result<FileDescriptor> openDirectory(const QString &path);

/**
 * Creates name in the folder dirFd for writing, exclusively: never an existing file, never
 * through a symlink (O_CREAT | O_EXCL | O_NOFOLLOW), whoever planted it. -1 and errno set on failure.
 */
[[nodiscard]] int createExclusively(int dirFd, const QByteArray &name, mode_t mode);

/**
 * A file written and fsynced under an exclusive temporary name beside its final name,
 * not yet visible there. commit() renames it over the final name; destroyed without
 * commit, the temporary file is removed. Lets a caller prepare several files and then
 * switch them with back-to-back renames (see passerelle-pack publish).
 */
class PendingFile
{
public:
    /**
     * Writes bytes with exactly mode (chmod'ed, so the process umask does not decide who
     * may read the file), and the modification time modifiedSecs when it is not 0.
     */
    static Result<PendingFile> write(const QString &dir, const QString &name, const QByteArray &bytes,
                                     mode_t mode = 0644, qint64 modifiedSecs = 0);
    PendingFile(PendingFile &&other) noexcept;
    PendingFile &operator=(PendingFile &&other) noexcept;
    PendingFile(const PendingFile &) = delete;
    PendingFile &operator=(const PendingFile &) = delete;
    ~PendingFile();

    /**
     * Renames the file over its final name. Refuses when the final name is a symlink, a
     * folder or anything but a regular file (the rename would not follow a link, but a
     * link there was planted by someone: say so rather than silently replace it).
     * The caller fsyncs the folder (syncDescriptor(directory())) once every file is in place.
     */
    [[nodiscard]] std::optional<Problem> commit();
    [[nodiscard]] int directory() const { return m_dir.get(); }
    [[nodiscard]] QString path() const;

private:
    PendingFile() = default;
    FileDescriptor m_dir;
    QString m_dirPath;
    QString m_name;
    QByteArray m_tempName;
    bool m_pending = false;
};

/**
 * Writes dir/name so that readers see the old bytes or the new ones, and never through a
 * symlink someone planted: the folder opened with O_NOFOLLOW, an exclusive temporary
 * file with a random name, write, fsync, rename over name (refused if name is a symlink or
 * not a regular file), fsync of the folder. The file gets exactly mode.
 */
[[nodiscard]] std::optional<Problem> writeFileAtomically(const QString &dir, const QString &name,
                                                         const QByteArray &bytes, mode_t mode = 0644);
/**
 * writeFileAtomically() of the folder and the name of path, for the store's and the tools'
 * own folders: links in the folder's path are resolved first (an administrator may have
 * made them); nothing inside the folder is followed.
 */
[[nodiscard]] std::optional<Problem> writeFileDurably(const QString &path, const QByteArray &data, mode_t mode = 0644);

/**
 * Points the symlink link at target atomically: a symlink under an exclusive random name
 * beside it (symlinkat never follows or replaces anything) renamed over it, then the
 * folder synced. Readers see the old target or the new one, never none. Whatever was at
 * link is replaced, never followed (a folder there makes it fail).
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
