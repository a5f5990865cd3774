#include "translationexchange.h"

#include "contentloader.h"
#include "markdownblocks.h"
#include "textunits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSaveFile>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

const QString kXliff2Namespace = u"urn:oasis:names:tc:xliff:document:2.0"_s;
// XLIFF 2.0 subState values are "authority:value"; ours say what XLIFF's states cannot.
const QString kSubStateMachine = u"passerelle:machine"_s;
const QString kSubStateOutdated = u"passerelle:outdated"_s;
// Written as translated_from for a block whose French origin is unknown: never a real hash,
// so the block stays outdated until it is translated again.
const QString kUnknownHash = u"unknown"_s;

TranslationState reviewState(const QString &review)
{
    if (review == u"reviewed")
        return TranslationState::Reviewed;
    if (review == u"machine")
        return TranslationState::Machine;
    return TranslationState::Draft;
}

QString reviewName(TranslationState state)
{
    switch (state) {
    case TranslationState::Reviewed:
        return u"reviewed"_s;
    case TranslationState::Machine:
        return u"machine"_s;
    default:
        return u"draft"_s;
    }
}

const PageFile *translationOf(const ContentSet &set, const PageFile &french, const QString &lang)
{
    for (const PageFile &p : set.pages) {
        if (p.lang == lang && p.stem == french.stem && p.folderTopic == french.folderTopic)
            return &p;
    }
    return nullptr;
}

const PageFile *frenchPage(const ContentSet &set, const QString &pageKeyText)
{
    for (const PageFile &p : set.pages) {
        if (p.lang == set.pack.sourceLanguage() && pageKey(p) == pageKeyText)
            return &p;
    }
    return nullptr;
}

QString relativeToContent(const ContentSet &set, const QString &file)
{
    return QDir(QFileInfo(set.root).absoluteFilePath()).relativeFilePath(QFileInfo(file).absoluteFilePath());
}

/** "page/health/amu-steps/3" -> ("health/amu-steps", "3"); empty for other units. */
std::pair<QString, QString> splitPageKey(const QString &key)
{
    if (!key.startsWith(u"page/"_s))
        return {};
    const qsizetype last = key.lastIndexOf(u'/');
    return {key.mid(5, last - 5), key.mid(last + 1)};
}

QString pageCode(const ContentSet &set, const PageFile &page)
{
    const TopicDecl *topic = set.pack.topic(page.topic);
    return topic ? topic->code + QString::number(page.order) : QString();
}

/** Backslash-escapes what Markdown would read as markup; lineStart: the text starts a block. */
QString markdownEscape(const QString &text, bool lineStart = true)
{
    QString out;
    out.reserve(text.size() + 8);
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (u"\\`*_[]<>&"_s.contains(c))
            out += u'\\';
        out += c;
    }
    // At the start of a block these would make a heading, quote, list or rule.
    if (!lineStart)
        return out;
    static const QRegularExpression blockMarkup(u"^(#|>|-|\\+|=|(\\d+)([.)]))"_s);
    const auto m = blockMarkup.match(out);
    if (m.hasMatch()) {
        if (!m.captured(2).isEmpty())
            out.insert(m.capturedEnd(2), u'\\');
        else
            out.insert(0, u'\\');
    }
    return out;
}

QString yamlQuoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s);
    return u'"' + out + u'"';
}

QString poQuoted(const QString &text)
{
    QString out = text;
    out.replace(u'\\', u"\\\\"_s).replace(u'"', u"\\\""_s).replace(u'\n', u"\\n"_s).replace(u'\t', u"\\t"_s);
    return u'"' + out + u'"';
}

} // namespace

QString stateName(TranslationState state)
{
    switch (state) {
    case TranslationState::Missing:
        return u"missing"_s;
    case TranslationState::Outdated:
        return u"outdated"_s;
    case TranslationState::Machine:
        return u"machine"_s;
    case TranslationState::Draft:
        return u"draft"_s;
    case TranslationState::Reviewed:
        return u"reviewed"_s;
    }
    return {};
}

