#pragma once

#include "problem.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <optional>

namespace passerelle {

/** What a kiosk tells its fleet's Prometheus, through node-exporter's textfile collector. */
struct HealthSnapshot
{
    QString kioskName;
    QString version;
    QString packId;
    qint64 packVersion = 0;
    QDateTime packExpires;
    /** Invalid when the kiosk never synced. */
    QDateTime lastSync;
    bool lastSyncSucceeded = false;
    qint64 uptimeSeconds = 0;
    /** When a previous run ended without a clean exit; invalid when none did. */
    QDateTime lastCrash;
    /** False in the last file written at a clean exit. */
    bool up = true;
    /** The start path's reasons for not showing `current` (packFallbackReasonName()). */
    QStringList packFallbacks;
    /** No usable pack: the out-of-service screen shows. */
    bool outOfService = false;
};

/**
 * The Prometheus text exposition format (version 0.0.4) of a snapshot:
 * passerelle_up, passerelle_build_info{version,kiosk}, passerelle_pack_version{pack_id},
 * passerelle_pack_expiry_timestamp_seconds, passerelle_last_sync_timestamp_seconds,
 * passerelle_last_sync_success, passerelle_uptime_seconds,
 * passerelle_last_crash_timestamp_seconds, passerelle_pack_fallback{reason} (one line per
 * reason, 1 when the start path passed over a pack for it), passerelle_out_of_service.
 * Times never known are 0.
 */
[[nodiscard]] QByteArray renderHealthTextfile(const HealthSnapshot &snapshot);

/**
 * Writes a file so readers see the old bytes or the new ones, never half, and never
 * through a symlink someone planted (sync::fs::writeFileAtomically), mode 0644.
 */
[[nodiscard]] std::optional<Problem> writeFileAtomically(const QString &path, const QByteArray &bytes);

/**
 * Tells whether the previous run crashed. A run leaves the file "running" in the state
 * directory while it lives (its time is refreshed by the health report) and removes it
 * at a clean exit; a run that finds it at start knows the previous one died, at about
 * the file's time, and keeps that time in "last-crash".
 */
class CrashMarker
{
public:
    explicit CrashMarker(QString stateDirectory);
    /** Records a crash of the previous run if there was one, then marks this run as running. */
    void start();
    /** Refreshes the marker's time (the crash time, should this run die). */
    void touch();
    /** This run ends cleanly. */
    void finish();
    [[nodiscard]] QDateTime lastCrash() const;

private:
    QString m_marker;
    QString m_lastCrash;
};

/** Writes the health textfile at start and every interval. */
class HealthReporter : public QObject
{
    Q_OBJECT

public:
    using Snapshot = std::function<HealthSnapshot()>;
    HealthReporter(QString path, int intervalSeconds, Snapshot snapshot, QObject *parent = nullptr);

    /** Writes now; logs a problem once (not every minute) until a write works again. */
    bool writeNow();
    void start();
    /** The last file: passerelle_up 0. */
    void writeFinal();

Q_SIGNALS:
    void written();

private:
    QString m_path;
    Snapshot m_snapshot;
    QTimer m_timer;
    bool m_failing = false;
};

} // namespace passerelle
