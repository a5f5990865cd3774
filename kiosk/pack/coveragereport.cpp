#include "coveragereport.h"

#include "speechaudio.h"
#include "textunits.h"

#include "loudness.h"

#include <QDir>
#include <QHash>

#include <algorithm>
#include <cmath>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

const PageFile *translationOf(const ContentSet &set, const PageFile &french, const QString &lang)
{
    if (lang == french.lang)
        return &french;
    for (const PageFile &p : set.pages) {
        if (p.lang == lang && p.stem == french.stem && p.folderTopic == french.folderTopic)
            return &p;
    }
    return nullptr;
}

QString langAttributes(const ContentSet &set, const QString &lang)
{
    for (const LanguageDecl &l : set.pack.languages) {
        if (l.code == lang)
            return u" lang=\"%1\" dir=\"%2\""_s.arg(esc(l.code), l.direction == u"rtl" ? u"rtl"_s : u"ltr"_s);
    }
    return {};
}

PageCoverage::Audio audioOf(int human, int synthetic, int none)
{
    if (human + synthetic == 0)
        return PageCoverage::Audio::None;
    if (none > 0)
        return PageCoverage::Audio::Partial;
    if (human > 0 && synthetic > 0)
        return PageCoverage::Audio::Mixed;
    return human > 0 ? PageCoverage::Audio::Human : PageCoverage::Audio::Synthetic;
}

QString audioClass(PageCoverage::Audio audio)
{
    switch (audio) {
    case PageCoverage::Audio::Human:
    case PageCoverage::Audio::Mixed:
        return u"good"_s;
    case PageCoverage::Audio::Synthetic:
        return u"fair"_s;
    case PageCoverage::Audio::Partial:
        return u"warn"_s;
    case PageCoverage::Audio::None:
        break;
    }
    return u"bad"_s;
}

QString audioSymbol(PageCoverage::Audio audio)
{
    switch (audio) {
    case PageCoverage::Audio::Human:
    case PageCoverage::Audio::Mixed:
    case PageCoverage::Audio::Synthetic:
        return u"🔊"_s;
    case PageCoverage::Audio::Partial:
        return u"🔉"_s;
    case PageCoverage::Audio::None:
        break;
    }
    return u"🔇"_s;
}

