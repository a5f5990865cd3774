#pragma once

#include <QObject>
#include <QSet>
#include <QStringList>

class QFileSystemWatcher;
class QSocketNotifier;
class QTimer;

namespace passerelle::sync {

/**
 * Notices USB sticks carrying a pack. Looks for <packFolder> in each configured parent,
 * in its folders and in their folders (so /media/usb0/passerelle and udisks'
 * /media/<user>/<label>/passerelle). Rescans when a
 * parent or one of its folders changes (QFileSystemWatcher), when the mount table changes
 * (poll on /proc/self/mountinfo) and, as a fallback, every pollIntervalMs.
 */
class MountWatcher : public QObject
{
    Q_OBJECT
public:
    MountWatcher(QStringList parents, QString packFolder, int pollIntervalMs = 30000, QObject *parent = nullptr);
    ~MountWatcher() override;

    /** The pack folders present at the last scan. */
    [[nodiscard]] QStringList packFolders() const;

public Q_SLOTS:
    /** Looks again now (also done on every change noticed). */
    void rescan();

Q_SIGNALS:
    /** A pack folder that was not there at the previous scan. */
    void packFolderAppeared(const QString &folder);
    void packFolderDisappeared(const QString &folder);

private:
    void scheduleRescan();
    void updateWatches();

    QStringList m_parents;
    QString m_packFolder;
    QFileSystemWatcher *m_watcher = nullptr;
    QSocketNotifier *m_mounts = nullptr;
    int m_mountsFd = -1;
    QTimer *m_debounce = nullptr;
    QTimer *m_poll = nullptr;
    QSet<QString> m_found;
};

} // namespace passerelle::sync
