#include "webexport.h"

#include "dateformat.h"
#include "openinghours.h"
#include "pack.h"
#include "packbuilder.h"
#include "repository.h"
#include "webhtml.h"
#include "webpaths.h"
#include "webstrings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QTemporaryDir>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace passerelle::content {

using namespace Qt::StringLiterals;
using html::attribute;
using html::escape;

namespace {

const QString kStyleSheet = u"passerelle.css"_s;

/** One generated document: its language, where it is, and where it is in other languages. */
struct Doc
{
    const LanguageInfo *language = nullptr;
    /** The part of the path after "<lang>/"; the same document in another language has the same. */
    QString rest;
    /** The site path; "<lang>/<rest>" unless given. */
    QString sitePath = {};

    [[nodiscard]] const QString &lang() const { return language->code; }
    [[nodiscard]] QString path() const { return sitePath.isEmpty() ? lang() + u'/' + rest : sitePath; }
    /** "../" as many times as the document is deep: every link is root() + a site path. */
    [[nodiscard]] QString root() const { return u"../"_s.repeated(path().count(u'/')); }
};

/** A translated sentence around one value given as HTML (%1), the rest escaped. */
QString sentenceWith(const QString &sentence, const QString &valueHtml)
{
    const qsizetype at = sentence.indexOf(u"%1"_s);
    if (at < 0)
        return escape(sentence) + u' ' + valueHtml;
    return escape(sentence.left(at)) + valueHtml + escape(sentence.mid(at + 2));
}

/** A font family name as CSS may quote it; anything else is dropped. */
QString cssFamily(const QString &name)
{
    QString out;
    for (const QChar c : name) {
        if (c.isLetterOrNumber() || c == u' ' || c == u'-')
            out += c;
    }
    return out.trimmed();
}

QString audioExtension(const QString &mediaType)
{
    if (mediaType == u"audio/ogg" || mediaType == u"audio/opus")
        return u"ogg"_s;
    if (mediaType == u"audio/mpeg")
        return u"mp3"_s;
    if (mediaType == u"audio/wav" || mediaType == u"audio/x-wav")
        return u"wav"_s;
    return u"bin"_s;
}

class SiteWriter
{
public:
    SiteWriter(const Pack &pack, const Repository &repo, const QString &stage, const QDate &today,
               WebExportResult &result)
        : m_pack(pack), m_repo(repo), m_stage(stage), m_today(today), m_result(result)
    {
    }

    bool run()
    {
        m_languages = m_repo.languages();
        if (m_languages.isEmpty())
            return fail(m_pack.manifestPath(), u"the pack has no languages"_s);
        QStringList codes;
        for (const LanguageInfo &l : std::as_const(m_languages)) {
            if (!isWebSafeId(l.code))
                return fail(m_pack.manifestPath(), u"language code \"%1\" cannot be a URL path"_s.arg(l.code));
            codes.append(l.code);
            m_languageByCode.insert(l.code, &l);
        }
        m_strings = std::make_unique<WebStrings>(codes);
        for (const PackObject &o : m_pack.manifest().objects)
            m_objectTypes.insert(o.sha256, o.type);
        for (const QString &code : m_strings->untranslatedLanguages())
            m_result.notes.append(u"no web interface translation for %1: its headings and notices are in English "
                                  "(add translations/web/web_%1.ts)"_s.arg(code));
        m_pageIds = m_repo.pageIds();
        for (const QString &id : std::as_const(m_pageIds)) {
            if (!isWebSafeId(id))
                return fail(m_pack.manifestPath(), u"page id \"%1\" cannot be a URL path"_s.arg(id));
        }
        for (const TopicInfo &t : m_repo.topics(m_repo.sourceLanguage())) {
            if (!isWebSafeId(t.id) || t.id == u"index")
                return fail(m_pack.manifestPath(), u"topic id \"%1\" cannot be a URL path"_s.arg(t.id));
        }
        for (const ResidenceStatus &s : m_repo.statuses(m_repo.sourceLanguage())) {
            if (!isWebSafeId(s.id))
                return fail(m_pack.manifestPath(), u"status id \"%1\" cannot be a URL path"_s.arg(s.id));
        }

        if (!writeStyleSheet() || !writeLanguageChooser())
            return false;
        for (const LanguageInfo &l : std::as_const(m_languages)) {
            if (!writeLanguage(l))
                return false;
        }
        if (!copyPictograms() || !copyAudio())
            return false;
        noteFutureChanges();
        return true;
    }

private:
    bool fail(const QString &file, const QString &message, const QString &hint = {})
    {
        m_result.problems.append(Problem{file, 0, message, hint});
        return false;
    }

