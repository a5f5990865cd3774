#include "versionfloor.h"

#include "fsutil.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

namespace passerelle::sync {

using namespace Qt::StringLiterals;

QString VersionFloor::filePath(const QString &storeRoot) { return QDir(storeRoot).filePath(u"version-floor.json"_s); }

Result<VersionFloor> VersionFloor::load(const QString &storeRoot)
{
    VersionFloor floor;
    floor.m_path = filePath(storeRoot);
    if (fs::entryKind(floor.m_path) == fs::EntryKind::Missing)
        return floor;
    Result<QByteArray> bytes = fs::readSmallFile(floor.m_path, kMaxFileBytes);
    if (!bytes)
        return bytes.problem();
    const QString hint = u"it records the newest pack versions this kiosk accepted, so that older ones are refused; "
                         u"restore it from a backup, or remove it only if the store was emptied on purpose"_s;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes.value(), &error);
    if (!doc.isObject())
        return Problem{floor.m_path, 0, u"not a version floor: "_s + error.errorString(), hint};
    const QJsonObject json = doc.object();
    for (auto it = json.constBegin(); it != json.constEnd(); ++it) {
        const double v = it.value().toDouble(-1);
        if (!(v >= 1 && v <= 9007199254740992.0) || v != qint64(v))
            return Problem{floor.m_path, 0, u"pack \"%1\": not a version number"_s.arg(it.key()), hint};
        floor.m_floors.insert(it.key(), qint64(v));
    }
    return floor;
}

std::optional<Problem> VersionFloor::raise(const QString &packId, qint64 version)
{
    if (packId.isEmpty() || version <= floor(packId))
        return std::nullopt;
    QMap<QString, qint64> next = m_floors;
    next.insert(packId, version);
    QJsonObject json;
    for (auto it = next.constBegin(); it != next.constEnd(); ++it)
        json.insert(it.key(), double(it.value()));
    if (std::optional<Problem> problem = fs::writeFileDurably(m_path, QJsonDocument(json).toJson(QJsonDocument::Indented)))
        return problem;
    m_floors = std::move(next);
    return std::nullopt;
}

} // namespace passerelle::sync
