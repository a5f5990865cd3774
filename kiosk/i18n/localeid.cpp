#include "localeid.h"

namespace passerelle {

QString localeIdForLanguage(const QString &code)
{
    if (code == QLatin1String("prs"))
        return QStringLiteral("fa_AF");
    if (code == QLatin1String("fr"))
        return QStringLiteral("fr_BE");
    return code;
}

} // namespace passerelle