    bool write(const QString &sitePath, const QByteArray &bytes)
    {
        const QString path = m_stage.filePath(sitePath);
        if (!QDir().mkpath(QFileInfo(path).absolutePath()))
            return fail(path, u"cannot create the folder"_s, u"check permissions and free space"_s);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.flush())
            return fail(path, u"cannot write"_s, u"check permissions and free space"_s);
        if (sitePath.endsWith(u".html"))
            ++m_result.htmlFiles;
        else
            ++m_result.otherFiles;
        return true;
    }

    [[nodiscard]] QString ui(const Doc &d, WebText id) const { return m_strings->text(d.lang(), id); }

    // --- pictograms and audio ---------------------------------------------------------

    /** An <img> of a pictogram, alt = its name in the language; nothing if the pack lacks it. */
    QString icon(const Doc &d, const QString &name, const QString &cssClass)
    {
        if (name.isEmpty() || !isWebSafeId(name) || m_repo.pictogramPath(name).isEmpty())
            return {};
        m_pictograms.insert(name);
        return u"<img src=\""_s + d.root() + u"pictograms/"_s + name + u".svg\" alt=\""_s
            + escape(pictogramName(d, name)) + u"\"" + attribute(u"class"_s, cssClass)
            + u" width=\"96\" height=\"96\">"_s;
    }

    QString pictogramName(const Doc &d, const QString &name) const
    {
        const QString label = m_repo.pictogramLabel(name, d.lang());
        return label.isEmpty() ? QString(name).replace(u'-', u' ') : label;
    }

    /**
     * A pictogram beside its visible label. When the pictogram's name is the label, the
     * label is hidden from screen readers, so that it is read once.
     */
    QString iconAndLabel(const Doc &d, const QString &name, const QString &cssClass, const QString &labelHtml,
                         const QString &labelText)
    {
        const QString img = icon(d, name, cssClass);
        const bool same = !img.isEmpty() && pictogramName(d, name) == labelText;
        return img + u"<span"_s + (same ? u" aria-hidden=\"true\""_s : QString()) + u'>' + labelHtml + u"</span>"_s;
    }

    QString audio(const Doc &d, const Block &b) { return audio(d, b.audio, b.syntheticAudio); }

    /** A player for one audio object of the pack, or nothing (no audio: no silent player). */
    QString audio(const Doc &d, const QString &hash, bool synthetic)
    {
        if (hash.isEmpty())
            return {};
        const auto type = m_objectTypes.constFind(hash);
        if (type == m_objectTypes.constEnd()) {
            m_result.notes.append(u"audio object %1 is not in the pack: its text has no player"_s.arg(hash));
            return {};
        }
        const QString mediaType = type->isEmpty() ? u"audio/ogg"_s : *type;
        const QString sitePath = u"audio/"_s + hash + u'.' + audioExtension(mediaType);
        m_audio.emplace(hash, sitePath);
        m_syntheticOnPage = m_syntheticOnPage || synthetic;
        return u"<p class=\"listen\"><audio controls preload=\"none\""_s + attribute(u"aria-label"_s, ui(d, WebText::Listen))
            + u"><source src=\""_s + d.root() + sitePath + u"\"" + attribute(u"type"_s, mediaType) + u"></audio></p>\n"_s;
    }

    bool copyPictograms()
    {
        for (const QString &name : m_pictograms) {
            QFile file(m_repo.pictogramPath(name));
            if (!file.open(QIODevice::ReadOnly))
                return fail(file.fileName(), u"cannot read the pictogram %1"_s.arg(name), u"the pack is incomplete: build or sync it again"_s);
            if (!write(u"pictograms/"_s + name + u".svg"_s, file.readAll()))
                return false;
        }
        return true;
    }

