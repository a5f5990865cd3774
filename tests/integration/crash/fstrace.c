// fstrace: an LD_PRELOAD shim that records what a process does to the files under one
// folder, in enough detail to replay it (tst_crashstates turns the record into the states
// a power cut can leave). Only successful calls are recorded, after they return.
//
//   CRASH_ROOT=/abs/dir   the folder to watch (its real path)
//   CRASH_TRACE=file      the record, one operation a line, tab-separated; the bytes of
//                         writes go to file.data, the line gives their offset there
//   CRASH_SKIP_FSYNC=s;t  fsync/fdatasync calls whose stack starts with one of these
//                         (return addresses "module+0xoffset,..." from the caller out,
//                         as recorded) do nothing and return 0: the mutation proof's
//                         way of removing one fsync call site
//
// Lines: create PATH INO | tmpfile INO | linkino PATH INO | trunc INO SIZE |
// write INO OFFSET LENGTH DATAOFFSET | mkdir PATH INO | symlink PATH INO TARGET |
// link OLD NEW | rename OLD NEW | unlink PATH | rmdir PATH | fsync INO STACK |
// fdatasync INO STACK | skipped-fsync INO STACK | sync.
// PATHs are relative to CRASH_ROOT ("." for itself); INO is the real inode number.
//
// What the store's writers call (strace, Debian 12, glibc 2.36, Qt 6.4): passerelle-sync
// openat(O_CREAT|O_EXCL), write, fsync, rename, mkdir, symlink, unlink, rmdir; the first-pack
// install's QFile::copy openat(O_TMPFILE), ioctl(FICLONE) (refused on ext4), sendfile,
// fdatasync, linkat(/proc/self/fd/N), rename. The other wrappers (pwrite, ftruncate,
// renameat2, copy_file_range, ...) cover what other paths or Qt versions use.
// Descriptors are not tracked: each call on one looks its path up in /proc/self/fd, so
// dup/close need no wrapping. Calls made inside glibc (fopen, mkstemp) do not pass
// through here; the test replays the whole record and compares it with the real tree,
// so a missed call fails the test.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/fs.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#define EXPORT __attribute__((visibility("default")))

static pthread_mutex_t g_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static int g_ready;
static char g_root[PATH_MAX];
static size_t g_rootLength;
static int g_trace = -1, g_data = -1;
static off_t g_dataOffset;
static char *g_skip;
static __thread int t_inside; // our own calls (realpath, lstat...) are not recorded

#define REAL(name) ((__typeof__(&name))real_symbol(#name))
static void *real_symbol(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) {
        static const char msg[] = "fstrace: a libc symbol is missing\n";
        syscall(SYS_write, 2, msg, sizeof msg - 1);
        abort();
    }
    return f;
}

static void raw_write_all(int fd, const void *data, size_t size)
{
    const char *p = data;
    while (size > 0) {
        ssize_t n = syscall(SYS_write, fd, p, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            abort(); // a record with a hole would replay wrong
        }
        p += n;
        size -= (size_t)n;
    }
}

