#pragma once

#include "contentmodel.h"
#include "problem.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace passerelle::content {

/** Where a translated text stands, as the report and the exchange files say it. */
enum class TranslationState {
    Missing,  // no translation
    Outdated, // translated from a French text that has changed since
    Machine,  // machine translation, not checked by a person
    Draft,    // translated by a person, not reviewed
    Reviewed, // translated and reviewed
};

[[nodiscard]] QString stateName(TranslationState state);

/** One French text and its translation in one language: a unit of an XLIFF or PO file. */
struct TranslationUnit
{
    QString key;     // the text unit's key, e.g. "page/health/amu-steps/3"
    QString kind;    // block kind, title, topic, status-title, ...
    QString file;    // the French file, relative to content/
    int line = 0;
    QString context; // for the translator: page id and code, block kind and number
    QString source;
    QString target;  // the current translation, empty when missing
    TranslationState state = TranslationState::Missing;
};

/** Every translatable French text, with lang's translation and its state, in file order. */
[[nodiscard]] QList<TranslationUnit> translationUnits(const ContentSet &set, const QString &lang);

/** XLIFF 2.0: one <file> per French file, one <unit> per text, state on each <segment>. */
[[nodiscard]] QByteArray writeXliff(const QList<TranslationUnit> &units, const QString &sourceLang,
                                    const QString &targetLang);
/** GNU gettext PO: msgctxt is the unit key; outdated and machine texts are fuzzy. */
[[nodiscard]] QByteArray writePo(const QList<TranslationUnit> &units, const QString &sourceLang,
                                 const QString &targetLang, const QString &project);

/** A unit as read back from a translator's file. */
struct ReturnedUnit
{
    QString key;          // empty when the tool dropped it (PO without msgctxt)
    QString location;     // "file:line" of the French text, as the file says (PO #:)
    QString source;
    QString target;
    int line = 0;         // in the returned file
    bool confirmed = false; // the translator marked it done (not initial/fuzzy)
    bool reviewed = false;  // XLIFF reviewed or final
    bool machine = false;   // still marked as a machine translation
};

struct ReturnedFile
{
    QString format; // "XLIFF 2.0" or "PO"
    QString targetLang;
    QList<ReturnedUnit> units;
};

/** Reads an XLIFF 2.0 or PO file; problems carry the file and line. */
[[nodiscard]] std::optional<ReturnedFile> readTranslationFile(const QString &path, Problems &problems);

struct ImportSummary
{
    QStringList written;   // files written or updated
    int updatedUnits = 0;
    int unchangedUnits = 0;
};

/**
 * Writes a returned file into content/: the translation .md files (same block structure
 * as the French, front matter with translated_from) and the YAML texts. Refuses the whole
 * file, writing nothing, when any unit's source differs from the current French.
 */
[[nodiscard]] ImportSummary importTranslations(const ContentSet &set, const ReturnedFile &returned,
                                               const QString &path, Problems &problems);

/**
 * The Markdown of a translation page: front matter, then the blocks in the French
 * structure. oldBlocks, the page's previous translation, gives the pictograms' alt texts.
 */
[[nodiscard]] QByteArray renderTranslationPage(const ContentSet &set, const PageFile &french,
                                               const QString &lang, const QString &title,
                                               const QStringList &blockTexts, const QStringList &hashes,
                                               const QString &review, const QList<BlockSource> &oldBlocks = {});

} // namespace passerelle::content