    bool copyAudio()
    {
        for (const auto &[hash, sitePath] : m_audio) {
            QFile file(m_pack.objectPath(hash));
            if (!file.open(QIODevice::ReadOnly))
                return fail(file.fileName(), u"cannot read the audio object"_s, u"the pack is incomplete: build or sync it again"_s);
            if (!write(sitePath, file.readAll()))
                return false;
        }
        return true;
    }

    // --- the document around every page -----------------------------------------------

    QString document(const Doc &d, const QString &title, const QString &mainHtml)
    {
        const bool rtl = d.language->rightToLeft;
        QString h = u"<!DOCTYPE html>\n<html"_s + html::languageAttributes(d.lang(), rtl) + u">\n<head>\n"
                    "<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"_s
            + escape(title) + u" · Passerelle</title>\n<link rel=\"stylesheet\" href=\""_s + d.root() + kStyleSheet
            + u"\">\n"_s;
        for (const LanguageInfo &l : std::as_const(m_languages)) {
            if (l.code != d.lang())
                h += u"<link rel=\"alternate\" hreflang=\""_s + l.code + u"\" href=\""_s + d.root() + l.code + u'/'
                    + d.rest + u"\">\n"_s;
        }
        h += u"</head>\n<body>\n<header class=\"bar\">\n<nav>\n"_s;
        const QString home = ui(d, WebText::Home);
        h += u"<a class=\"home\" href=\""_s + d.root() + d.lang() + u"/index.html\">"_s
            + iconAndLabel(d, u"home"_s, {}, escape(home), home) + u"</a>\n"_s;
        const QString language = ui(d, WebText::Language);
        h += u"<a class=\"language\" href=\"#languages\">"_s + iconAndLabel(d, u"language"_s, {}, escape(language), language)
            + u"</a>\n"_s;
        const QString emergency = ui(d, WebText::Emergency);
        h += u"<a class=\"emergency\" href=\"tel:112\">"_s
            + iconAndLabel(d, u"emergency"_s, {}, escape(emergency), emergency)
            + u" <span class=\"number\" dir=\"ltr\">112</span></a>\n</nav>\n</header>\n"_s;
        h += u"<main>\n"_s + mainHtml + u"</main>\n"_s;
        h += u"<footer class=\"site\">\n<nav id=\"languages\" class=\"languages\" aria-labelledby=\"languages-title\">\n"
             "<h2 id=\"languages-title\">"_s
            + iconAndLabel(d, u"language"_s, {}, escape(language), language) + u"</h2>\n<ul>\n"_s;
        for (const LanguageInfo &l : std::as_const(m_languages)) {
            // The language being read is not a link (tidy 5.6 does not know aria-current yet).
            if (l.code == d.lang())
                h += u"<li><strong class=\"current\">"_s + endonym(l) + u"</strong></li>\n"_s;
            else
                h += u"<li><a href=\""_s + d.root() + l.code + u'/' + d.rest + u"\" hreflang=\""_s + l.code + u"\">"_s
                    + endonym(l) + u"</a></li>\n"_s;
        }
        h += u"</ul>\n</nav>\n<p class=\"in-force\">"_s
            + escape(ui(d, WebText::InForceOn).arg(longDate(m_today, d.lang()))) + u"</p>\n</footer>\n</body>\n</html>\n"_s;
        return h;
    }

    bool writeDocument(const Doc &d, const QString &title, const QString &mainHtml)
    {
        return write(d.path(), document(d, title, mainHtml).toUtf8());
    }

    /**
     * A language's own name, marked with its language and direction. The mark is on an
     * element of its own, so that the style sheet can enlarge small scripts inside any
     * link or tile without changing the tile's own size.
     */
    static QString endonym(const LanguageInfo &l)
    {
        return u"<span"_s + html::languageAttributes(l.code, l.rightToLeft) + u'>' + escape(l.endonym) + u"</span>"_s;
    }

    /** The heading of a screen: its pictogram, then an <h1>. */
    QString heading(const Doc &d, const QString &pictogram, const QString &title, const QString &textLanguage = {})
    {
        return u"<div class=\"title\">"_s + icon(d, pictogram, u"title-icon"_s) + u"<h1"_s
            + otherLanguageAttributes(d, textLanguage) + u'>' + escape(title) + u"</h1></div>\n"_s;
    }

