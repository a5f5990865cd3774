#pragma once

#include <QElapsedTimer>
#include <QFileSystemWatcher>
#include <QHash>
#include <QObject>
#include <QTimer>

namespace passerelle {

/**
 * Watches a content folder and everything under it, and says once when it changed after
 * a quiet moment (several saves in a row, or a program writing many files, are one
 * change). Every directory and file is watched; after each event the tree is scanned
 * again, so new subfolders, and files replaced by an editor that saves by writing a new
 * file and renaming it over the old one, stay watched. Hidden files (an editor's swap
 * and backup files) are not content: creating or writing them is not a change.
 */
class ContentWatcher : public QObject
{
    Q_OBJECT

public:
    explicit ContentWatcher(QString root, int quietMs = 300, QObject *parent = nullptr);

    [[nodiscard]] QString root() const { return m_root; }
    /** Every directory and file watched now (for the tests). */
    [[nodiscard]] QStringList watchedPaths() const;

Q_SIGNALS:
    /** The content changed; waitedMs is the time since the first event of the change. */
    void changed(qint64 waitedMs);

private:
    struct Entry
    {
        qint64 size = 0;
        qint64 modified = 0; // ms since the epoch
        bool operator==(const Entry &other) const = default;
    };
    using Snapshot = QHash<QString, Entry>;

    void noticed(bool contentFile);
    void settle();
    /** Lists the tree and watches whatever is new in it. */
    [[nodiscard]] Snapshot scan();

    QString m_root;
    QFileSystemWatcher m_watcher;
    QTimer m_quiet;
    QElapsedTimer m_sinceFirstEvent;
    Snapshot m_snapshot;
    bool m_fileTouched = false;
};

} // namespace passerelle
