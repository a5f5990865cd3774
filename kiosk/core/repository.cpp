#include "repository.h"

#include <QDir>
#include <QSet>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {

QStringList lines(const QString &text)
{
    return text.isEmpty() ? QStringList() : text.split(u'\n');
}

QDate date(const SqliteStatement &q, int column)
{
    return q.isNull(column) ? QDate() : QDate::fromString(q.text(column), Qt::ISODate);
}

const QString kInForce = u"(p.valid_from IS NULL OR p.valid_from <= :date) "
                         "AND (p.valid_until IS NULL OR p.valid_until >= :date)"_s;

} // namespace

Repository::Repository(std::shared_ptr<const Pack> pack) : m_pack(std::move(pack))
{
    SqliteStatement q = m_pack->database().prepare(u"SELECT code FROM languages ORDER BY position LIMIT 1"_s);
    m_sourceLanguage = q.next() ? q.text(0) : u"fr"_s;
}

QString Repository::sourceLanguage() const { return m_sourceLanguage; }

QString Repository::baseUrl() const
{
    SqliteStatement q = m_pack->database().prepare(u"SELECT value FROM meta WHERE key = 'base_url'"_s);
    return q.next() ? q.text(0) : QString();
}

QList<LanguageInfo> Repository::languages() const
{
    QList<LanguageInfo> out;
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT code, endonym, direction, font, voice, greeting, audio, greeting_audio FROM languages "
        "ORDER BY position"_s);
    while (q.next())
        out.append({q.text(0), q.text(1), q.text(2) == u"rtl", q.text(3), q.text(4), q.text(5), q.text(6), q.text(7)});
    return out;
}

QList<TopicInfo> Repository::topics(const QString &lang) const
{
    QList<TopicInfo> out;
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT t.id, t.code, t.pictogram, COALESCE(l.title, s.title, t.id), COALESCE(l.audio, s.audio, '') "
        "FROM topics t "
        "LEFT JOIN topic_texts l ON l.topic = t.id AND l.lang = ?1 "
        "LEFT JOIN topic_texts s ON s.topic = t.id AND s.lang = ?2 ORDER BY t.position"_s);
    q.bind(1, lang).bind(2, m_sourceLanguage);
    while (q.next())
        out.append({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    return out;
}

std::optional<TopicInfo> Repository::topic(const QString &id, const QString &lang) const
{
    for (const TopicInfo &t : topics(lang)) {
        if (t.id == id)
            return t;
    }
    return std::nullopt;
}

QList<ResidenceStatus> Repository::statuses(const QString &lang) const
{
    QList<ResidenceStatus> out;
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT t.id, t.pictogram, t.documents, COALESCE(l.title, s.title, t.id), "
        "COALESCE(l.hint, s.hint, ''), COALESCE(l.title_audio, s.title_audio, '') FROM statuses t "
        "LEFT JOIN status_texts l ON l.status = t.id AND l.lang = ?1 "
        "LEFT JOIN status_texts s ON s.status = t.id AND s.lang = ?2 ORDER BY t.position"_s);
    q.bind(1, lang).bind(2, m_sourceLanguage);
    while (q.next())
        out.append({q.text(0), q.text(1), lines(q.text(2)), q.text(3), q.text(4), q.text(5)});
    return out;
}

QList<PageSummary> Repository::pages(const QString &topic, const QString &status,
                                     const QString &lang, const QDate &date) const
{
    QList<PageSummary> out;
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT p.key, p.id, p.topic, p.code, p.pictogram, COALESCE(l.title, s.title, p.id), "
        "COALESCE(l.title_audio, s.title_audio, '') FROM pages p "
        "LEFT JOIN page_texts l ON l.page = p.key AND l.lang = :lang "
        "LEFT JOIN page_texts s ON s.page = p.key AND s.lang = :source "
        "WHERE p.topic = :topic AND "_s + kInForce +
        u" AND (:status = '' OR p.all_statuses = 1 OR EXISTS (SELECT 1 FROM page_statuses ps "
        "WHERE ps.page = p.key AND ps.status = :status)) ORDER BY p.position"_s);
    q.bind(1, lang).bind(2, m_sourceLanguage).bind(3, topic).bind(4, date.toString(Qt::ISODate));
    q.bind(5, status);
    while (q.next())
        out.append({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
    return out;
}

std::optional<PageDetail> Repository::page(const QString &id, const QString &lang, const QDate &date) const
{
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT p.key, p.id, p.topic, p.code, p.pictogram, COALESCE(l.title, s.title, p.id), "
        "CASE WHEN l.title IS NULL THEN :source ELSE :lang END, COALESCE(l.review, s.review, ''), "
        "p.verified, p.valid_from, p.valid_until, p.sources, COALESCE(l.title_audio, s.title_audio, ''), "
        "COALESCE(l.footer_audio, s.footer_audio, '') FROM pages p "
        "LEFT JOIN page_texts l ON l.page = p.key AND l.lang = :lang "
        "LEFT JOIN page_texts s ON s.page = p.key AND s.lang = :source "
        "WHERE p.id = :id AND "_s + kInForce + u" LIMIT 1"_s);
    q.bind(1, m_sourceLanguage).bind(2, lang).bind(3, id).bind(4, date.toString(Qt::ISODate));
    if (!q.next())
        return std::nullopt;
    PageDetail page;
    page.key = q.integer(0);
    page.id = q.text(1);
    page.topic = q.text(2);
    page.code = q.text(3);
    page.pictogram = q.text(4);
    page.title = q.text(5);
    page.language = q.text(6);
    page.review = q.text(7);
    page.verified = passerelle::date(q, 8);
    page.validFrom = passerelle::date(q, 9);
    page.validUntil = passerelle::date(q, 10);
    page.sources = lines(q.text(11));
    page.audio = q.text(12);
    page.footerAudio = q.text(13);
    return page;
}

