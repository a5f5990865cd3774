#include "contentwatcher.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>

namespace passerelle {

Q_LOGGING_CATEGORY(lcWatch, "passerelle.preview.watch")

namespace {
// Events that keep coming (a program writing hundreds of files) still end in a rebuild:
// the quiet period is not extended past this.
constexpr qint64 kLongestWaitMs = 1000;
} // namespace

ContentWatcher::ContentWatcher(QString root, int quietMs, QObject *parent)
    : QObject(parent), m_root(std::move(root))
{
    m_quiet.setSingleShot(true);
    m_quiet.setTimerType(Qt::PreciseTimer); // a coarse timer may fire up to 5 % before the quiet period ends
    m_quiet.setInterval(quietMs);
    connect(&m_quiet, &QTimer::timeout, this, &ContentWatcher::settle);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, [this] { noticed(false); });
    connect(&m_watcher, &QFileSystemWatcher::fileChanged, this, [this] { noticed(true); });
    m_snapshot = scan();
    qCInfo(lcWatch) << "watching" << m_watcher.directories().size() << "folders and" << m_watcher.files().size()
                    << "files under" << m_root;
}

QStringList ContentWatcher::watchedPaths() const { return m_watcher.directories() + m_watcher.files(); }

void ContentWatcher::noticed(bool contentFile)
{
    if (!m_sinceFirstEvent.isValid())
        m_sinceFirstEvent.start();
    m_fileTouched = m_fileTouched || contentFile;
    if (!m_quiet.isActive() || m_sinceFirstEvent.elapsed() < kLongestWaitMs)
        m_quiet.start();
}

void ContentWatcher::settle()
{
    Snapshot now = scan();
    const bool changedNow = m_fileTouched || now != m_snapshot;
    const qint64 waited = m_sinceFirstEvent.isValid() ? m_sinceFirstEvent.elapsed() : 0;
    m_snapshot = std::move(now);
    m_fileTouched = false;
    m_sinceFirstEvent.invalidate();
    if (changedNow)
        Q_EMIT changed(waited);
}

ContentWatcher::Snapshot ContentWatcher::scan()
{
    Snapshot snapshot;
    QStringList directories{m_root};
    QStringList files;
    // No QDir::Hidden: dot files and dot folders are skipped, and not descended into.
    QDirIterator it(m_root, QDir::AllEntries | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        if (info.isDir()) {
            directories.append(info.filePath());
            snapshot.insert(info.filePath(), Entry{});
        } else {
            files.append(info.filePath());
            snapshot.insert(info.filePath(), Entry{info.size(), info.lastModified().toMSecsSinceEpoch()});
        }
    }

    const QStringList watchedList = watchedPaths();
    const QSet<QString> watched(watchedList.cbegin(), watchedList.cend());
    QStringList wanted = directories + files;
    QStringList toAdd;
    for (const QString &path : std::as_const(wanted)) {
        if (!watched.contains(path))
            toAdd.append(path);
    }
    // A file that changed may be another file now (saved by renaming a new one over it):
    // its watch is renewed, whether or not the old watch noticed the replacement.
    QStringList toRenew;
    for (const QString &path : std::as_const(files)) {
        const auto before = m_snapshot.constFind(path);
        if (before != m_snapshot.cend() && *before != snapshot.value(path) && watched.contains(path))
            toRenew.append(path);
    }
    if (!toRenew.isEmpty()) {
        m_watcher.removePaths(toRenew);
        toAdd += toRenew;
    }
    const QSet<QString> wantedSet(wanted.cbegin(), wanted.cend());
    QStringList toRemove;
    for (const QString &path : watched) {
        if (!wantedSet.contains(path))
            toRemove.append(path);
    }
    if (!toRemove.isEmpty())
        m_watcher.removePaths(toRemove);
    if (!toAdd.isEmpty()) {
        const QStringList failed = m_watcher.addPaths(toAdd);
        for (const QString &path : failed)
            qCWarning(lcWatch) << "cannot watch" << path << "- its changes will not be seen (inotify limit?)";
    }
    return snapshot;
}

} // namespace passerelle
