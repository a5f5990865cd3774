#include "pronunciation.h"

#include "yamlreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

/** An all-capital word of 2+ Latin or Cyrillic letters: what espeak-ng spells or mangles. */
bool isCapitalWord(const QString &word)
{
    int letters = 0;
    for (const QChar c : word) {
        if (c.category() == QChar::Mark_NonSpacing || c.category() == QChar::Mark_SpacingCombining)
            continue;
        if (!c.isUpper() || (c.script() != QChar::Script_Latin && c.script() != QChar::Script_Cyrillic))
            return false;
        ++letters;
    }
    return letters >= 2;
}

} // namespace

QString Pronunciations::path(const QString &contentDir, const QString &lang)
{
    return QDir(contentDir).filePath(u"speech/"_s + lang + u".yaml"_s);
}

Pronunciations Pronunciations::read(const QString &contentDir, const QString &lang, Problems &problems)
{
    Pronunciations table;
    const QString file = path(contentDir, lang);
    QFile f(file);
    if (!f.exists())
        return table;
    if (!f.open(QIODevice::ReadOnly)) {
        problems.append(Problem{file, 0, u"cannot read the file: "_s + f.errorString(), u"check its permissions"_s});
        return table;
    }
    const QByteArray text = f.readAll();
    if (isBlankYaml(text))
        return table;
    YamlReader r(file, text, problems);
    if (!r.ok())
        return table;
    QSet<QString> seen;
    for (auto it = r.root().begin(); it != r.root().end(); ++it) {
        const YAML::Node key = it->first; // copies: it-> returns a temporary
        const YAML::Node value = it->second;
        const QString word = toQString(key).trimmed();
        const QString example = u"write one word a line: CPAS: \"cé pé a esse\""_s;
        if (word.isEmpty()) {
            r.error(key, u"an entry has no word"_s, example);
            continue;
        }
        if (!value.IsScalar() || toQString(value).trimmed().isEmpty()) {
            r.error(key, u"\"%1\" must be followed by what to say, in quotes"_s.arg(word), example);
            continue;
        }
        if (seen.contains(word))
            continue; // a key given twice: reported by YamlReader
        seen.insert(word);
        table.m_entries.append({word, toQString(value).trimmed(), r.line(key)});
    }
    QList<Entry> longestFirst = table.m_entries;
    std::stable_sort(longestFirst.begin(), longestFirst.end(),
                     [](const Entry &a, const Entry &b) { return a.word.size() > b.word.size(); });
    QStringList alternatives;
    for (const Entry &e : std::as_const(longestFirst))
        alternatives.append(QRegularExpression::escape(e.word));
    if (!alternatives.isEmpty())
        table.m_pattern = QRegularExpression(u"(?<![\\p{L}\\p{M}\\p{N}])(?:"_s + alternatives.join(u'|')
                                                 + u")(?![\\p{L}\\p{M}\\p{N}])"_s,
                                             QRegularExpression::UseUnicodePropertiesOption);
    return table;
}

bool Pronunciations::contains(const QString &word) const
{
    return std::any_of(m_entries.cbegin(), m_entries.cend(), [&](const Entry &e) { return e.word == word; });
}

QString Pronunciations::apply(const QString &text) const
{
    if (m_entries.isEmpty())
        return text;
    QHash<QString, QString> spoken;
    for (const Entry &e : m_entries)
        spoken.insert(e.word, e.spoken);
    QString out;
    qsizetype done = 0;
    auto it = m_pattern.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(done, m.capturedStart() - done);
        out += spoken.value(m.captured());
        done = m.capturedEnd();
    }
    out += QStringView(text).mid(done);
    return out;
}

QString spokenForm(const TextUnit &unit, const Pronunciations &pronunciations)
{
    return pronunciations.apply(unit.speech());
}

void checkPronunciations(const ContentSet &set, Problems &problems)
{
    const QDir speechDir(QDir(set.root).filePath(u"speech"_s));
    const QStringList files = speechDir.entryList({u"*.yaml"_s}, QDir::Files, QDir::Name);
    for (const QString &name : files) {
        const QString lang = QFileInfo(name).completeBaseName();
        const auto l = std::find_if(set.pack.languages.cbegin(), set.pack.languages.cend(),
                                    [&](const LanguageDecl &d) { return d.code == lang; });
        if (l == set.pack.languages.cend())
            problems.append(Problem{speechDir.filePath(name), 0,
                                    u"pronunciations for \"%1\", which is not a pack language"_s.arg(lang),
                                    u"name the file <language code>.yaml, e.g. speech/fr.yaml"_s,
                                    Problem::Severity::Warning});
        else if (l->voice.isEmpty())
            problems.append(Problem{speechDir.filePath(name), 0,
                                    u"%1 has no speech voice, so these pronunciations are not used"_s.arg(lang),
                                    u"give %1 a voice: in pack.yaml, or remove the file"_s.arg(lang),
                                    Problem::Severity::Warning});
    }

    static const QRegularExpression word(u"[\\p{L}\\p{M}]+"_s, QRegularExpression::UseUnicodePropertiesOption);
    for (const LanguageDecl &l : set.pack.languages) {
        const Pronunciations table = Pronunciations::read(set.root, l.code, problems);
        if (l.voice.isEmpty())
            continue;
        struct Use
        {
            Origin first;
            int texts = 0;
        };
        QMap<QString, Use> missing; // word -> where
        for (const TextUnit &unit : textUnits(set, l.code)) {
            QSet<QString> inThisText;
            auto it = word.globalMatch(spokenForm(unit, table));
            while (it.hasNext()) {
                const QString w = it.next().captured();
                if (!isCapitalWord(w) || inThisText.contains(w))
                    continue;
                inThisText.insert(w);
                Use &use = missing[w];
                if (use.texts++ == 0)
                    use.first = unit.origin;
            }
        }
        for (auto it = missing.cbegin(); it != missing.cend(); ++it) {
            problems.append(Problem{it->first.file, it->first.line,
                                    u"\"%1\" is in capitals and %2 has no pronunciation for it (%3 text(s)): "
                                    "espeak-ng may spell it or misread it"_s.arg(it.key(), l.code).arg(it->texts),
                                    u"add %1: \"...\" (how it is said in %2) to content/speech/%2.yaml"_s.arg(it.key(), l.code),
                                    Problem::Severity::Warning});
        }
    }
}

} // namespace passerelle::content
