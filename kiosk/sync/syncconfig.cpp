#include "syncconfig.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QLocale>
#include <QSet>
#include <QUrl>

#include <cmath>
#include <type_traits>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

SyncConfig SyncConfig::defaults()
{
    SyncConfig config;
    config.kioskVersion = QStringLiteral(PASSERELLE_VERSION);
    config.usbMountParents = {u"/media"_s, u"/run/media"_s};
    return config;
}

QString SyncConfig::statusFilePath() const
{
    return statusFile.isEmpty() ? QDir(storeRoot).filePath(u"status.json"_s) : statusFile;
}

QString SyncConfig::plainHttpSource() const
{
    if (!httpsOnly)
        return {};
    for (const QString &s : sources) {
        if (s.startsWith(u"http://"_s, Qt::CaseInsensitive))
            return s;
    }
    return {};
}

Result<SyncConfig> SyncConfig::fromJson(const QJsonObject &json, const QString &origin)
{
    auto fail = [&](const QString &message) {
        return Problem{origin, 0, u"sync: "_s + message, u"see deploy/README for the sync settings"_s};
    };
    static const QSet<QString> known{u"store"_s, u"sources"_s, u"usb_mount_parents"_s, u"usb_pack_folder"_s, u"keys"_s,
                                     u"pack"_s, u"check_interval_s"_s, u"check_jitter_s"_s, u"timeout_ms"_s,
                                     u"attempts"_s, u"retry_delay_ms"_s, u"retry_max_delay_ms"_s,
                                     u"free_space_reserve_mb"_s, u"status_file"_s, u"request_deadline_s"_s,
                                     u"min_rate_bytes_per_s"_s, u"rate_window_s"_s, u"https_only"_s,
                                     u"redirect_hosts"_s};
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return fail(u"unknown setting \"%1\""_s.arg(it.key()));
    }
    SyncConfig c = defaults();
    auto strings = [&](const QString &key, QStringList *out) {
        if (!json.contains(key))
            return true;
        if (!json.value(key).isArray())
            return false;
        out->clear();
        for (const QJsonValue &v : json.value(key).toArray()) {
            if (!v.isString())
                return false;
            out->append(v.toString());
        }
        return true;
    };
    // The range is checked on the double, before any conversion (1e300 does not fit an int).
    auto integer = [&](const QString &key, qint64 min, qint64 max, auto *out) -> std::optional<Problem> {
        if (!json.contains(key))
            return std::nullopt;
        const QJsonValue v = json.value(key);
        const QString range = u"a whole number from %1 to %2"_s.arg(min).arg(max);
        if (!v.isDouble())
            return fail(u"\"%1\" must be %2"_s.arg(key, range));
        const double d = v.toDouble();
        if (!(d >= double(min) && d <= double(max)) || d != std::floor(d))
            return fail(u"\"%1\" is %2; it must be %3"_s.arg(key, QString::number(d, 'g', QLocale::FloatingPointShortest), range));
        *out = static_cast<std::remove_pointer_t<decltype(out)>>(d);
        return std::nullopt;
    };
    if (json.contains(u"store"_s))
        c.storeRoot = json.value(u"store"_s).toString();
    if (c.storeRoot.isEmpty() || QDir::isRelativePath(c.storeRoot))
        return fail(u"\"store\" must be an absolute folder"_s);
    if (!strings(u"sources"_s, &c.sources))
        return fail(u"\"sources\" must be a list of URLs or folders"_s);
    for (const QString &s : std::as_const(c.sources)) {
        const QUrl url(s);
        const bool http = url.scheme() == u"http" || url.scheme() == u"https";
        if (!(http && url.isValid() && !url.host().isEmpty()) && !(s.startsWith(u'/')))
            return fail(u"source \"%1\" is neither an http(s) URL nor an absolute folder"_s.arg(s));
    }
    if (!strings(u"usb_mount_parents"_s, &c.usbMountParents))
        return fail(u"\"usb_mount_parents\" must be a list of folders"_s);
    if (json.contains(u"usb_pack_folder"_s)) {
        c.usbPackFolder = json.value(u"usb_pack_folder"_s).toString();
        if (c.usbPackFolder.isEmpty() || c.usbPackFolder.contains(u'/') || c.usbPackFolder.startsWith(u'.'))
            return fail(u"\"usb_pack_folder\" must be a plain folder name"_s);
    }
    QStringList keys;
    if (!strings(u"keys"_s, &keys))
        return fail(u"\"keys\" must be a list of public key files or base64 keys"_s);
    for (const QString &k : std::as_const(keys)) {
        if (k.startsWith(u'/')) {
            Result<QList<MinisignPublicKey>> loaded = loadPublicKeys({k});
            if (!loaded)
                return loaded.problem();
            c.trustedKeys += loaded.value();
        } else {
            Result<MinisignPublicKey> key = MinisignPublicKey::fromBase64(k.toLatin1(), origin);
            if (!key)
                return key.problem();
            c.trustedKeys.append(key.value());
        }
    }
    if (c.trustedKeys.isEmpty())
        return fail(u"no trusted key: list at least one in \"keys\""_s);
    c.packId = json.value(u"pack"_s).toString();
    int reserveMb = int(c.freeSpaceReserveBytes / (1024 * 1024));
    for (std::optional<Problem> problem :
         {integer(u"check_interval_s"_s, 10, 7 * 86400, &c.checkIntervalSeconds),
          integer(u"check_jitter_s"_s, 0, 86400, &c.checkJitterSeconds),
          integer(u"timeout_ms"_s, 100, 600000, &c.transferTimeoutMs), integer(u"attempts"_s, 1, 100, &c.maxAttempts),
          integer(u"retry_delay_ms"_s, 0, 600000, &c.retryBaseDelayMs),
          integer(u"retry_max_delay_ms"_s, 0, 3600000, &c.retryMaxDelayMs),
          integer(u"free_space_reserve_mb"_s, 0, 1000000, &reserveMb),
          integer(u"request_deadline_s"_s, 5, 86400, &c.requestDeadlineSeconds),
          integer(u"min_rate_bytes_per_s"_s, 0, 1000000000, &c.minBytesPerSecond),
          integer(u"rate_window_s"_s, 1, 3600, &c.rateWindowSeconds)}) {
        if (problem)
            return *problem;
    }
    c.freeSpaceReserveBytes = qint64(reserveMb) * 1024 * 1024;
    if (json.contains(u"https_only"_s)) {
        if (!json.value(u"https_only"_s).isBool())
            return fail(u"\"https_only\" must be true or false"_s);
        c.httpsOnly = json.value(u"https_only"_s).toBool();
    }
    if (!c.plainHttpSource().isEmpty())
        return fail(u"source \"%1\" is plain http, and \"https_only\" is set"_s.arg(c.plainHttpSource()));
    if (!strings(u"redirect_hosts"_s, &c.redirectHosts))
        return fail(u"\"redirect_hosts\" must be a list of host names (host or host:port)"_s);
    if (json.contains(u"status_file"_s))
        c.statusFile = json.value(u"status_file"_s).toString();
    return c;
}

} // namespace passerelle::sync
