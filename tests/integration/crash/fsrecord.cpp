#include "fsrecord.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QTemporaryDir>

#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

namespace passerelle::crashtest {

using namespace Qt::StringLiterals;

void FsTree::apply(const FsOp &op, bool asZeros)
{
    switch (op.kind) {
    case FsOp::Kind::Link:
        directories[op.dir].insert(op.name, op.inode);
        break;
    case FsOp::Kind::Unlink: {
        auto &entries = directories[op.dir];
        if (entries.value(op.name, -1) == op.inode)
            entries.remove(op.name);
        break;
    }
    case FsOp::Kind::Rename: {
        auto &from = directories[op.dir];
        if (from.value(op.name, -1) == op.inode)
            from.remove(op.name);
        directories[op.toDir].insert(op.toName, op.inode);
        break;
    }
    case FsOp::Kind::Write: {
        FsFile &file = files[op.inode];
        file.size = std::max(file.size, op.offset + op.length);
        if (!asZeros)
            file.extents.append(FsExtent{op.offset, op.length, op.dataOffset});
        break;
    }
    case FsOp::Kind::Truncate: {
        FsFile &file = files[op.inode];
        file.size = op.offset;
        if (file.size == 0)
            file.extents.clear();
        else
            file.extents.append(FsExtent{op.offset, 0, -2}); // cuts what lies beyond, when assembled
        break;
    }
    case FsOp::Kind::Sync:
    case FsOp::Kind::SyncAll:
        break;
    }
}

int FsRecord::newInode(FsInode::Type type, const QByteArray &target)
{
    m_inodes.append(FsInode{type, target});
    return int(m_inodes.size() - 1);
}

bool FsRecord::scan(const QString &root, QString *error)
{
    m_inodes.clear();
    m_initial = {};
    m_byRealInode.clear();
    m_ops.clear();
    struct stat st;
    if (::lstat(QFile::encodeName(root).constData(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        *error = root + u": not a folder"_s;
        return false;
    }
    newInode(FsInode::Type::Directory);
    m_byRealInode.insert(st.st_ino, kRoot);
    m_initial.directories[kRoot];
    if (!scanDirectory(root, kRoot, error))
        return false;
    m_current = m_initial;
    return true;
}

bool FsRecord::scanDirectory(const QString &path, int inode, QString *error)
{
    DIR *dir = ::opendir(QFile::encodeName(path).constData());
    if (!dir) {
        *error = path + u": cannot read"_s;
        return false;
    }
    bool ok = true;
    while (const dirent *entry = ::readdir(dir)) {
        if (std::strcmp(entry->d_name, ".") == 0 || std::strcmp(entry->d_name, "..") == 0)
            continue;
        const QByteArray name(entry->d_name);
        const QString child = path + u'/' + QFile::decodeName(name);
        struct stat st;
        if (::lstat(QFile::encodeName(child).constData(), &st) != 0)
            continue;
        int id = m_byRealInode.value(st.st_ino, -1);
        if (id < 0) {
            if (S_ISDIR(st.st_mode)) {
                id = newInode(FsInode::Type::Directory);
                m_initial.directories[id];
            } else if (S_ISLNK(st.st_mode)) {
                char target[4096];
                const ssize_t n = ::readlink(QFile::encodeName(child).constData(), target, sizeof target);
                id = newInode(FsInode::Type::Symlink, QByteArray(target, n > 0 ? n : 0));
            } else {
                id = newInode(FsInode::Type::File);
                QFile file(child);
                if (!file.open(QIODevice::ReadOnly)) {
                    *error = child + u": cannot read"_s;
                    ok = false;
                    break;
                }
                // The starting bytes live in the data buffer too, as one extent.
                const QByteArray bytes = file.readAll();
                m_initial.files[id] = FsFile{bytes.size(), {FsExtent{0, bytes.size(), m_data.size()}}};
                m_data += bytes;
            }
            m_byRealInode.insert(st.st_ino, id);
        }
        m_initial.directories[inode].insert(name, id);
        if (S_ISDIR(st.st_mode) && !scanDirectory(child, id, error)) {
            ok = false;
            break;
        }
    }
    ::closedir(dir);
    return ok;
}

int FsRecord::lookup(const QByteArray &path) const
{
    if (path == ".")
        return kRoot;
    int at = kRoot;
    for (const QByteArray &part : path.split('/')) {
        at = m_current.directories.value(at).value(part, -1);
        if (at < 0)
            return -1;
    }
    return at;
}

bool FsRecord::parent(const QByteArray &path, int *dir, QByteArray *name, QString *error) const
{
    const qsizetype slash = path.lastIndexOf('/');
    *dir = slash < 0 ? kRoot : lookup(path.left(slash));
    *name = slash < 0 ? path : path.mid(slash + 1);
    if (*dir < 0 || m_inodes[*dir].type != FsInode::Type::Directory) {
        *error = u"the record names %1 in a folder the model does not have"_s.arg(QString::fromUtf8(path));
        return false;
    }
    return true;
}

bool FsRecord::load(const QString &traceFile, QString *error)
{
    QFile trace(traceFile);
    QFile data(traceFile + u".data"_s);
    if (!trace.open(QIODevice::ReadOnly)) {
        *error = traceFile + u": no record (did the shim load?)"_s;
        return false;
    }
    const qint64 base = m_data.size();
    if (data.open(QIODevice::ReadOnly))
        m_data += data.readAll();
    auto realInode = [&](const QByteArray &field) { return m_byRealInode.value(field.toULongLong(), -1); };
    int lineNumber = 0;
    while (!trace.atEnd()) {
        const QByteArray line = trace.readLine().chopped(1);
        ++lineNumber;
        const QList<QByteArray> f = line.split('\t');
        const QByteArray &what = f[0];
        FsOp op;
        op.text = QString::fromUtf8(line.left(200));
        auto fail = [&](const QString &why) {
            *error = u"%1:%2: %3: %4"_s.arg(traceFile).arg(lineNumber).arg(op.text, why);
            return false;
        };
        if (what == "create" || what == "mkdir" || what == "symlink") {
            if (!parent(f.value(1), &op.dir, &op.name, error))
                return fail(*error);
            const FsInode::Type type = what == "create" ? FsInode::Type::File
                : what == "mkdir"                       ? FsInode::Type::Directory
                                                        : FsInode::Type::Symlink;
            op.kind = FsOp::Kind::Link;
            op.inode = newInode(type, f.value(3));
            m_byRealInode.insert(f.value(2).toULongLong(), op.inode);
            op.text = QString::fromUtf8(what + ' ' + f.value(1));
        } else if (what == "tmpfile") {
            // No name yet: reachable once linkino gives it one.
            m_byRealInode.insert(f.value(1).toULongLong(), newInode(FsInode::Type::File));
            continue;
        } else if (what == "linkino") {
            if (!parent(f.value(1), &op.dir, &op.name, error))
                return fail(*error);
            op.kind = FsOp::Kind::Link;
            op.inode = realInode(f.value(2));
            if (op.inode < 0)
                return fail(u"a file the model does not know"_s);
            op.text = QString::fromUtf8("link (unnamed file) -> " + f.value(1));
        } else if (what == "link" || what == "rename") {
            int fromDir = -1;
            QByteArray fromName;
            if (!parent(f.value(1), &fromDir, &fromName, error) || !parent(f.value(2), &op.toDir, &op.toName, error))
                return fail(*error);
            op.inode = m_current.directories.value(fromDir).value(fromName, -1);
            if (op.inode < 0)
                return fail(u"no such name in the model"_s);
            op.kind = what == "link" ? FsOp::Kind::Link : FsOp::Kind::Rename;
            if (op.kind == FsOp::Kind::Link) {
                op.dir = op.toDir;
                op.name = op.toName;
            } else {
                op.dir = fromDir;
                op.name = fromName;
            }
            op.text = QString::fromUtf8(what + ' ' + f.value(1) + " -> " + f.value(2));
        } else if (what == "unlink" || what == "rmdir") {
            if (!parent(f.value(1), &op.dir, &op.name, error))
                return fail(*error);
            op.kind = FsOp::Kind::Unlink;
            op.inode = m_current.directories.value(op.dir).value(op.name, -1);
            if (op.inode < 0)
                return fail(u"no such name in the model"_s);
            op.text = QString::fromUtf8(what + ' ' + f.value(1));
        } else if (what == "write" || what == "trunc") {
            op.kind = what == "write" ? FsOp::Kind::Write : FsOp::Kind::Truncate;
            op.inode = realInode(f.value(1));
            if (op.inode < 0)
                return fail(u"a file the model does not know"_s);
            op.offset = f.value(2).toLongLong();
            op.length = f.value(3).toLongLong();
            op.dataOffset = base + f.value(4).toLongLong();
        } else if (what == "fsync" || what == "fdatasync") {
            op.kind = FsOp::Kind::Sync;
            op.inode = realInode(f.value(1));
            op.stack = f.value(2);
            if (op.inode < 0)
                return fail(u"a file the model does not know"_s);
        } else if (what == "sync") {
            op.kind = FsOp::Kind::SyncAll;
        } else if (what.startsWith("skipped-")) {
            continue; // a removed fsync (mutation proof): as if the call were not there
        } else {
            return fail(u"an operation the model cannot replay"_s);
        }
        m_current.apply(op);
        m_ops.append(op);
    }
    return true;
}

FsTree FsRecord::replayAll() const
{
    FsTree tree = m_initial;
    for (const FsOp &op : m_ops)
        tree.apply(op);
    return tree;
}

QByteArray FsRecord::bytes(const FsFile &file) const
{
    QByteArray out;
    for (const FsExtent &e : file.extents) {
        if (e.dataOffset == -2) {
            out.truncate(e.offset);
            continue;
        }
        if (out.size() < e.offset + e.length)
            out.resize(e.offset + e.length, '\0');
        std::memcpy(out.data() + e.offset, m_data.constData() + e.dataOffset, size_t(e.length));
    }
    out.resize(file.size, '\0');
    return out;
}

bool FsRecord::materialise(const FsTree &tree, const QString &dir, QString *error) const
{
    // Depth-first from the root; a folder met twice (a weak model can link one in two
    // places) is written once.
    QList<std::pair<int, QString>> todo{{kRoot, dir}};
    QSet<int> seen;
    while (!todo.isEmpty()) {
        const auto [inode, path] = todo.takeLast();
        if (!QDir().mkpath(path)) {
            *error = path + u": cannot create"_s;
            return false;
        }
        const QMap<QByteArray, int> entries = tree.directories.value(inode);
        for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
            const QString child = path + u'/' + QFile::decodeName(it.key());
            const FsInode &node = m_inodes[it.value()];
            if (node.type == FsInode::Type::Directory) {
                if (!seen.contains(it.value())) {
                    seen.insert(it.value());
                    todo.append({it.value(), child});
                }
            } else if (node.type == FsInode::Type::Symlink) {
                if (::symlink(node.target.constData(), QFile::encodeName(child).constData()) != 0) {
                    *error = child + u": cannot create the symlink"_s;
                    return false;
                }
            } else {
                QFile file(child);
                const QByteArray content = bytes(tree.files.value(it.value()));
                if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size()) {
                    *error = child + u": cannot write"_s;
                    return false;
                }
            }
        }
    }
    return true;
}

QByteArray FsRecord::digest(const FsTree &tree) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    QList<std::pair<int, QByteArray>> todo{{kRoot, QByteArray(".")}};
    QSet<int> seen;
    while (!todo.isEmpty()) {
        const auto [inode, path] = todo.takeLast();
        const QMap<QByteArray, int> entries = tree.directories.value(inode);
        for (auto it = entries.cbegin(); it != entries.cend(); ++it) {
            const FsInode &node = m_inodes[it.value()];
            const QByteArray child = QByteArray(path + '/' + it.key());
            hash.addData(child);
            hash.addData(QByteArray(1, char('0' + int(node.type))));
            if (node.type == FsInode::Type::Directory) {
                if (!seen.contains(it.value())) {
                    seen.insert(it.value());
                    todo.append({it.value(), child});
                }
            } else if (node.type == FsInode::Type::Symlink) {
                hash.addData(node.target);
            } else {
                const FsFile file = tree.files.value(it.value());
                hash.addData(QByteArray::number(file.size));
                for (const FsExtent &e : file.extents)
                    hash.addData(QByteArray(QByteArray::number(e.offset) + ',' + QByteArray::number(e.length) + ','
                                            + QByteArray::number(e.dataOffset) + ';'));
            }
            hash.addData(QByteArray(1, '\n'));
        }
    }
    return hash.result();
}

