#pragma once

#include "contentmodel.h"
#include "textunits.h"

#include <QList>
#include <QString>

namespace passerelle::content {

/**
 * A text of one language with the short code a person says aloud or types as a file name
 * ("S5-3", "UI-home"), the same in every language, and the French it was made from.
 *
 * Codes: block n of page S5 is "S5-n", its title "S5-T", its footer "S5-F" (any other
 * part "S5-<part>"); a page that shares its kiosk code with another version (same topic
 * and order, other dates) gets a letter: "R4", "R4b", "R4c" in the order of their dates.
 * Topic "T-<id>", status title "P-<id>" and hint "P-<id>-H", pictogram name "PIC-<name>",
 * service "SRV-<id>", the language's own name "LANG", its greeting "HELLO", a kiosk label
 * "UI-<slug>". Any other key: its parts joined by "-". Only [A-Za-z0-9-]; compared without
 * case; a code already taken gets "-2", "-3"... (in the French order, so it stays the
 * same in every language).
 */
struct CodedUnit
{
    QString code;
    /** The text in the language asked for. */
    TextUnit unit;
    /** The same key in the source language; empty text if none. */
    TextUnit french;
    /** Identifies the French text a recording is made from (recordings.yaml); empty if no French. */
    QString frenchHash;
};

/**
 * Every text of lang with its code, in the order a visitor meets them: attract (greeting),
 * language (endonym), status question and statuses, home (topics, labels of the bar), then
 * each topic's pages in order (title, blocks), services, pictogram names, remaining labels.
 */
[[nodiscard]] QList<CodedUnit> codedUnits(const ContentSet &set, const QString &lang);

/**
 * The screen where a visitor meets a text: "attract", "language", "status", "home", "page",
 * "services", "pictograms", "labels" (the kiosk's other labels) or "other".
 */
[[nodiscard]] QString screenOf(const TextUnit &unit);

/** The unit of a code (case-insensitive; "s5-3" == "S5-3"), or nullptr. */
[[nodiscard]] const CodedUnit *findCode(const QList<CodedUnit> &units, const QString &code);

/**
 * The hash of the French text a recording of unit is made from: for a page block, the
 * block's translated_from hash (check --hashes); for any other text, the same hash of its
 * kind and text.
 */
[[nodiscard]] QString frenchTextHash(const ContentSet &set, const TextUnit &french);

} // namespace passerelle::content