QList<TranslationUnit> translationUnits(const ContentSet &set, const QString &lang)
{
    QList<TranslationUnit> out;
    const QString source = set.pack.sourceLanguage();
    const QList<TextUnit> targets = textUnits(set, lang);
    QHash<QString, QString> targetText;
    for (const TextUnit &t : targets)
        targetText.insert(t.key, t.text);

    for (const PageFile &french : set.pages) {
        if (french.lang != source)
            continue;
        const PageFile *translation = translationOf(set, french, lang);
        const QString where = u"page %1 (%2)"_s.arg(french.id, pageCode(set, french));
        const QList<TextUnit> units = pageUnits(french);
        for (const TextUnit &u : units) {
            TranslationUnit tu;
            tu.key = u.key;
            tu.kind = u.kind;
            tu.file = relativeToContent(set, u.origin.file);
            tu.line = u.origin.line;
            tu.source = u.text;
            const QString index = splitPageKey(u.key).second;
            if (index == u"title") {
                tu.context = where + u": the page title"_s;
                if (translation && !translation->title.isEmpty()) {
                    tu.target = translation->title;
                    tu.state = reviewState(translation->review);
                }
            } else {
                const int i = index.toInt() - 1;
                const BlockSource &b = french.blocks[i];
                tu.context = where + u": block %1 of %2, %3"_s.arg(i + 1).arg(french.blocks.size()).arg(b.kind);
                if (b.kind == u"step")
                    tu.context += u" %1"_s.arg(b.number);
                if (!b.pictogram.isEmpty())
                    tu.context += u", pictogram %1"_s.arg(b.pictogram);
                if (!b.target.isEmpty())
                    tu.context += u", link to %1"_s.arg(b.target);
                if (translation && i < translation->blocks.size() && translation->blocks[i].kind == b.kind) {
                    tu.target = translation->blocks[i].text;
                    const bool current = i < translation->translatedFrom.size() && translation->translatedFrom[i] == b.hash();
                    tu.state = current ? reviewState(translation->review) : TranslationState::Outdated;
                }
            }
            if (!tu.source.isEmpty())
                out.append(tu);
        }
    }
    for (const TextUnit &u : textUnits(set, source)) {
        // The kiosk's labels are translated in translations/*.ts with Qt Linguist, not here.
        if (u.key.startsWith(u"page/"_s) || u.kind == u"endonym" || u.kind == u"greeting" || u.kind == u"control")
            continue;
        TranslationUnit tu;
        tu.key = u.key;
        tu.kind = u.kind;
        tu.file = relativeToContent(set, u.origin.file);
        tu.line = u.origin.line;
        tu.source = u.text;
        tu.context = u.key.section(u'/', 0, 0) + u' ' + u.key.section(u'/', 1, 1) + u": "_s
            + (u.kind == u"status-hint" ? u"the hint: how a person recognises the status"_s
               : u.kind == u"pictogram-name" ? u"the spoken name of a pictogram (1 to 3 words)"_s
               : u.kind == u"service-name" ? u"the name of a service"_s
                                            : u"the title"_s);
        tu.target = targetText.value(u.key);
        // YAML texts keep no translated_from and no review state.
        tu.state = tu.target.isEmpty() ? TranslationState::Missing : TranslationState::Draft;
        out.append(tu);
    }
    return out;
}

