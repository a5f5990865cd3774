#include "packbuilder.h"

#include "fsutil.h"
#include "packmanifest.h"
#include "packschema.h"
#include "searchfold.h"
#include "sha256.h"
#include "sqlitedatabase.h"
#include "textunits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <algorithm>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

QString joinLines(const QStringList &list) { return list.join(u'\n'); }

class Builder
{
public:
    Builder(const ContentSet &set, const QString &stageDir, Problems &problems)
        : m_set(set), m_stage(stageDir), m_problems(problems)
    {
    }

    bool run(const BuildOptions &options)
    {
        m_audio = options.audio;
        if (!QDir().mkpath(m_stage.filePath(u"objects"_s)))
            return fail(m_stage.path(), u"cannot create the output folder"_s);
        const QString dbPath = m_stage.filePath(u"build.sqlite"_s);
        Result<SqliteDatabase> opened = SqliteDatabase::open(dbPath, SqliteDatabase::Mode::ReadWriteCreate);
        if (!opened)
            return fail(dbPath, opened.problem().message);
        m_db = &opened.value();
        if (!exec(u"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; PRAGMA page_size = 4096;"_s)
            || !exec(QString::fromUtf8(packSchemaSql())) || !exec(u"BEGIN"_s))
            return false;
        if (!writeMeta() || !writeLanguages() || !writePictograms() || !writeTopics() || !writeStatuses()
            || !writeServices() || !writePages() || !writeLabels())
            return false;
        if (!exec(u"COMMIT"_s) || !exec(u"PRAGMA user_version = %1"_s.arg(kPackSchemaVersion)))
            return false;

        // VACUUM INTO writes a compact copy whose bytes depend only on the content.
        const QString finalDb = m_stage.filePath(u"pack.sqlite"_s);
        SqliteStatement vacuum = m_db->prepare(u"VACUUM INTO ?1"_s);
        vacuum.bind(1, finalDb);
        if (!vacuum.exec())
            return fail(finalDb, u"cannot write the pack database: "_s + m_db->lastError());
        m_db = nullptr;
        QFile::remove(dbPath);
        QFile db(finalDb);
        if (!db.open(QIODevice::ReadOnly))
            return fail(finalDb, u"cannot read back the pack database"_s);
        const QByteArray bytes = db.readAll();
        db.close();
        QFile::remove(finalDb);
        if (!addObject(bytes, u"application/vnd.sqlite3"_s, u"database"_s))
            return false;

        PackManifest manifest;
        manifest.packId = m_set.pack.id;
        manifest.version = m_set.pack.version;
        manifest.created = options.created.toUTC();
        manifest.created.setTime(QTime(manifest.created.time().hour(), manifest.created.time().minute(),
                                       manifest.created.time().second()));
        manifest.expires = manifest.created.addDays(m_set.pack.validDays);
        manifest.schema = kPackSchemaVersion;
        manifest.minKioskVersion = options.minKioskVersion;
        manifest.objects = m_objects;
        QFile out(m_stage.filePath(u"manifest.json"_s));
        if (!out.open(QIODevice::WriteOnly) || out.write(manifest.serialize()) < 0 || !out.flush())
            return fail(out.fileName(), u"cannot write the manifest"_s);
        return true;
    }

private:
    bool fail(const QString &file, const QString &message)
    {
        m_problems.append(Problem{file, 0, message, u"check the disk space and permissions of the output folder"_s});
        return false;
    }

    bool exec(const QString &sql)
    {
        if (auto problem = m_db->exec(sql)) {
            m_problems.append(*problem);
            return false;
        }
        return true;
    }

    SqliteStatement prepare(const QString &sql)
    {
        SqliteStatement q = m_db->prepare(sql);
        if (!q.isValid())
            fail(m_db->path(), u"internal error preparing \"%1\": %2"_s.arg(sql, m_db->lastError()));
        return q;
    }

    bool run(SqliteStatement &q)
    {
        if (q.exec())
            return true;
        return fail(m_db->path(), u"cannot write: "_s + m_db->lastError());
    }

    bool addObject(const QByteArray &bytes, const QString &type, const QString &role, QString *hashOut = nullptr)
    {
        const QString hash = sha256Hex(bytes);
        if (hashOut)
            *hashOut = hash;
        if (m_objectHashes.contains(hash))
            return true;
        m_objectHashes.insert(hash);
        QFile file(m_stage.filePath(u"objects/"_s + hash));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
            return fail(file.fileName(), u"cannot write object"_s);
        m_objects.append({hash, bytes.size(), type, role});
        return true;
    }

