#include "unitcodes.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <tuple>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

/** Only [A-Za-z0-9-]: anything else becomes one "-", none at the ends. */
QString sanitize(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        if ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9'))
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out;
}

qsizetype topicIndex(const ContentSet &set, const QString &id)
{
    for (qsizetype i = 0; i < set.pack.topics.size(); ++i) {
        if (set.pack.topics[i].id == id)
            return i;
    }
    return set.pack.topics.size();
}

/** The kiosk's page code (topic letter and order, as the pack builder writes it). */
QString kioskPageCode(const ContentSet &set, const PageFile &p)
{
    const TopicDecl *topic = set.pack.topic(p.topic);
    if (!topic || topic->code.isEmpty())
        return u"PAGE-"_s + sanitize(p.stem);
    return topic->code + QString::number(p.order);
}

/** The French pages (then pages of other languages that have no French) in the kiosk's order. */
QList<const PageFile *> pagesInOrder(const ContentSet &set)
{
    const QString source = set.pack.sourceLanguage();
    QList<const PageFile *> pages;
    QSet<QString> keys;
    for (const PageFile &p : set.pages) {
        if (p.lang == source) {
            pages.append(&p);
            keys.insert(pageKey(p));
        }
    }
    const auto before = [&](const PageFile *a, const PageFile *b) {
        return std::tuple(topicIndex(set, a->topic), a->order, a->validFrom, a->stem)
            < std::tuple(topicIndex(set, b->topic), b->order, b->validFrom, b->stem);
    };
    std::sort(pages.begin(), pages.end(), before);
    // Translations without a French page (an error for check, but codes must still exist).
    QList<const PageFile *> orphans;
    for (const PageFile &p : set.pages) {
        if (!keys.contains(pageKey(p))) {
            keys.insert(pageKey(p));
            orphans.append(&p);
        }
    }
    std::sort(orphans.begin(), orphans.end(), before);
    return pages + orphans;
}

/** Page key -> recording code of the page ("S5", "R4b"). */
QHash<QString, QString> pageCodes(const QList<const PageFile *> &pages, const ContentSet &set)
{
    QHash<QString, QString> codes;
    QHash<QString, int> uses; // kiosk code -> pages already given it
    for (const PageFile *p : pages) {
        const QString base = kioskPageCode(set, *p);
        const int n = uses.value(base.toLower(), 0);
        uses.insert(base.toLower(), n + 1);
        codes.insert(pageKey(*p), n == 0 ? base : base + QChar(u'a' + qMin(n, 25)));
    }
    return codes;
}

/** The code a key asks for, before collisions are resolved. */
QString codeOfKey(const QString &key, const QHash<QString, QString> &pages)
{
    const QStringList parts = key.split(u'/');
    const QString head = parts.value(0);
    if (head == u"page" && parts.size() >= 4) {
        const QString page = pages.value(parts[1] + u'/' + parts[2], u"PAGE-"_s + sanitize(parts[2]));
        const QString part = parts.mid(3).join(u'/');
        if (part == u"title")
            return page + u"-T"_s;
        if (part == u"footer")
            return page + u"-F"_s;
        return page + u'-' + sanitize(part);
    }
    if (head == u"topic" && parts.size() == 2)
        return u"T-"_s + sanitize(parts[1]);
    if (head == u"status" && parts.size() == 3 && parts[2] == u"title")
        return u"P-"_s + sanitize(parts[1]);
    if (head == u"status" && parts.size() == 3 && parts[2] == u"hint")
        return u"P-"_s + sanitize(parts[1]) + u"-H"_s;
    if (head == u"pictogram" && parts.size() == 2)
        return u"PIC-"_s + sanitize(parts[1]);
    if (head == u"service" && parts.size() == 2)
        return u"SRV-"_s + sanitize(parts[1]);
    if (key == u"language")
        return u"LANG"_s;
    if (key == u"greeting")
        return u"HELLO"_s;
    if (head == u"ui" && parts.size() == 2)
        return u"UI-"_s + sanitize(parts[1]);
    const QString generic = sanitize(key);
    return generic.isEmpty() ? u"X"_s : generic;
}

// The kiosk's labels in the order a visitor meets them (slugs of textunits.cpp); the others come last.
const QStringList kAttractLabels = {u"touch-the-screen-to-start"_s};
const QStringList kStatusLabels = {u"which-paper-do-you-have"_s, u"i-don-t-know-i-have-no-paper"_s,
                                   u"general-information-and-where-to-ask"_s};
const QStringList kHomeLabels = {u"what-do-you-need"_s};
const QStringList kBarLabels = {u"bigger-text"_s, u"contrast"_s, u"home"_s, u"back"_s, u"language"_s, u"emergency"_s};

