#include "packmanifest.h"

#include "sha256.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

QString formatTime(const QDateTime &time) { return time.toUTC().toString(Qt::ISODate); }

QDateTime parseTime(const QJsonValue &value)
{
    if (!value.isString())
        return {};
    static const QRegularExpression form(u"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z$"_s);
    const QString text = value.toString();
    if (!form.match(text).hasMatch())
        return {};
    QDateTime time = QDateTime::fromString(text, Qt::ISODate);
    time.setTimeSpec(Qt::UTC);
    return time;
}

bool isWholeNumber(const QJsonValue &value, qint64 min, qint64 max)
{
    if (!value.isDouble())
        return false;
    const double d = value.toDouble();
    // Range first: converting a double outside qint64's range is undefined (found by fuzz_manifest).
    return d >= double(min) && d <= double(max) && d == double(qint64(d));
}

bool onlyKeys(const QJsonObject &object, const QSet<QString> &allowed, QString *unknown)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!allowed.contains(it.key())) {
            *unknown = it.key();
            return false;
        }
    }
    return true;
}

/**
 * ^[a-z0-9][a-z0-9.+/-]{0,99}$ (an object's type or role), by hand: two regular
 * expression matches per object were most of parsing a manifest of thousands.
 */
bool isToken(const QString &text)
{
    if (text.isEmpty() || text.size() > 100)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        const bool alnum = (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
        if (!alnum && (i == 0 || (c != u'.' && c != u'+' && c != u'/' && c != u'-')))
            return false;
    }
    return true;
}

} // namespace

Result<PackManifest> PackManifest::parse(const QByteArray &json, const QString &fileName)
{
    auto fail = [&](const QString &message) {
        return Problem{fileName, 0, message, u"the pack is damaged or was not made by passerelle-pack"_s};
    };
    if (json.size() > kMaxBytes)
        return fail(u"manifest is larger than %1 bytes"_s.arg(kMaxBytes));

    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return fail(u"not valid JSON at offset %1: %2"_s.arg(error.offset).arg(error.errorString()));
    if (!doc.isObject())
        return fail(u"the top level is not an object"_s);

    const QJsonObject root = doc.object();
    QString unknown;
    if (!onlyKeys(root, {u"format"_s, u"pack"_s, u"version"_s, u"created"_s, u"expires"_s,
                         u"schema"_s, u"min_kiosk"_s, u"objects"_s},
                  &unknown))
        return fail(u"unknown key \"%1\""_s.arg(unknown));
    if (!isWholeNumber(root.value(u"format"_s), 0, 1000))
        return fail(u"\"format\" is missing or not a number"_s);
    if (root.value(u"format"_s).toInt() != kFormat)
        return fail(u"format %1 is not supported (this kiosk reads format %2)"_s
                        .arg(root.value(u"format"_s).toInt())
                        .arg(kFormat));

    PackManifest m;
    static const QRegularExpression idForm(u"^[a-z0-9][a-z0-9-]{0,63}$"_s);
    m.packId = root.value(u"pack"_s).toString();
    if (!idForm.match(m.packId).hasMatch())
        return fail(u"\"pack\" must be a short id of a-z, 0-9 and -"_s);
    if (!isWholeNumber(root.value(u"version"_s), 1, qint64(1) << 50))
        return fail(u"\"version\" must be a whole number of at least 1"_s);
    m.version = qint64(root.value(u"version"_s).toDouble());
    m.created = parseTime(root.value(u"created"_s));
    m.expires = parseTime(root.value(u"expires"_s));
    if (!m.created.isValid() || !m.expires.isValid())
        return fail(u"\"created\" and \"expires\" must be UTC times like 2026-01-31T12:00:00Z"_s);
    if (!isWholeNumber(root.value(u"schema"_s), 1, 1000000))
        return fail(u"\"schema\" must be a whole number"_s);
    m.schema = root.value(u"schema"_s).toInt();
    static const QRegularExpression versionForm(u"^\\d{1,4}(\\.\\d{1,4}){0,3}$"_s);
    m.minKioskVersion = root.value(u"min_kiosk"_s).toString();
    if (!versionForm.match(m.minKioskVersion).hasMatch())
        return fail(u"\"min_kiosk\" must be a version like 0.1.0"_s);

    const QJsonValue objectsValue = root.value(u"objects"_s);
    if (!objectsValue.isArray())
        return fail(u"\"objects\" must be a list"_s);
    const QJsonArray objects = objectsValue.toArray();
    if (objects.size() > kMaxObjects)
        return fail(u"more than %1 objects"_s.arg(kMaxObjects));
    QSet<QString> seen;
    int databases = 0;
    for (const QJsonValue &value : objects) {
        if (!value.isObject())
            return fail(u"an entry of \"objects\" is not an object"_s);
        const QJsonObject o = value.toObject();
        static const QSet<QString> objectKeys{u"sha256"_s, u"size"_s, u"type"_s, u"role"_s};
        if (!onlyKeys(o, objectKeys, &unknown))
            return fail(u"unknown key \"%1\" in an object"_s.arg(unknown));
        PackObject object;
        object.sha256 = o.value(u"sha256"_s).toString();
        if (!isSha256Hex(object.sha256))
            return fail(u"an object's \"sha256\" is not 64 lower-case hex digits"_s);
        if (seen.contains(object.sha256))
            return fail(u"object %1 is listed twice"_s.arg(object.sha256));
        seen.insert(object.sha256);
        if (!isWholeNumber(o.value(u"size"_s), 0, qint64(1) << 40))
            return fail(u"object %1 has no valid size"_s.arg(object.sha256));
        object.size = qint64(o.value(u"size"_s).toDouble());
        object.type = o.value(u"type"_s).toString();
        object.role = o.value(u"role"_s).toString();
        if (!isToken(object.type) || !isToken(object.role))
            return fail(u"object %1 has no valid type or role"_s.arg(object.sha256));
        if (object.role == u"database")
            ++databases;
        m.objects.append(object);
    }
    if (databases != 1)
        return fail(u"a pack has exactly one database object, this one has %1"_s.arg(databases));
    std::sort(m.objects.begin(), m.objects.end(),
              [](const PackObject &a, const PackObject &b) { return a.sha256 < b.sha256; });
    return m;
}