    /** The audio of one text: binds its object hash and synthetic flag at column and column + 1. */
    bool bindAudio(SqliteStatement &q, int column, const QString &lang, const QString &key)
    {
        const AudioClip *clip = m_audio ? m_audio->find(lang, key) : nullptr;
        if (!clip) {
            q.bind(column, QString()).bind(column + 1, qint64(0));
            return true;
        }
        if (!m_objectHashes.contains(clip->sha256)) {
            QFile file(clip->file);
            if (!file.open(QIODevice::ReadOnly))
                return fail(clip->file, u"cannot read audio"_s);
            QString hash;
            if (!addObject(file.readAll(), u"audio/ogg"_s, u"audio"_s, &hash))
                return false;
            if (hash != clip->sha256)
                return fail(clip->file, u"the audio file changed during the build"_s);
        }
        q.bind(column, clip->sha256).bind(column + 1, qint64(clip->synthetic ? 1 : 0));
        return true;
    }

    bool writeMeta()
    {
        SqliteStatement q = prepare(u"INSERT INTO meta(key, value) VALUES (?1, ?2)"_s);
        const QList<std::pair<QString, QString>> rows{{u"pack"_s, m_set.pack.id},
                                                     {u"version"_s, QString::number(m_set.pack.version)},
                                                     {u"source_language"_s, m_set.pack.sourceLanguage()},
                                                     {u"base_url"_s, m_set.pack.baseUrl}};
        for (const auto &[key, value] : rows) {
            q.bind(1, key).bind(2, value);
            if (!run(q))
                return false;
        }
        return true;
    }

    bool writeLanguages()
    {
        SqliteStatement q = prepare(
            u"INSERT INTO languages(code, position, endonym, direction, font, voice, greeting, audio, audio_synthetic, "
            "greeting_audio, greeting_audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"_s);
        int position = 0;
        for (const LanguageDecl &l : m_set.pack.languages) {
            q.bind(1, l.code).bind(2, qint64(position++)).bind(3, l.endonym).bind(4, l.direction).bind(5, l.font).bind(6, l.voice).bind(7, l.greeting);
            if (!bindAudio(q, 8, l.code, u"language"_s) || !bindAudio(q, 10, l.code, u"greeting"_s) || !run(q))
                return false;
        }
        return true;
    }

    /** The kiosk's own labels in each language, for the speech of its buttons and questions. */
    bool writeLabels()
    {
        // Keyed by the label's id ("ui/<id>": the slug of its source string), never by the text
        // shown: "Emergency 112" is shown, "emergency" is spoken. Two sources with one slug
        // (unlikely) keep the first.
        SqliteStatement q = prepare(
            u"INSERT OR IGNORE INTO ui_texts(lang, id, text, audio, audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5)"_s);
        for (const LanguageDecl &l : m_set.pack.languages) {
            for (const TextUnit &u : textUnits(m_set, l.code)) {
                if (u.kind != u"control")
                    continue;
                q.bind(1, l.code).bind(2, u.key.mid(3)).bind(3, u.text);
                if (!bindAudio(q, 4, l.code, u.key) || !run(q))
                    return false;
            }
        }
        return true;
    }

    bool writePictograms()
    {
        SqliteStatement q = prepare(u"INSERT INTO pictograms(name, object) VALUES (?1, ?2)"_s);
        for (auto it = m_set.pictogramFiles.cbegin(); it != m_set.pictogramFiles.cend(); ++it) {
            QFile file(it.value());
            if (!file.open(QIODevice::ReadOnly))
                return fail(it.value(), u"cannot read pictogram"_s);
            QString hash;
            if (!addObject(file.readAll(), u"image/svg+xml"_s, u"pictogram"_s, &hash))
                return false;
            q.bind(1, it.key()).bind(2, hash);
            if (!run(q))
                return false;
        }
        SqliteStatement names = prepare(
            u"INSERT INTO pictogram_names(name, lang, label, audio, audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5)"_s);
        for (auto it = m_set.pictogramNames.cbegin(); it != m_set.pictogramNames.cend(); ++it) {
            for (auto n = it.value().cbegin(); n != it.value().cend(); ++n) {
                names.bind(1, it.key()).bind(2, n.key()).bind(3, n.value());
                if (!bindAudio(names, 4, n.key(), u"pictogram/"_s + it.key()) || !run(names))
                    return false;
            }
        }
        return true;
    }