QByteArray writeXliff(const QList<TranslationUnit> &units, const QString &sourceLang, const QString &targetLang)
{
    QByteArray bytes;
    QXmlStreamWriter xml(&bytes);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(2);
    xml.writeStartDocument();
    xml.writeDefaultNamespace(kXliff2Namespace);
    xml.writeStartElement(kXliff2Namespace, u"xliff"_s);
    xml.writeAttribute(u"version"_s, u"2.0"_s);
    xml.writeAttribute(u"srcLang"_s, sourceLang);
    xml.writeAttribute(u"trgLang"_s, targetLang);
    QString currentFile;
    int fileNumber = 0;
    for (const TranslationUnit &u : units) {
        if (u.file != currentFile) {
            if (!currentFile.isEmpty())
                xml.writeEndElement(); // file
            currentFile = u.file;
            xml.writeStartElement(u"file"_s);
            xml.writeAttribute(u"id"_s, u"f%1"_s.arg(++fileNumber));
            xml.writeAttribute(u"original"_s, u.file);
        }
        xml.writeStartElement(u"unit"_s);
        // Unit ids are NMTOKENs: no "/".
        xml.writeAttribute(u"id"_s, QString(u.key).replace(u'/', u':'));
        xml.writeAttribute(u"name"_s, u.key);
        xml.writeStartElement(u"notes"_s);
        xml.writeStartElement(u"note"_s);
        xml.writeAttribute(u"category"_s, u"context"_s);
        xml.writeCharacters(u.context);
        xml.writeEndElement();
        xml.writeStartElement(u"note"_s);
        xml.writeAttribute(u"category"_s, u"location"_s);
        xml.writeCharacters(u.file + u':' + QString::number(u.line));
        xml.writeEndElement();
        xml.writeStartElement(u"note"_s);
        xml.writeAttribute(u"category"_s, u"state"_s);
        xml.writeCharacters(stateName(u.state));
        xml.writeEndElement();
        xml.writeEndElement(); // notes
        xml.writeStartElement(u"segment"_s);
        switch (u.state) {
        case TranslationState::Missing:
            xml.writeAttribute(u"state"_s, u"initial"_s);
            break;
        case TranslationState::Outdated:
            xml.writeAttribute(u"state"_s, u"initial"_s);
            xml.writeAttribute(u"subState"_s, kSubStateOutdated);
            break;
        case TranslationState::Machine:
            xml.writeAttribute(u"state"_s, u"translated"_s);
            xml.writeAttribute(u"subState"_s, kSubStateMachine);
            break;
        case TranslationState::Draft:
            xml.writeAttribute(u"state"_s, u"translated"_s);
            break;
        case TranslationState::Reviewed:
            xml.writeAttribute(u"state"_s, u"reviewed"_s);
            break;
        }
        xml.writeTextElement(u"source"_s, u.source);
        if (!u.target.isEmpty())
            xml.writeTextElement(u"target"_s, u.target);
        xml.writeEndElement(); // segment
        xml.writeEndElement(); // unit
    }
    if (!currentFile.isEmpty())
        xml.writeEndElement();
    xml.writeEndElement();
    xml.writeEndDocument();
    return bytes;
}

QByteArray writePo(const QList<TranslationUnit> &units, const QString &sourceLang, const QString &targetLang,
                   const QString &project)
{
    QString out;
    out += u"# Passerelle content, %1 -> %2. Made by passerelle-pack export; give it back to passerelle-pack import.\n"_s
               .arg(sourceLang, targetLang);
    out += u"# A fuzzy entry is outdated (the French changed) or a machine translation: check it and remove \"fuzzy\".\n"_s;
    out += u"msgid \"\"\nmsgstr \"\"\n"_s;
    out += u"\"Project-Id-Version: %1\\n\"\n"_s.arg(project);
    out += u"\"PO-Revision-Date: YEAR-MO-DA HO:MI+ZONE\\n\"\n\"Last-Translator: FULL NAME <EMAIL@ADDRESS>\\n\"\n"_s;
    out += u"\"Language-Team: %1\\n\"\n"_s.arg(targetLang);
    out += u"\"Language: %1\\n\"\n"_s.arg(targetLang);
    out += u"\"X-Source-Language: %1\\n\"\n"_s.arg(sourceLang);
    out += u"\"MIME-Version: 1.0\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Content-Transfer-Encoding: 8bit\\n\"\n"_s;
    for (const TranslationUnit &u : units) {
        out += u'\n';
        out += u"#. "_s + u.context + u'\n';
        out += u"#. state: "_s + stateName(u.state) + u'\n';
        out += u"#: "_s + u.file + u':' + QString::number(u.line) + u'\n';
        if (u.state == TranslationState::Outdated || u.state == TranslationState::Machine)
            out += u"#, fuzzy\n"_s;
        out += u"msgctxt "_s + poQuoted(u.key) + u'\n';
        out += u"msgid "_s + poQuoted(u.source) + u'\n';
        out += u"msgstr "_s + poQuoted(u.target) + u'\n';
    }
    return out.toUtf8();
}

