#include "localeid.h"

namespace passerelle {

QString localeIdForLanguage(const QString &code)
{
    // Numbers in Western digits in every language: phone numbers, codes and the content
    // itself are written that way, and one page should not mix two kinds of digits.
    if (code == QLatin1String("prs"))
        return QStringLiteral("fa_AF@numbers=latn");
    if (code == QLatin1String("ar") || code == QLatin1String("ps"))
        return code + QStringLiteral("@numbers=latn");
    if (code == QLatin1String("fr"))
        return QStringLiteral("fr_BE");
    return code;
}

} // namespace passerelle
