#include "fontcoverage.h"

#include "textunits.h"

#include <QFont>
#include <QFontDatabase>
#include <QGuiApplication>

#include <unicode/uchar.h>

namespace passerelle::content {

using namespace Qt::StringLiterals;

namespace {

QString unicodeName(char32_t c)
{
    char name[128];
    UErrorCode status = U_ZERO_ERROR;
    const int32_t length = u_charName(UChar32(c), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    if (U_FAILURE(status) || length <= 0)
        return {};
    return QString::fromLatin1(name, length);
}

QString codePoint(char32_t c)
{
    return u"U+"_s + QString::number(uint(c), 16).toUpper().rightJustified(4, u'0');
}

} // namespace

FontStack::FontStack() : m_installed(QFontDatabase::families())
{
    for (const QString &family : std::as_const(m_installed)) {
        if (family.startsWith(u"Noto "_s))
            m_fallbacks.append(family);
    }
    // Sans before serif, as the kiosk's theme asks for sans faces.
    std::stable_sort(m_fallbacks.begin(), m_fallbacks.end(), [](const QString &a, const QString &b) {
        return a.startsWith(u"Noto Sans"_s) && !b.startsWith(u"Noto Sans"_s);
    });
}

FontStack::FontStack(const QStringList &fallbacks) : m_installed(QFontDatabase::families()), m_fallbacks(fallbacks) {}

bool FontStack::isInstalled(const QString &family) const
{
    return m_installed.contains(family, Qt::CaseInsensitive);
}

const QRawFont &FontStack::rawFont(const QString &family)
{
    auto it = m_fonts.find(family);
    if (it == m_fonts.end()) {
        QRawFont raw;
        if (isInstalled(family)) {
            QFont font(family);
            font.setStyleStrategy(QFont::NoFontMerging);
            raw = QRawFont::fromFont(font);
            // Qt substitutes another family for one it cannot find: that one does not count.
            if (raw.familyName().compare(family, Qt::CaseInsensitive) != 0)
                raw = QRawFont();
        }
        it = m_fonts.insert(family, raw);
    }
    return *it;
}

bool FontStack::needsNoGlyph(char32_t c)
{
    if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        return true;
    if (u_isUWhiteSpace(UChar32(c)) || u_hasBinaryProperty(UChar32(c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
        return true;
    return false;
}

QString FontStack::familyFor(char32_t c, const QString &primary)
{
    const QString key = primary + u'\n' + QString::number(uint(c));
    auto cached = m_answers.constFind(key);
    if (cached != m_answers.cend())
        return *cached;
    QString found;
    if (rawFont(primary).isValid() && rawFont(primary).supportsCharacter(uint(c))) {
        found = primary;
    } else {
        for (const QString &family : std::as_const(m_fallbacks)) {
            const QRawFont &raw = rawFont(family);
            if (raw.isValid() && raw.supportsCharacter(uint(c))) {
                found = family;
                break;
            }
        }
    }
    m_answers.insert(key, found);
    return found;
}

void checkFonts(const ContentSet &set, Problems &problems)
{
    if (!qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        problems.append(Problem{set.pack.origin.file, 0, u"the font check was skipped (no font database)"_s,
                                u"run passerelle-pack check"_s, Problem::Severity::Warning});
        return;
    }
    FontStack fonts;
    checkFonts(set, fonts, problems);
}

void checkFonts(const ContentSet &set, FontStack &fonts, Problems &problems)
{
    for (const LanguageDecl &l : set.pack.languages) {
        if (!l.font.isEmpty() && !fonts.isInstalled(l.font))
            problems.append(Problem{l.origin.file, l.origin.line,
                                    u"font \"%1\" of %2 is not installed here: only its fallbacks were checked"_s.arg(l.font, l.code),
                                    u"install the font (fonts-noto-core), or name an installed one"_s,
                                    Problem::Severity::Warning});
        for (const TextUnit &unit : textUnits(set, l.code)) {
            QSet<char32_t> reported;
            for (const char32_t c : unit.text.toUcs4()) {
                if (FontStack::needsNoGlyph(c) || reported.contains(c) || !fonts.familyFor(c, l.font).isEmpty())
                    continue;
                reported.insert(c);
                const QString name = unicodeName(c);
                problems.append(Problem{
                    unit.origin.file, unit.origin.line,
                    u"%1%2 cannot be drawn in %3: neither %4 nor any installed Noto font has it"_s.arg(
                        codePoint(c), name.isEmpty() ? QString() : u" "_s + name, l.code, l.font),
                    u"replace the character, or choose a font for %1 that has it"_s.arg(l.code)});
            }
        }
    }
}

} // namespace passerelle::content
