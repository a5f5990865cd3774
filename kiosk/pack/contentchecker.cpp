#include "contentchecker.h"
#include "pronunciation.h"
#include "recordinglog.h"

#include "speechaudio.h"
#include "textunits.h"
#include "uipictograms.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QSet>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

constexpr int kMaxWordsPerSentence = 20;

class Checker
{
public:
    Checker(const ContentSet &set, Problems &problems) : m_set(set), m_problems(problems) {}

    void run()
    {
        if (m_set.pack.languages.isEmpty())
            return;
        checkPack();
        for (const StatusDecl &s : m_set.statuses)
            checkStatus(s);
        for (const ServiceDecl &s : m_set.services)
            checkService(s);
        for (const PageFile &p : m_set.pages) {
            if (!m_set.pack.hasLanguage(p.lang)) {
                error(p.origin, u"language \"%1\" is not in pack.yaml"_s.arg(p.lang),
                      u"add it to the languages of pack.yaml, or rename the file"_s);
                continue;
            }
            if (p.lang == source())
                checkSourcePage(p);
            else
                checkTranslation(p);
        }
        checkPageIds();
        checkMissingTranslations();
    }

private:
    QString source() const { return m_set.pack.sourceLanguage(); }

    void error(const Origin &at, const QString &message, const QString &hint = {})
    {
        m_problems.append(Problem{at.file, at.line, message, hint, Problem::Severity::Error});
    }
    void warning(const Origin &at, const QString &message, const QString &hint = {})
    {
        m_problems.append(Problem{at.file, at.line, message, hint, Problem::Severity::Warning});
    }

    void pictogram(const Origin &at, const QString &name, const QString &what)
    {
        if (name.isEmpty())
            return;
        if (!m_set.pictogramFiles.contains(name))
            error(at, u"%1 uses pictogram \"%2\", which does not exist"_s.arg(what, name),
                  u"add content/pictograms/%1.svg or use an existing pictogram"_s.arg(name));
    }

