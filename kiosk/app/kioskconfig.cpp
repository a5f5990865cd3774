#include "kioskconfig.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>
#include <functional>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

using Reason = std::optional<QString>;

struct KeyRule
{
    QString section;
    QString key;
    /** Stores the value in the config, or says why it cannot. */
    std::function<Reason(KioskConfig &, const QString &)> apply;
};

QStringList splitList(const QString &value)
{
    QStringList out;
    for (const QString &part : value.split(u','))
        if (!part.trimmed().isEmpty())
            out.append(part.trimmed());
    return out;
}

Reason parseInt(const QString &value, int min, int max, int *out)
{
    bool ok = false;
    const int n = QLocale::c().toInt(value, &ok);
    if (!ok)
        return u"\"%1\" is not a whole number"_s.arg(value);
    if (n < min || n > max)
        return u"%1 is outside %2..%3"_s.arg(value).arg(min).arg(max);
    *out = n;
    return std::nullopt;
}

Reason parseInt64(const QString &value, qint64 min, qint64 max, qint64 *out)
{
    bool ok = false;
    const qint64 n = QLocale::c().toLongLong(value, &ok);
    if (!ok)
        return u"\"%1\" is not a whole number"_s.arg(value);
    if (n < min || n > max)
        return u"%1 is outside %2..%3"_s.arg(value).arg(min).arg(max);
    *out = n;
    return std::nullopt;
}

Reason parseBool(const QString &value, bool *out)
{
    if (value == u"true"_s || value == u"yes"_s || value == u"1"_s)
        *out = true;
    else if (value == u"false"_s || value == u"no"_s || value == u"0"_s)
        *out = false;
    else
        return u"\"%1\" is not true or false"_s.arg(value);
    return std::nullopt;
}

Reason parseReal(const QString &value, double min, double max, double *out)
{
    bool ok = false;
    const double d = QLocale::c().toDouble(value, &ok);
    if (!ok)
        return u"\"%1\" is not a number (use a dot for decimals)"_s.arg(value);
    if (d < min || d > max)
        return u"%1 is outside %2..%3"_s.arg(value).arg(min).arg(max);
    *out = d;
    return std::nullopt;
}

Reason checkAbsolutePath(const QString &value)
{
    if (!value.startsWith(u'/'))
        return u"\"%1\" is not an absolute path"_s.arg(value);
    if (value.contains(u"/../"_s) || value.endsWith(u"/.."_s))
        return u"\"%1\" contains \"..\""_s.arg(value);
    return std::nullopt;
}

Reason checkHttpUrl(const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s) || url.host().isEmpty())
        return u"\"%1\" is not an http:// or https:// address"_s.arg(value);
    return std::nullopt;
}

Reason checkName(const QString &value)
{
    if (value.isEmpty())
        return u"the name is empty"_s;
    if (value.size() > 80)
        return u"the name is longer than 80 characters"_s;
    for (const QChar c : value)
        if (c.category() == QChar::Other_Control)
            return u"the name contains a control character"_s;
    return std::nullopt;
}

Reason checkTrustedKey(const QString &value)
{
    if (!value.startsWith(u'/'))
        return checkMinisignPublicKey(value);
    QFile file(value);
    if (!file.open(QIODevice::ReadOnly))
        return u"cannot read the key file %1"_s.arg(value);
    // A minisign .pub file: "untrusted comment: ..." then the base64 key line.
    const QList<QByteArray> lines = file.read(4096).split('\n');
    for (const QByteArray &raw : lines) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.isEmpty() || line.startsWith(u"untrusted comment:"_s))
            continue;
        if (Reason r = checkMinisignPublicKey(line))
            return u"%1: %2"_s.arg(value, *r);
        return std::nullopt;
    }
    return u"the key file %1 holds no key"_s.arg(value);
}

/** [keys] NAME = a comma-separated list of keys: replaces the keys of that action. */
KeyRule keysRule(KeyAction action)
{
    return {u"keys"_s, KeyMap::nameOf(action), [action](KioskConfig &c, const QString &v) -> Reason {
                QString error;
                if (!c.keys.bind(action, v, &error))
                    return error;
                return std::nullopt;
            }};
}