QList<Block> Repository::blocks(qint64 pageKey, const QString &lang) const
{
    const QString key = QString::number(pageKey);
    const QString shown = textLanguage(u"page_texts"_s, u"page"_s, key, lang);
    QList<Block> out;
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT kind, text, pictogram, target, number, audio, audio_synthetic FROM blocks "
        "WHERE page = ?1 AND lang = ?2 ORDER BY position"_s);
    q.bind(1, pageKey).bind(2, shown);
    while (q.next())
        out.append({q.text(0), q.text(1), q.text(2), q.text(3), int(q.integer(4)), q.text(5), q.integer(6) != 0});
    return out;
}

QStringList Repository::pageIds() const
{
    QStringList out;
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT p.id FROM pages p JOIN topics t ON t.id = p.topic "
        "GROUP BY p.id ORDER BY MIN(t.position), MIN(p.position), p.id"_s);
    while (q.next())
        out.append(q.text(0));
    return out;
}

QList<PageSummary> Repository::search(const QString &foldedQuery, const QString &lang, const QDate &date,
                                      int limit) const
{
    // Each word becomes a quoted prefix term, so nothing typed is read as FTS5 syntax.
    QStringList terms;
    for (QString word : foldedQuery.split(u' ', Qt::SkipEmptyParts)) {
        word.remove(u'"');
        if (!word.isEmpty())
            terms.append(u'"' + word + u"\"*"_s);
    }
    QList<PageSummary> out;
    if (terms.isEmpty())
        return out;
    // Pages whose title matches come first, then pages whose text does, each in the pack's order. Ranking
    // every match (bm25) would cost time in proportion to the matches, which a large pack cannot afford;
    // this scan stops as soon as it has `limit` pages in force.
    const QString match = terms.join(u' ');
    SqliteStatement summary = m_pack->database().prepare(
        u"SELECT p.key, p.id, p.topic, p.code, p.pictogram, COALESCE(l.title, s.title, p.id), "
        "COALESCE(l.title_audio, s.title_audio, '') FROM pages p "
        "LEFT JOIN page_texts l ON l.page = p.key AND l.lang = :lang "
        "LEFT JOIN page_texts s ON s.page = p.key AND s.lang = :source "
        "WHERE p.key = :page AND "_s + kInForce);
    QSet<qint64> seen;
    for (const QString &query : QStringList{u"{title} : ("_s + match + u')', match}) {
        SqliteStatement hits = m_pack->database().prepare(u"SELECT page FROM search WHERE search MATCH ?1"_s);
        hits.bind(1, query);
        while (out.size() < limit && hits.next()) {
            const qint64 page = hits.integer(0);
            if (seen.contains(page))
                continue;
            seen.insert(page);
            summary.reset();
            summary.bind(1, lang).bind(2, m_sourceLanguage).bind(3, page).bind(4, date.toString(Qt::ISODate));
            if (summary.next())
                out.append({summary.integer(0), summary.text(1), summary.text(2), summary.text(3), summary.text(4),
                            summary.text(5), summary.text(6)});
        }
    }
    return out;
}

QString Repository::pageIdForCode(const QString &code) const
{
    SqliteStatement q = m_pack->database().prepare(u"SELECT id FROM pages WHERE code = ?1 LIMIT 1"_s);
    q.bind(1, code.trimmed().toUpper());
    return q.next() ? q.text(0) : QString();
}