    /** lang/dir for text that is not in the document's language (a missing translation). */
    QString otherLanguageAttributes(const Doc &d, const QString &textLanguage) const
    {
        if (textLanguage.isEmpty() || textLanguage == d.lang())
            return {};
        const LanguageInfo *l = m_languageByCode.value(textLanguage);
        return html::languageAttributes(textLanguage, l && l->rightToLeft);
    }

    // --- the screens -------------------------------------------------------------------

    bool writeStyleSheet()
    {
        QFile base(u":/web/passerelle.css"_s);
        if (!base.open(QIODevice::ReadOnly))
            return fail(base.fileName(), u"the style sheet is missing from passerelle-pack"_s, u"rebuild passerelle-pack"_s);
        QByteArray css = base.readAll();
        css += "\n/* Each language in the font the kiosk uses for it (pack.yaml). */\n";
        for (const LanguageInfo &l : std::as_const(m_languages)) {
            const QString family = cssFamily(l.font);
            if (family.isEmpty())
                continue;
            css += (u":lang("_s + l.code + u") { font-family: \""_s + family + u"\", \"Noto Sans\", sans-serif; }\n"_s).toUtf8();
            // Naskh reads small at the size of Latin text, and its marks need room between
            // lines: larger in a page in that language, and where a name in it sits among
            // other languages (the language lists).
            if (family.contains(u"Arabic")) {
                const QString c = l.code;
                css += (u"html:lang("_s + c + u") { font-size: 127%; }\n:lang("_s + c + u") { line-height: 1.7; }\n"
                        u":not(:lang("_s + c + u")) > [lang=\""_s + c + u"\"] { font-size: 1.15em; }\n"_s).toUtf8();
            }
        }
        return write(kStyleSheet, css);
    }

    bool writeLanguageChooser()
    {
        // The one page in no particular language: every language by its own name.
        const LanguageInfo &source = m_languages.first();
        QString h = u"<!DOCTYPE html>\n<html"_s + html::languageAttributes(source.code, source.rightToLeft)
            + u">\n<head>\n<meta charset=\"utf-8\">\n"
              "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
              "<title>Passerelle</title>\n<link rel=\"stylesheet\" href=\""_s
            + kStyleSheet + u"\">\n</head>\n<body class=\"chooser\">\n<main>\n<div class=\"title\">"_s;
        const Doc sourceDoc{&source, {}, u"index.html"_s};
        h += icon(sourceDoc, u"language"_s, u"title-icon"_s) + u"<h1>"_s;
        QStringList names;
        for (const LanguageInfo &l : std::as_const(m_languages)) {
            const Doc d{&l, u"index.html"_s};
            names.append(u"<span"_s + html::languageAttributes(l.code, l.rightToLeft) + u'>'
                         + escape(ui(d, WebText::Language)) + u"</span>"_s);
        }
        h += names.join(u" · "_s) + u"</h1></div>\n<ul class=\"language-tiles\">\n"_s;
        for (const LanguageInfo &l : std::as_const(m_languages)) {
            h += u"<li><a href=\""_s + l.code + u"/index.html\" hreflang=\""_s + l.code + u"\">"_s + endonym(l)
                + u"</a></li>\n"_s;
        }
        h += u"</ul>\n</main>\n</body>\n</html>\n"_s;
        return write(u"index.html"_s, h.toUtf8());
    }

    bool writeLanguage(const LanguageInfo &l)
    {
        const QString &lang = l.code;
        // The version of every page in force on the export date, in this language.
        m_inForce.clear();
        for (const QString &id : std::as_const(m_pageIds))
            m_inForce.emplace(id, m_repo.page(id, lang, m_today));

        const QList<TopicInfo> topics = m_repo.topics(lang);
        QList<ResidenceStatus> statuses = m_repo.statuses(lang);
        if (std::none_of(statuses.cbegin(), statuses.cend(),
                         [](const ResidenceStatus &s) { return s.id == Repository::kUnknownStatus; })) {
            const Doc d{&l, {}};
            statuses.append({Repository::kUnknownStatus, u"unknown-paper"_s, {},
                             ui(d, WebText::UnknownStatusTitle), ui(d, WebText::UnknownStatusHint), {}});
        }

        if (!writeHome(l, topics, nullptr) || !writeStatusChooser(l, statuses))
            return false;
        for (const TopicInfo &t : topics) {
            if (!writeTopic(l, t, nullptr))
                return false;
        }
        for (const ResidenceStatus &s : std::as_const(statuses)) {
            if (!writeHome(l, topics, &s))
                return false;
            for (const TopicInfo &t : topics) {
                if (!writeTopic(l, t, &s))
                    return false;
            }
        }
        for (const QString &id : std::as_const(m_pageIds)) {
            if (!writePage(l, id))
                return false;
        }
        return true;
    }