namespace {

std::optional<ReturnedFile> readXliff(const QString &path, const QByteArray &data, Problems &problems)
{
    ReturnedFile file;
    file.format = u"XLIFF 2.0"_s;
    QXmlStreamReader xml(data);
    ReturnedUnit unit;
    bool inUnit = false;
    QStringList states;
    QStringList subStates;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"xliff") {
                if (xml.namespaceUri() != kXliff2Namespace) {
                    problems.append(Problem{path, int(xml.lineNumber()),
                                            u"this is XLIFF %1; passerelle-pack reads XLIFF 2.0 and PO"_s.arg(
                                                xml.attributes().value(u"version"_s).toString()),
                                            u"save it as XLIFF 2.0 or PO from the translation tool"_s});
                    return std::nullopt;
                }
                file.targetLang = xml.attributes().value(u"trgLang"_s).toString();
            } else if (name == u"unit") {
                inUnit = true;
                unit = ReturnedUnit{};
                unit.line = int(xml.lineNumber());
                const QString n = xml.attributes().value(u"name"_s).toString();
                unit.key = n.isEmpty() ? xml.attributes().value(u"id"_s).toString().replace(u':', u'/') : n;
                states.clear();
                subStates.clear();
            } else if (inUnit && name == u"segment") {
                states.append(xml.attributes().value(u"state"_s).toString());
                subStates.append(xml.attributes().value(u"subState"_s).toString());
            } else if (inUnit && name == u"source") {
                unit.source += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (inUnit && name == u"target") {
                unit.target += xml.readElementText(QXmlStreamReader::IncludeChildElements);
            } else if (inUnit && name == u"notes") {
                xml.skipCurrentElement();
            }
        } else if (xml.isEndElement() && xml.name() == u"unit") {
            inUnit = false;
            // A unit split into several segments counts as done when every segment is.
            unit.confirmed = !states.isEmpty() && std::all_of(states.cbegin(), states.cend(), [](const QString &s) {
                return s == u"translated" || s == u"reviewed" || s == u"final";
            });
            unit.reviewed = !states.isEmpty() && std::all_of(states.cbegin(), states.cend(), [](const QString &s) {
                return s == u"reviewed" || s == u"final";
            });
            unit.machine = subStates.contains(kSubStateMachine);
            unit.source = unit.source.trimmed();
            unit.target = unit.target.trimmed();
            file.units.append(unit);
        }
    }
    if (xml.hasError()) {
        problems.append(Problem{path, int(xml.lineNumber()), u"not a well-formed XLIFF file: "_s + xml.errorString(),
                                u"was it saved completely?"_s});
        return std::nullopt;
    }
    return file;
}

QString poUnquote(QStringView quoted, bool *ok)
{
    *ok = quoted.size() >= 2 && quoted.startsWith(u'"') && quoted.endsWith(u'"');
    if (!*ok)
        return {};
    QString out;
    const QStringView body = quoted.mid(1, quoted.size() - 2);
    for (qsizetype i = 0; i < body.size(); ++i) {
        if (body[i] != u'\\' || i + 1 == body.size()) {
            out += body[i];
            continue;
        }
        const QChar e = body[++i];
        out += e == u'n' ? QChar(u'\n') : e == u't' ? QChar(u'\t') : e == u'r' ? QChar(u'\r') : e;
    }
    return out;
}

