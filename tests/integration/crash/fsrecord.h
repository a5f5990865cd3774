#pragma once

// What fstrace.c recorded, as operations on a model of the watched tree: inodes (files,
// folders, symlinks) and the names folders give them. Replaying a chosen subset of the
// operations in their order gives the tree a power cut could leave (crashstates.h).

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>

namespace passerelle::crashtest {

/** A file, folder or symlink of the model; identified by its index in FsRecord::inodes(). */
struct FsInode
{
    enum class Type { File, Directory, Symlink };
    Type type = Type::File;
    QByteArray target; // of a symlink
};

/** One recorded operation, its names resolved to inodes as they were when it ran. */
struct FsOp
{
    enum class Kind { Link, Unlink, Rename, Write, Truncate, Sync, SyncAll };
    Kind kind = Kind::Sync;
    int inode = -1;
    int dir = -1;           // Link, Unlink, Rename (from)
    QByteArray name;
    int toDir = -1;         // Rename (to)
    QByteArray toName;
    qint64 offset = 0;      // Write: where; Truncate: the new size
    qint64 length = 0;      // Write
    qint64 dataOffset = 0;  // Write: where its bytes are in the record's data file
    QByteArray stack;       // Sync: the caller's stack as the shim wrote it
    QString text;           // the record's line with paths, for messages

    [[nodiscard]] bool isData() const { return kind == Kind::Write || kind == Kind::Truncate; }
    [[nodiscard]] bool isSync() const { return kind == Kind::Sync || kind == Kind::SyncAll; }
};

/**
 * A file's bytes as the list of writes that made them, so that replaying thousands of
 * subsets copies no data: the bytes are assembled only when a tree is written out.
 */
struct FsExtent
{
    qint64 offset = 0;
    qint64 length = 0;
    qint64 dataOffset = -1; // -1: zeros (the size reached the disk, the data did not)
};

struct FsFile
{
    qint64 size = 0;
    QList<FsExtent> extents;
};

/** The contents of a tree: each file's extents and each folder's names, by inode. */
struct FsTree
{
    QHash<int, FsFile> files;
    QHash<int, QMap<QByteArray, int>> directories;

    /** Applies op; a Write with asZeros changes the size only, as a lost write can look after a cut. */
    void apply(const FsOp &op, bool asZeros = false);
};

class FsRecord
{
public:
    static constexpr int kRoot = 0;

    /** Takes the tree at root as it is now as the starting state (durable). */
    bool scan(const QString &root, QString *error);
    /** Reads fstrace's record (and its .data file) of what happened since scan(). */
    bool load(const QString &traceFile, QString *error);

    [[nodiscard]] const QList<FsOp> &ops() const { return m_ops; }
    [[nodiscard]] const FsTree &initial() const { return m_initial; }
    [[nodiscard]] const QList<FsInode> &inodes() const { return m_inodes; }
    /** Every operation applied: what the tree looked like when the workload ended. */
    [[nodiscard]] FsTree replayAll() const;

    /** Writes the tree into dir (created, must not exist); false and *error on failure. */
    bool materialise(const FsTree &tree, const QString &dir, QString *error) const;
    /** A digest of what the tree holds (names, kinds, file extents), to count distinct states. */
    [[nodiscard]] QByteArray digest(const FsTree &tree) const;
    /** How tree and the real folder root differ; empty when they hold the same. */
    [[nodiscard]] QString difference(const FsTree &tree, const QString &root) const;

private:
    int newInode(FsInode::Type type, const QByteArray &target = {});
    bool scanDirectory(const QString &path, int inode, QString *error);
    int lookup(const QByteArray &path) const;
    bool parent(const QByteArray &path, int *dir, QByteArray *name, QString *error) const;
    [[nodiscard]] QByteArray bytes(const FsFile &file) const;

    QList<FsInode> m_inodes;
    FsTree m_initial;
    FsTree m_current; // while loading: the tree as the record goes, to resolve names
    QHash<quint64, int> m_byRealInode;
    QList<FsOp> m_ops;
    QByteArray m_data;
};

} // namespace passerelle::crashtest
