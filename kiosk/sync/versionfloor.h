#pragma once

#include "problem.h"

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace passerelle::sync {

/**
 * The highest pack version a store ever accepted, per pack id, so that a rollback stays
 * refused when `current` and `previous` are lost (a damaged disk, an operator's cleanup).
 * Kept in <store>/version-floor.json, {"namur": 12}, rewritten atomically (temporary file,
 * fsync, rename, fsync of the folder): after a power cut it holds the old floor or the new.
 */
class VersionFloor
{
public:
    static constexpr qint64 kMaxFileBytes = 64 * 1024;

    /** Reads the store's floor; none yet is an empty floor, a damaged file a problem. */
    static Result<VersionFloor> load(const QString &storeRoot);

    [[nodiscard]] static QString filePath(const QString &storeRoot);
    /** The highest version accepted for packId; 0 when none was. */
    [[nodiscard]] qint64 floor(const QString &packId) const { return m_floors.value(packId, 0); }
    /** The pack ids the store ever accepted. */
    [[nodiscard]] QStringList packIds() const { return m_floors.keys(); }
    /** Records that version of packId was accepted; the file is written only when that raises the floor. */
    [[nodiscard]] std::optional<Problem> raise(const QString &packId, qint64 version);

private:
    QString m_path;
    QMap<QString, qint64> m_floors;
};

} // namespace passerelle::sync