std::optional<ReturnedFile> readPo(const QString &path, const QByteArray &data, Problems &problems)
{
    ReturnedFile file;
    file.format = u"PO"_s;
    struct Entry
    {
        int line = 0;
        bool fuzzy = false;
        bool obsolete = false;
        QString location;
        QString ctxt, id, str;
        QString *last = nullptr;
    };
    Entry entry;
    bool started = false;
    bool failed = false;
    const auto flush = [&] {
        if (started && !entry.obsolete) {
            if (entry.id.isEmpty() && entry.ctxt.isEmpty()) {
                static const QRegularExpression language(u"^Language:\\s*(\\S+)\\s*$"_s, QRegularExpression::MultilineOption);
                file.targetLang = language.match(entry.str).captured(1).replace(u'_', u'-').section(u'-', 0, 0);
            } else {
                ReturnedUnit unit;
                unit.key = entry.ctxt;
                unit.location = entry.location;
                unit.source = entry.id.trimmed();
                unit.target = entry.str.trimmed();
                unit.line = entry.line;
                unit.confirmed = !entry.fuzzy && !unit.target.isEmpty();
                file.units.append(unit);
            }
        }
        entry = Entry{};
        started = false;
    };
    const QStringList lines = QString::fromUtf8(data).split(u'\n');
    for (qsizetype n = 0; n < lines.size() && !failed; ++n) {
        const QString line = lines[n].trimmed();
        const int lineNumber = int(n + 1);
        if (line.isEmpty())
            continue;
        if (line.startsWith(u"#~"_s)) {
            continue; // obsolete entries are history, not translations
        }
        if (line.startsWith(u'#')) {
            if (started && entry.last)
                flush();
            if (line.startsWith(u"#,"_s) && line.contains(u"fuzzy"_s))
                entry.fuzzy = true;
            if (line.startsWith(u"#:"_s) && entry.location.isEmpty())
                entry.location = line.mid(2).trimmed().section(u' ', 0, 0);
            if (entry.line == 0)
                entry.line = lineNumber;
            continue;
        }
        const auto keyword = [&](const QString &word, QString *target) {
            if (!line.startsWith(word + u' '))
                return false;
            if (word != u"msgstr" && started && entry.last && entry.last != &entry.ctxt)
                flush();
            if (word == u"msgid" && started && entry.last == &entry.ctxt) {
                // msgctxt then msgid: same entry
            }
            started = true;
            if (entry.line == 0)
                entry.line = lineNumber;
            bool ok = false;
            *target = poUnquote(QStringView(line).mid(word.size() + 1).trimmed(), &ok);
            entry.last = target;
            if (!ok) {
                problems.append(Problem{path, lineNumber, u"malformed PO string"_s, u"a string is written \"...\""_s});
                failed = true;
            }
            return true;
        };
        if (keyword(u"msgctxt"_s, &entry.ctxt) || keyword(u"msgid"_s, &entry.id))
            continue;
        if (line.startsWith(u"msgstr[0] "_s) || keyword(u"msgstr"_s, &entry.str))
            continue;
        if (line.startsWith(u'"') && entry.last) {
            bool ok = false;
            *entry.last += poUnquote(line, &ok);
            if (!ok) {
                problems.append(Problem{path, lineNumber, u"malformed PO string"_s, {}});
                failed = true;
            }
            continue;
        }
        if (line.startsWith(u"msgid_plural"_s) || line.startsWith(u"msgstr["_s))
            continue;
        problems.append(Problem{path, lineNumber, u"unexpected line in a PO file: "_s + line.left(40), {}});
        failed = true;
    }
    flush();
    if (failed)
        return std::nullopt;
    return file;
}

} // namespace

std::optional<ReturnedFile> readTranslationFile(const QString &path, Problems &problems)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        problems.append(Problem{path, 0, u"cannot read the file: "_s + f.errorString(), {}});
        return std::nullopt;
    }
    const QByteArray data = f.readAll();
    const QByteArray start = data.left(256).trimmed();
    if (start.startsWith("<?xml") || start.startsWith("<xliff") || start.startsWith("\xEF\xBB\xBF<"))
        return readXliff(path, data, problems);
    return readPo(path, data, problems);
}

namespace {

/** One change to a per-language YAML map (title: {fr: ..., en: ...}). */
struct YamlEdit
{
    Localized texts;
    LocalizedLines lines;
    QString lang;
    QString text;
};

/** Rewrites the lines of one YAML file; edits are applied from the bottom up. */
bool applyYamlEdits(const ContentSet &set, const QString &file, QList<YamlEdit> edits, Problems &problems)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) {
        problems.append(Problem{file, 0, u"cannot read the file"_s, {}});
        return false;
    }
    QStringList lines = QString::fromUtf8(in.readAll()).split(u'\n');
    in.close();
    const QString source = set.pack.sourceLanguage();
    std::sort(edits.begin(), edits.end(), [&](const YamlEdit &a, const YamlEdit &b) {
        return a.lines.value(source) > b.lines.value(source);
    });
    for (const YamlEdit &e : std::as_const(edits)) {
        const int sourceLine = e.lines.value(source);
        if (sourceLine < 1 || sourceLine > lines.size())
            continue;
        QSet<int> used;
        for (auto it = e.lines.cbegin(); it != e.lines.cend(); ++it)
            used.insert(it.value());
        const bool flow = used.size() == 1 && lines[sourceLine - 1].contains(u'{');
        if (flow) {
            // title: {fr: "...", en: "..."}: write the whole map again, in pack order.
            QString &line = lines[sourceLine - 1];
            const qsizetype open = line.indexOf(u'{');
            const qsizetype close = line.lastIndexOf(u'}');
            if (open < 0 || close < open) {
                problems.append(Problem{file, sourceLine, u"cannot update this line: edit it by hand"_s, {}});
                return false;
            }
            Localized texts = e.texts;
            texts.insert(e.lang, e.text);
            QStringList entries;
            for (const LanguageDecl &l : set.pack.languages) {
                if (texts.contains(l.code))
                    entries.append(l.code + u": "_s + yamlQuoted(texts.value(l.code)));
            }
            line = line.left(open) + u'{' + entries.join(u", "_s) + u'}' + line.mid(close + 1);
            continue;
        }
        const int existing = e.lines.value(e.lang);
        const int anchor = existing > 0 ? existing : *std::max_element(used.cbegin(), used.cend());
        // Same indentation as the entry beside it: "  en: ..." under "title:".
        const QString &anchorLine = lines[anchor - 1];
        const qsizetype indent = anchorLine.indexOf(anchorLine.trimmed());
        const QString entry = anchorLine.left(indent) + e.lang + u": "_s + yamlQuoted(e.text);
        if (existing > 0)
            lines[existing - 1] = entry;
        else
            lines.insert(anchor, entry);
    }
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly) || out.write(lines.join(u'\n').toUtf8()) < 0 || !out.commit()) {
        problems.append(Problem{file, 0, u"cannot write the file"_s, u"check permissions"_s});
        return false;
    }
    return true;
}

} // namespace

