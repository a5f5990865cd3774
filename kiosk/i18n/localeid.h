#pragma once

#include <QString>

namespace passerelle {

/**
 * The ICU/Qt locale for a pack language code. Most codes are locales already; Dari
 * ("prs") is written as Persian of Afghanistan (fa_AF) by ICU and Qt.
 */
[[nodiscard]] QString localeIdForLanguage(const QString &code);

} // namespace passerelle
