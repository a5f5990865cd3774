#pragma once

#include <QString>

namespace passerelle {

/**
 * The ICU locale for a pack language code. Most codes are locales already; Dari
 * ("prs") is written as Persian of Afghanistan (fa_AF). Dates are Gregorian and digits
 * Western in every language.
 */
[[nodiscard]] QString localeIdForLanguage(const QString &code);

} // namespace passerelle
