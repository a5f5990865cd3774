#include "syncstatus.h"

#include "fsutil.h"

#include <QJsonDocument>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

namespace {
QJsonValue timeValue(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toUTC().toString(Qt::ISODate)) : QJsonValue();
}
QDateTime parseTime(const QJsonValue &v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODate);
    if (t.isValid())
        t = t.toUTC();
    return t;
}
} // namespace

QJsonObject SyncStatus::toJson() const
{
    return QJsonObject{{u"result"_s, result},
                       {u"last_check"_s, timeValue(lastCheck)},
                       {u"check_started"_s, timeValue(checkStarted)},
                       {u"last_error"_s, lastError},
                       {u"source"_s, source},
                       {u"active_version"_s, double(activeVersion)},
                       {u"active_created"_s, timeValue(activeCreated)},
                       {u"active_expires"_s, timeValue(activeExpires)},
                       {u"active_expired"_s, activeExpired},
                       {u"previous_version"_s, double(previousVersion)},
                       {u"staged_version"_s, double(stagedVersion)},
                       {u"kiosk_version"_s, kioskVersion},
                       {u"refusal"_s, refusal}};
}

SyncStatus SyncStatus::fromJson(const QJsonObject &json)
{
    SyncStatus s;
    s.result = json.value(u"result"_s).toString(u"never"_s);
    s.lastCheck = parseTime(json.value(u"last_check"_s));
    s.checkStarted = parseTime(json.value(u"check_started"_s));
    s.lastError = json.value(u"last_error"_s).toString();
    s.source = json.value(u"source"_s).toString();
    s.activeVersion = qint64(json.value(u"active_version"_s).toDouble());
    s.activeCreated = parseTime(json.value(u"active_created"_s));
    s.activeExpires = parseTime(json.value(u"active_expires"_s));
    s.activeExpired = json.value(u"active_expired"_s).toBool();
    s.previousVersion = qint64(json.value(u"previous_version"_s).toDouble());
    s.stagedVersion = qint64(json.value(u"staged_version"_s).toDouble());
    s.kioskVersion = json.value(u"kiosk_version"_s).toString();
    s.refusal = json.value(u"refusal"_s).toString();
    return s;
}

std::optional<Problem> SyncStatus::write(const QString &path) const
{
    return fs::writeFileDurably(path, QJsonDocument(toJson()).toJson(QJsonDocument::Indented));
}

Result<SyncStatus> SyncStatus::read(const QString &path)
{
    Result<QByteArray> bytes = fs::readSmallFile(path, 1024 * 1024);
    if (!bytes)
        return bytes.problem();
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value(), &error);
    if (!doc.isObject())
        return Problem{path, 0, u"not a status file: "_s + error.errorString(), {}};
    return fromJson(doc.object());
}

} // namespace passerelle::sync
