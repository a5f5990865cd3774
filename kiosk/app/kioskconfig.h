#pragma once

#include "keymap.h"
#include "problem.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace passerelle {

/**
 * The kiosk's configuration, /etc/passerelle/passerelle.conf (INI). Every key is
 * documented in deploy/passerelle.conf; the defaults here are the ones written there.
 * A bad or unknown value never stops the kiosk: it is reported with its file, line,
 * key and reason, and the default of that key is used instead.
 */
struct KioskConfig
{
    static inline const QString kDefaultPath = QStringLiteral("/etc/passerelle/passerelle.conf");

    // [kiosk]
    QString name = QStringLiteral("Passerelle");
    /** Where the kiosk stands (WGS 84 degrees), for sorting services by distance. */
    std::optional<double> latitude;
    std::optional<double> longitude;
    /** Languages offered, in this order; empty: every language of the pack. */
    QStringList languages;
    /** The language a new visitor starts in; empty: the pack's source language. */
    QString defaultLanguage;

    // [display]
    double pxPerMm = 3.6;

    // [audio]
    /** The sound output: empty/"default", "headset first", or text its name contains. */
    QString audioOutput;

    // [session]
    /** Seconds without a touch before the "more time?" warning. */
    int idleWarningSeconds = 90;
    /** Seconds the warning stays before the session resets (at least 20: WCAG 2.2.1). */
    int idleResetSeconds = 30;

    // [keys]
    /** Which key does what; each line of [keys] replaces the keys of one action. */
    KeyMap keys = KeyMap::defaults();

    // [sync]
    /** http(s) URLs of published pack trees, or absolute folders, in priority order. */
    QStringList syncSources;
    int syncIntervalSeconds = 3600;
    int syncJitterSeconds = 600;
    /** minisign public keys: the base64 key line itself, or the absolute path of a .pub file. */
    QStringList trustedKeys;
    /** Only this pack id is accepted; empty: the id of the pack the kiosk has. */
    QString syncPackId;
    /** Where USB sticks are mounted; a stick with a passerelle/ folder brings a pack. */
    QStringList syncUsbMountParents = {QStringLiteral("/media"), QStringLiteral("/run/media")};
    /** Bounds of every HTTP request (see sync::SyncConfig). */
    int syncRequestDeadlineSeconds = 120;
    qint64 syncMinBytesPerSecond = 2048;
    int syncRateWindowSeconds = 30;
    bool syncHttpsOnly = false;
    /** Hosts (host or host:port) the sources may redirect to besides their own. */
    QStringList syncRedirectHosts;

    // [staff]
    /** crypto_pwhash_str of the staff PIN (passerelle --hash-pin); empty: no staff screen. */
    QString staffPinHash;
    /** Where "export CSV" writes: the folder a USB stick is mounted at. */
    QString exportFolder = QStringLiteral("/media/passerelle-usb");

    // [web]
    /** The web copy of the content, for QR codes; empty: no QR codes. */
    QString webBaseUrl;

    // [storage]
    QString stateDirectory = QStringLiteral("/var/lib/passerelle");
    /** The pack installed into an empty state directory on first start. */
    QString firstPack = QStringLiteral("/usr/share/passerelle/packs/demo");

    // [health]
    /** Prometheus node-exporter textfile; empty: not written. */
    QString healthTextfile = QStringLiteral("/var/lib/prometheus/node-exporter/passerelle.prom");
    int healthIntervalSeconds = 60;

    // [usage]
    /** Exported usage counts below this are written "<n"; never less than the floor. */
    static constexpr int kMinExportedCountFloor = 5;
    int minExportedCount = kMinExportedCountFloor;

    struct Loaded;
    /** Reads a configuration; a missing or unreadable file gives the defaults and one warning. */
    static Loaded load(const QString &path);
    /** Parses INI text; fileName is only used in the problems. */
    static Loaded parse(const QByteArray &text, const QString &fileName);
};

struct KioskConfig::Loaded
{
    KioskConfig config;
    /** Warnings, one per bad line or value: "file:line: warning: [section] key: reason (...)". */
    Problems problems;
};

/** True for "ar", "fr", "prs", "pt-BR": the form of a language code in the config. */
[[nodiscard]] bool isLanguageCode(const QString &code);
/** Why a minisign public key (the base64 line) is not one, or nullopt when it is. */
[[nodiscard]] std::optional<QString> checkMinisignPublicKey(const QString &base64);

} // namespace passerelle