static void init(void)
{
    if (g_ready)
        return;
    g_ready = -1;
    const char *root = getenv("CRASH_ROOT"), *trace = getenv("CRASH_TRACE");
    if (!root || !trace || strlen(root) >= sizeof g_root - 1)
        return;
    strcpy(g_root, root);
    g_rootLength = strlen(g_root);
    char dataPath[PATH_MAX];
    snprintf(dataPath, sizeof dataPath, "%s.data", trace);
    g_trace = (int)syscall(SYS_openat, AT_FDCWD, trace, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    g_data = (int)syscall(SYS_openat, AT_FDCWD, dataPath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (g_trace < 0 || g_data < 0)
        abort();
    struct stat st;
    g_dataOffset = fstat(g_data, &st) == 0 ? st.st_size : 0;
    const char *skip = getenv("CRASH_SKIP_FSYNC");
    if (skip && *skip)
        g_skip = strdup(skip);
    g_ready = 1;
}

/** Enters the shim: 1 when this call should be looked at (not nested, shim configured). */
static int enter(void)
{
    if (t_inside)
        return 0;
    pthread_mutex_lock(&g_lock);
    init();
    if (g_ready != 1) {
        pthread_mutex_unlock(&g_lock);
        return 0;
    }
    t_inside = 1;
    return 1;
}

static void leave(void)
{
    t_inside = 0;
    pthread_mutex_unlock(&g_lock);
}

/** The path relative to the root, or NULL when absolute is not under it. */
static const char *relative(const char *absolute)
{
    if (strncmp(absolute, g_root, g_rootLength) != 0)
        return NULL;
    if (absolute[g_rootLength] == '\0')
        return ".";
    if (absolute[g_rootLength] != '/')
        return NULL;
    return absolute + g_rootLength + 1;
}

/**
 * The absolute path a (dirfd, path) pair names, its parent resolved with realpath and its
 * last component kept as written (not followed). Empty on failure.
 */
static void resolve(int dirfd, const char *path, char *out)
{
    out[0] = '\0';
    char joined[PATH_MAX * 2];
    if (path[0] == '/') {
        snprintf(joined, sizeof joined, "%s", path);
    } else {
        char base[PATH_MAX];
        if (dirfd == AT_FDCWD) {
            if (!getcwd(base, sizeof base))
                return;
        } else {
            char link[64];
            snprintf(link, sizeof link, "/proc/self/fd/%d", dirfd);
            ssize_t n = readlink(link, base, sizeof base - 1);
            if (n <= 0)
                return;
            base[n] = '\0';
        }
        snprintf(joined, sizeof joined, "%s/%s", base, path);
    }
    size_t length = strlen(joined);
    while (length > 1 && joined[length - 1] == '/')
        joined[--length] = '\0';
    char *slash = strrchr(joined, '/');
    const char *last = slash + 1;
    if (strcmp(last, ".") == 0 || strcmp(last, "..") == 0 || *last == '\0') {
        if (!realpath(joined, out))
            out[0] = '\0';
        return;
    }
    char parent[PATH_MAX];
    *slash = '\0';
    if (!realpath(joined[0] ? joined : "/", parent))
        return;
    if (strlen(parent) + strlen(last) + 2 > PATH_MAX)
        return;
    strcpy(out, strcmp(parent, "/") == 0 ? "" : parent);
    strcat(out, "/");
    strcat(out, last);
}

/** The inode and path (relative to the root) of an open descriptor; 0 when not under the root. */
static ino_t descriptor(int fd, char *path)
{
    char link[64], target[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    ssize_t n = readlink(link, target, sizeof target - 1);
    if (n <= 0)
        return 0;
    target[n] = '\0';
    const char *rel = relative(target);
    struct stat st;
    if (!rel || fstat(fd, &st) != 0)
        return 0;
    if (path)
        snprintf(path, PATH_MAX, "%s", rel);
    return st.st_ino;
}

static void record(const char *format, ...)
{
    char line[PATH_MAX * 3];
    va_list ap;
    va_start(ap, format);
    int n = vsnprintf(line, sizeof line - 1, format, ap);
    va_end(ap);
    if (n < 0 || n >= (int)sizeof line - 1)
        abort();
    line[n] = '\n';
    raw_write_all(g_trace, line, (size_t)n + 1);
}

static void recordData(ino_t ino, off_t offset, const void *data, size_t length)
{
    record("write\t%lu\t%lld\t%zu\t%lld", (unsigned long)ino, (long long)offset, length, (long long)g_dataOffset);
    raw_write_all(g_data, data, length);
    g_dataOffset += (off_t)length;
}

/** Records bytes that arrived in fd by another way (copy_file_range, sendfile, FICLONE): read from source. */
static void recordCopied(ino_t ino, off_t offset, int source, off_t sourceOffset, size_t length)
{
    char *buffer = malloc(length ? length : 1);
    size_t done = 0;
    while (done < length) {
        ssize_t n = pread(source, buffer + done, length - done, sourceOffset + (off_t)done);
        if (n <= 0)
            abort();
        done += (size_t)n;
    }
    recordData(ino, offset, buffer, length);
    free(buffer);
}

static void recordCreate(const char *absolute, int existedBefore)
{
    const char *rel = relative(absolute);
    struct stat st;
    if (!rel || lstat(absolute, &st) != 0)
        return;
    if (!existedBefore)
        record("create\t%s\t%lu", rel, (unsigned long)st.st_ino);
}


// ---- opening -------------------------------------------------------------------------

struct Opening
{
    char absolute[PATH_MAX];
    int existed;
    struct stat before;
};

static void openBefore(struct Opening *o, int dirfd, const char *path)
{
    resolve(dirfd, path, o->absolute);
    o->existed = o->absolute[0] && lstat(o->absolute, &o->before) == 0;
}

static void openAfter(const struct Opening *o, int fd, int flags)
{
    if (fd < 0 || !o->absolute[0] || !relative(o->absolute))
        return;
    if ((flags & __O_TMPFILE) == __O_TMPFILE) {
        // A file without a name (QFile::copy's QTemporaryFile), named later by linkat.
        struct stat st;
        if (fstat(fd, &st) == 0)
            record("tmpfile\t%lu", (unsigned long)st.st_ino);
        return;
    }
    if ((flags & O_CREAT))
        recordCreate(o->absolute, o->existed);
    if ((flags & O_TRUNC) && (flags & O_ACCMODE) != O_RDONLY && o->existed && S_ISREG(o->before.st_mode)
        && o->before.st_size > 0)
        record("trunc\t%lu\t0", (unsigned long)o->before.st_ino);
}

#define MODE_ARG()                                                                                    \
    mode_t mode = 0;                                                                                  \
    if (flags & (O_CREAT | __O_TMPFILE)) {                                                            \
        va_list ap;                                                                                   \
        va_start(ap, flags);                                                                          \
        mode = va_arg(ap, mode_t);                                                                    \
        va_end(ap);                                                                                   \
    }

// Every wrapper: the real call inside the shim's lock, so the record keeps the order of
// the calls; errno as the real call left it.
#define TRACED(type, realCall, before, after)                                                        \
    if (!enter())                                                                                     \
        return realCall;                                                                              \
    before;                                                                                           \
    type result = realCall;                                                                           \
    const int saved = errno;                                                                          \
    after;                                                                                            \
    leave();                                                                                          \
    errno = saved;                                                                                    \
    return result;

EXPORT int open(const char *path, int flags, ...)
{
    MODE_ARG();
    struct Opening o;
    TRACED(int, REAL(open)(path, flags, mode), openBefore(&o, AT_FDCWD, path), openAfter(&o, result, flags))
}

EXPORT int open64(const char *path, int flags, ...)
{
    MODE_ARG();
    struct Opening o;
    TRACED(int, REAL(open64)(path, flags, mode), openBefore(&o, AT_FDCWD, path), openAfter(&o, result, flags))
}

EXPORT int openat(int dirfd, const char *path, int flags, ...)
{
    MODE_ARG();
    struct Opening o;
    TRACED(int, REAL(openat)(dirfd, path, flags, mode), openBefore(&o, dirfd, path), openAfter(&o, result, flags))
}

EXPORT int openat64(int dirfd, const char *path, int flags, ...)
{
    MODE_ARG();
    struct Opening o;
    TRACED(int, REAL(openat64)(dirfd, path, flags, mode), openBefore(&o, dirfd, path), openAfter(&o, result, flags))
}

// The fortified entries (_FORTIFY_SOURCE, flags unknown at compile time) take no mode.
EXPORT int __open_2(const char *path, int flags)
{
    struct Opening o;
    TRACED(int, REAL(open)(path, flags), openBefore(&o, AT_FDCWD, path), openAfter(&o, result, flags))
}

EXPORT int __open64_2(const char *path, int flags)
{
    struct Opening o;
    TRACED(int, REAL(open64)(path, flags), openBefore(&o, AT_FDCWD, path), openAfter(&o, result, flags))
}

EXPORT int __openat_2(int dirfd, const char *path, int flags)
{
    struct Opening o;
    TRACED(int, REAL(openat)(dirfd, path, flags), openBefore(&o, dirfd, path), openAfter(&o, result, flags))
}

EXPORT int __openat64_2(int dirfd, const char *path, int flags)
{
    struct Opening o;
    TRACED(int, REAL(openat64)(dirfd, path, flags), openBefore(&o, dirfd, path), openAfter(&o, result, flags))
}

EXPORT int creat(const char *path, mode_t mode)
{
    struct Opening o;
    const int flags = O_CREAT | O_WRONLY | O_TRUNC;
    TRACED(int, REAL(creat)(path, mode), openBefore(&o, AT_FDCWD, path), openAfter(&o, result, flags))
}

EXPORT int creat64(const char *path, mode_t mode)
{
    struct Opening o;
    const int flags = O_CREAT | O_WRONLY | O_TRUNC;
    TRACED(int, REAL(creat64)(path, mode), openBefore(&o, AT_FDCWD, path), openAfter(&o, result, flags))
}

// ---- data ------------------------------------------------------------------------------

/** After a write of n bytes at the descriptor's position (now past them). */
static void afterWrite(int fd, const void *buffer, ssize_t n, off_t offset)
{
    ino_t ino;
    if (n <= 0 || !(ino = descriptor(fd, NULL)))
        return;
    if (offset < 0)
        offset = lseek(fd, 0, SEEK_CUR) - n;
    recordData(ino, offset, buffer, (size_t)n);
}

static void afterWritev(int fd, const struct iovec *iov, int count, ssize_t n, off_t offset)
{
    ino_t ino;
    if (n <= 0 || !(ino = descriptor(fd, NULL)))
        return;
    if (offset < 0)
        offset = lseek(fd, 0, SEEK_CUR) - n;
    for (int i = 0; i < count && n > 0; ++i) {
        const size_t part = iov[i].iov_len < (size_t)n ? iov[i].iov_len : (size_t)n;
        recordData(ino, offset, iov[i].iov_base, part);
        offset += (off_t)part;
        n -= (ssize_t)part;
    }
}

EXPORT ssize_t write(int fd, const void *buffer, size_t count)
{
    TRACED(ssize_t, REAL(write)(fd, buffer, count), (void)0, afterWrite(fd, buffer, result, -1))
}

EXPORT ssize_t pwrite(int fd, const void *buffer, size_t count, off_t offset)
{
    TRACED(ssize_t, REAL(pwrite)(fd, buffer, count, offset), (void)0, afterWrite(fd, buffer, result, offset))
}

EXPORT ssize_t pwrite64(int fd, const void *buffer, size_t count, off64_t offset)
{
    TRACED(ssize_t, REAL(pwrite64)(fd, buffer, count, offset), (void)0, afterWrite(fd, buffer, result, offset))
}

EXPORT ssize_t writev(int fd, const struct iovec *iov, int count)
{
    TRACED(ssize_t, REAL(writev)(fd, iov, count), (void)0, afterWritev(fd, iov, count, result, -1))
}

EXPORT ssize_t pwritev(int fd, const struct iovec *iov, int count, off_t offset)
{
    TRACED(ssize_t, REAL(pwritev)(fd, iov, count, offset), (void)0, afterWritev(fd, iov, count, result, offset))
}

static void afterTruncate(int fd, off_t length, int result)
{
    ino_t ino;
    if (result == 0 && (ino = descriptor(fd, NULL)))
        record("trunc\t%lu\t%lld", (unsigned long)ino, (long long)length);
}

EXPORT int ftruncate(int fd, off_t length)
{
    TRACED(int, REAL(ftruncate)(fd, length), (void)0, afterTruncate(fd, length, result))
}

EXPORT int ftruncate64(int fd, off64_t length)
{
    TRACED(int, REAL(ftruncate64)(fd, length), (void)0, afterTruncate(fd, length, result))
}

static void afterPathTruncate(const char *path, off_t length, int result)
{
    char absolute[PATH_MAX];
    struct stat st;
    resolve(AT_FDCWD, path, absolute);
    if (result == 0 && absolute[0] && relative(absolute) && stat(absolute, &st) == 0)
        record("trunc\t%lu\t%lld", (unsigned long)st.st_ino, (long long)length);
}

EXPORT int truncate(const char *path, off_t length)
{
    TRACED(int, REAL(truncate)(path, length), (void)0, afterPathTruncate(path, length, result))
}

EXPORT int truncate64(const char *path, off64_t length)
{
    TRACED(int, REAL(truncate64)(path, length), (void)0, afterPathTruncate(path, length, result))
}

/** Bytes that reached out by copy_file_range or sendfile: read back from the source. */
static void afterCopy(int out, off_t outBefore, const loff_t *outOffset, int in, off_t inBefore,
                      const loff_t *inOffset, ssize_t n)
{
    ino_t ino;
    if (n <= 0 || !(ino = descriptor(out, NULL)))
        return;
    const off_t at = outOffset ? outBefore : lseek(out, 0, SEEK_CUR) - n;
    const off_t from = inOffset ? inBefore : lseek(in, 0, SEEK_CUR) - n;
    recordCopied(ino, at, in, from, (size_t)n);
}

EXPORT ssize_t copy_file_range(int in, loff_t *inOffset, int out, loff_t *outOffset, size_t length,
                               unsigned int flags)
{
    off_t inBefore = 0, outBefore = 0;
    TRACED(ssize_t, REAL(copy_file_range)(in, inOffset, out, outOffset, length, flags),
           (inBefore = inOffset ? *inOffset : 0, outBefore = outOffset ? *outOffset : 0),
           afterCopy(out, outBefore, outOffset, in, inBefore, inOffset, result))
}

EXPORT ssize_t sendfile(int out, int in, off_t *offset, size_t count)
{
    off_t inBefore = 0;
    TRACED(ssize_t, REAL(sendfile)(out, in, offset, count), (inBefore = offset ? *offset : 0),
           afterCopy(out, 0, NULL, in, inBefore, (const loff_t *)offset, result))
}

EXPORT ssize_t sendfile64(int out, int in, off64_t *offset, size_t count)
{
    off_t inBefore = 0;
    TRACED(ssize_t, REAL(sendfile64)(out, in, offset, count), (inBefore = offset ? *offset : 0),
           afterCopy(out, 0, NULL, in, inBefore, (const loff_t *)offset, result))
}

static void afterIoctl(int fd, unsigned long request, void *arg, int result)
{
    ino_t ino;
    if (result != 0 || !(ino = descriptor(fd, NULL)))
        return;
    if (request == FICLONE) {
        struct stat st;
        const int source = (int)(intptr_t)arg;
        if (fstat(source, &st) == 0) {
            record("trunc\t%lu\t0", (unsigned long)ino);
            recordCopied(ino, 0, source, 0, (size_t)st.st_size);
        }
    } else if (request == FICLONERANGE) {
        const struct file_clone_range *range = arg;
        struct stat st;
        size_t length = range->src_length;
        if (length == 0 && fstat((int)range->src_fd, &st) == 0)
            length = (size_t)(st.st_size - (off_t)range->src_offset);
        recordCopied(ino, (off_t)range->dest_offset, (int)range->src_fd, (off_t)range->src_offset, length);
    }
}

EXPORT int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    TRACED(int, REAL(ioctl)(fd, request, arg), (void)0, afterIoctl(fd, request, arg, result))
}

// ---- names -----------------------------------------------------------------------------

static void pathOp(int dirfd, const char *path, char *absolute) { resolve(dirfd, path, absolute); }

static void afterMkdir(const char *absolute, int result)
{
    const char *rel;
    struct stat st;
    if (result == 0 && absolute[0] && (rel = relative(absolute)) && lstat(absolute, &st) == 0)
        record("mkdir\t%s\t%lu", rel, (unsigned long)st.st_ino);
}

EXPORT int mkdir(const char *path, mode_t mode)
{
    char absolute[PATH_MAX];
    TRACED(int, REAL(mkdir)(path, mode), pathOp(AT_FDCWD, path, absolute), afterMkdir(absolute, result))
}

EXPORT int mkdirat(int dirfd, const char *path, mode_t mode)
{
    char absolute[PATH_MAX];
    TRACED(int, REAL(mkdirat)(dirfd, path, mode), pathOp(dirfd, path, absolute), afterMkdir(absolute, result))
}

static void afterSymlink(const char *target, const char *absolute, int result)
{
    const char *rel;
    struct stat st;
    if (result == 0 && absolute[0] && (rel = relative(absolute)) && lstat(absolute, &st) == 0)
        record("symlink\t%s\t%lu\t%s", rel, (unsigned long)st.st_ino, target);
}

EXPORT int symlink(const char *target, const char *path)
{
    char absolute[PATH_MAX];
    TRACED(int, REAL(symlink)(target, path), pathOp(AT_FDCWD, path, absolute),
           afterSymlink(target, absolute, result))
}

EXPORT int symlinkat(const char *target, int dirfd, const char *path)
{
    char absolute[PATH_MAX];
    TRACED(int, REAL(symlinkat)(target, dirfd, path), pathOp(dirfd, path, absolute),
           afterSymlink(target, absolute, result))
}

/** rename/link: both names under the root, or one only (then it is a creation or a removal). */
static void afterTwoNames(const char *op, const char *from, const char *to, int result)
{
    if (result != 0 || !from[0] || !to[0])
        return;
    const char *relFrom = relative(from), *relTo = relative(to);
    if (relFrom && relTo) {
        record("%s\t%s\t%s", op, relFrom, relTo);
    } else if (relTo && strcmp(op, "link") == 0) {
        // linkat(/proc/self/fd/N or AT_EMPTY_PATH): a name for an unnamed (O_TMPFILE) file.
        struct stat st;
        if (lstat(to, &st) == 0)
            record("linkino\t%s\t%lu", relTo, (unsigned long)st.st_ino);
    } else if (relTo) {
        // Moved in from outside: a new name for a file whose data we never saw.
        record("foreign\t%s", relTo);
    } else if (relFrom && strcmp(op, "rename") == 0) {
        record("unlink\t%s", relFrom);
    }
}

EXPORT int rename(const char *from, const char *to)
{
    char a[PATH_MAX], b[PATH_MAX];
    TRACED(int, REAL(rename)(from, to), (resolve(AT_FDCWD, from, a), resolve(AT_FDCWD, to, b)),
           afterTwoNames("rename", a, b, result))
}

EXPORT int renameat(int fromDir, const char *from, int toDir, const char *to)
{
    char a[PATH_MAX], b[PATH_MAX];
    TRACED(int, REAL(renameat)(fromDir, from, toDir, to), (resolve(fromDir, from, a), resolve(toDir, to, b)),
           afterTwoNames("rename", a, b, result))
}

EXPORT int renameat2(int fromDir, const char *from, int toDir, const char *to, unsigned int flags)
{
    char a[PATH_MAX], b[PATH_MAX];
    // RENAME_EXCHANGE would need its own record; nothing here uses it.
    TRACED(int, REAL(renameat2)(fromDir, from, toDir, to, flags), (resolve(fromDir, from, a), resolve(toDir, to, b)),
           afterTwoNames((flags & RENAME_EXCHANGE) ? "exchange" : "rename", a, b, result))
}

EXPORT int link(const char *from, const char *to)
{
    char a[PATH_MAX], b[PATH_MAX];
    TRACED(int, REAL(link)(from, to), (resolve(AT_FDCWD, from, a), resolve(AT_FDCWD, to, b)),
           afterTwoNames("link", a, b, result))
}

EXPORT int linkat(int fromDir, const char *from, int toDir, const char *to, int flags)
{
    char a[PATH_MAX], b[PATH_MAX];
    TRACED(int, REAL(linkat)(fromDir, from, toDir, to, flags), (resolve(fromDir, from, a), resolve(toDir, to, b)),
           afterTwoNames("link", a, b, result))
}

static void afterRemove(const char *op, const char *absolute, int result)
{
    const char *rel;
    if (result == 0 && absolute[0] && (rel = relative(absolute)))
        record("%s\t%s", op, rel);
}

EXPORT int unlink(const char *path)
{
    char absolute[PATH_MAX];
    TRACED(int, REAL(unlink)(path), pathOp(AT_FDCWD, path, absolute), afterRemove("unlink", absolute, result))
}

EXPORT int unlinkat(int dirfd, const char *path, int flags)
{
    char absolute[PATH_MAX];
    TRACED(int, REAL(unlinkat)(dirfd, path, flags), pathOp(dirfd, path, absolute),
           afterRemove((flags & AT_REMOVEDIR) ? "rmdir" : "unlink", absolute, result))
}

EXPORT int rmdir(const char *path)
{
    char absolute[PATH_MAX];
    TRACED(int, REAL(rmdir)(path), pathOp(AT_FDCWD, path, absolute), afterRemove("rmdir", absolute, result))
}

// glibc's remove() calls unlink and rmdir internally, past any shim.
static int isDirectory(const char *absolute)
{
    struct stat st;
    return absolute[0] && lstat(absolute, &st) == 0 && S_ISDIR(st.st_mode);
}

EXPORT int remove(const char *path)
{
    char absolute[PATH_MAX];
    int directory = 0;
    TRACED(int, REAL(remove)(path), (pathOp(AT_FDCWD, path, absolute), directory = isDirectory(absolute)),
           afterRemove(directory ? "rmdir" : "unlink", absolute, result))
}

// ---- durability ------------------------------------------------------------------------

/** The return addresses of the caller's stack, "module+0xoffset" joined by commas, from fsync's caller out. */
static void stackOf(char *out, size_t size)
{
    void *frames[16];
    const int n = backtrace(frames, 16);
    Dl_info self, info;
    dladdr((void *)&stackOf, &self);
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && used + 80 < size; ++i) {
        if (!dladdr(frames[i], &info) || !info.dli_fname) {
            used += (size_t)snprintf(out + used, size - used, "%s?+0x%lx", used ? "," : "", (unsigned long)(uintptr_t)frames[i]);
            continue;
        }
        if (info.dli_fbase == self.dli_fbase)
            continue; // the shim's own frames
        const char *base = strrchr(info.dli_fname, '/');
        used += (size_t)snprintf(out + used, size - used, "%s%s+0x%lx", used ? "," : "", base ? base + 1 : info.dli_fname,
                                 (unsigned long)((uintptr_t)frames[i] - (uintptr_t)info.dli_fbase));
    }
}

/** True when the stack starts with one of CRASH_SKIP_FSYNC's stacks (separated by ';'). */
static int skipped(const char *stack)
{
    if (!g_skip)
        return 0;
    const char *key = g_skip;
    while (*key) {
        const char *end = strchr(key, ';');
        const size_t length = end ? (size_t)(end - key) : strlen(key);
        if (length > 0 && strncmp(stack, key, length) == 0 && (stack[length] == '\0' || stack[length] == ','))
            return 1;
        if (!end)
            break;
        key = end + 1;
    }
    return 0;
}

static int syncCommon(int fd, int (*real)(int), const char *op)
{
    if (!enter())
        return real(fd);
    char stack[2048];
    ino_t ino = descriptor(fd, NULL);
    int result;
    if (ino) {
        stackOf(stack, sizeof stack);
        if (skipped(stack)) {
            record("skipped-%s\t%lu\t%s", op, (unsigned long)ino, stack);
            leave();
            return 0;
        }
    }
    result = real(fd);
    const int saved = errno;
    if (result == 0 && ino)
        record("%s\t%lu\t%s", op, (unsigned long)ino, stack);
    leave();
    errno = saved;
    return result;
}

EXPORT int fsync(int fd) { return syncCommon(fd, REAL(fsync), "fsync"); }

EXPORT int fdatasync(int fd) { return syncCommon(fd, REAL(fdatasync), "fdatasync"); }

EXPORT int syncfs(int fd)
{
    TRACED(int, REAL(syncfs)(fd), (void)0, (result == 0 ? record("sync") : (void)0))
}

EXPORT void sync(void)
{
    if (!enter()) {
        REAL(sync)();
        return;
    }
    REAL(sync)();
    record("sync");
    leave();
}