std::optional<ServiceInfo> Repository::service(const QString &id, const QString &lang) const
{
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT v.id, v.kind, COALESCE(l.name, s.name, v.id), v.street, v.postcode, v.commune, "
        "v.phones, v.email, v.web, v.hours, v.languages, v.unverified, v.lat, v.lon, COALESCE(l.audio, '') FROM services v "
        "LEFT JOIN service_texts l ON l.service = v.id AND l.lang = ?1 "
        "LEFT JOIN service_texts s ON s.service = v.id AND s.lang = ?2 WHERE v.id = ?3"_s);
    q.bind(1, lang).bind(2, m_sourceLanguage).bind(3, id);
    if (!q.next())
        return std::nullopt;
    ServiceInfo s;
    s.id = q.text(0);
    s.kind = q.text(1);
    s.name = q.text(2);
    s.street = q.text(3);
    s.postcode = q.text(4);
    s.commune = q.text(5);
    s.phones = lines(q.text(6));
    s.email = q.text(7);
    s.web = q.text(8);
    s.hours = lines(q.text(9));
    s.languages = lines(q.text(10));
    s.unverified = lines(q.text(11));
    s.hasGeo = !q.isNull(12) && !q.isNull(13);
    s.latitude = q.real(12);
    s.longitude = q.real(13);
    s.audio = q.text(14);
    return s;
}

QStringList Repository::serviceIds() const
{
    SqliteStatement q = m_pack->database().prepare(u"SELECT id FROM services ORDER BY id"_s);
    QStringList ids;
    while (q.next())
        ids.append(q.text(0));
    return ids;
}

QString Repository::pictogramPath(const QString &name) const
{
    SqliteStatement q = m_pack->database().prepare(u"SELECT object FROM pictograms WHERE name = ?1"_s);
    q.bind(1, name);
    return q.next() ? m_pack->objectPath(q.text(0)) : QString();
}

QString Repository::pictogramLabel(const QString &name, const QString &lang) const
{
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT label FROM pictogram_names WHERE name = ?1 AND lang IN (?2, ?3) "
        "ORDER BY lang = ?2 DESC LIMIT 1"_s);
    q.bind(1, name).bind(2, lang).bind(3, m_sourceLanguage);
    return q.next() ? q.text(0) : QString();
}

QString Repository::labelAudio(const QString &id, const QString &lang) const
{
    SqliteStatement q = m_pack->database().prepare(u"SELECT audio FROM ui_texts WHERE lang = ?1 AND id = ?2"_s);
    q.bind(1, lang).bind(2, id);
    return q.next() ? q.text(0) : QString();
}

QString Repository::labelText(const QString &id, const QString &lang) const
{
    SqliteStatement q = m_pack->database().prepare(u"SELECT text FROM ui_texts WHERE lang = ?1 AND id = ?2"_s);
    q.bind(1, lang).bind(2, id);
    return q.next() ? q.text(0) : QString();
}

QSet<QString> Repository::syntheticAudio() const
{
    QSet<QString> out;
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT audio FROM languages WHERE audio_synthetic = 1 "
        "UNION SELECT greeting_audio FROM languages WHERE greeting_audio_synthetic = 1 "
        "UNION SELECT audio FROM pictogram_names WHERE audio_synthetic = 1 "
        "UNION SELECT audio FROM topic_texts WHERE audio_synthetic = 1 "
        "UNION SELECT title_audio FROM status_texts WHERE title_audio_synthetic = 1 "
        "UNION SELECT hint_audio FROM status_texts WHERE hint_audio_synthetic = 1 "
        "UNION SELECT title_audio FROM page_texts WHERE title_audio_synthetic = 1 "
        "UNION SELECT footer_audio FROM page_texts WHERE footer_audio_synthetic = 1 "
        "UNION SELECT audio FROM blocks WHERE audio_synthetic = 1 "
        "UNION SELECT audio FROM service_texts WHERE audio_synthetic = 1 "
        "UNION SELECT audio FROM ui_texts WHERE audio_synthetic = 1"_s);
    while (q.next()) {
        if (!q.text(0).isEmpty())
            out.insert(q.text(0));
    }
    return out;
}

QString Repository::textLanguage(const QString &table, const QString &keyColumn,
                                 const QString &key, const QString &lang) const
{
    SqliteStatement q = m_pack->database().prepare(
        u"SELECT 1 FROM "_s + table + u" WHERE "_s + keyColumn + u" = ?1 AND lang = ?2"_s);
    q.bind(1, key).bind(2, lang);
    return q.next() ? lang : m_sourceLanguage;
}

} // namespace passerelle
