#pragma once

#include "minisign.h"
#include "problem.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace passerelle::sync {

/** How a kiosk syncs: where its store is, where packs come from, whom it trusts, how often. */
struct SyncConfig
{
    /** The store (objects/, packs/, current, previous, status.json). */
    QString storeRoot = QStringLiteral("/var/lib/passerelle");
    /** Sources in priority order: http(s) URLs of a published tree, or absolute folder paths. */
    QStringList sources;
    /** Where USB sticks are mounted; a stick with usbPackFolder/ on it is tried before the sources. */
    QStringList usbMountParents;
    QString usbPackFolder = QStringLiteral("passerelle");
    /** Trusted signing keys; several during a key rotation. */
    QList<MinisignPublicKey> trustedKeys;
    /**
     * If set, only this pack id is accepted (otherwise: the id of the active pack, or the
     * one pack id the store's version floor knows).
     */
    QString packId;
    /** This kiosk's version, compared with a manifest's min_kiosk. */
    QString kioskVersion;

    int checkIntervalSeconds = 3600;
    /** A random 0..jitter seconds added to every interval, so a fleet spreads its checks. */
    int checkJitterSeconds = 600;
    int transferTimeoutMs = 30000;
    int maxAttempts = 5;
    int retryBaseDelayMs = 1000;
    int retryMaxDelayMs = 60000;
    /**
     * Bounds of every HTTP request (see HttpSource::Options): an overall deadline (an
     * object also gets the time its size needs at the minimum rate) and a minimum rate
     * averaged over a window. The defaults pass a poor 3G link (UMTS in bad coverage
     * still gives 8 kB/s or more) and stop a server that trickles.
     */
    int requestDeadlineSeconds = 120;
    qint64 minBytesPerSecond = 2048;
    int rateWindowSeconds = 30;
    /** Refuse http:// sources and redirects to http. */
    bool httpsOnly = false;
    /** Hosts ("host" or "host:port") an HTTP source may redirect to besides its own. */
    QStringList redirectHosts;
    /** Disk space left free after a sync; a sync that would eat into it is not started. */
    qint64 freeSpaceReserveBytes = 64LL * 1024 * 1024;
    /** Where the status file goes; empty: <storeRoot>/status.json. */
    QString statusFile;
    /** Switch to a staged pack at once (headless use); a kiosk switches at its attract screen. */
    bool activateImmediately = false;

    /** The defaults, with kioskVersion set to this build's version. */
    static SyncConfig defaults();

    /**
     * Reads the "sync" section of a kiosk configuration:
     * {"store": DIR, "sources": [URL|DIR...], "usb_mount_parents": [DIR...],
     *  "usb_pack_folder": NAME, "keys": [FILE.pub | base64 key...], "pack": ID,
     *  "check_interval_s": N, "check_jitter_s": N, "timeout_ms": N, "attempts": N,
     *  "retry_delay_ms": N, "retry_max_delay_ms": N, "free_space_reserve_mb": N,
     *  "request_deadline_s": N, "min_rate_bytes_per_s": N, "rate_window_s": N,
     *  "https_only": BOOL, "redirect_hosts": [HOST[:PORT]...], "status_file": FILE}.
     * Unknown keys are errors; a number out of range names the key, the value and the range.
     */
    static Result<SyncConfig> fromJson(const QJsonObject &json, const QString &origin);

    [[nodiscard]] QString statusFilePath() const;
    /** A source that https_only refuses, if any (for an error naming it). */
    [[nodiscard]] QString plainHttpSource() const;
};

} // namespace passerelle::sync
