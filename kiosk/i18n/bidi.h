#pragma once

#include <QString>

namespace passerelle {

/**
 * Wraps text that must read left to right (phone numbers, codes, times) in a
 * left-to-right isolate (U+2066 ... U+2069), so it keeps its order inside
 * right-to-left text and does not reorder the text around it.
 */
[[nodiscard]] QString isolateLeftToRight(const QString &text);

/**
 * Makes a paragraph read right to left when the language is: Qt takes a paragraph's
 * direction from its first strong letter, so an Arabic sentence that starts with
 * "CPAS" or "Unia" would otherwise be laid out left to right. Adds a right-to-left mark
 * to text that has right-to-left letters; text without any (a French fallback) is left as is.
 */
[[nodiscard]] QString withBaseDirection(const QString &text, bool rightToLeft);

/** Isolates every phone number and time range found in running text. */
[[nodiscard]] QString isolateNumbers(const QString &text);

} // namespace passerelle
