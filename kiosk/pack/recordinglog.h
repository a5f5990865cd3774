#pragma once

#include "contentmodel.h"
#include "problem.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

namespace passerelle::content {

/**
 * content/audio/<lang>/recordings.yaml: for each human recording of a language (path
 * relative to content/audio/<lang>/, e.g. "amu-steps/3.opus"), the hash of the French text
 * it was recorded from (frenchTextHash(), the translated_from hash for blocks) and the day
 * it was made. A recording cannot tell that its French changed; this file can.
 */
struct RecordingLog
{
    struct Entry
    {
        QString frenchHash;
        QDate date;
    };

    /** The log's path: <contentDir>/audio/<lang>/recordings.yaml. */
    [[nodiscard]] static QString path(const QString &contentDir, const QString &lang);
    /** A missing file is an empty log; any YAML mistake is an error with the file and line. */
    static Result<RecordingLog> read(const QString &contentDir, const QString &lang);

    /** Empty when unknown. */
    [[nodiscard]] QString frenchHash(const QString &recording) const;
    /** Invalid when unknown. */
    [[nodiscard]] QDate date(const QString &recording) const;
    [[nodiscard]] QStringList recordings() const { return entries.keys(); }
    void set(const QString &recording, const QString &frenchHash, const QDate &date);
    void remove(const QString &recording) { entries.remove(recording); }

    /** The file's bytes: sorted by recording, the same log always gives the same bytes. */
    [[nodiscard]] QByteArray serialize() const;
    /** Written safely (a temporary file renamed over it); the folder is made if needed. */
    Result<void> write(const QString &contentDir, const QString &lang) const;

    QMap<QString, Entry> entries;
    /** The line of each entry in the file read, for messages. */
    QMap<QString, int> lines;
};

/**
 * For every language: the errors of its recordings.yaml, and a warning for each recording
 * whose logged French differs from the current French ("record it again"). Recordings
 * without an entry predate the log and are not warned about.
 */
void checkRecordingLogs(const ContentSet &set, Problems &problems);

} // namespace passerelle::content
