#include "pack.h"

#include "packschema.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcPack, "passerelle.pack")

Result<std::shared_ptr<Pack>> Pack::open(const QString &manifestPath, const QString &objectsDir)
{
    QFile file(manifestPath);
    if (!file.open(QIODevice::ReadOnly))
        return Problem{manifestPath, 0, u"cannot read the pack manifest"_s,
                       u"build a pack with passerelle-pack build, or point the kiosk at one"_s};
    Result<PackManifest> manifest = PackManifest::parse(file.read(PackManifest::kMaxBytes + 1), manifestPath);
    if (!manifest)
        return manifest.problem();
    if (manifest->schema != kPackSchemaVersion)
        return Problem{manifestPath, 0,
                       u"pack schema %1 is not the one this kiosk reads (%2)"_s.arg(manifest->schema).arg(kPackSchemaVersion),
                       u"install a kiosk version that reads it, or rebuild the pack"_s};

    std::shared_ptr<Pack> pack(new Pack);
    pack->m_manifestPath = manifestPath;
    pack->m_objectsDir = objectsDir;
    pack->m_manifest = std::move(manifest.value());
    for (const PackObject &o : pack->m_manifest.objects)
        pack->m_objectHashes.insert(o.sha256);

    const PackObject *db = pack->m_manifest.database();
    const QString dbPath = pack->objectPath(db->sha256);
    const QFileInfo dbInfo(dbPath);
    if (!dbInfo.isFile() || dbInfo.size() != db->size)
        return Problem{dbPath, 0, u"the pack database is missing or has the wrong size"_s,
                       u"the pack is incomplete: sync it again"_s};
    Result<SqliteDatabase> opened = SqliteDatabase::open(dbPath, SqliteDatabase::Mode::ReadOnlyImmutable);
    if (!opened)
        return opened.problem();
    pack->m_database = std::move(opened.value());

    SqliteStatement version = pack->m_database.prepare(u"PRAGMA user_version"_s);
    if (!version.next() || version.integer(0) != kPackSchemaVersion)
        return Problem{dbPath, 0, u"the pack database is not of schema %1"_s.arg(kPackSchemaVersion),
                       u"the pack is damaged: rebuild or sync it again"_s};
    qCInfo(lcPack) << "opened pack" << pack->m_manifest.packId << "version" << pack->m_manifest.version;
    return pack;
}

Result<std::shared_ptr<Pack>> Pack::openDirectory(const QString &dir)
{
    return open(QDir(dir).filePath(u"manifest.json"_s), QDir(dir).filePath(u"objects"_s));
}

QString Pack::objectPath(const QString &sha256) const
{
    return m_objectHashes.contains(sha256) ? QDir(m_objectsDir).filePath(sha256) : QString();
}

} // namespace passerelle
