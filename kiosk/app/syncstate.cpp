#include "syncstate.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace passerelle {

using namespace Qt::StringLiterals;

bool SyncState::succeeded() const
{
    return result == u"up-to-date"_s || result == u"staged"_s || result == u"activated"_s;
}

SyncStatusFile::SyncStatusFile(QString path, QObject *parent) : SyncStateSource(parent), m_path(std::move(path))
{
    // The syncer replaces the file by a rename: watch the folder, not the old inode.
    const QString folder = QFileInfo(m_path).absolutePath();
    if (QFileInfo(folder).isDir())
        m_watcher.addPath(folder);
    connect(&m_watcher, &QFileSystemWatcher::directoryChanged, this, &SyncStatusFile::reload);
    reload();
}

void SyncStatusFile::reload()
{
    SyncState next;
    QFile file(m_path);
    if (file.open(QIODevice::ReadOnly)) {
        const QJsonObject json = QJsonDocument::fromJson(file.read(1024 * 1024)).object();
        next.lastCheck = QDateTime::fromString(json.value(u"last_check"_s).toString(), Qt::ISODate);
        next.checkStarted = QDateTime::fromString(json.value(u"check_started"_s).toString(), Qt::ISODate);
        next.result = json.value(u"result"_s).toString(u"never"_s);
        next.lastError = json.value(u"last_error"_s).toString();
        next.source = json.value(u"source"_s).toString();
    }
    if (next == m_state)
        return;
    m_state = next;
    Q_EMIT changed();
}

} // namespace passerelle
