#include "mountwatcher.h"

#include "fsutil.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QTimer>

#include <fcntl.h>
#include <unistd.h>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcMount, "passerelle.sync.usb")

MountWatcher::MountWatcher(QStringList parents, QString packFolder, int pollIntervalMs, QObject *parent)
    : QObject(parent),
      m_parents(std::move(parents)),
      m_packFolder(std::move(packFolder)),
      m_watcher(new QFileSystemWatcher(this)),
      m_debounce(new QTimer(this)),
      m_poll(new QTimer(this))
{
    // A mount shows in the folder a moment after the folder appears: look twice.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &MountWatcher::rescan);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &MountWatcher::scheduleRescan);
    m_poll->setInterval(pollIntervalMs);
    connect(m_poll, &QTimer::timeout, this, &MountWatcher::rescan);
    m_poll->start();

    // The kernel marks /proc/self/mountinfo exceptional (POLLPRI) when the mount table changes.
    m_mountsFd = ::open("/proc/self/mountinfo", O_RDONLY | O_CLOEXEC);
    if (m_mountsFd >= 0) {
        m_mounts = new QSocketNotifier(m_mountsFd, QSocketNotifier::Exception, this);
        connect(m_mounts, &QSocketNotifier::activated, this, [this] {
            char buffer[4096];
            ::lseek(m_mountsFd, 0, SEEK_SET);
            while (::read(m_mountsFd, buffer, sizeof buffer) > 0) {
            }
            scheduleRescan();
        });
    }
    rescan();
}

MountWatcher::~MountWatcher()
{
    delete m_mounts;
    if (m_mountsFd >= 0)
        ::close(m_mountsFd);
}

QStringList MountWatcher::packFolders() const
{
    QStringList list(m_found.cbegin(), m_found.cend());
    list.sort();
    return list;
}

void MountWatcher::scheduleRescan()
{
    rescan();
    m_debounce->start();
}

void MountWatcher::updateWatches()
{
    QStringList wanted;
    for (const QString &parent : std::as_const(m_parents)) {
        if (!QFileInfo(parent).isDir())
            continue;
        wanted.append(parent);
        const QDir dir(parent);
        for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
            wanted.append(dir.filePath(sub));
    }
    const QStringList watched = m_watcher->directories();
    QStringList gone;
    for (const QString &w : watched) {
        if (!wanted.contains(w))
            gone.append(w);
    }
    if (!gone.isEmpty())
        m_watcher->removePaths(gone);
    QStringList added;
    for (const QString &w : std::as_const(wanted)) {
        if (!watched.contains(w))
            added.append(w);
    }
    if (!added.isEmpty())
        m_watcher->addPaths(added);
}

void MountWatcher::rescan()
{
    updateWatches();
    QSet<QString> found;
    auto consider = [&](const QString &base) {
        const QString candidate = QDir(base).filePath(m_packFolder);
        if (fs::entryKind(candidate) == fs::EntryKind::Directory
            && fs::entryKind(QDir(candidate).filePath(u"manifest.json"_s)) != fs::EntryKind::Missing)
            found.insert(candidate);
    };
    for (const QString &parent : std::as_const(m_parents)) {
        consider(parent);
        const QDir dir(parent);
        for (const QString &sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
            consider(dir.filePath(sub));
            const QDir subDir(dir.filePath(sub));
            for (const QString &subSub : subDir.entryList(QDir::Dirs | QDir::NoDotAndDotDot))
                consider(subDir.filePath(subSub));
        }
    }
    const QSet<QString> before = m_found;
    m_found = found;
    for (const QString &f : std::as_const(found)) {
        if (!before.contains(f)) {
            qCInfo(lcMount).noquote() << "pack folder appeared:" << f;
            Q_EMIT packFolderAppeared(f);
        }
    }
    for (const QString &f : before) {
        if (!found.contains(f)) {
            qCInfo(lcMount).noquote() << "pack folder gone:" << f;
            Q_EMIT packFolderDisappeared(f);
        }
    }
}

} // namespace passerelle::sync