    void sourceText(const Origin &at, const Localized &texts, const QString &what)
    {
        if (texts.value(source()).isEmpty())
            error(at, u"%1 has no %2 text"_s.arg(what, source()), u"the source language is required"_s);
        for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
            if (!m_set.pack.hasLanguage(it.key()))
                error(at, u"%1 has a text in \"%2\", which is not a pack language"_s.arg(what, it.key()));
        }
    }

    void checkPack()
    {
        const PackDecl &pack = m_set.pack;
        for (const LanguageDecl &l : pack.languages) {
            if (l.voice.isEmpty())
                warning(l.origin, u"no speech voice for %1 (%2): its pages will have no audio unless recorded"_s.arg(l.code, l.endonym),
                        u"add recordings under content/audio/%1/"_s.arg(l.code));
        }
        for (const QString &name : uiPictograms()) {
            if (!m_set.pictogramFiles.contains(name))
                error(pack.origin, u"the kiosk's screens need pictogram \"%1\", which does not exist"_s.arg(name),
                      u"add content/pictograms/%1.svg"_s.arg(name));
        }
        QSet<QString> codes;
        for (const TopicDecl &t : pack.topics) {
            pictogram(t.origin, t.pictogram, u"topic "_s + t.id);
            sourceText(t.origin, t.titles, u"topic "_s + t.id);
            if (codes.contains(t.code))
                error(t.origin, u"topic code %1 is used twice"_s.arg(t.code), u"page codes must be unique"_s);
            codes.insert(t.code);
        }
    }

    void checkStatus(const StatusDecl &s)
    {
        pictogram(s.at(u"pictogram"_s), s.pictogram, u"status "_s + s.id);
        for (const QString &d : s.documents)
            pictogram(s.at(u"documents"_s), d, u"status "_s + s.id);
        sourceText(s.at(u"title"_s), s.titles, u"status "_s + s.id);
        if (s.id == u"unknown" || s.id == u"all")
            error(s.origin, u"\"%1\" is reserved"_s.arg(s.id), u"the kiosk always offers \"unknown\"; choose another id"_s);
    }

    void checkService(const ServiceDecl &s)
    {
        pictogram(s.at(u"kind"_s), s.kind, u"service "_s + s.id);
        sourceText(s.at(u"name"_s), s.names, u"service "_s + s.id);
        if (!s.email.isEmpty() && !QRegularExpression(u"^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"_s).match(s.email).hasMatch())
            error(s.at(u"email"_s), u"e-mail address \"%1\" is malformed"_s.arg(s.email), u"write it as name@example.be"_s);
        if (!s.web.isEmpty() && !s.web.startsWith(u"https://"_s) && !s.web.startsWith(u"http://"_s))
            error(s.at(u"web"_s), u"web address \"%1\" does not start with https://"_s.arg(s.web),
                  u"write the whole address, e.g. https://www.example.be"_s);
        for (const QString &phone : s.phones) {
            if (!isValidPhoneNumber(phone))
                error(s.at(u"phones"_s), u"phone number \"%1\" is malformed"_s.arg(phone),
                      u"write digits and spaces, with + and the country code for foreign numbers"_s);
        }
        for (const QString &hours : s.hours) {
            if (!isValidOpeningHours(hours))
                error(s.at(u"hours"_s), u"opening hours \"%1\" are malformed"_s.arg(hours),
                      u"write them as \"mo-fr 09:30-13:00\""_s);
        }
    }

    void checkSourcePage(const PageFile &p)
    {
        const QString what = u"page "_s + p.id;
        if (p.topic.isEmpty())
            error(p.origin, u"missing field \"topic\""_s);
        else if (!m_set.pack.topic(p.topic))
            error(p.at(u"topic"_s), u"unknown topic \"%1\""_s.arg(p.topic),
                  u"use one of the topics of pack.yaml"_s);
        else if (p.topic != p.folderTopic)
            error(p.at(u"topic"_s), u"topic \"%1\" differs from the folder pages/%2"_s.arg(p.topic, p.folderTopic),
                  u"move the file to pages/%1/"_s.arg(p.topic));
        if (p.order < 1)
            error(p.at(u"order"_s), u"missing or invalid \"order\""_s, u"a whole number from 1: the page's place in its topic"_s);
        if (p.statuses.isEmpty())
            error(p.origin, u"missing field \"statuses\""_s, u"list the statuses the page is true for, or [all]"_s);
        for (const QString &status : p.statuses) {
            if (status != u"all" && !m_set.hasStatus(status))
                error(p.at(u"statuses"_s), u"unknown status \"%1\""_s.arg(status), u"use an id from content/statuses/, or all"_s);
        }
        if (p.pictogram.isEmpty())
            error(p.origin, u"missing field \"pictogram\""_s);
        pictogram(p.at(u"pictogram"_s), p.pictogram, what);
        if (!p.verified.isValid())
            error(p.origin, u"missing field \"verified\""_s, u"the date the facts were last checked, YYYY-MM-DD"_s);
        if (p.sources.isEmpty())
            error(p.origin, u"the page cites no sources"_s, u"list the URLs the facts come from under sources:"_s);
        if (p.validFrom.isValid() && p.validUntil.isValid() && p.validFrom > p.validUntil)
            error(p.at(u"valid_from"_s), u"valid_from is after valid_until"_s);
        if (p.review != u"draft" && p.review != u"reviewed")
            error(p.at(u"review"_s), u"review \"%1\" is not allowed for a French page"_s.arg(p.review), u"draft or reviewed"_s);
        checkBlocks(p);
    }

    void checkBlocks(const PageFile &p)
    {
        for (const BlockSource &b : p.blocks) {
            const Origin at{p.origin.file, b.line};
            pictogram(at, b.pictogram, u"this block"_s);
            if (b.kind == u"service" && !m_set.service(b.target))
                error(at, u"unknown service \"%1\""_s.arg(b.target), u"use an id from content/services/"_s);
            if (b.kind == u"phone" && !isValidPhoneNumber(b.target))
                error(at, u"phone number \"%1\" is malformed"_s.arg(b.target), u"write digits and spaces"_s);
            checkSentences(at, b.text);
        }
    }

    void checkSentences(const Origin &at, const QString &text)
    {
        static const QRegularExpression sentenceEnd(u"[.!?؟።]\\s+"_s);
        for (const QString &sentence : text.split(sentenceEnd, Qt::SkipEmptyParts)) {
            const qsizetype words = sentence.split(u' ', Qt::SkipEmptyParts).size();
            if (words > kMaxWordsPerSentence) {
                warning(at, u"a sentence of %1 words (easy-to-read: at most %2)"_s.arg(words).arg(kMaxWordsPerSentence),
                        u"split it: one idea per sentence"_s);
            }
        }
    }

    void checkTranslation(const PageFile &t)
    {
        const PageFile *s = m_set.sourcePage(t);
        if (!s) {
            error(t.origin, u"translation without a French page"_s,
                  u"create pages/%1/%2.%3.md first"_s.arg(t.folderTopic, t.stem, source()));
            return;
        }
        if (t.id != s->id)
            error(t.at(u"id"_s), u"id \"%1\" differs from the French page's \"%2\""_s.arg(t.id, s->id));
        if (t.review != u"machine" && t.review != u"draft" && t.review != u"reviewed")
            error(t.at(u"review"_s), u"review \"%1\" is not allowed"_s.arg(t.review), u"machine, draft or reviewed"_s);
        if (t.blocks.size() != s->blocks.size()) {
            error(t.origin, u"%1 blocks, the French page has %2"_s.arg(t.blocks.size()).arg(s->blocks.size()),
                  u"a translation keeps the French structure: same paragraphs, steps, warnings and links"_s);
        }
        const qsizetype n = std::min(t.blocks.size(), s->blocks.size());
        for (qsizetype i = 0; i < n; ++i) {
            const BlockSource &tb = t.blocks[i];
            const BlockSource &sb = s->blocks[i];
            const Origin at{t.origin.file, tb.line};
            const QString where = u"block %1"_s.arg(i + 1);
            if (tb.kind != sb.kind) {
                error(at, u"%1 is a %2, the French block (line %3) is a %4"_s.arg(where, tb.kind).arg(sb.line).arg(sb.kind));
                break;
            }
            if (tb.pictogram != sb.pictogram)
                error(at, u"%1 has pictogram \"%2\", the French has \"%3\""_s.arg(where, tb.pictogram, sb.pictogram),
                      u"keep the French pictograms"_s);
            if (tb.target != sb.target)
                error(at, u"%1 points to \"%2\", the French to \"%3\""_s.arg(where, tb.target, sb.target),
                      u"keep the French service and phone links"_s);
            checkSentences(at, tb.text);
        }
        if (t.translatedFrom.isEmpty()) {
            warning(t.origin, u"no translated_from: cannot tell whether this translation is up to date"_s,
                    u"run passerelle-pack import, or copy the hashes from passerelle-pack check --hashes"_s);
        } else if (t.translatedFrom.size() != s->blocks.size()) {
            warning(t.at(u"translated_from"_s),
                    u"translated_from lists %1 hashes for %2 French blocks"_s.arg(t.translatedFrom.size()).arg(s->blocks.size()));
        } else {
            for (qsizetype i = 0; i < s->blocks.size(); ++i) {
                if (t.translatedFrom[i] != s->blocks[i].hash()) {
                    warning(Origin{t.origin.file, i < t.blocks.size() ? t.blocks[i].line : t.at(u"translated_from"_s).line},
                            u"block %1 is outdated: the French changed (line %2 of %3)"_s.arg(i + 1).arg(s->blocks[i].line).arg(s->origin.file),
                            u"translate it again"_s);
                }
            }
        }
    }

    void checkPageIds()
    {
        const QList<PageFile> &pages = m_set.pages;
        for (qsizetype i = 0; i < pages.size(); ++i) {
            const PageFile &a = pages[i];
            if (a.lang != source())
                continue;
            for (qsizetype j = i + 1; j < pages.size(); ++j) {
                const PageFile &b = pages[j];
                if (b.lang != source())
                    continue;
                if (a.id == b.id && validityOverlaps(a, b))
                    error(b.at(u"id"_s), u"page id \"%1\" is also used by %2 for an overlapping time"_s.arg(b.id, a.origin.file),
                          u"give one version valid_until and the other a later valid_from"_s);
                if (a.id != b.id && a.topic == b.topic && a.order == b.order && a.order > 0 && validityOverlaps(a, b))
                    error(b.at(u"order"_s), u"order %1 is also used by %2"_s.arg(b.order).arg(a.origin.file),
                          u"each page of a topic has its own order (it makes the page code)"_s);
            }
        }
    }

    void checkMissingTranslations()
    {
        for (const PageFile &p : m_set.pages) {
            if (p.lang != source())
                continue;
            for (const LanguageDecl &l : m_set.pack.languages) {
                if (l.code == source())
                    continue;
                const bool found = std::any_of(m_set.pages.cbegin(), m_set.pages.cend(), [&](const PageFile &t) {
                    return t.lang == l.code && t.stem == p.stem && t.folderTopic == p.folderTopic;
                });
                if (!found)
                    warning(p.origin, u"no %1 translation: the kiosk shows the French text"_s.arg(l.code),
                            u"passerelle-pack export --lang %1"_s.arg(l.code));
            }
        }
    }

    const ContentSet &m_set;
    Problems &m_problems;
};

} // namespace

