#include "textunits.h"
#include "uistrings.h"

namespace passerelle::content {

using namespace Qt::StringLiterals;

QString TextUnit::speech() const
{
    if (kind == u"step" && number > 0)
        return QString::number(number) + u". "_s + text;
    return text;
}

namespace {

/** "Which paper do you have?" -> "which-paper-do-you-have": a file name an editor can record. */
QString slug(const QString &text)
{
    QString out;
    for (const QChar c : text.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.left(48);
}

} // namespace

QString pageKey(const PageFile &page)
{
    return page.folderTopic + u'/' + page.stem;
}

QList<TextUnit> pageUnits(const PageFile &page)
{
    QList<TextUnit> units;
    const QString base = u"page/"_s + pageKey(page) + u'/';
    if (!page.title.isEmpty())
        units.append({base + u"title"_s, u"title"_s, page.lang, page.title, page.at(u"title"_s), 0,
                      page.stem + u"/title.opus"_s});
    for (qsizetype i = 0; i < page.blocks.size(); ++i) {
        const BlockSource &b = page.blocks[i];
        const QString n = QString::number(i + 1);
        units.append({base + n, b.kind, page.lang, b.text, {page.origin.file, b.line}, b.number,
                      page.stem + u'/' + n + u".opus"_s});
    }
    return units;
}

QList<TextUnit> textUnits(const ContentSet &set, const QString &lang)
{
    QList<TextUnit> units;
    for (const PageFile &p : set.pages) {
        if (p.lang == lang)
            units.append(pageUnits(p));
    }
    const QString packFile = set.pack.origin.file;
    for (const TopicDecl &t : set.pack.topics) {
        if (!t.titles.value(lang).isEmpty())
            units.append({u"topic/"_s + t.id, u"topic"_s, lang, t.titles.value(lang),
                          {packFile, t.titleLines.value(lang, t.origin.line)}, 0, u"_topics/"_s + t.id + u".opus"_s});
    }
    for (const StatusDecl &s : set.statuses) {
        if (!s.titles.value(lang).isEmpty())
            units.append({u"status/"_s + s.id + u"/title"_s, u"status-title"_s, lang, s.titles.value(lang),
                          {s.origin.file, s.titleLines.value(lang, 1)}, 0, u"_statuses/"_s + s.id + u".title.opus"_s});
        if (!s.hints.value(lang).isEmpty())
            units.append({u"status/"_s + s.id + u"/hint"_s, u"status-hint"_s, lang, s.hints.value(lang),
                          {s.origin.file, s.hintLines.value(lang, 1)}, 0, u"_statuses/"_s + s.id + u".hint.opus"_s});
    }
    for (auto it = set.pictogramNames.cbegin(); it != set.pictogramNames.cend(); ++it) {
        if (!it.value().value(lang).isEmpty())
            units.append({u"pictogram/"_s + it.key(), u"pictogram-name"_s, lang, it.value().value(lang),
                          {set.pictogramNamesOrigin.file, set.pictogramNameLines.value(it.key()).value(lang, 1)}, 0,
                          u"_pictograms/"_s + it.key() + u".opus"_s});
    }
    for (const ServiceDecl &s : set.services) {
        if (!s.names.value(lang).isEmpty())
            units.append({u"service/"_s + s.id, u"service-name"_s, lang, s.names.value(lang),
                          {s.origin.file, s.nameLines.value(lang, 1)}, 0, u"_services/"_s + s.id + u".opus"_s});
    }
    for (const LanguageDecl &l : set.pack.languages) {
        if (l.code == lang && !l.endonym.isEmpty())
            units.append({u"language"_s, u"endonym"_s, lang, l.endonym, l.origin, 0, u"_language.opus"_s});
        if (l.code == lang && !l.greeting.isEmpty())
            units.append({u"greeting"_s, u"greeting"_s, lang, l.greeting, l.origin, 0, u"_greeting.opus"_s});
    }
    for (const UiString &s : uiStrings(lang)) {
        const QString name = slug(s.source);
        units.append({u"ui/"_s + name, u"control"_s, lang, s.text, {uiStringsFile(lang), s.line}, 0,
                      u"_ui/"_s + name + u".opus"_s});
    }
    return units;
}

} // namespace passerelle::content