const QList<KeyRule> &rules()
{
    static const QList<KeyRule> list = {
        {u"kiosk"_s, u"name"_s, [](KioskConfig &c, const QString &v) -> Reason {
             if (Reason r = checkName(v))
                 return r;
             c.name = v;
             return std::nullopt;
         }},
        {u"kiosk"_s, u"latitude"_s, [](KioskConfig &c, const QString &v) -> Reason {
             double d = 0;
             if (Reason r = parseReal(v, -90, 90, &d))
                 return r;
             c.latitude = d;
             return std::nullopt;
         }},
        {u"kiosk"_s, u"longitude"_s, [](KioskConfig &c, const QString &v) -> Reason {
             double d = 0;
             if (Reason r = parseReal(v, -180, 180, &d))
                 return r;
             c.longitude = d;
             return std::nullopt;
         }},
        {u"kiosk"_s, u"languages"_s, [](KioskConfig &c, const QString &v) -> Reason {
             const QStringList codes = splitList(v);
             for (qsizetype i = 0; i < codes.size(); ++i) {
                 if (!isLanguageCode(codes[i]))
                     return u"\"%1\" is not a language code such as fr, ar or prs"_s.arg(codes[i]);
                 if (codes.indexOf(codes[i]) != i)
                     return u"\"%1\" is listed twice"_s.arg(codes[i]);
             }
             c.languages = codes;
             return std::nullopt;
         }},
        {u"kiosk"_s, u"default_language"_s, [](KioskConfig &c, const QString &v) -> Reason {
             if (!v.isEmpty() && !isLanguageCode(v))
                 return u"\"%1\" is not a language code such as fr, ar or prs"_s.arg(v);
             c.defaultLanguage = v;
             return std::nullopt;
         }},
        {u"display"_s, u"px_per_mm"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseReal(v, 1.0, 20.0, &c.pxPerMm);
         }},
        {u"audio"_s, u"output"_s, [](KioskConfig &c, const QString &v) -> Reason {
             // Any text may name an output (AudioOutputChoice); only its form is checked here.
             if (v.size() > 200)
                 return u"the value is longer than 200 characters"_s;
             for (const QChar ch : v)
                 if (ch.category() == QChar::Other_Control)
                     return u"the value contains a control character"_s;
             c.audioOutput = v;
             return std::nullopt;
         }},
        {u"session"_s, u"idle_warning_seconds"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseInt(v, 10, 3600, &c.idleWarningSeconds);
         }},
        {u"session"_s, u"idle_reset_seconds"_s, [](KioskConfig &c, const QString &v) -> Reason {
             // The warning must stay at least 20 s (WCAG 2.2.1, ACCESSIBILITY.md item 10).
             return parseInt(v, 20, 600, &c.idleResetSeconds);
         }},
        // [keys]: one line per action (keymap.h)
        keysRule(KeyAction::Previous),
        keysRule(KeyAction::Next),
        keysRule(KeyAction::Activate),
        keysRule(KeyAction::Back),
        keysRule(KeyAction::Help),
        keysRule(KeyAction::Home),
        keysRule(KeyAction::VolumeUp),
        keysRule(KeyAction::VolumeDown),
        {u"sync"_s, u"sources"_s, [](KioskConfig &c, const QString &v) -> Reason {
             const QStringList sources = splitList(v);
             for (const QString &s : sources) {
                 Reason r = s.startsWith(u'/') ? checkAbsolutePath(s) : checkHttpUrl(s);
                 if (r)
                     return u"source %1"_s.arg(*r);
             }
             c.syncSources = sources;
             return std::nullopt;
         }},
        {u"sync"_s, u"interval_seconds"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseInt(v, 60, 7 * 24 * 3600, &c.syncIntervalSeconds);
         }},
        {u"sync"_s, u"jitter_seconds"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseInt(v, 0, 24 * 3600, &c.syncJitterSeconds);
         }},
        {u"sync"_s, u"trusted_keys"_s, [](KioskConfig &c, const QString &v) -> Reason {
             const QStringList keys = splitList(v);
             for (const QString &k : keys)
                 if (Reason r = checkTrustedKey(k))
                     return r;
             c.trustedKeys = keys;
             return std::nullopt;
         }},
        {u"sync"_s, u"pack_id"_s, [](KioskConfig &c, const QString &v) -> Reason {
             static const QRegularExpression form(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
             if (!v.isEmpty() && !form.match(v).hasMatch())
                 return u"\"%1\" is not a pack id (lower-case letters, digits, . _ -)"_s.arg(v);
             c.syncPackId = v;
             return std::nullopt;
         }},
        {u"sync"_s, u"usb_mount_parents"_s, [](KioskConfig &c, const QString &v) -> Reason {
             const QStringList parents = splitList(v);
             for (const QString &p : parents)
                 if (Reason r = checkAbsolutePath(p))
                     return r;
             c.syncUsbMountParents = parents;
             return std::nullopt;
         }},
        {u"sync"_s, u"request_deadline_seconds"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseInt(v, 5, 86400, &c.syncRequestDeadlineSeconds);
         }},
        {u"sync"_s, u"min_rate_bytes_per_second"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseInt64(v, 0, 1000000000, &c.syncMinBytesPerSecond);
         }},
        {u"sync"_s, u"rate_window_seconds"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseInt(v, 1, 3600, &c.syncRateWindowSeconds);
         }},
        {u"sync"_s, u"https_only"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseBool(v, &c.syncHttpsOnly);
         }},
        {u"sync"_s, u"redirect_hosts"_s, [](KioskConfig &c, const QString &v) -> Reason {
             static const QRegularExpression form(u"^[A-Za-z0-9.-]+(:\\d{1,5})?$"_s);
             const QStringList hosts = splitList(v);
             for (const QString &h : hosts)
                 if (!form.match(h).hasMatch())
                     return u"\"%1\" is not a host name or host:port"_s.arg(h);
             c.syncRedirectHosts = hosts;
             return std::nullopt;
         }},
        {u"staff"_s, u"pin_hash"_s, [](KioskConfig &c, const QString &v) -> Reason {
             // crypto_pwhash_str writes "$argon2id$v=19$m=...,t=...,p=...$salt$hash", < 128 bytes.
             static const QRegularExpression form(
                 u"^\\$argon2id?\\$v=\\d+\\$m=\\d+,t=\\d+,p=\\d+\\$[A-Za-z0-9+/]+\\$[A-Za-z0-9+/]+$"_s);
             if (!v.isEmpty() && (v.size() >= 128 || !form.match(v).hasMatch()))
                 return u"not a hash made by passerelle --hash-pin (it starts with $argon2id$)"_s;
             c.staffPinHash = v;
             return std::nullopt;
         }},
        {u"staff"_s, u"export_folder"_s, [](KioskConfig &c, const QString &v) -> Reason {
             if (Reason r = checkAbsolutePath(v))
                 return r;
             c.exportFolder = v;
             return std::nullopt;
         }},
        {u"web"_s, u"base_url"_s, [](KioskConfig &c, const QString &v) -> Reason {
             if (!v.isEmpty())
                 if (Reason r = checkHttpUrl(v))
                     return r;
             c.webBaseUrl = v;
             return std::nullopt;
         }},
        {u"storage"_s, u"state_directory"_s, [](KioskConfig &c, const QString &v) -> Reason {
             if (Reason r = checkAbsolutePath(v))
                 return r;
             c.stateDirectory = v;
             return std::nullopt;
         }},
        {u"storage"_s, u"first_pack"_s, [](KioskConfig &c, const QString &v) -> Reason {
             if (Reason r = checkAbsolutePath(v))
                 return r;
             c.firstPack = v;
             return std::nullopt;
         }},
        {u"health"_s, u"textfile"_s, [](KioskConfig &c, const QString &v) -> Reason {
             if (!v.isEmpty()) {
                 if (Reason r = checkAbsolutePath(v))
                     return r;
                 // node-exporter's textfile collector only reads *.prom files.
                 if (!v.endsWith(u".prom"_s))
                     return u"\"%1\" does not end in .prom, so node-exporter would not read it"_s.arg(v);
             }
             c.healthTextfile = v;
             return std::nullopt;
         }},
        {u"health"_s, u"interval_seconds"_s, [](KioskConfig &c, const QString &v) -> Reason {
             return parseInt(v, 10, 3600, &c.healthIntervalSeconds);
         }},
        {u"usage"_s, u"min_exported_count"_s, [](KioskConfig &c, const QString &v) -> Reason {
             // Raising it hides more; lowering it would single visitors out, so it cannot be.
             constexpr int floor = KioskConfig::kMinExportedCountFloor;
             bool ok = false;
             const int n = QLocale::c().toInt(v, &ok);
             if (ok && n < floor)
                 return u"%1 is below %2: exported counts under %2 could single out a visitor, "
                        "so this value can only be raised"_s.arg(v).arg(floor);
             return parseInt(v, floor, 1000, &c.minExportedCount);
         }},
    };
    return list;
}

} // namespace