    /** "Your paper: X", with its document, and the way to choose another. */
    QString paperLine(const Doc &d, const ResidenceStatus *status)
    {
        const QString choose = ui(d, WebText::WhichPaper);
        QString h = u"<p class=\"paper\">"_s;
        if (status) {
            h += icon(d, status->pictogram, u"small"_s) + u"<span>"_s
                + escape(ui(d, WebText::YourPaper).arg(status->title)) + u"</span> "_s;
        }
        h += u"<a href=\""_s + d.root() + d.lang() + u"/status/index.html\">"_s
            + iconAndLabel(d, status ? QString() : u"unknown-paper"_s, u"small"_s, escape(choose), choose) + u"</a></p>\n"_s;
        return h;
    }

    bool writeHome(const LanguageInfo &l, const QList<TopicInfo> &topics, const ResidenceStatus *status)
    {
        const Doc d{&l, status ? QString(u"status/"_s + status->id + u"/index.html"_s) : u"index.html"_s};
        const QString title = ui(d, WebText::WhatDoYouNeed);
        QString h = u"<div class=\"title\"><h1>"_s + escape(title) + u"</h1></div>\n"_s;
        h += u"<ul class=\"tiles\">\n"_s;
        for (const TopicInfo &t : topics) {
            const QString href = d.root() + webPathForRoute(u"topic/"_s + t.id, d.lang(), status ? status->id : QString());
            h += u"<li><a href=\""_s + href + u"\">"_s
                + iconAndLabel(d, t.pictogram, u"tile-icon"_s, escape(t.title), t.title) + u"</a></li>\n"_s;
        }
        h += u"</ul>\n"_s + paperLine(d, status);
        return writeDocument(d, title, h);
    }

    bool writeStatusChooser(const LanguageInfo &l, const QList<ResidenceStatus> &statuses)
    {
        const Doc d{&l, u"status/index.html"_s};
        const QString title = ui(d, WebText::WhichPaper);
        QString h = heading(d, u"unknown-paper"_s, title) + u"<ul class=\"choices\">\n"_s;
        for (const ResidenceStatus &s : statuses) {
            h += u"<li><a href=\""_s + d.root() + webPathForRoute(u"home"_s, d.lang(), s.id) + u"\">"_s
                + icon(d, s.pictogram, u"choice-icon"_s) + u"<span class=\"label\"><strong>"_s + escape(s.title)
                + u"</strong>"_s;
            if (!s.hint.isEmpty())
                h += u"<span class=\"hint\">"_s + escape(s.hint) + u"</span>"_s;
            h += u"</span></a></li>\n"_s;
        }
        h += u"</ul>\n"_s;
        return writeDocument(d, title, h);
    }

    bool writeTopic(const LanguageInfo &l, const TopicInfo &topic, const ResidenceStatus *status)
    {
        const Doc d{&l, status ? QString(u"status/"_s + status->id + u'/' + topic.id + u".html"_s)
                               : QString(u"topic/"_s + topic.id + u".html"_s)};
        QString h = heading(d, topic.pictogram, topic.title) + paperLine(d, status);
        const QList<PageSummary> pages = m_repo.pages(topic.id, status ? status->id : QString(), d.lang(), m_today);
        if (pages.isEmpty()) {
            h += u"<p class=\"empty\">"_s + escape(ui(d, WebText::NothingApplies)) + u"</p>\n"_s;
        } else {
            h += u"<ul class=\"choices\">\n"_s;
            for (const PageSummary &p : pages) {
                const auto it = m_inForce.find(p.id);
                const QString textLanguage = it != m_inForce.end() && it->second ? it->second->language : QString();
                h += u"<li><a href=\""_s + d.root() + webPathForRoute(u"page/"_s + p.id, d.lang()) + u"\">"_s
                    + icon(d, p.pictogram, u"choice-icon"_s) + u"<span class=\"label\"><strong"_s
                    + otherLanguageAttributes(d, textLanguage) + u'>' + escape(p.title)
                    + u"</strong><span class=\"hint code\" dir=\"ltr\">"_s + escape(p.code)
                    + u"</span></span></a></li>\n"_s;
            }
            h += u"</ul>\n"_s;
        }
        return writeDocument(d, topic.title, h);
    }