QByteArray renderTranslationPage(const ContentSet &set, const PageFile &french, const QString &lang,
                                 const QString &title, const QStringList &blockTexts, const QStringList &hashes,
                                 const QString &review, const QList<BlockSource> &oldBlocks)
{
    QString out;
    out += u"---\n"_s;
    out += u"id: "_s + french.id + u'\n';
    out += u"title: "_s + yamlQuoted(title) + u'\n';
    out += u"review: "_s + review + u'\n';
    out += u"translated_from: ["_s + hashes.join(u", "_s) + u"]\n"_s;
    out += u"---\n"_s;
    QString previousKind;
    for (qsizetype i = 0; i < french.blocks.size(); ++i) {
        const BlockSource &b = french.blocks[i];
        const bool label = b.kind == u"pictogram" || b.kind == u"service" || b.kind == u"phone"
            || !b.pictogram.isEmpty();
        const QString text = markdownEscape(blockTexts.value(i), !label);
        const bool listItem = b.kind == u"step" || b.kind == u"item";
        if (i > 0 && !(listItem && previousKind == b.kind))
            out += u'\n';
        previousKind = b.kind;
        // A step's pictogram keeps the translation's alt text, else takes the pictogram's name.
        QString pictoName = i < oldBlocks.size() && oldBlocks[i].pictogram == b.pictogram ? oldBlocks[i].pictogramLabel : QString();
        if (pictoName.isEmpty())
            pictoName = set.pictogramNames.value(b.pictogram).value(
                lang, set.pictogramNames.value(b.pictogram).value(set.pack.sourceLanguage(), b.pictogram));
        const QString leadingPicto = b.pictogram.isEmpty() || b.kind == u"pictogram"
            ? QString()
            : u"!["_s + markdownEscape(pictoName, false) + u"](picto:"_s + b.pictogram + u") "_s;
        if (b.kind == u"text")
            out += text + u'\n';
        else if (b.kind == u"heading")
            out += u"## "_s + text + u'\n';
        else if (b.kind == u"step")
            out += QString::number(b.number) + u". "_s + leadingPicto + text + u'\n';
        else if (b.kind == u"item")
            out += u"- "_s + leadingPicto + text + u'\n';
        else if (b.kind == u"warning")
            out += u"> "_s + text + u'\n';
        else if (b.kind == u"pictogram")
            out += u"!["_s + text + u"](picto:"_s + b.pictogram + u")\n"_s;
        else if (b.kind == u"service")
            out += u"["_s + text + u"](service:"_s + b.target + u")\n"_s;
        else if (b.kind == u"phone")
            out += u"["_s + text + u"](tel:"_s + b.target + u")\n"_s;
    }
    return out.toUtf8();
}