bool isLanguageCode(const QString &code)
{
    static const QRegularExpression form(u"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"_s);
    return form.match(code).hasMatch();
}

std::optional<QString> checkMinisignPublicKey(const QString &base64)
{
    // A minisign public key: base64 of "Ed" + 8-byte key id + 32-byte Ed25519 key.
    const auto decoded = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || base64.size() != 56)
        return u"\"%1\" is not a minisign public key (56 base64 characters)"_s.arg(base64);
    if (decoded.decoded.size() != 42 || !decoded.decoded.startsWith("Ed"))
        return u"\"%1\" is not an Ed25519 minisign public key"_s.arg(base64);
    return std::nullopt;
}

KioskConfig::Loaded KioskConfig::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Loaded loaded;
        loaded.problems.append(Problem{path, 0, u"cannot read the configuration: %1"_s.arg(file.errorString()),
                                       u"every key takes its default"_s, Problem::Severity::Warning});
        return loaded;
    }
    return parse(file.read(1024 * 1024), path);
}

KioskConfig::Loaded KioskConfig::parse(const QByteArray &text, const QString &fileName)
{
    Loaded loaded;
    auto warn = [&](int line, const QString &message, const QString &hint) {
        loaded.problems.append(Problem{fileName, line, message, hint, Problem::Severity::Warning});
    };

    QHash<QString, int> seenAt; // "section/key" -> line
    QHash<QString, int> goodAt; // "section/key" -> line of the value in use
    QString section;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int lineNumber = int(i) + 1;
        const QString line = QString::fromUtf8(lines[i]).trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[')) {
            if (!line.endsWith(u']')) {
                warn(lineNumber, u"\"%1\" is not a [section] line"_s.arg(line), u"the line is ignored"_s);
                continue;
            }
            section = line.mid(1, line.size() - 2).trimmed();
            const bool known = std::any_of(rules().cbegin(), rules().cend(),
                                           [&](const KeyRule &r) { return r.section == section; });
            if (!known)
                warn(lineNumber, u"unknown section [%1]"_s.arg(section), u"its keys are ignored"_s);
            continue;
        }
        const qsizetype eq = line.indexOf(u'=');
        if (eq <= 0) {
            warn(lineNumber, u"\"%1\" is not a key = value line"_s.arg(line), u"the line is ignored"_s);
            continue;
        }
        const QString key = line.left(eq).trimmed();
        const QString value = line.mid(eq + 1).trimmed();
        const auto rule = std::find_if(rules().cbegin(), rules().cend(),
                                       [&](const KeyRule &r) { return r.section == section && r.key == key; });
        if (rule == rules().cend()) {
            if (section.isEmpty())
                warn(lineNumber, u"%1: the key is outside any [section]"_s.arg(key), u"the line is ignored"_s);
            else
                warn(lineNumber, u"[%1] %2: unknown key"_s.arg(section, key), u"the line is ignored"_s);
            continue;
        }
        const QString id = section + u'/' + key;
        if (seenAt.contains(id))
            warn(lineNumber, u"[%1] %2: set again (first on line %3)"_s.arg(section, key).arg(seenAt.value(id)),
                 u"this later value is used"_s);
        seenAt.insert(id, lineNumber);
        KioskConfig candidate = loaded.config;
        if (Reason reason = rule->apply(candidate, value)) {
            const QString hint = goodAt.contains(id) ? u"keeping the value of line %1"_s.arg(goodAt.value(id))
                                                     : u"using the default"_s;
            warn(lineNumber, u"[%1] %2: %3"_s.arg(section, key, *reason), hint);
            continue;
        }
        goodAt.insert(id, lineNumber);
        loaded.config = candidate;
    }

    // Checks across keys.
    KioskConfig &c = loaded.config;
    if (c.latitude.has_value() != c.longitude.has_value()) {
        const QString missing = c.latitude ? u"longitude"_s : u"latitude"_s;
        const int line = seenAt.value(c.latitude ? u"kiosk/latitude"_s : u"kiosk/longitude"_s);
        warn(line, u"[kiosk] %1: missing, so the location is unknown"_s.arg(missing),
             u"set both latitude and longitude, or neither"_s);
        c.latitude.reset();
        c.longitude.reset();
    }
    if (!c.defaultLanguage.isEmpty() && !c.languages.isEmpty() && !c.languages.contains(c.defaultLanguage)) {
        warn(seenAt.value(u"kiosk/default_language"_s),
             u"[kiosk] default_language: \"%1\" is not one of the languages offered (%2)"_s
                 .arg(c.defaultLanguage, c.languages.join(u", "_s)),
             u"using the first language offered, %1"_s.arg(c.languages.first()));
        c.defaultLanguage = c.languages.first();
    }
    if (c.syncJitterSeconds > c.syncIntervalSeconds) {
        warn(seenAt.value(u"sync/jitter_seconds"_s),
             u"[sync] jitter_seconds: %1 is more than interval_seconds (%2)"_s.arg(c.syncJitterSeconds)
                 .arg(c.syncIntervalSeconds),
             u"using interval_seconds"_s);
        c.syncJitterSeconds = c.syncIntervalSeconds;
    }
    if (c.syncHttpsOnly) {
        QStringList kept;
        for (const QString &s : std::as_const(c.syncSources)) {
            if (s.startsWith(u"http://"_s))
                warn(seenAt.value(u"sync/sources"_s), u"[sync] sources: %1 is plain http, and https_only is set"_s.arg(s),
                     u"this source is not used; give it as https://"_s);
            else
                kept.append(s);
        }
        c.syncSources = kept;
    }
    return loaded;
}

} // namespace passerelle
