#include "workspace.h"

#include "packsignature.h"
#include "sha256.h"
#include "sqlitedatabase.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>

namespace passerelle::synctest {

using namespace Qt::StringLiterals;

QString packTool() { return QStringLiteral(PASSERELLE_PACK_TOOL); }
QString syncTool() { return QStringLiteral(PASSERELLE_SYNC_TOOL); }
QString testContentDir() { return QStringLiteral(PASSERELLE_TEST_CONTENT); }
QString sourceDir() { return QStringLiteral(PASSERELLE_SOURCE_DIR); }

namespace {

bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(source));
        if (it.fileInfo().isDir()) {
            QDir().mkpath(target);
        } else {
            QDir().mkpath(QFileInfo(target).absolutePath());
            QFile::remove(target);
            if (!QFile::copy(source, target))
                return false;
        }
    }
    return true;
}

} // namespace

Workspace::Workspace() : m_key(sync::MinisignSecretKey::generate())
{
    QDir().mkpath(path(u"keys"_s));
    write(publicKeyFile(), m_key.publicKey().toFileText());
    write(secretKeyFile(), m_key.toFileText());
}

QString Workspace::path(const QString &relative) const
{
    return relative.isEmpty() ? m_dir.path() : QDir(m_dir.path()).filePath(relative);
}

QByteArray Workspace::read(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool Workspace::write(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

QString Workspace::buildPack(const QString &name, const PackOptions &options)
{
    const QString content = path(name + u"-content"_s);
    QDir(content).removeRecursively();
    if (!copyTree(options.contentDir.isEmpty() ? testContentDir() : options.contentDir, content))
        return {};
    QByteArray yaml = read(QDir(content).filePath(u"pack.yaml"_s));
    QString text = QString::fromUtf8(yaml);
    text.replace(QRegularExpression(u"(?m)^version: *\\d+"_s), u"version: %1"_s.arg(options.version));
    text.replace(QRegularExpression(u"(?m)^id: *[a-z0-9-]+"_s), u"id: "_s + options.packId);
    write(QDir(content).filePath(u"pack.yaml"_s), text.toUtf8());
    for (int i = 0; i < options.extraPictograms; ++i) {
        QByteArray svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><!-- ";
        if (options.sharedPictograms)
            svg += "shared " + QByteArray::number(i);
        else
            svg += "v" + QByteArray::number(options.version) + " n" + QByteArray::number(i);
        svg += ' ';
        // Padding that differs per pictogram, so each is its own object.
        QByteArray pad(options.pictogramPadding, 'x');
        for (qint64 p = 0; p < pad.size(); p += 97)
            pad[p] = char('a' + (p / 97 + i) % 26);
        svg += pad + " --></svg>\n";
        write(QDir(content).filePath(u"pictograms/extra-%1.svg"_s.arg(i)), svg);
    }
    if (!options.pageEdit.isEmpty()) {
        // Appended to the first paragraph: the text changes, the block structure (which
        // translations must keep) does not.
        const QString page = QDir(content).filePath(options.editPage);
        QList<QByteArray> lines = read(page).split('\n');
        int fences = 0;
        for (QByteArray &line : lines) {
            if (line.trimmed() == "---") {
                ++fences;
                continue;
            }
            // A plain paragraph line: not a picture, quote, list, link or heading.
            if (fences >= 2 && !line.isEmpty() && QChar::fromLatin1(line.at(0)).isLetter()) {
                line += ' ' + options.pageEdit.toUtf8();
                break;
            }
        }
        write(page, lines.join('\n'));
    }
    const QString out = path(name);
    QProcess build;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SOURCE_DATE_EPOCH"_s, QString::number(1767225600 + options.version * 86400)); // 2026-01-01 + v days
    build.setProcessEnvironment(env);
    build.start(packTool(), {u"build"_s, content, out});
    if (!build.waitForFinished(120000) || build.exitCode() != 0) {
        qWarning().noquote() << "passerelle-pack build failed:" << build.readAllStandardError();
        return {};
    }
    return sign(out, m_key) ? out : QString();
}

bool Workspace::sign(const QString &packDir, const sync::MinisignSecretKey &key)
{
    const QByteArray manifest = read(QDir(packDir).filePath(u"manifest.json"_s));
    Result<QByteArray> signature = sync::signManifest(manifest, key);
    return signature && write(QDir(packDir).filePath(u"manifest.json.minisig"_s), signature.value());
}

bool Workspace::publish(const QString &packDir, const QString &tree)
{
    QDir().mkpath(QDir(tree).filePath(u"objects"_s));
    const QDir objects(QDir(packDir).filePath(u"objects"_s));
    for (const QString &name : objects.entryList(QDir::Files)) {
        const QString target = QDir(tree).filePath(u"objects/"_s + name);
        QFile::remove(target);
        if (!QFile::copy(objects.filePath(name), target))
            return false;
    }
    // nginx's ETag is mtime and size: make each publish's mtime new, as a real one
    // (minutes apart) would be, so that two quick publishes never share an ETag.
    static qint64 counter = 0;
    const QDateTime stamp = QDateTime::currentDateTimeUtc().addSecs(++counter);
    for (const QString &name : {u"manifest.json.minisig"_s, u"manifest.json"_s}) {
        const QString target = QDir(tree).filePath(name);
        QFile::remove(target);
        if (!QFile::copy(QDir(packDir).filePath(name), target))
            return false;
        QFile file(target);
        if (!file.open(QIODevice::ReadWrite) || !file.setFileTime(stamp, QFileDevice::FileModificationTime))
            return false;
    }
    return true;
}

void Workspace::corruptIndex(QByteArray &db)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"copy.sqlite"_s);
    write(path, db);
    qint64 root = 0, pageSize = 0;
    {
        Result<SqliteDatabase> copy = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
        SqliteStatement q = copy->prepare(
            u"SELECT rootpage FROM sqlite_master WHERE name = 'sqlite_autoindex_languages_1'"_s);
        if (q.next())
            root = q.integer(0);
        SqliteStatement size = copy->prepare(u"PRAGMA page_size"_s);
        if (size.next())
            pageSize = size.integer(0);
    }
    if (root > 1 && pageSize > 0 && root * pageSize <= db.size()) {
        const qint64 at = root * pageSize - 10; // cell content sits at the end of a page
        db[at] = char(db[at] ^ 0xff);
    }
}