const char *kStyle = R"css(
body { font-family: "Noto Sans", "Noto Naskh Arabic", "Noto Sans Ethiopic", sans-serif; margin: 1.5rem; color: #1a1a1a; background: #fff; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
p.meta { margin-top: 0; color: #444; }
p.warn { padding: 0.3rem; }
table { border-collapse: collapse; margin: 1rem 0 2rem; font-size: 0.85rem; }
caption { text-align: start; font-weight: bold; font-size: 1.1rem; padding: 0.4rem 0; }
th, td { border: 1px solid #8a8a8a; padding: 0.3rem 0.45rem; vertical-align: top; }
thead th { background: #e8e8e8; position: sticky; top: 0; }
th[scope=row] { text-align: start; background: #f6f6f6; font-weight: normal; max-width: 22rem; }
th[scope=row] .code { font-weight: bold; margin-inline-end: 0.3rem; }
td span { display: block; white-space: nowrap; }
.good { background: #d9f2d9; }
.fair { background: #e3ecfa; }
.warn { background: #fff0c2; }
.bad { background: #f9d6d5; }
span.good, span.fair, span.warn, span.bad { padding: 0 0.2rem; border-radius: 0.2rem; }
dl.legend { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; font-size: 0.9rem; }
dl.legend dt span { padding: 0 0.3rem; }
)css";

QString fixed(double v, int decimals = 1)
{
    return QString::number(v, 'f', decimals);
}

QString share(int n, int of)
{
    return of > 0 ? u"%1 (%2 %)"_s.arg(n).arg(qRound(100.0 * n / of)) : QString::number(n);
}

QString minutes(double seconds)
{
    return u"%1 min"_s.arg(fixed(seconds / 60.0));
}

QString spreadCells(const LoudnessSpread &s)
{
    if (s.clips == 0)
        return u"<td>–</td><td>–</td><td>–</td><td>–</td>"_s;
    return u"<td>%1</td><td>%2 to %3</td><td>%4</td><td>%5 LU (IQR %6 LU)</td>"_s.arg(
        fixed(s.min), fixed(s.q1), fixed(s.q3), fixed(s.max), fixed(s.range()), fixed(s.interquartile()));
}

/** The audio section: coverage per language, the loudness spread, the clips farthest from the target. */
QString audioSection(const ContentSet &set, const AudioCatalog &audio, const QString &audioCache)
{
    QString h;
    h += u"<table class=\"audio\">\n<caption>Audio per language: texts heard from a human recording, from the synthetic voice, or not at all</caption>\n<thead><tr>"_s
         u"<th scope=\"col\">Language</th><th scope=\"col\">Texts</th><th scope=\"col\">🔊 Human</th><th scope=\"col\">🔊 Synthetic</th>"_s
         u"<th scope=\"col\">🔇 None</th><th scope=\"col\">Quietest clip (LUFS)</th><th scope=\"col\">Middle half (LUFS)</th>"_s
         u"<th scope=\"col\">Loudest clip (LUFS)</th><th scope=\"col\">Spread</th></tr></thead>\n<tbody>\n"_s;
    QList<double> all;
    QSet<QString> seen;
    int unmeasured = 0;
    for (const LanguageDecl &l : set.pack.languages) {
        const AudioCoverage c = audioCoverage(set, audio, l.code);
        unmeasured += c.unmeasured;
        h += u"<tr><th scope=\"row\"><span%1>%2</span> (%3)</th><td>%4</td>"_s.arg(langAttributes(set, l.code), esc(l.endonym), esc(l.code)).arg(c.texts);
        h += u"<td class=\"%1\">%2<br>%3</td>"_s.arg(c.human ? u"good"_s : QString(), share(c.human, c.texts), minutes(c.humanSeconds));
        h += u"<td class=\"%1\">%2<br>%3</td>"_s.arg(c.synthetic ? u"fair"_s : QString(), share(c.synthetic, c.texts), minutes(c.syntheticSeconds));
        h += u"<td class=\"%1\">%2</td>"_s.arg(c.none ? u"bad"_s : u"good"_s, share(c.none, c.texts));
        h += spreadCells(loudnessSpread(c.loudness)) + u"</tr>\n"_s;
    }
    // Over the distinct clips of the whole pack (a clip said in two places counts once).
    QList<std::pair<double, QString>> farthest;
    for (auto it = audio.clips().cbegin(); it != audio.clips().cend(); ++it) {
        const auto m = audio.measures.constFind(it->sha256);
        if (m == audio.measures.cend() || !m->loudness || seen.contains(it->sha256))
            continue;
        seen.insert(it->sha256);
        all.append(*m->loudness);
        const QString lang = it.key().section(u'\n', 0, 0), key = it.key().section(u'\n', 1);
        farthest.append({*m->loudness, u"<td>%1</td><td>%2</td><td>%3</td><td>%4 s</td><td>%5</td><td>%6 LU</td>"_s.arg(
                                           esc(lang), esc(key),
                                           it->synthetic ? u"synthetic"_s : u"human: "_s + esc(QDir(set.root).relativeFilePath(it->file)),
                                           fixed(m->seconds), fixed(*m->loudness), fixed(*m->loudness - kLoudnessTarget))});
    }
    const LoudnessSpread total = loudnessSpread(all);
    h += u"<tr><th scope=\"row\">All clips (%1)</th><td></td><td></td><td></td><td></td>"_s.arg(total.clips) + spreadCells(total)
        + u"</tr>\n</tbody>\n</table>\n"_s;
    h += u"<p class=\"meta\">Every clip is measured as the pack holds it (EBU R128 integrated loudness of its sound; a clip under 0.4 s "
         "measured repeated). The pack's clips are brought to %1 LUFS: synthetic ones by the build, recordings by passerelle-pack "
         "import-audio. Spread: loudest minus quietest; IQR: the middle half.</p>\n"_s.arg(fixed(kLoudnessTarget, 0));
    if (unmeasured > 0 || audio.stats.unbuilt > 0)
        h += u"<p class=\"warn\">%1 text(s) with audio have no measured clip yet: the synthetic voice has not spoken them in the "
             "audio cache (%2). Build the pack (passerelle-pack build) for their minutes and loudness.</p>\n"_s.arg(std::max(unmeasured, audio.stats.unbuilt)).arg(esc(audioCache));
    if (!farthest.isEmpty()) {
        std::sort(farthest.begin(), farthest.end(), [](const auto &a, const auto &b) {
            return std::abs(a.first - kLoudnessTarget) > std::abs(b.first - kLoudnessTarget);
        });
        h += u"<table class=\"outliers\">\n<caption>The clips farthest from %1 LUFS</caption>\n<thead><tr><th scope=\"col\">Language</th>"
             "<th scope=\"col\">Text</th><th scope=\"col\">Audio</th><th scope=\"col\">Duration</th><th scope=\"col\">LUFS</th>"
             "<th scope=\"col\">From the target</th></tr></thead>\n<tbody>\n"_s.arg(fixed(kLoudnessTarget, 0));
        for (qsizetype i = 0; i < std::min<qsizetype>(10, farthest.size()); ++i)
            h += u"<tr>"_s + farthest[i].second + u"</tr>\n"_s;
        h += u"</tbody>\n</table>\n"_s;
    }
    return h;
}

} // namespace

AudioCoverage audioCoverage(const ContentSet &set, const AudioCatalog &audio, const QString &lang)
{
    AudioCoverage c;
    QSet<QString> clips;
    for (const TextUnit &unit : textUnits(set, lang)) {
        if (unit.speech().trimmed().isEmpty())
            continue;
        ++c.texts;
        const AudioClip *clip = audio.find(lang, unit.key);
        const AudioSource source = clip ? (clip->synthetic ? AudioSource::Synthetic : AudioSource::Human) : audioSource(set, unit);
        if (source == AudioSource::None) {
            ++c.none;
            continue;
        }
        (source == AudioSource::Human ? c.human : c.synthetic) += 1;
        const auto m = clip ? audio.measures.constFind(clip->sha256) : audio.measures.cend();
        if (m == audio.measures.cend()) {
            ++c.unmeasured;
            continue;
        }
        (source == AudioSource::Human ? c.humanSeconds : c.syntheticSeconds) += m->seconds;
        if (m->loudness && !clips.contains(clip->sha256)) {
            clips.insert(clip->sha256);
            c.loudness.append(*m->loudness);
        }
    }
    return c;
}

LoudnessSpread loudnessSpread(QList<double> lufs)
{
    LoudnessSpread s;
    s.clips = int(lufs.size());
    if (lufs.isEmpty())
        return s;
    std::sort(lufs.begin(), lufs.end());
    const auto quantile = [&](double p) {
        const double at = p * double(lufs.size() - 1);
        const auto below = qsizetype(std::floor(at));
        const qsizetype above = std::min(below + 1, lufs.size() - 1);
        return lufs[below] + (lufs[above] - lufs[below]) * (at - double(below));
    };
    s.min = lufs.first();
    s.max = lufs.last();
    s.q1 = quantile(0.25);
    s.median = quantile(0.5);
    s.q3 = quantile(0.75);
    return s;
}

QString textName(PageCoverage::Text text)
{
    switch (text) {
    case PageCoverage::Text::UpToDate:
        return u"up to date"_s;
    case PageCoverage::Text::Outdated:
        return u"outdated"_s;
    case PageCoverage::Text::Missing:
        break;
    }
    return u"missing"_s;
}

QString audioName(PageCoverage::Audio audio)
{
    switch (audio) {
    case PageCoverage::Audio::Human:
        return u"human"_s;
    case PageCoverage::Audio::Synthetic:
        return u"synthetic"_s;
    case PageCoverage::Audio::Mixed:
        return u"human + synthetic"_s;
    case PageCoverage::Audio::Partial:
        return u"partial"_s;
    case PageCoverage::Audio::None:
        break;
    }
    return u"none"_s;
}

PageCoverage pageCoverage(const ContentSet &set, const PageFile &french, const QString &lang)
{
    PageCoverage c;
    c.blocks = int(french.blocks.size());
    const PageFile *page = translationOf(set, french, lang);
    if (!page)
        return c;
    c.review = page->review;
    if (page == &french) {
        c.text = PageCoverage::Text::UpToDate;
    } else {
        c.tracked = !page->translatedFrom.isEmpty();
        for (qsizetype i = 0; i < french.blocks.size(); ++i) {
            if (page->translatedFrom.value(i) != french.blocks[i].hash())
                ++c.outdatedBlocks;
        }
        c.text = c.outdatedBlocks > 0 ? PageCoverage::Text::Outdated : PageCoverage::Text::UpToDate;
    }
    int human = 0, synthetic = 0, none = 0;
    for (const TextUnit &unit : pageUnits(*page)) {
        if (unit.speech().trimmed().isEmpty())
            continue;
        ++c.texts;
        switch (audioSource(set, unit)) {
        case AudioSource::Human:
            ++human;
            break;
        case AudioSource::Synthetic:
            ++synthetic;
            break;
        case AudioSource::None:
            ++none;
            break;
        }
    }
    c.withAudio = human + synthetic;
    c.audio = audioOf(human, synthetic, none);
    return c;
}

QByteArray renderCoverageReport(const ContentSet &set, const QString &generated, const AudioCatalog *audio,
                                const QString &audioCache)
{
    const QString source = set.pack.sourceLanguage();
    QString h;
    h += u"<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n"_s;
    h += u"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"_s;
    h += u"<title>Translation and audio coverage: %1 version %2</title>\n"_s.arg(esc(set.pack.id)).arg(set.pack.version);
    h += u"<style>"_s + QString::fromUtf8(kStyle) + u"</style>\n</head>\n<body>\n<main>\n"_s;
    h += u"<h1>Translation and audio coverage of pack %1, version %2</h1>\n"_s.arg(esc(set.pack.id)).arg(set.pack.version);
    h += u"<p class=\"meta\">Made by passerelle-pack report from %1 on %2. Source language: %3.</p>\n"_s.arg(
        esc(set.root), esc(generated), esc(source));

    // Legend: every state has a word and a symbol; the colour only repeats them.
    h += u"<h2>How to read a cell</h2>\n<dl class=\"legend\">\n"_s;
    h += u"<dt><span class=\"good\">✓ up to date</span></dt><dd>the translation was made from the current French text</dd>\n"_s;
    h += u"<dt><span class=\"warn\">⚠ outdated (n/m)</span></dt><dd>n of the m French blocks changed since they were translated: translate them again "
         "(\"no translated_from\": the file does not say which French text it was made from)</dd>\n"_s;
    h += u"<dt><span class=\"bad\">✗ missing</span></dt><dd>no translation: the kiosk shows the French page</dd>\n"_s;
    h += u"<dt>review: machine / draft / reviewed</dt><dd>machine translations are shown to readers as such</dd>\n"_s;
    h += u"<dt><span class=\"good\">🔊 human</span> <span class=\"fair\">🔊 synthetic</span></dt><dd>every text can be heard: recorded by a person, or spoken by espeak-ng at build time</dd>\n"_s;
    h += u"<dt><span class=\"warn\">🔉 partial</span> <span class=\"bad\">🔇 none</span></dt><dd>some or all texts cannot be heard: the language has no voice and no recording</dd>\n"_s;
    h += u"</dl>\n"_s;

    // Summary per language.
    h += u"<table class=\"summary\">\n<caption>Summary per language</caption>\n<thead><tr>"_s;
    h += u"<th scope=\"col\">Language</th><th scope=\"col\">Pages up to date</th><th scope=\"col\">Pages outdated</th>"
         "<th scope=\"col\">Pages missing</th><th scope=\"col\">Machine translated</th><th scope=\"col\">Reviewed</th>"
         "<th scope=\"col\">Speech voice</th><th scope=\"col\">Texts with audio</th></tr></thead>\n<tbody>\n"_s;
    QList<const PageFile *> french;
    for (const PageFile &p : set.pages) {
        if (p.lang == source)
            french.append(&p);
    }
    // In the kiosk's order: topic, then the page's place in it, then its dated versions.
    const auto topicIndex = [&](const QString &id) {
        for (qsizetype i = 0; i < set.pack.topics.size(); ++i) {
            if (set.pack.topics[i].id == id)
                return i;
        }
        return set.pack.topics.size();
    };
    std::stable_sort(french.begin(), french.end(), [&](const PageFile *a, const PageFile *b) {
        return std::tuple(topicIndex(a->topic), a->order, a->validFrom) < std::tuple(topicIndex(b->topic), b->order, b->validFrom);
    });
    for (const LanguageDecl &l : set.pack.languages) {
        int upToDate = 0, outdated = 0, missing = 0, machine = 0, reviewed = 0;
        for (const PageFile *p : std::as_const(french)) {
            const PageCoverage c = pageCoverage(set, *p, l.code);
            upToDate += c.text == PageCoverage::Text::UpToDate;
            outdated += c.text == PageCoverage::Text::Outdated;
            missing += c.text == PageCoverage::Text::Missing;
            machine += c.review == u"machine";
            reviewed += c.review == u"reviewed";
        }
        int texts = 0, heard = 0;
        for (const TextUnit &u : textUnits(set, l.code)) {
            if (u.speech().trimmed().isEmpty())
                continue;
            ++texts;
            heard += audioSource(set, u) != AudioSource::None;
        }
        h += u"<tr><th scope=\"row\"><span%1>%2</span> (%3)</th>"_s.arg(langAttributes(set, l.code), esc(l.endonym), esc(l.code));
        h += u"<td class=\"%1\">%2 of %3</td>"_s.arg(upToDate == french.size() ? u"good"_s : u"warn"_s).arg(upToDate).arg(french.size());
        h += u"<td class=\"%1\">%2</td>"_s.arg(outdated ? u"warn"_s : u"good"_s).arg(outdated);
        h += u"<td class=\"%1\">%2</td>"_s.arg(missing ? u"bad"_s : u"good"_s).arg(missing);
        h += u"<td>%1</td><td>%2</td>"_s.arg(machine).arg(reviewed);
        h += l.voice.isEmpty() ? u"<td class=\"bad\">✗ none</td>"_s : u"<td class=\"good\">✓ %1</td>"_s.arg(esc(l.voice));
        h += u"<td class=\"%1\">%2 of %3</td></tr>\n"_s.arg(heard == texts ? u"good"_s : heard ? u"warn"_s : u"bad"_s).arg(heard).arg(texts);
    }
    h += u"</tbody>\n</table>\n"_s;
    if (audio)
        h += audioSection(set, *audio, audioCache);

    // Pages x languages.
    h += u"<table class=\"pages\">\n<caption>Pages by language: text, review, audio</caption>\n<thead><tr><th scope=\"col\">Page</th>"_s;
    for (const LanguageDecl &l : set.pack.languages)
        h += u"<th scope=\"col\"><span%1>%2</span> (%3)</th>"_s.arg(langAttributes(set, l.code), esc(l.endonym), esc(l.code));
    h += u"</tr></thead>\n<tbody>\n"_s;
    for (const PageFile *p : std::as_const(french)) {
        const TopicDecl *topic = set.pack.topic(p->topic);
        const QString code = topic ? topic->code + QString::number(p->order) : QString();
        QString validity;
        if (p->validFrom.isValid())
            validity += u" <small>from %1</small>"_s.arg(p->validFrom.toString(Qt::ISODate));
        if (p->validUntil.isValid())
            validity += u" <small>until %1</small>"_s.arg(p->validUntil.toString(Qt::ISODate));
        h += u"<tr><th scope=\"row\"><span class=\"code\">%1</span><span lang=\"%2\">%3</span>%4<br><small>%5</small></th>"_s.arg(
            esc(code), esc(source), esc(p->title), validity, esc(pageKey(*p)));
        for (const LanguageDecl &l : set.pack.languages) {
            const PageCoverage c = pageCoverage(set, *p, l.code);
            QString text;
            QString cls;
            switch (c.text) {
            case PageCoverage::Text::UpToDate:
                cls = u"good"_s;
                text = u"✓ up to date"_s;
                break;
            case PageCoverage::Text::Outdated:
                cls = u"warn"_s;
                text = u"⚠ outdated (%1/%2)"_s.arg(c.outdatedBlocks).arg(c.blocks);
                if (!c.tracked)
                    text += u"</span><span>no translated_from"_s;
                break;
            case PageCoverage::Text::Missing:
                cls = u"bad"_s;
                text = u"✗ missing"_s;
                break;
            }
            h += u"<td class=\"%1\"><span>%2</span>"_s.arg(cls, text);
            if (c.text != PageCoverage::Text::Missing) {
                h += u"<span>review: %1</span>"_s.arg(esc(c.review));
                h += u"<span class=\"%1\">%2 audio: %3</span>"_s.arg(audioClass(c.audio), audioSymbol(c.audio), audioName(c.audio));
            }
            h += u"</td>"_s;
        }
        h += u"</tr>\n"_s;
    }
    h += u"</tbody>\n</table>\n"_s;

    // The short texts kept in YAML files.
    h += u"<table class=\"short\">\n<caption>Short texts (pack.yaml, statuses, pictogram names, services): translated, and with audio</caption>\n"
         "<thead><tr><th scope=\"col\">Texts</th>"_s;
    for (const LanguageDecl &l : set.pack.languages)
        h += u"<th scope=\"col\"><span%1>%2</span> (%3)</th>"_s.arg(langAttributes(set, l.code), esc(l.endonym), esc(l.code));
    h += u"</tr></thead>\n<tbody>\n"_s;
    const QList<std::pair<QString, QString>> groups{{u"topic"_s, u"Topic titles"_s},
                                                    {u"status-title"_s, u"Status titles"_s},
                                                    {u"status-hint"_s, u"Status hints"_s},
                                                    {u"pictogram-name"_s, u"Pictogram names"_s},
                                                    {u"service-name"_s, u"Service names"_s},
                                                    {u"control"_s, u"Kiosk labels (translations/*.ts)"_s}};
    QHash<QString, int> totals;
    for (const TextUnit &u : textUnits(set, source))
        ++totals[u.kind];
    for (const auto &[kind, label] : groups) {
        h += u"<tr><th scope=\"row\">%1</th>"_s.arg(label);
        for (const LanguageDecl &l : set.pack.languages) {
            int present = 0, heard = 0;
            for (const TextUnit &u : textUnits(set, l.code)) {
                if (u.kind != kind)
                    continue;
                ++present;
                heard += audioSource(set, u) != AudioSource::None;
            }
            const int total = totals.value(kind);
            const QString cls = present == total ? u"good"_s : present ? u"warn"_s : u"bad"_s;
            const QString mark = present == total ? u"✓"_s : present ? u"⚠"_s : u"✗"_s;
            h += u"<td class=\"%1\"><span>%2 %3 of %4 translated</span>"_s.arg(cls, mark).arg(present).arg(total);
            if (present > 0) {
                const PageCoverage::Audio a = heard == present ? PageCoverage::Audio::Synthetic
                    : heard ? PageCoverage::Audio::Partial : PageCoverage::Audio::None;
                h += u"<span class=\"%1\">%2 audio: %3 of %4</span>"_s.arg(audioClass(a), audioSymbol(a)).arg(heard).arg(present);
            }
            h += u"</td>"_s;
        }
        h += u"</tr>\n"_s;
    }
    h += u"</tbody>\n</table>\n</main>\n</body>\n</html>\n"_s;
    return h.toUtf8();
}

} // namespace passerelle::content