    /** Rows (key, lang, text, audio, audio_synthetic); audioKey names the text unit. */
    bool writeLocalized(SqliteStatement &q, const QString &key, const Localized &texts, const QString &audioKey)
    {
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            q.bind(1, key).bind(2, it.key()).bind(3, it.value());
            if (!bindAudio(q, 4, it.key(), audioKey) || !run(q))
                return false;
        }
        return true;
    }

    bool writeTopics()
    {
        SqliteStatement q = prepare(u"INSERT INTO topics(id, position, code, pictogram) VALUES (?1, ?2, ?3, ?4)"_s);
        SqliteStatement texts = prepare(
            u"INSERT INTO topic_texts(topic, lang, title, audio, audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5)"_s);
        int position = 0;
        for (const TopicDecl &t : m_set.pack.topics) {
            q.bind(1, t.id).bind(2, qint64(position++)).bind(3, t.code).bind(4, t.pictogram);
            if (!run(q) || !writeLocalized(texts, t.id, t.titles, u"topic/"_s + t.id))
                return false;
        }
        return true;
    }

    bool writeStatuses()
    {
        SqliteStatement q = prepare(u"INSERT INTO statuses(id, position, pictogram, documents) VALUES (?1, ?2, ?3, ?4)"_s);
        SqliteStatement texts = prepare(
            u"INSERT INTO status_texts(status, lang, title, hint, title_audio, title_audio_synthetic, hint_audio, "
            "hint_audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"_s);
        int position = 0;
        for (const StatusDecl &s : m_set.statuses) {
            q.bind(1, s.id).bind(2, qint64(position++)).bind(3, s.pictogram).bind(4, joinLines(s.documents));
            if (!run(q))
                return false;
            for (auto it = s.titles.cbegin(); it != s.titles.cend(); ++it) {
                texts.bind(1, s.id).bind(2, it.key()).bind(3, it.value()).bind(4, s.hints.value(it.key()));
                if (!bindAudio(texts, 5, it.key(), u"status/"_s + s.id + u"/title"_s)
                    || !bindAudio(texts, 7, it.key(), u"status/"_s + s.id + u"/hint"_s) || !run(texts))
                    return false;
            }
        }
        return true;
    }

    bool writeServices()
    {
        SqliteStatement q = prepare(
            u"INSERT INTO services(id, kind, street, postcode, commune, lat, lon, phones, email, web, hours, "
            "languages, unverified, sources, verified) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)"_s);
        SqliteStatement texts = prepare(
            u"INSERT INTO service_texts(service, lang, name, audio, audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5)"_s);
        for (const ServiceDecl &s : m_set.services) {
            q.bind(1, s.id).bind(2, s.kind).bind(3, s.street).bind(4, s.postcode).bind(5, s.commune);
            if (s.hasGeo) {
                // Six decimals (about 10 cm), so the bytes do not depend on how YAML spelled the number.
                q.bind(6, QString::number(s.latitude, 'f', 6)).bind(7, QString::number(s.longitude, 'f', 6));
            } else {
                q.bindNull(6).bindNull(7);
            }
            q.bind(8, joinLines(s.phones)).bind(9, s.email).bind(10, s.web).bind(11, joinLines(s.hours));
            q.bind(12, joinLines(s.languages)).bind(13, joinLines(s.unverified)).bind(14, joinLines(s.sources));
            q.bind(15, s.verified.toString(Qt::ISODate));
            if (!run(q) || !writeLocalized(texts, s.id, s.names, u"service/"_s + s.id))
                return false;
        }
        return true;
    }

    bool writePages()
    {
        const QString source = m_set.pack.sourceLanguage();
        QList<const PageFile *> french;
        for (const PageFile &p : m_set.pages) {
            if (p.lang == source)
                french.append(&p);
        }
        auto topicIndex = [&](const QString &id) {
            for (qsizetype i = 0; i < m_set.pack.topics.size(); ++i) {
                if (m_set.pack.topics[i].id == id)
                    return i;
            }
            return qsizetype(-1);
        };
        std::sort(french.begin(), french.end(), [&](const PageFile *a, const PageFile *b) {
            return std::tuple(topicIndex(a->topic), a->order, a->validFrom, a->stem)
                < std::tuple(topicIndex(b->topic), b->order, b->validFrom, b->stem);
        });

        SqliteStatement pages = prepare(
            u"INSERT INTO pages(key, id, topic, position, code, pictogram, verified, valid_from, valid_until, "
            "sources, all_statuses) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"_s);
        SqliteStatement statuses = prepare(u"INSERT INTO page_statuses(page, status) VALUES (?1, ?2)"_s);
        qint64 key = 0;
        for (const PageFile *p : std::as_const(french)) {
            ++key;
            const TopicDecl *topic = m_set.pack.topic(p->topic);
            const bool all = p->statuses.contains(u"all"_s);
            pages.bind(1, key).bind(2, p->id).bind(3, p->topic).bind(4, qint64(p->order));
            pages.bind(5, (topic ? topic->code : QString()) + QString::number(p->order));
            pages.bind(6, p->pictogram).bind(7, p->verified.toString(Qt::ISODate));
            if (p->validFrom.isValid())
                pages.bind(8, p->validFrom.toString(Qt::ISODate));
            else
                pages.bindNull(8);
            if (p->validUntil.isValid())
                pages.bind(9, p->validUntil.toString(Qt::ISODate));
            else
                pages.bindNull(9);
            pages.bind(10, joinLines(p->sources)).bind(11, qint64(all ? 1 : 0));
            if (!run(pages))
                return false;
            if (!all) {
                QStringList sorted = p->statuses;
                sorted.sort();
                for (const QString &s : std::as_const(sorted)) {
                    statuses.bind(1, key).bind(2, s);
                    if (!run(statuses))
                        return false;
                }
            }
            if (!writePageText(key, *p, *p))
                return false;
            for (const PageFile &t : m_set.pages) {
                if (t.lang != source && t.stem == p->stem && t.folderTopic == p->folderTopic
                    && !writePageText(key, t, *p))
                    return false;
            }
        }
        return true;
    }

    bool writePageText(qint64 key, const PageFile &page, const PageFile &french)
    {
        const QString audioKey = u"page/"_s + pageKey(page) + u'/';
        SqliteStatement text = prepare(
            u"INSERT INTO page_texts(page, lang, title, review, title_audio, title_audio_synthetic, footer_audio, "
            "footer_audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"_s);
        text.bind(1, key).bind(2, page.lang).bind(3, page.title).bind(4, page.review);
        if (!bindAudio(text, 5, page.lang, audioKey + u"title"_s) || !bindAudio(text, 7, page.lang, audioKey + u"footer"_s)
            || !run(text))
            return false;
        SqliteStatement block = prepare(
            u"INSERT INTO blocks(page, lang, position, kind, text, pictogram, target, number, source_hash, "
            "audio, audio_synthetic) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"_s);
        QStringList body;
        for (qsizetype i = 0; i < page.blocks.size(); ++i) {
            const BlockSource &b = page.blocks[i];
            block.bind(1, key).bind(2, page.lang).bind(3, qint64(i)).bind(4, b.kind).bind(5, b.text);
            block.bind(6, b.pictogram).bind(7, b.target).bind(8, qint64(b.number));
            block.bind(9, i < french.blocks.size() ? french.blocks[i].hash() : QString());
            if (!bindAudio(block, 10, page.lang, audioKey + QString::number(i + 1)) || !run(block))
                return false;
            body.append(b.text);
        }
        SqliteStatement search = prepare(u"INSERT INTO search(title, body, page, lang) VALUES (?1, ?2, ?3, ?4)"_s);
        // Indexed folded, as the kiosk folds what is typed (see searchfold.h).
        search.bind(1, foldForSearch(page.title)).bind(2, foldForSearch(body.join(u'\n'))).bind(3, key).bind(4, page.lang);
        return run(search);
    }

    const ContentSet &m_set;
    QDir m_stage;
    Problems &m_problems;
    SqliteDatabase *m_db = nullptr;
    const AudioCatalog *m_audio = nullptr;
    QList<PackObject> m_objects;
    QSet<QString> m_objectHashes;
};

} // namespace