PackManifest Workspace::manifest(const QString &packDir)
{
    Result<PackManifest> m = PackManifest::parse(read(QDir(packDir).filePath(u"manifest.json"_s)), packDir);
    return m ? m.value() : PackManifest();
}

QString Workspace::databaseObject(const QString &packDir)
{
    const PackManifest m = manifest(packDir);
    return m.database() ? QDir(packDir).filePath(u"objects/"_s + m.database()->sha256) : QString();
}

bool Workspace::editManifest(const QString &packDir, const sync::MinisignSecretKey &key,
                             const std::function<void(PackManifest &)> &edit)
{
    PackManifest m = manifest(packDir);
    edit(m);
    return write(QDir(packDir).filePath(u"manifest.json"_s), m.serialize()) && sign(packDir, key);
}

bool Workspace::editDatabase(const QString &packDir, const sync::MinisignSecretKey &key,
                             const std::function<void(QByteArray &)> &edit)
{
    const QString oldPath = databaseObject(packDir);
    QByteArray db = read(oldPath);
    edit(db);
    const QString hash = sha256Hex(db);
    if (!write(QDir(packDir).filePath(u"objects/"_s + hash), db))
        return false;
    QFile::remove(oldPath);
    return editManifest(packDir, key, [&](PackManifest &m) {
        for (PackObject &o : m.objects) {
            if (o.role == u"database") {
                o.sha256 = hash;
                o.size = db.size();
            }
        }
    });
}

} // namespace passerelle::synctest
