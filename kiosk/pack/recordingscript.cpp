#include "recordingscript.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

const LanguageDecl *language(const ContentSet &set, const QString &code)
{
    for (const LanguageDecl &l : set.pack.languages) {
        if (l.code == code)
            return &l;
    }
    return nullptr;
}

QString langAttributes(const ContentSet &set, const QString &lang)
{
    const LanguageDecl *l = language(set, lang);
    const bool rtl = l && l->direction == u"rtl";
    return u" lang=\"%1\" dir=\"%2\""_s.arg(esc(lang), rtl ? u"rtl"_s : u"ltr"_s);
}

/** The French heading of the part of the kiosk a text belongs to. */
QString sectionOf(const ContentSet &set, const CodedUnit &c)
{
    const QString screen = screenOf(c.unit);
    if (screen == u"page") {
        const QStringList parts = c.unit.key.split(u'/');
        QString title;
        for (const PageFile &p : set.pages) {
            if (p.lang == set.pack.sourceLanguage() && p.folderTopic == parts.value(1) && p.stem == parts.value(2))
                title = p.title;
        }
        const QString page = c.code.left(c.code.lastIndexOf(u'-'));
        return title.isEmpty() ? u"Page %1"_s.arg(page) : u"Page %1 : %2"_s.arg(page, title);
    }
    if (screen == u"attract")
        return u"Écran de bienvenue"_s;
    if (screen == u"language")
        return u"Choix de la langue"_s;
    if (screen == u"status")
        return u"Quel papier avez-vous ?"_s;
    if (screen == u"home")
        return u"Écran d'accueil : thèmes et boutons"_s;
    if (screen == u"services")
        return u"Noms des services"_s;
    if (screen == u"pictograms")
        return u"Noms des pictogrammes"_s;
    if (screen == u"labels")
        return u"Autres boutons et messages du kiosque"_s;
    return u"Autres textes"_s;
}

