#pragma once

// Test support for sync: fixture packs built by the real passerelle-pack from
// tests/data/content, signed with our code, served from folders or a real nginx.

#include "minisign.h"
#include "packmanifest.h"

#include <QString>
#include <QTemporaryDir>

#include <functional>

namespace passerelle::synctest {

/** Paths the build gives the tests (compile definitions). */
QString packTool();
QString syncTool();
QString testContentDir();
QString sourceDir();

/** A temporary folder with a signing key pair and the means to make packs in it. */
class Workspace
{
public:
    Workspace();

    [[nodiscard]] bool isValid() const { return m_dir.isValid(); }
    [[nodiscard]] QString path(const QString &relative = {}) const;
    [[nodiscard]] const sync::MinisignSecretKey &key() const { return m_key; }
    [[nodiscard]] QString publicKeyFile() const { return path(QStringLiteral("keys/editor.pub")); }
    [[nodiscard]] QString secretKeyFile() const { return path(QStringLiteral("keys/editor.key")); }

    struct PackOptions
    {
        qint64 version = 1;
        QString packId = QStringLiteral("test-pack");
        /** Extra pictograms (new objects), each unique to this version unless shared is set. */
        int extraPictograms = 0;
        qint64 pictogramPadding = 0;
        bool sharedPictograms = false;
        /** Appended to the first paragraph of editPage: a one-page edit. */
        QString pageEdit;
        QString editPage = QStringLiteral("pages/health/amu.fr.md");
        QString contentDir; // empty: tests/data/content
    };
    static PackOptions options(qint64 version, int extraPictograms = 0, const QString &pageEdit = {})
    {
        PackOptions o;
        o.version = version;
        o.extraPictograms = extraPictograms;
        o.pageEdit = pageEdit;
        return o;
    }
    /**
     * Builds a pack with the real passerelle-pack (SOURCE_DATE_EPOCH pinned) into
     * path(name) and signs it with key(). Returns the pack folder, empty on failure.
     */
    QString buildPack(const QString &name, const PackOptions &options);

    /** (Re)signs a pack folder's manifest with key (default: key()). */
    static bool sign(const QString &packDir, const sync::MinisignSecretKey &key);
    /** Copies a pack into a served tree: objects merged, signature and manifest last. */
    static bool publish(const QString &packDir, const QString &tree);
    /** Edits the manifest (re-serialized), then re-signs with key. */
    static bool editManifest(const QString &packDir, const sync::MinisignSecretKey &key,
                             const std::function<void(PackManifest &)> &edit);
    /** Replaces the database object with edit(bytes): new object, manifest updated, re-signed. */
    static bool editDatabase(const QString &packDir, const sync::MinisignSecretKey &key,
                             const std::function<void(QByteArray &)> &edit);
    /**
     * Damages a pack database so that PRAGMA integrity_check fails while its header (and
     * so Pack::open) still reads fine: one byte of an index leaf page.
     */
    static void corruptIndex(QByteArray &db);
    /** Reads a whole file (empty on error). */
    static QByteArray read(const QString &path);
    static bool write(const QString &path, const QByteArray &data);
    /** The object file of the database of a pack folder. */
    static QString databaseObject(const QString &packDir);
    static PackManifest manifest(const QString &packDir);

private:
    QTemporaryDir m_dir;
    sync::MinisignSecretKey m_key;
};

} // namespace passerelle::synctest
