#pragma once

#include <QString>

namespace passerelle {

/**
 * The form in which text is indexed and searched, so that accents, case and Arabic
 * diacritics do not matter: "Aide médicale" and "aide medicale" fold alike, and so do
 * "مُساعدة" and "مساعدة". ICU decomposes, drops combining marks and case-folds; Arabic
 * letters that people type interchangeably (alef forms, alef maqsura, Persian yeh and
 * keheh, tatweel) are unified.
 */
[[nodiscard]] QString foldForSearch(const QString &text);

} // namespace passerelle
