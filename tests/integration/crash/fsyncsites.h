#pragma once

// Names the call sites of recorded fsyncs (for the mutation proof, mutation-proof.sh):
// each stack the shim wrote is symbolised with addr2line, and its site is the first
// frame outside fsutil.cpp, with the fsutil function it called (and that line).

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace passerelle::crashtest {

struct FsyncSite
{
    QString label;        // e.g. "writeFileDurably (fsutil.cpp:135) from PackStore::stage (packstore.cpp:287)"
    QStringList prefixes; // the stacks up to that frame, as CRASH_SKIP_FSYNC takes them
};

/** executables: file name -> path, for the modules whose frames can be symbolised. */
[[nodiscard]] QList<FsyncSite> fsyncSites(const QList<QByteArray> &stacks, const QMap<QString, QString> &executables);

} // namespace passerelle::crashtest