bool isValidPhoneNumber(const QString &number)
{
    static const QRegularExpression form(u"^\\+?[0-9][0-9 ]{1,20}[0-9]$"_s);
    return form.match(number).hasMatch();
}

bool isValidOpeningHours(const QString &hours)
{
    static const QRegularExpression form(
        u"^(mo|tu|we|th|fr|sa|su)(-(mo|tu|we|th|fr|sa|su))? ([01]\\d|2[0-4]):[0-5]\\d-([01]\\d|2[0-4]):[0-5]\\d$"_s);
    return form.match(hours).hasMatch();
}

bool validityOverlaps(const PageFile &a, const PageFile &b)
{
    const QDate aFrom = a.validFrom.isValid() ? a.validFrom : QDate(1, 1, 1);
    const QDate aUntil = a.validUntil.isValid() ? a.validUntil : QDate(9999, 12, 31);
    const QDate bFrom = b.validFrom.isValid() ? b.validFrom : QDate(1, 1, 1);
    const QDate bUntil = b.validUntil.isValid() ? b.validUntil : QDate(9999, 12, 31);
    return aFrom <= bUntil && bFrom <= aUntil;
}

void checkContent(const ContentSet &set, Problems &problems)
{
    Checker(set, problems).run();
    checkAudio(set, problems);
}