/** Where a visitor meets a text: (screen, position on it). */
std::pair<int, qsizetype> visitorRank(const TextUnit &u, const QHash<QString, qsizetype> &pageIndex)
{
    const QStringList parts = u.key.split(u'/');
    const QString head = parts.value(0);
    if (u.key == u"greeting")
        return {0, 0};
    if (head == u"ui") {
        const QString slug = parts.value(1);
        if (kAttractLabels.contains(slug))
            return {1, kAttractLabels.indexOf(slug)};
        if (kStatusLabels.contains(slug))
            return {3, kStatusLabels.indexOf(slug)};
        if (kHomeLabels.contains(slug))
            return {5, kHomeLabels.indexOf(slug)};
        if (kBarLabels.contains(slug))
            return {7, kBarLabels.indexOf(slug)};
        return {11, 0};
    }
    if (u.key == u"language")
        return {2, 0};
    if (head == u"status")
        return {4, 0};
    if (head == u"topic")
        return {6, 0};
    if (head == u"page" && parts.size() >= 4)
        return {8, pageIndex.value(parts[1] + u'/' + parts[2], pageIndex.size())};
    if (head == u"service")
        return {9, 0};
    if (head == u"pictogram")
        return {10, 0};
    return {12, 0};
}

} // namespace

QString screenOf(const TextUnit &unit)
{
    static const QStringList screens = {u"attract"_s, u"attract"_s, u"language"_s, u"status"_s, u"status"_s,
                                        u"home"_s, u"home"_s, u"home"_s, u"page"_s, u"services"_s,
                                        u"pictograms"_s, u"labels"_s, u"other"_s};
    return screens.value(visitorRank(unit, {}).first, u"other"_s);
}

QString frenchTextHash(const ContentSet &set, const TextUnit &french)
{
    if (french.text.isEmpty())
        return {};
    const QStringList parts = french.key.split(u'/');
    if (parts.size() == 4 && parts[0] == u"page") {
        bool isBlock = false;
        const int n = parts[3].toInt(&isBlock);
        if (isBlock) {
            for (const PageFile &p : set.pages) {
                if (p.lang == french.lang && p.folderTopic == parts[1] && p.stem == parts[2] && n >= 1
                    && n <= p.blocks.size())
                    return p.blocks[n - 1].hash();
            }
        }
    }
    BlockSource text;
    text.kind = french.kind;
    text.text = french.text;
    return text.hash();
}

QList<CodedUnit> codedUnits(const ContentSet &set, const QString &lang)
{
    const QString source = set.pack.sourceLanguage();
    const QList<const PageFile *> pages = pagesInOrder(set);
    const QHash<QString, QString> pageCode = pageCodes(pages, set);
    QHash<QString, qsizetype> pageIndex;
    for (qsizetype i = 0; i < pages.size(); ++i)
        pageIndex.insert(pageKey(*pages[i]), i);

    const QList<TextUnit> frenchUnits = textUnits(set, source);
    const QList<TextUnit> units = lang == source ? frenchUnits : textUnits(set, lang);

    // Codes are given in the French order first, so a code taken twice is resolved the
    // same way in every language.
    QHash<QString, QString> codes; // key -> code
    QSet<QString> taken;           // lower-case codes
    const auto give = [&](const QString &key) {
        if (codes.contains(key))
            return;
        const QString wanted = codeOfKey(key, pageCode);
        QString code = wanted;
        for (int n = 2; taken.contains(code.toLower()); ++n)
            code = wanted + u'-' + QString::number(n);
        taken.insert(code.toLower());
        codes.insert(key, code);
    };
    QHash<QString, qsizetype> frenchByKey;
    for (qsizetype i = 0; i < frenchUnits.size(); ++i) {
        give(frenchUnits[i].key);
        frenchByKey.insert(frenchUnits[i].key, i);
    }
    for (const TextUnit &u : units)
        give(u.key);

    struct Ranked
    {
        std::tuple<int, qsizetype, qsizetype> rank;
        CodedUnit coded;
    };
    QList<Ranked> ranked;
    ranked.reserve(units.size());
    for (qsizetype i = 0; i < units.size(); ++i) {
        const TextUnit &u = units[i];
        CodedUnit c;
        c.code = codes.value(u.key);
        c.unit = u;
        const qsizetype f = frenchByKey.value(u.key, -1);
        if (f >= 0) {
            c.french = frenchUnits[f];
            c.frenchHash = frenchTextHash(set, c.french);
        } else {
            c.french.key = u.key;
            c.french.kind = u.kind;
            c.french.lang = source;
        }
        const auto [screen, position] = visitorRank(u, pageIndex);
        ranked.append({{screen, position, i}, std::move(c)});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) { return a.rank < b.rank; });
    QList<CodedUnit> out;
    out.reserve(ranked.size());
    for (Ranked &r : ranked)
        out.append(std::move(r.coded));
    return out;
}

const CodedUnit *findCode(const QList<CodedUnit> &units, const QString &code)
{
    const QString wanted = code.trimmed();
    for (const CodedUnit &u : units) {
        if (u.code.compare(wanted, Qt::CaseInsensitive) == 0)
            return &u;
    }
    return nullptr;
}

} // namespace passerelle::content
