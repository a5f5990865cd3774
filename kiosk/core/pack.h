#pragma once

#include "packmanifest.h"
#include "problem.h"
#include "sqlitedatabase.h"

#include <QSet>
#include <QString>

#include <memory>

namespace passerelle {

/** An installed content pack: its manifest, its read-only database and its media objects. */
class Pack
{
public:
    /**
     * Opens the pack described by manifestPath whose objects live in objectsDir.
     * Checks that the database object is there with its declared size and that its
     * schema is the one this kiosk reads. Never writes anything.
     */
    static Result<std::shared_ptr<Pack>> open(const QString &manifestPath, const QString &objectsDir);
    /** A published pack tree: dir/manifest.json and dir/objects/. */
    static Result<std::shared_ptr<Pack>> openDirectory(const QString &dir);

    [[nodiscard]] const PackManifest &manifest() const { return m_manifest; }
    [[nodiscard]] const SqliteDatabase &database() const { return m_database; }
    /** The file of an object, by hash; empty when the hash is not part of this pack. */
    [[nodiscard]] QString objectPath(const QString &sha256) const;
    [[nodiscard]] QString manifestPath() const { return m_manifestPath; }

private:
    Pack() = default;

    QString m_manifestPath;
    QString m_objectsDir;
    PackManifest m_manifest;
    QSet<QString> m_objectHashes;
    SqliteDatabase m_database;
};

} // namespace passerelle