    QString block(const Doc &d, const Block &b)
    {
        const QString text = html::textWithIsolatedNumbers(b.text);
        if (b.kind == u"heading")
            return u"<h2>"_s + text + u"</h2>\n"_s + audio(d, b);
        if (b.kind == u"step") {
            return u"<li value=\""_s + QString::number(b.number) + u"\"><span class=\"number\" aria-hidden=\"true\">"_s
                + QString::number(b.number) + u"</span>"_s + icon(d, b.pictogram, u"step-icon"_s)
                + u"<div class=\"text\"><p>"_s + text + u"</p>"_s + audio(d, b) + u"</div></li>\n"_s;
        }
        if (b.kind == u"item") {
            // An item without a pictogram keeps the list's bullet.
            const QString img = icon(d, b.pictogram, u"small"_s);
            return (img.isEmpty() ? u"<li class=\"bullet\">"_s : QString(u"<li>"_s + img)) + u"<div class=\"text\"><p>"_s + text
                + u"</p>"_s + audio(d, b) + u"</div></li>\n"_s;
        }
        if (b.kind == u"warning") {
            return u"<div class=\"warning\">"_s + icon(d, u"warning"_s, u"step-icon"_s) + u"<div class=\"text\"><p>"_s
                + text + u"</p>"_s + audio(d, b) + u"</div></div>\n"_s;
        }
        if (b.kind == u"pictogram")
            return u"<p class=\"pictogram\">"_s + icon(d, b.pictogram, u"large"_s) + u"</p>\n"_s + audio(d, b);
        if (b.kind == u"phone") {
            const bool onlyNumber = std::none_of(b.text.cbegin(), b.text.cend(), [](QChar c) { return c.isLetter(); });
            return u"<p class=\"phone\">"_s + icon(d, u"phone"_s, u"step-icon"_s) + u"<a href=\""_s
                + html::telUrl(b.target.isEmpty() ? b.text : b.target) + u"\""_s
                + (onlyNumber ? QString(u" dir=\"ltr\">"_s + escape(b.text)) : QString(u'>' + text)) + u"</a></p>\n"_s
                + audio(d, b);
        }
        if (b.kind == u"service") {
            if (const auto s = m_repo.service(b.target, d.lang()))
                return serviceCard(d, *s) + audio(d, b);
        }
        return u"<p>"_s + text + u"</p>\n"_s + audio(d, b);
    }

    QString serviceCard(const Doc &d, const ServiceInfo &s)
    {
        const QString toCheck = u" <span class=\"unverified\">("_s + escape(ui(d, WebText::ToCheck)) + u")</span>"_s;
        QString h = u"<div class=\"service\">"_s + icon(d, u"map-pin"_s, u"step-icon"_s) + u"<div class=\"text\">"_s
            + u"<p class=\"name\"><bdi>"_s + escape(s.name) + u"</bdi></p>\n"_s;
        const QString place = QString(s.postcode + u' ' + s.commune).trimmed();
        if (!s.street.isEmpty() || !place.isEmpty()) {
            // Addresses are written as in Belgium, in Latin script: each line is isolated
            // so that right-to-left text around it does not reorder it.
            h += u"<p class=\"address\">"_s;
            if (!s.street.isEmpty())
                h += u"<bdi>"_s + escape(s.street) + u"</bdi>"_s;
            if (!s.street.isEmpty() && !place.isEmpty())
                h += u"<br>"_s;
            if (!place.isEmpty())
                h += u"<bdi>"_s + escape(place) + u"</bdi>"_s;
            h += (s.unverified.contains(u"address"_s) ? toCheck : QString()) + u"</p>\n"_s;
        }
        if (!s.phones.isEmpty()) {
            QStringList phones;
            for (const QString &p : s.phones)
                phones.append(u"<a href=\""_s + html::telUrl(p) + u"\" dir=\"ltr\">"_s + escape(p) + u"</a>"_s);
            h += u"<p class=\"phones\">"_s + phones.join(u" "_s)
                + (s.unverified.contains(u"phones"_s) ? toCheck : QString()) + u"</p>\n"_s;
        }
        const QStringList hours = formatOpeningHours(s.hours, d.lang());
        if (!hours.isEmpty()) {
            h += u"<p class=\"hours\">"_s;
            for (qsizetype i = 0; i < hours.size(); ++i)
                h += (i > 0 ? u"<br>"_s : QString()) + html::textWithIsolatedNumbers(hours[i]);
            h += (s.unverified.contains(u"hours"_s) ? toCheck : QString()) + u"</p>\n"_s;
        }
        if (!s.email.isEmpty())
            h += u"<p><a href=\"mailto:"_s + escape(s.email) + u"\" dir=\"ltr\">"_s + escape(s.email) + u"</a></p>\n"_s;
        if (s.web.startsWith(u"https://") || s.web.startsWith(u"http://"))
            h += u"<p><a href=\""_s + escape(s.web) + u"\" dir=\"ltr\">"_s + escape(s.web) + u"</a></p>\n"_s;
        return h + u"</div></div>\n"_s;
    }