QByteArray PackManifest::serialize() const
{
    QList<PackObject> sorted = objects;
    std::sort(sorted.begin(), sorted.end(),
              [](const PackObject &a, const PackObject &b) { return a.sha256 < b.sha256; });
    QJsonArray list;
    for (const PackObject &o : sorted) {
        list.append(QJsonObject{{u"sha256"_s, o.sha256},
                                {u"size"_s, double(o.size)},
                                {u"type"_s, o.type},
                                {u"role"_s, o.role}});
    }
    const QJsonObject root{{u"format"_s, kFormat},
                           {u"pack"_s, packId},
                           {u"version"_s, double(version)},
                           {u"created"_s, formatTime(created)},
                           {u"expires"_s, formatTime(expires)},
                           {u"schema"_s, schema},
                           {u"min_kiosk"_s, minKioskVersion},
                           {u"objects"_s, list}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

const PackObject *PackManifest::database() const
{
    auto it = std::find_if(objects.cbegin(), objects.cend(),
                           [](const PackObject &o) { return o.role == u"database"; });
    return it == objects.cend() ? nullptr : &*it;
}

qint64 PackManifest::totalSize() const
{
    qint64 total = 0;
    for (const PackObject &o : objects)
        total += o.size;
    return total;
}

int compareVersions(const QString &a, const QString &b)
{
    const QStringList pa = a.split(u'.');
    const QStringList pb = b.split(u'.');
    for (qsizetype i = 0; i < std::max(pa.size(), pb.size()); ++i) {
        const int x = i < pa.size() ? pa[i].toInt() : 0;
        const int y = i < pb.size() ? pb[i].toInt() : 0;
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

} // namespace passerelle
