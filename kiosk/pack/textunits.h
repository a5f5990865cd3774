#pragma once

#include "contentmodel.h"

#include <QList>
#include <QString>

namespace passerelle::content {

/**
 * One string a person sees (and must be able to hear) in one language: a block, a page
 * title, a topic title, a status title or hint, a pictogram name, a service name, the
 * language's own name, a label of the kiosk's own screens. The unit of speech synthesis, font checks and coverage reports.
 */
struct TextUnit
{
    /** Stable across languages: "page/health/amu-steps/3", "page/health/amu-steps/footer", "status/refugee/hint", "ui/home", ... */
    QString key;
    /** title, text, step, warning, ..., footer (a page's "checked on" line), topic, status-title, status-hint, pictogram-name, service-name, endonym, greeting, control */
    QString kind;
    QString lang;
    QString text;
    Origin origin;
    int number = 0; // step number
    /** Where a human recording of it lives, relative to content/audio/<lang>/. */
    QString recording;

    /** What is said: the text, with the step number in front of a step. */
    [[nodiscard]] QString speech() const;
};

/**
 * The id of a kiosk label, from its source string: "Which paper do you have?" ->
 * "which-paper-do-you-have" (lower-case ASCII letters and digits, "-" between, at most 48
 * characters). Its text unit is "ui/<id>", its row in the pack's ui_texts has this id, and
 * the kiosk asks for its speech by it (labelId in the QML, speechwords.h).
 */
[[nodiscard]] QString uiLabelId(const QString &source);

/** The key shared by every language of one page: "<topic folder>/<file stem>". */
[[nodiscard]] QString pageKey(const PageFile &page);

/**
 * Every string written in lang, in a stable order (pages in file order, then topics,
 * statuses, pictogram names, services, the endonym and greeting, the kiosk's labels). Strings the kiosk shows in French
 * because lang has none are not listed: they are French units.
 *
 * The kiosk's labels: one unit per id (of two sources with one id, the first in the .ts
 * file), and the place said in speech mode ("%1 of %2", speechwords::kPlace) once per
 * place: "ui/place-2-of-4" with the translation's %1 and %2 filled in ("2 sur 4"), for
 * 1 <= n <= m <= speechwords::kMaxPlaceCount.
 */
[[nodiscard]] QList<TextUnit> textUnits(const ContentSet &set, const QString &lang);

/** The units of one page file (its title and blocks). */
[[nodiscard]] QList<TextUnit> pageUnits(const PageFile &page);

} // namespace passerelle::content
