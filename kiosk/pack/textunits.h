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

/** The key shared by every language of one page: "<topic folder>/<file stem>". */
[[nodiscard]] QString pageKey(const PageFile &page);

/**
 * Every string written in lang, in a stable order (pages in file order, then topics,
 * statuses, pictogram names, services, the endonym and greeting, the kiosk's labels). Strings the kiosk shows in French
 * because lang has none are not listed: they are French units.
 */
[[nodiscard]] QList<TextUnit> textUnits(const ContentSet &set, const QString &lang);

/** The units of one page file (its title and blocks). */
[[nodiscard]] QList<TextUnit> pageUnits(const PageFile &page);

} // namespace passerelle::content
