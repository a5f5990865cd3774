#pragma once

#include "contentmodel.h"
#include "problem.h"
#include "textunits.h"

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace passerelle::content {

/**
 * content/speech/<lang>.yaml: what the synthesiser should say for a word or acronym of
 * lang ("CPAS: cé pé a esse"), applied to a text's spoken form before espeak-ng. Whole
 * words only (not "CPAS" inside "CPASX"), case-sensitive, longest entry first.
 */
class Pronunciations
{
public:
    struct Entry
    {
        QString word;
        QString spoken;
        int line = 0;
    };

    /** <contentDir>/speech/<lang>.yaml. */
    [[nodiscard]] static QString path(const QString &contentDir, const QString &lang);
    /**
     * Reads the file of lang; a missing file is an empty table. Every mistake (YAML, a key
     * given twice, an empty value) is added to problems with the file and line.
     */
    [[nodiscard]] static Pronunciations read(const QString &contentDir, const QString &lang, Problems &problems);

    [[nodiscard]] bool isEmpty() const { return m_entries.isEmpty(); }
    [[nodiscard]] const QList<Entry> &entries() const { return m_entries; }
    [[nodiscard]] bool contains(const QString &word) const;
    /** text with every entry's word replaced by what is said. */
    [[nodiscard]] QString apply(const QString &text) const;

private:
    QList<Entry> m_entries;
    QRegularExpression m_pattern;
};

/** What the synthesiser is given for unit: its speech() with lang's pronunciations applied. */
[[nodiscard]] QString spokenForm(const TextUnit &unit, const Pronunciations &pronunciations);

/**
 * For every language with a voice: the mistakes of its speech/<lang>.yaml, and one warning
 * per all-capital word of two or more Latin or Cyrillic letters ("CPAS", "МВС") that has no
 * entry, at its first text (espeak-ng spells such words, or reads them as a word).
 */
void checkPronunciations(const ContentSet &set, Problems &problems);

} // namespace passerelle::content
