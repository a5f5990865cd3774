#include "localeid.h"

namespace passerelle {

QString localeIdForLanguage(const QString &code)
{
    // Dates in the Gregorian calendar, as Belgian rules and deadlines are (ICU would use
    // the Persian calendar for Dari and Pashto), and Western digits everywhere: phone
    // numbers, codes and the content are written so, and one page should not mix digits.
    static const QString keywords = QStringLiteral("@calendar=gregorian;numbers=latn");
    if (code == QLatin1String("prs"))
        return QStringLiteral("fa_AF") + keywords;
    if (code == QLatin1String("fr"))
        return QStringLiteral("fr_BE") + keywords;
    return code + keywords;
}

} // namespace passerelle
