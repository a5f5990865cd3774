#pragma once

#include <QList>
#include <QString>

namespace passerelle::content {

/** One label of the kiosk's own screens (a button, a question, a notice) in one language. */
struct UiString
{
    QString source; // the label as written in the QML (English)
    QString text;   // the label as the kiosk shows it in the language
    int line = 0;   // of the translation in its .ts file
};

/**
 * The kiosk's labels in lang that can be spoken, from translations/passerelle_<lang>.ts
 * as built into this tool (so a pack carries the speech of the kiosk version it was built
 * for). Unfinished translations, and labels with a number filled in on screen ("%1"), are
 * left out. Each source label once (a label used on two screens), in file order.
 */
[[nodiscard]] QList<UiString> uiStrings(const QString &lang);

/**
 * The finished translation in lang of one source string of the kiosk (any, "%1" included:
 * "Checked on %1"), from the same file, with its line; an empty text when there is none.
 */
[[nodiscard]] UiString uiTranslation(const QString &lang, const QString &source);

/** Where those labels are written, for messages: "translations/passerelle_<lang>.ts". */
[[nodiscard]] QString uiStringsFile(const QString &lang);

} // namespace passerelle::content