bool replaceDirectory(const QString &staged, const QString &dir, QString *error)
{
    // fs::removeTree, not QDir::removeRecursively: given a symlink to a folder (planted
    // at "<out>.old", or an output folder that was a link), Qt deletes what is in the
    // link's target; removeTree removes the link.
    const QString old = dir + u".old"_s;
    sync::fs::removeTree(old);
    const bool hadOld = sync::fs::entryKind(dir) != sync::fs::EntryKind::Missing;
    if (hadOld && !QDir().rename(dir, old)) {
        *error = u"cannot move the previous %1 aside"_s.arg(dir);
        return false;
    }
    if (!QDir().rename(staged, dir)) {
        *error = u"cannot move the new pack to %1"_s.arg(dir);
        if (hadOld)
            QDir().rename(old, dir);
        return false;
    }
    sync::fs::removeTree(old);
    return true;
}

Problems buildPack(const ContentSet &set, const QString &outDir, const BuildOptions &options)
{
    Problems problems;
    const QString out = QDir::cleanPath(QDir().absoluteFilePath(outDir));
    const QFileInfo parent(QFileInfo(out).absolutePath());
    if (!QDir().mkpath(parent.absoluteFilePath())) {
        problems.append(Problem{out, 0, u"cannot create the parent folder"_s, {}});
        return problems;
    }
    QTemporaryDir stage(out + u".partial-XXXXXX"_s);
    if (!stage.isValid()) {
        problems.append(Problem{out, 0, u"cannot create a folder beside the output"_s, u"check permissions"_s});
        return problems;
    }
    if (!Builder(set, stage.path(), problems).run(options))
        return problems;
    QString error;
    if (!replaceDirectory(stage.path(), out, &error)) {
        problems.append(Problem{out, 0, error, u"check permissions"_s});
        return problems;
    }
    stage.setAutoRemove(false);
    return problems;
}

} // namespace passerelle::content
