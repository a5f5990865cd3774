#include "webhtml.h"

#include "bidi.h"

namespace passerelle::content::html {

using namespace Qt::StringLiterals;

namespace {
constexpr char16_t kLeftToRightIsolate = 0x2066;
constexpr char16_t kPopDirectionalIsolate = 0x2069;
} // namespace

QString escape(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        switch (c.unicode()) {
        case u'&': out += u"&amp;"_s; break;
        case u'<': out += u"&lt;"_s; break;
        case u'>': out += u"&gt;"_s; break;
        case u'"': out += u"&quot;"_s; break;
        default: out += c;
        }
    }
    return out;
}

QString textWithIsolatedNumbers(const QString &text)
{
    // isolateNumbers marks each run with U+2066 ... U+2069; in HTML the same isolation is
    // <bdi dir="ltr">, which survives copy and paste. Isolate controls already in the text
    // are dropped first, so every mark below is one of ours and they pair up.
    QString plain = text;
    plain.removeIf([](QChar c) { return c.unicode() >= 0x2066 && c.unicode() <= 0x2069; });
    const QString marked = passerelle::isolateNumbers(plain);
    QString out;
    out.reserve(marked.size() + 64);
    for (const QChar c : marked) {
        if (c.unicode() == kLeftToRightIsolate)
            out += u"<bdi dir=\"ltr\">"_s;
        else if (c.unicode() == kPopDirectionalIsolate)
            out += u"</bdi>"_s;
        else
            out += escape(QString(c));
    }
    return out;
}

QString telUrl(const QString &number)
{
    QString digits;
    for (const QChar c : number) {
        if (c.isDigit() || (c == u'+' && digits.isEmpty()))
            digits += c;
    }
    return u"tel:"_s + digits;
}

QString attribute(const QString &name, const QString &value)
{
    return value.isEmpty() ? QString() : u' ' + name + u"=\""_s + escape(value) + u'"';
}

QString languageAttributes(const QString &code, bool rightToLeft)
{
    return u" lang=\""_s + escape(code) + u"\" dir=\""_s + (rightToLeft ? u"rtl"_s : u"ltr"_s) + u'"';
}

} // namespace passerelle::content::html
