#include "textunits.h"
#include "dateformat.h"
#include "speechwords.h"
#include "uistrings.h"

#include <QSet>

namespace passerelle::content {

using namespace Qt::StringLiterals;

QString TextUnit::speech() const
{
    if (kind == u"step" && number > 0)
        return QString::number(number) + u". "_s + text;
    return text;
}

namespace {

/** The page a translation is made from: the source-language file of the same folder and stem. */
const PageFile *sourcePage(const ContentSet &set, const PageFile &page)
{
    const QString source = set.pack.sourceLanguage();
    for (const PageFile &p : set.pages) {
        if (p.lang == source && p.stem == page.stem && p.folderTopic == page.folderTopic)
            return &p;
    }
    return nullptr;
}

/**
 * What the kiosk's page footer says in the page's language: "Checked on <date>" (the
 * kiosk's translated pattern, the date as kiosk/i18n writes it) and, for a page translated
 * by a machine, the notice that says so. Empty when the language has no such pattern.
 */
QString footerText(const PageFile &page, const QDate &verified)
{
    // The sources of ContentPage.qml's footer lines.
    const UiString checked = uiTranslation(page.lang, u"Checked on %1"_s);
    if (checked.text.isEmpty() || !verified.isValid())
        return QString();
    QString text = checked.text.arg(longDate(verified, page.lang));
    if (page.review == u"machine") {
        const UiString machine = uiTranslation(page.lang, u"Machine translation: ask a social worker if something is unclear."_s);
        if (!machine.text.isEmpty())
            text += (text.back().isPunct() ? u" "_s : u". "_s) + machine.text;
    }
    return text;
}

} // namespace

QString uiLabelId(const QString &source)
{
    // Also a file name an editor can record ("_ui/<id>.opus"), hence short.
    QString out;
    for (const QChar c : source.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            out += c;
        else if (!out.isEmpty() && !out.endsWith(u'-'))
            out += u'-';
    }
    while (out.endsWith(u'-'))
        out.chop(1);
    return out.left(48);
}

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
        if (p.lang != lang)
            continue;
        units.append(pageUnits(p));
        // The footer is said at the end of the page; its date is the source page's.
        const PageFile *source = sourcePage(set, p);
        const QString footer = footerText(p, source ? source->verified : p.verified);
        if (!footer.isEmpty())
            units.append({u"page/"_s + pageKey(p) + u"/footer"_s, u"footer"_s, lang, footer, p.at(u"review"_s), 0,
                          p.stem + u"/footer.opus"_s});
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
    QSet<QString> labels;
    for (const UiString &s : uiStrings(lang)) {
        const QString name = uiLabelId(s.source);
        if (labels.contains(name))
            continue; // "Language" (the bar's button) and "language" (speech mode's kind)
        labels.insert(name);
        units.append({u"ui/"_s + name, u"control"_s, lang, s.text, {uiStringsFile(lang), s.line}, 0,
                      u"_ui/"_s + name + u".opus"_s});
    }
    // Speech mode's "2 of 4": a number filled in, so not a label above; said as one clip per
    // place, which the kiosk asks for by speechwords::placeId().
    const UiString place = uiTranslation(lang, QString::fromUtf8(speechwords::kPlace.text.source));
    if (!place.text.isEmpty()) {
        for (int count = 1; count <= speechwords::kMaxPlaceCount; ++count) {
            for (int n = 1; n <= count; ++n) {
                const QString id = speechwords::placeId(n, count);
                const QString text = place.text.arg(QString::number(n), QString::number(count));
                units.append({u"ui/"_s + id, u"control"_s, lang, text, {uiStringsFile(lang), place.line}, 0,
                              u"_ui/"_s + id + u".opus"_s});
            }
        }
    }
    return units;
}

} // namespace passerelle::content
