#pragma once

#include "contentmodel.h"
#include "problem.h"

#include <QHash>
#include <QRawFont>
#include <QString>
#include <QStringList>

namespace passerelle::content {

/**
 * The fonts the kiosk draws a language with: the language's font from pack.yaml first,
 * then the Noto families installed with it (Debian's fonts-noto-core), which Qt's font
 * fallback reaches for characters the first font lacks. Uses the real font files through
 * Qt's font database, so it needs a QGuiApplication (the offscreen platform will do).
 */
class FontStack
{
public:
    /** Fallbacks: every installed family whose name starts with "Noto ". */
    FontStack();
    /** Fallbacks given explicitly (tests). */
    explicit FontStack(const QStringList &fallbacks);

    [[nodiscard]] bool isInstalled(const QString &family) const;
    /** The first family of primary + fallbacks that has a glyph for c; empty when none has. */
    [[nodiscard]] QString familyFor(char32_t c, const QString &primary);
    /** Characters that need no glyph: spaces, controls, bidi and joiner marks, variation selectors. */
    [[nodiscard]] static bool needsNoGlyph(char32_t c);
    [[nodiscard]] const QStringList &fallbacks() const { return m_fallbacks; }

private:
    const QRawFont &rawFont(const QString &family);

    QStringList m_installed;
    QStringList m_fallbacks;
    QHash<QString, QRawFont> m_fonts;
    QHash<QString, QString> m_answers; // primary + code point -> family
};

/**
 * No "tofu": every character of every text of each language must be drawable by that
 * language's font stack. Reports file:line, the code point and its Unicode name.
 * Needs a QGuiApplication; without one it reports that the check was skipped.
 */
void checkFonts(const ContentSet &set, Problems &problems);
void checkFonts(const ContentSet &set, FontStack &fonts, Problems &problems);

} // namespace passerelle::content