ImportSummary importTranslations(const ContentSet &set, const ReturnedFile &returned, const QString &path,
                                 Problems &problems)
{
    ImportSummary summary;
    const QString lang = returned.targetLang;
    const QString source = set.pack.sourceLanguage();
    if (lang.isEmpty() || !set.pack.hasLanguage(lang) || lang == source) {
        problems.append(Problem{path, 1, u"the file's target language \"%1\" is not a translation language of this pack"_s.arg(lang),
                                u"export a file with passerelle-pack export --lang CODE"_s});
        return summary;
    }
    const QList<TranslationUnit> current = translationUnits(set, lang);
    QHash<QString, const TranslationUnit *> byKey;
    QHash<QString, const TranslationUnit *> byLocation;
    QMultiHash<QString, const TranslationUnit *> bySource;
    for (const TranslationUnit &u : current) {
        byKey.insert(u.key, &u);
        byLocation.insert(u.file + u':' + QString::number(u.line), &u);
        bySource.insert(u.source.simplified(), &u);
    }

    // Some tools drop msgctxt (translate-toolkit's po2xliff): such a unit is found by its
    // location comment, else it applies to every unit with the same French text.
    QList<ReturnedUnit> units;
    for (const ReturnedUnit &r : returned.units) {
        if (!r.key.isEmpty()) {
            units.append(r);
            continue;
        }
        const TranslationUnit *at = byLocation.value(r.location);
        if (at && at->source.simplified() == r.source.simplified()) {
            units.append(r);
            units.last().key = at->key;
            continue;
        }
        const QList<const TranslationUnit *> same = bySource.values(r.source.simplified());
        if (same.isEmpty()) {
            units.append(r); // reported below as a text that no longer exists
            continue;
        }
        for (const TranslationUnit *u : same) {
            units.append(r);
            units.last().key = u->key;
        }
    }

    // A file made from an older French text is refused whole: its translations would
    // claim to match French that they never saw.
    int stale = 0;
    for (const ReturnedUnit &r : std::as_const(units)) {
        const TranslationUnit *now = byKey.value(r.key);
        if (!now) {
            problems.append(Problem{path, r.line,
                                    u"unit %1 no longer exists in the French content"_s.arg(r.key.isEmpty() ? u"\""_s + r.source.left(60) + u'"' : r.key),
                                    u"export a new file with passerelle-pack export"_s});
            ++stale;
        } else if (now->source.simplified() != r.source.simplified()) {
            problems.append(Problem{path, r.line,
                                    u"unit %1: the French text changed since this file was made (%2:%3 now says \"%4\")"_s.arg(
                                        r.key, now->file).arg(now->line).arg(now->source.left(80)),
                                    u"export a new file and translate the changed units"_s});
            ++stale;
        }
    }
    if (stale > 0) {
        problems.append(Problem{path, 0, u"%1 unit(s) were made from an older French text; nothing was imported"_s.arg(stale),
                                u"export again with passerelle-pack export --lang %1, and carry the translations over"_s.arg(lang)});
        return summary;
    }

    // What each returned unit becomes: its text, whether it now matches the current
    // French, and its review state.
    struct Decision
    {
        QString text;
        bool upToDate = false;
        TranslationState review = TranslationState::Draft;
        bool changed = false;
    };
    QHash<QString, Decision> decisions;
    for (const ReturnedUnit &r : std::as_const(units)) {
        const TranslationUnit &now = *byKey.value(r.key);
        if (r.target.isEmpty())
            continue;
        Decision d;
        d.text = r.target;
        const bool sameText = r.target == now.target;
        const TranslationState explicitState = r.reviewed ? TranslationState::Reviewed
            : r.machine ? TranslationState::Machine
                        : TranslationState::Draft;
        if (sameText && now.state != TranslationState::Outdated && now.state != TranslationState::Missing) {
            d.upToDate = true;
            d.review = r.reviewed ? TranslationState::Reviewed : now.state;
            d.changed = d.review != now.state;
        } else if (sameText) {
            // An outdated text sent back unchanged: up to date only if the translator says so.
            d.upToDate = r.confirmed;
            d.review = explicitState;
            d.changed = r.confirmed;
        } else {
            d.upToDate = true;
            d.review = explicitState;
            d.changed = true;
        }
        if (d.changed) {
            ++summary.updatedUnits;
            decisions.insert(r.key, d);
        } else {
            ++summary.unchangedUnits;
        }
    }

    // Pages: a translation file is written again when one of its units changed.
    QStringList pageKeys;
    for (const auto &[key, d] : decisions.asKeyValueRange()) {
        Q_UNUSED(d);
        const QString page = splitPageKey(key).first;
        if (!page.isEmpty() && !pageKeys.contains(page))
            pageKeys.append(page);
    }
    pageKeys.sort();
    for (const QString &pk : std::as_const(pageKeys)) {
        const PageFile *french = frenchPage(set, pk);
        if (!french)
            continue;
        const PageFile *old = translationOf(set, *french, lang);
        const TranslationState oldReview = old ? reviewState(old->review) : TranslationState::Draft;
        TranslationState pageReview = TranslationState::Reviewed;
        QStringList texts, hashes, missing;
        const QString base = u"page/"_s + pk + u'/';
        QString title;
        if (decisions.contains(base + u"title"_s)) {
            const Decision &d = decisions[base + u"title"_s];
            title = d.text;
            pageReview = std::min(pageReview, d.review);
        } else if (old && !old->title.isEmpty()) {
            title = old->title;
            pageReview = std::min(pageReview, oldReview);
        } else {
            missing.append(u"title"_s);
        }
        for (qsizetype i = 0; i < french->blocks.size(); ++i) {
            const QString key = base + QString::number(i + 1);
            if (decisions.contains(key)) {
                const Decision &d = decisions[key];
                texts.append(d.text);
                hashes.append(d.upToDate ? french->blocks[i].hash() : old ? old->translatedFrom.value(i, kUnknownHash) : kUnknownHash);
                pageReview = std::min(pageReview, d.review);
            } else if (old && i < old->blocks.size() && old->blocks[i].kind == french->blocks[i].kind
                       && (!old->blocks[i].text.isEmpty() || french->blocks[i].text.isEmpty())) {
                texts.append(old->blocks[i].text);
                hashes.append(old->translatedFrom.value(i, kUnknownHash));
                pageReview = std::min(pageReview, oldReview);
            } else if (french->blocks[i].text.isEmpty()) {
                texts.append(QString());
                hashes.append(french->blocks[i].hash());
            } else {
                missing.append(QString::number(i + 1));
            }
        }
        const QString target = QFileInfo(french->origin.file).dir().filePath(french->stem + u'.' + lang + u".md"_s);
        if (!missing.isEmpty()) {
            problems.append(Problem{target, 0,
                                    u"not written: no %1 translation for block(s) %2 of the French page"_s.arg(lang, missing.join(u", "_s)),
                                    u"translate every unit of page %1 in the file"_s.arg(french->id),
                                    Problem::Severity::Warning});
            continue;
        }
        const QByteArray bytes = renderTranslationPage(set, *french, lang, title, texts, hashes, reviewName(pageReview),
                                                       old ? old->blocks : QList<BlockSource>());
        // The written page must read back with the French structure.
        Problems reread;
        QSaveFile out(target);
        if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
            problems.append(Problem{target, 0, u"cannot write the file"_s, u"check permissions"_s});
            continue;
        }
        if (const auto page = loadPageFile(target, french->folderTopic, reread);
            !page || page->blocks.size() != french->blocks.size() || hasErrors(reread)) {
            problems.append(Problem{target, 0, u"the written page does not read back with the French structure"_s,
                                    u"check the translated texts for Markdown that changes the structure"_s});
        }
        summary.written.append(relativeToContent(set, target));
    }

    // YAML texts: topics, statuses, pictogram names, services.
    QMap<QString, QList<YamlEdit>> yamlEdits;
    for (const auto &[key, d] : decisions.asKeyValueRange()) {
        const QString type = key.section(u'/', 0, 0);
        const QString id = key.section(u'/', 1, 1);
        const QString field = key.section(u'/', 2, 2);
        if (type == u"topic") {
            if (const TopicDecl *t = set.pack.topic(id))
                yamlEdits[set.pack.origin.file].append({t->titles, t->titleLines, lang, d.text});
        } else if (type == u"status") {
            for (const StatusDecl &s : set.statuses) {
                if (s.id == id && field == u"title")
                    yamlEdits[s.origin.file].append({s.titles, s.titleLines, lang, d.text});
                else if (s.id == id && field == u"hint")
                    yamlEdits[s.origin.file].append({s.hints, s.hintLines, lang, d.text});
            }
        } else if (type == u"pictogram") {
            yamlEdits[set.pictogramNamesOrigin.file].append(
                {set.pictogramNames.value(id), set.pictogramNameLines.value(id), lang, d.text});
        } else if (type == u"service") {
            if (const ServiceDecl *s = set.service(id))
                yamlEdits[s->origin.file].append({s->names, s->nameLines, lang, d.text});
        }
    }
    for (auto it = yamlEdits.cbegin(); it != yamlEdits.cend(); ++it) {
        if (applyYamlEdits(set, it.key(), it.value(), problems))
            summary.written.append(relativeToContent(set, it.key()));
    }
    return summary;
}

} // namespace passerelle::content
