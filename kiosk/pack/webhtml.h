#pragma once

#include <QString>

namespace passerelle::content::html {

/** Text for an element's content or a double-quoted attribute value. */
[[nodiscard]] QString escape(const QString &text);

/**
 * Running text with every phone number, time and date kept left to right: the same
 * runs the kiosk isolates (passerelle::isolateNumbers), each in <bdi dir="ltr">.
 */
[[nodiscard]] QString textWithIsolatedNumbers(const QString &text);

/** A tel: URL for a number as written, e.g. "+32 81 00 00 00" -> "tel:+3281000000". */
[[nodiscard]] QString telUrl(const QString &number);

/** attribute="value", escaped, with a leading space; nothing when value is empty. */
[[nodiscard]] QString attribute(const QString &name, const QString &value);

/** lang and dir attributes for a language, with a leading space. */
[[nodiscard]] QString languageAttributes(const QString &code, bool rightToLeft);

} // namespace passerelle::content::html