namespace {

QByteArray linkTarget(const QString &path)
{
    char target[4096];
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target, sizeof target);
    return n > 0 ? QByteArray(target, n) : QByteArray();
}

} // namespace

QString FsRecord::difference(const FsTree &tree, const QString &root) const
{
    QTemporaryDir scratch;
    const QString copy = scratch.filePath(u"replayed"_s);
    QString error;
    if (!materialise(tree, copy, &error))
        return error;
    // Compare names, kinds, symlink targets and bytes, both ways.
    QStringList differences;
    auto walk = [&](auto &self, const QString &a, const QString &b, const QString &rel) -> void {
        const QDir::Filters filters = QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot;
        QStringList names = QDir(a).entryList(filters) + QDir(b).entryList(filters);
        names.removeDuplicates();
        for (const QString &name : std::as_const(names)) {
            const QFileInfo x(a + u'/' + name), y(b + u'/' + name);
            const QString where = rel + name;
            if (!x.exists() && !x.isSymLink())
                differences << where + u" only in the replay"_s;
            else if (!y.exists() && !y.isSymLink())
                differences << where + u" missing from the replay"_s;
            else if (x.isSymLink() || y.isSymLink()) {
                if (linkTarget(x.filePath()) != linkTarget(y.filePath()) || x.isSymLink() != y.isSymLink())
                    differences << where + u" symlinks differ"_s;
            } else if (x.isDir() && y.isDir()) {
                self(self, x.filePath(), y.filePath(), where + u'/');
            } else {
                QFile fx(x.filePath()), fy(y.filePath());
                if (x.isDir() != y.isDir() || !fx.open(QIODevice::ReadOnly) || !fy.open(QIODevice::ReadOnly)
                    || fx.readAll() != fy.readAll())
                    differences << where + u" contents differ"_s;
            }
        }
    };
    walk(walk, root, copy, QString());
    return differences.join(u"; "_s);
}

} // namespace passerelle::crashtest
