#include "bidi.h"

#include <QRegularExpression>

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

namespace {
constexpr QChar kLeftToRightIsolate(0x2066);
constexpr QChar kPopDirectionalIsolate(0x2069);
} // namespace

QString isolateLeftToRight(const QString &text)
{
    return kLeftToRightIsolate + text + kPopDirectionalIsolate;
}

QString withBaseDirection(const QString &text, bool rightToLeft)
{
    constexpr QChar kRightToLeftMark(0x200f);
    if (!rightToLeft)
        return text;
    // Text with no right-to-left letter at all (a French fallback, a service's French
    // name) keeps its own direction, or its final full stop would jump to the left.
    const bool hasRightToLeftLetters = std::any_of(text.cbegin(), text.cend(), [](QChar c) {
        return c.direction() == QChar::DirR || c.direction() == QChar::DirAL;
    });
    return hasRightToLeftLetters ? kRightToLeftMark + text : text;
}

QString isolateNumbers(const QString &text)
{
    // A run of digits that may hold spaces, dots, slashes, dashes, colons or a leading +,
    // e.g. "+32 2 524 98 89", "070 245 245", "9:30-13:00", "18/08/2025".
    static const QRegularExpression run(u"\\+?\\d[\\d .:/\\-–]*\\d|\\d"_s);
    QString out;
    qsizetype last = 0;
    auto it = run.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += isolateLeftToRight(m.captured());
        last = m.capturedEnd();
    }
    out += QStringView(text).mid(last);
    return out;
}

} // namespace passerelle