void checkAudio(const ContentSet &set, Problems &problems)
{
    const auto warn = [&](const Origin &at, const QString &message, const QString &hint) {
        problems.append(Problem{at.file, at.line, message, hint, Problem::Severity::Warning});
    };
    checkPronunciations(set, problems);
    QHash<QString, QSet<QString>> expected; // lang -> recording paths of its texts
    for (const LanguageDecl &l : set.pack.languages) {
        // One warning per file and language: "these N texts cannot be heard".
        QMap<QString, QList<TextUnit>> silent;
        QMap<QString, int> firstLine;
        for (const TextUnit &unit : textUnits(set, l.code)) {
            expected[l.code].insert(unit.recording);
            if (unit.speech().trimmed().isEmpty() || audioSource(set, unit) != AudioSource::None)
                continue;
            silent[unit.origin.file].append(unit);
            if (!firstLine.contains(unit.origin.file))
                firstLine.insert(unit.origin.file, unit.origin.line);
        }
        for (auto it = silent.cbegin(); it != silent.cend(); ++it) {
            const TextUnit &first = it.value().first();
            const QString example = u"content/audio/%1/%2"_s.arg(l.code, first.recording);
            warn({it.key(), first.origin.line},
                 u"no audio in %1 for %2 text(s) of this file: %1 has no speech voice and no recording"_s.arg(l.code).arg(it.value().size()),
                 u"record them (e.g. %1), or the kiosk says that no audio exists in %2"_s.arg(example, l.code));
        }
    }

    const QDir audioDir(QDir(set.root).filePath(u"audio"_s));
    if (!audioDir.exists())
        return;
    checkRecordingLogs(set, problems);
    QDirIterator it(audioDir.path(), QDir::Files, QDirIterator::Subdirectories);
    QStringList files;
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    for (const QString &path : std::as_const(files)) {
        const QString relative = audioDir.relativeFilePath(path);
        const QString lang = relative.section(u'/', 0, 0);
        const QString rest = relative.section(u'/', 1);
        if (rest == u"recordings.yaml") // the recording log (recordinglog.h), read below
            continue;
        if (!set.pack.hasLanguage(lang)) {
            warn({path, 0}, u"recording for \"%1\", which is not a pack language"_s.arg(lang),
                 u"recordings go in content/audio/<language code>/"_s);
            continue;
        }
        if (!expected.value(lang).contains(rest)) {
            warn({path, 0}, u"this recording matches no %1 text, so it is not used"_s.arg(lang),
                 u"name it <page>/<block number>.opus, <page>/title.opus, _topics/<id>.opus, "
                 "_statuses/<id>.title.opus, _statuses/<id>.hint.opus, _pictograms/<name>.opus, "
                 "_services/<id>.opus, _language.opus or _greeting.opus"_s);
            continue;
        }
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly) || !looksLikeOggOpus(file.read(128)))
            problems.append(Problem{path, 0, u"a recording must be an Ogg Opus file"_s,
                                    u"convert it, e.g. opusenc --bitrate 24 recording.wav %1"_s.arg(QFileInfo(path).fileName())});
    }
}

void checkVoices(const ContentSet &set, Problems &problems)
{
    const bool anyVoice = std::any_of(set.pack.languages.cbegin(), set.pack.languages.cend(),
                                      [](const LanguageDecl &l) { return !l.voice.isEmpty(); });
    if (!anyVoice)
        return;
    const Result<SpeechEngine> engine = SpeechEngine::detect({});
    if (!engine) {
        problems.append(Problem{set.pack.origin.file, 0,
                                u"cannot check the speech voices: "_s + engine.problem().message,
                                engine.problem().hint, Problem::Severity::Warning});
        return;
    }
    const QStringList known = engine.value().voices();
    for (const LanguageDecl &l : set.pack.languages) {
        if (!l.voice.isEmpty() && !known.contains(l.voice.toLower()))
            problems.append(Problem{l.origin.file, l.origin.line, u"espeak-ng has no voice \"%1\""_s.arg(l.voice),
                                    u"see espeak-ng --voices, or remove voice: for %1"_s.arg(l.code)});
    }
}

} // namespace passerelle::content
