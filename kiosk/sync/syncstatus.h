#pragma once

#include "problem.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace passerelle::sync {

/**
 * What operators see of sync (the staff screen, and status.json in the store, written
 * after every check and switch):
 *
 *   {"last_check": "2026-03-01T10:00:00Z", "result": "rejected",
 *    "last_error": "…/manifest.json.minisig: error: signed with key …", "source": URL|DIR,
 *    "active_version": 12, "active_created": …, "active_expires": …, "active_expired": false,
 *    "previous_version": 11, "staged_version": 0, "kiosk_version": "0.1.0",
 *    "check_started": null or when the check under way started,
 *    "refusal": "" or why a pack was refused for good, until a newer pack is accepted}
 */
struct SyncStatus
{
    /** never, up-to-date, staged, activated, rejected, failed, rolled-back. */
    QString result = QStringLiteral("never");
    QDateTime lastCheck;
    /** When the check under way started; invalid when none is (the staff screen shows it at once). */
    QDateTime checkStarted;
    QString lastError;
    QString source;
    /**
     * A pack refused for good (rollback, another pack id, a newer kiosk or schema):
     * reported as the result of every check until a newer pack is accepted.
     */
    QString refusal;
    qint64 activeVersion = 0;
    QDateTime activeCreated;
    QDateTime activeExpires;
    bool activeExpired = false;
    qint64 previousVersion = 0;
    qint64 stagedVersion = 0;
    QString kioskVersion;

    [[nodiscard]] QJsonObject toJson() const;
    static SyncStatus fromJson(const QJsonObject &json);

    /** Writes the file durably (temporary file, fsync, rename). */
    [[nodiscard]] std::optional<Problem> write(const QString &path) const;
    static Result<SyncStatus> read(const QString &path);

    friend bool operator==(const SyncStatus &, const SyncStatus &) = default;
};

} // namespace passerelle::sync