const char *kStyle = R"(
body { font-family: "Noto Sans", "Noto Sans Ethiopic", "Noto Naskh Arabic", "DejaVu Sans", sans-serif;
       margin: 1em auto; max-width: 60em; padding: 0 0.8em; line-height: 1.45; color: #111; background: #fff; }
h1 { font-size: 1.5em; margin: 0.2em 0; }
.count { font-size: 1.2em; font-weight: bold; }
.help { border: 2px solid #555; border-radius: 0.4em; padding: 0.4em 1em; }
.help li { margin: 0.3em 0; }
table { border-collapse: collapse; width: 100%; }
th, td { border-bottom: 1px solid #999; padding: 0.45em 0.5em; vertical-align: top; text-align: start; }
tr.section th { background: #e8e8e8; font-size: 1.05em; padding-top: 0.8em; }
td.code { font-size: 1.6em; font-weight: bold; font-family: "DejaVu Sans Mono", monospace; white-space: nowrap; }
td.text { font-size: 1.25em; width: 48%; }
td.fr { color: #333; width: 38%; }
.state { display: block; font-size: 0.55em; font-weight: normal; font-family: sans-serif; }
.redo { color: #8a3b00; }
.done { color: #1b5e20; }
@media (max-width: 40em) {
  thead { display: none; }
  table, tbody, tr, td, th { display: block; width: auto; }
  tr.line { border-bottom: 2px solid #777; padding: 0.3em 0; }
  td { border: none; padding: 0.15em 0.2em; }
  td.fr::before { content: "Français : "; font-weight: bold; }
}
@media print {
  @page { size: A4; margin: 14mm; }
  body { max-width: none; margin: 0; padding: 0; }
  tr { break-inside: avoid; }
  thead { display: table-header-group; }
}
)";

} // namespace

double speakingSeconds(const QString &text)
{
    static const QRegularExpression separators(u"[\\s\\x{1361}\\x{1362}]+"_s);
    const qsizetype words = text.split(separators, Qt::SkipEmptyParts).size();
    return std::max(2.0, words * 60.0 / 130.0);
}

int RecordingScript::minutes() const
{
    double seconds = 0;
    for (const Line &l : lines)
        seconds += speakingSeconds(l.coded.unit.speech());
    return std::max(1, int(std::lround(seconds / 60.0)));
}

RecordingScript recordingScript(const ContentSet &set, const QString &lang, const RecordingLog &log, bool all)
{
    RecordingScript script;
    script.lang = lang;
    script.all = all;
    const QDir audio(QDir(set.root).filePath(u"audio/"_s + lang));
    for (const CodedUnit &c : codedUnits(set, lang)) {
        if (c.unit.speech().trimmed().isEmpty())
            continue;
        ++script.total;
        RecordingScript::State state = RecordingScript::State::Missing;
        if (QFileInfo::exists(audio.filePath(c.unit.recording))) {
            const QString logged = log.frenchHash(c.unit.recording);
            state = !logged.isEmpty() && !c.frenchHash.isEmpty() && logged != c.frenchHash
                ? RecordingScript::State::Outdated
                : RecordingScript::State::Recorded;
        }
        if (state != RecordingScript::State::Recorded)
            ++script.toRecord;
        if (all || state != RecordingScript::State::Recorded)
            script.lines.append({c, state});
    }
    return script;
}

QByteArray renderRecordingScript(const ContentSet &set, const RecordingScript &script)
{
    const LanguageDecl *l = language(set, script.lang);
    const QString name = (l && !l->endonym.isEmpty() ? l->endonym + u" ("_s + script.lang + u')' : script.lang);
    const QString nameHtml = u"<span%1>%2</span>"_s.arg(langAttributes(set, script.lang), esc(l ? l->endonym : script.lang))
        + u" ("_s + esc(script.lang) + u')';
    // A block's code ("S5-3") says best what a code is; the greeting's ("HELLO") does not.
    QString example = u"S5-3"_s;
    for (const RecordingScript::Line &line : script.lines) {
        if (screenOf(line.coded.unit) == u"page" && line.coded.unit.kind != u"title") {
            example = line.coded.code;
            break;
        }
    }

    QString h;
    h += u"<!DOCTYPE html>\n<html lang=\"fr\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\"/>\n"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"_s;
    h += u"<title>Textes à enregistrer : "_s + esc(name) + u"</title>\n<style>"_s + QString::fromUtf8(kStyle)
        + u"</style>\n</head>\n<body>\n"_s;
    h += u"<h1>Textes à enregistrer en "_s + nameHtml + u"</h1>\n"_s;
    if (script.all) {
        h += u"<p class=\"count\">%1 textes, environ %2 minutes de parole. %3 n’ont pas encore d’enregistrement à jour.</p>\n"_s
                 .arg(script.lines.size())
                 .arg(script.minutes())
                 .arg(script.toRecord);
    } else {
        h += u"<p class=\"count\">%1 textes à enregistrer, environ %2 minutes de parole.</p>\n"_s.arg(script.lines.size())
                 .arg(script.minutes());
    }
    h += u"<div class=\"help\">\n<p><b>Comment faire</b></p>\n<ol>\n"_s;
    h += u"<li>Lisez chaque texte à voix haute, lentement et clairement, comme à une personne en face de vous. "
         "Le français, à côté de chaque texte, dit ce qu’il veut dire.</li>\n"_s;
    h += u"<li>Un enregistrement par texte. Donnez au fichier le <b>code</b> du texte comme nom, par exemple "
         "<b>%1.m4a</b>. Tous les formats du téléphone conviennent (m4a, mp3, wav, ogg…).</li>\n"_s.arg(esc(example));
    h += u"<li>Si vous ne pouvez pas nommer les fichiers, dites le code à la personne qui enregistre, ou notez-le "
         "à côté de chaque enregistrement : elle nommera les fichiers.</li>\n"_s;
    h += u"<li>Laissez un court silence avant et après le texte : il est enlevé tout seul.</li>\n"_s;
    h += u"<li>Donnez ensuite les fichiers à la personne qui gère le contenu. Elle les ajoute avec "
         "<code>passerelle-pack import-audio --lang %1 content/ DOSSIER</code>.</li>\n"_s.arg(esc(script.lang));
    h += u"</ol>\n<p>« À refaire » : le texte français a changé depuis l’enregistrement ; enregistrez ce texte à nouveau.</p>\n"
         "</div>\n"_s;

    if (script.lines.isEmpty()) {
        h += u"<p class=\"count done\">Tous les textes ont un enregistrement à jour.</p>\n</body>\n</html>\n"_s;
        return h.toUtf8();
    }
    h += u"<table>\n<thead><tr><th>Code</th><th>"_s + nameHtml + u"</th><th>Français</th></tr></thead>\n<tbody>\n"_s;
    QString section;
    for (const RecordingScript::Line &line : script.lines) {
        const QString s = sectionOf(set, line.coded);
        if (s != section) {
            section = s;
            h += u"<tr class=\"section\"><th colspan=\"3\">"_s + esc(s) + u"</th></tr>\n"_s;
        }
        QString state;
        if (line.state == RecordingScript::State::Outdated)
            state = u"<span class=\"state redo\">à refaire</span>"_s;
        else if (script.all && line.state == RecordingScript::State::Recorded)
            state = u"<span class=\"state done\">enregistré</span>"_s;
        // The endonym's French is "Français": say what the text is instead.
        const QString french = line.coded.unit.kind == u"endonym" ? u"(le nom de la langue, dans la langue)"_s
            : line.coded.french.text.isEmpty()                   ? u"—"_s
                                                                 : line.coded.french.speech();
        h += u"<tr class=\"line\"><td class=\"code\">"_s + esc(line.coded.code) + state + u"</td>"_s;
        h += u"<td class=\"text\""_s + langAttributes(set, script.lang) + u'>' + esc(line.coded.unit.speech()) + u"</td>"_s;
        h += u"<td class=\"fr\" lang=\"fr\" dir=\"ltr\">"_s + esc(french) + u"</td></tr>\n"_s;
    }
    h += u"</tbody>\n</table>\n</body>\n</html>\n"_s;
    return h.toUtf8();
}

} // namespace passerelle::content
