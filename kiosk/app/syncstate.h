#pragma once

#include <QDateTime>
#include <QFileSystemWatcher>
#include <QObject>
#include <QString>

namespace passerelle {

/** What the staff screen and the health file show of sync. */
struct SyncState
{
    /** When the last check ended; invalid when there was none. */
    QDateTime lastCheck;
    /** When the check under way started; invalid when none is. */
    QDateTime checkStarted;
    /** never, up-to-date, staged, activated, rejected, failed, rolled-back. */
    QString result = QStringLiteral("never");
    QString lastError;
    QString source;

    /** A check that ended well: the kiosk has the newest pack it may have. */
    [[nodiscard]] bool succeeded() const;
    friend bool operator==(const SyncState &, const SyncState &) = default;
};

/** Where sync state comes from: the sync's status file, or a fake in tests. */
class SyncStateSource : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    [[nodiscard]] virtual SyncState state() const = 0;

Q_SIGNALS:
    void changed();
};

/**
 * Reads status.json, which the syncer writes into the store after every check (see
 * kiosk/sync's SyncStatus): {"last_check": ISO 8601, "result": ..., "last_error": ...,
 * "source": ...}. Unknown keys are ignored; a missing file means "never".
 */
class SyncStatusFile : public SyncStateSource
{
    Q_OBJECT

public:
    explicit SyncStatusFile(QString path, QObject *parent = nullptr);
    [[nodiscard]] SyncState state() const override { return m_state; }
    /** Reads the file again (also done when it changes). */
    void reload();

private:
    QString m_path;
    SyncState m_state;
    QFileSystemWatcher m_watcher;
};

} // namespace passerelle
