#include "searchfold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace passerelle {

namespace {

char32_t unifyArabic(char32_t c)
{
    switch (c) {
    case 0x0622: // alef with madda above
    case 0x0623: // alef with hamza above
    case 0x0625: // alef with hamza below
    case 0x0671: // alef wasla
        return 0x0627; // alef
    case 0x0649: // alef maqsura
    case 0x06CC: // Farsi yeh
        return 0x064A; // yeh
    case 0x06A9: // keheh
        return 0x0643; // kaf
    case 0x0629: // teh marbuta
        return 0x0647; // heh
    default:
        return c;
    }
}

} // namespace

QString foldForSearch(const QString &text)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *nfkd = icu::Normalizer2::getNFKDInstance(status);
    if (U_FAILURE(status))
        return text.toCaseFolded();
    const icu::UnicodeString source(reinterpret_cast<const UChar *>(text.utf16()), int32_t(text.size()));
    const icu::UnicodeString decomposed = nfkd->normalize(source, status);
    if (U_FAILURE(status))
        return text.toCaseFolded();

    QString out;
    out.reserve(decomposed.length());
    for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
        const UChar32 c = decomposed.char32At(i);
        if (u_charType(c) == U_NON_SPACING_MARK || c == 0x0640 /* tatweel */)
            continue;
        const char32_t folded = unifyArabic(char32_t(u_foldCase(c, U_FOLD_CASE_DEFAULT)));
        out += QString::fromUcs4(&folded, 1);
    }
    return out;
}

} // namespace passerelle