    bool writePage(const LanguageInfo &l, const QString &id)
    {
        const Doc d{&l, u"page/"_s + id + u".html"_s};
        const auto it = m_inForce.find(id);
        if (it == m_inForce.end() || !it->second) {
            // A page id with no version on the export date: the URL stays, and says so.
            const QString message = ui(d, WebText::NotInForce).arg(longDate(m_today, d.lang()));
            return writeDocument(d, id, u"<p class=\"empty\">"_s + escape(message) + u"</p>\n"_s);
        }
        const PageDetail &page = *it->second;
        m_syntheticOnPage = false;
        // The title's own speech (Repository reads the blocks' only): in the page's text language.
        SqliteStatement titleAudio = m_pack.database().prepare(
            u"SELECT title_audio, title_audio_synthetic FROM page_texts WHERE page = ?1 AND lang = ?2"_s);
        titleAudio.bind(1, page.key).bind(2, page.language);
        const QString titlePlayer = titleAudio.next() ? audio(d, titleAudio.text(0), titleAudio.integer(1) != 0) : QString();

        QString blocks = u"<div class=\"blocks\""_s + otherLanguageAttributes(d, page.language) + u">\n"_s;
        QString openList; // the list element consecutive steps or items share
        for (const Block &b : m_repo.blocks(page.key, d.lang())) {
            const QString list = b.kind == u"step" ? u"ol"_s : b.kind == u"item" ? u"ul"_s : QString();
            if (list != openList) {
                if (!openList.isEmpty())
                    blocks += u"</"_s + openList + u">\n"_s;
                if (!list.isEmpty())
                    blocks += u'<' + list + u" class=\""_s + (list == u"ol" ? u"steps"_s : u"items"_s) + u"\">\n"_s;
                openList = list;
            }
            blocks += block(d, b);
        }
        if (!openList.isEmpty())
            blocks += u"</"_s + openList + u">\n"_s;

        QString h = heading(d, page.pictogram, page.title, page.language) + titlePlayer;
        if (page.language != d.lang()) {
            const LanguageInfo *shown = m_languageByCode.value(page.language);
            h += u"<p class=\"notice\">"_s
                + escape(ui(d, WebText::NotTranslated).arg(shown ? shown->endonym : page.language)) + u"</p>\n"_s;
        }
        if (page.review == u"machine")
            h += u"<p class=\"notice\">"_s + escape(ui(d, WebText::MachineTranslation)) + u"</p>\n"_s;
        // Said once for the page rather than beside every player.
        if (m_syntheticOnPage)
            h += u"<p class=\"notice\">"_s + iconAndLabel(d, u"speaker"_s, u"small"_s, escape(ui(d, WebText::SyntheticVoice)),
                                                          ui(d, WebText::SyntheticVoice))
                + u"</p>\n"_s;
        h += blocks;
        h += u"</div>\n<div class=\"page-info\">\n"_s;
        if (page.validFrom.isValid())
            h += u"<p>"_s + escape(ui(d, WebText::RuleFrom).arg(longDate(page.validFrom, d.lang()))) + u"</p>\n"_s;
        if (page.validUntil.isValid())
            h += u"<p>"_s + escape(ui(d, WebText::RuleUntil).arg(longDate(page.validUntil, d.lang()))) + u"</p>\n"_s;
        if (page.verified.isValid())
            h += u"<p>"_s + escape(ui(d, WebText::CheckedOn).arg(longDate(page.verified, d.lang()))) + u"</p>\n"_s;
        if (!page.sources.isEmpty()) {
            h += u"<h2>"_s + escape(ui(d, WebText::Sources)) + u"</h2>\n<ul class=\"sources\">\n"_s;
            for (const QString &source : page.sources) {
                const bool link = source.startsWith(u"https://") || source.startsWith(u"http://");
                h += u"<li>"_s + (link ? u"<a href=\""_s + escape(source) + u"\" dir=\"ltr\">"_s + escape(source) + u"</a>"_s
                                       : escape(source))
                    + u"</li>\n"_s;
            }
            h += u"</ul>\n"_s;
        }
        h += u"<p>"_s + sentenceWith(ui(d, WebText::PageCode), u"<bdi dir=\"ltr\">"_s + escape(page.code) + u"</bdi>"_s)
            + u"</p>\n</div>\n"_s;
        return writeDocument(d, page.title, h);
    }

    void noteFutureChanges()
    {
        // A web copy cannot change by itself on the day a rule does; the editor can.
        SqliteStatement q = m_pack.database().prepare(
            u"SELECT id, valid_from FROM pages WHERE valid_from > ?1 "
            "UNION SELECT id, date(valid_until, '+1 day') FROM pages WHERE valid_until >= ?1 ORDER BY 2, 1"_s);
        q.bind(1, m_today.toString(Qt::ISODate));
        while (q.next())
            m_result.notes.append(u"page %1 changes on %2: export the web copy again on that day"_s.arg(q.text(0), q.text(1)));
    }

    const Pack &m_pack;
    const Repository &m_repo;
    QDir m_stage;
    QDate m_today;
    WebExportResult &m_result;

    QList<LanguageInfo> m_languages;
    QHash<QString, const LanguageInfo *> m_languageByCode;
    std::unique_ptr<WebStrings> m_strings;
    QStringList m_pageIds;
    std::map<QString, std::optional<PageDetail>> m_inForce; // for the language being written
    std::set<QString> m_pictograms;
    std::map<QString, QString> m_audio; // object hash -> site path
    QHash<QString, QString> m_objectTypes; // object hash -> media type, from the manifest
    bool m_syntheticOnPage = false;       // the page being written has synthetic speech
};

} // namespace

WebExportResult exportWeb(const QString &packDir, const QString &outDir, const WebExportOptions &options)
{
    WebExportResult result;
    if (!options.today.isValid()) {
        result.problems.append(Problem{{}, 0, u"no export date"_s, u"pass --today YYYY-MM-DD"_s});
        return result;
    }
    Result<std::shared_ptr<Pack>> opened = Pack::openDirectory(packDir);
    if (!opened) {
        result.problems.append(opened.problem());
        return result;
    }
    const std::shared_ptr<const Pack> pack = opened.value();
    const Repository repo(pack);

    const QString out = QDir::cleanPath(QDir().absoluteFilePath(outDir));
    if (!QDir().mkpath(QFileInfo(out).absolutePath())) {
        result.problems.append(Problem{out, 0, u"cannot create the parent folder"_s, u"check permissions"_s});
        return result;
    }
    QTemporaryDir stage(out + u".partial-XXXXXX"_s);
    if (!stage.isValid()) {
        result.problems.append(Problem{out, 0, u"cannot create a folder beside the output"_s, u"check permissions"_s});
        return result;
    }
    if (!SiteWriter(*pack, repo, stage.path(), options.today, result).run())
        return result;
    // QTemporaryDir makes a private folder; a web server must be able to read the copy.
    QFile::setPermissions(stage.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                            | QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther
                                            | QFileDevice::ExeOther);
    QString error;
    if (!replaceDirectory(stage.path(), out, &error)) {
        result.problems.append(Problem{out, 0, error, u"check permissions"_s});
        return result;
    }
    stage.setAutoRemove(false);
    return result;
}

} // namespace passerelle::content
