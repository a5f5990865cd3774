#include "problem.h"

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

QString Problem::toString() const
{
    QString out;
    if (!file.isEmpty()) {
        out += file;
        if (line > 0)
            out += u':' + QString::number(line);
        out += u": "_s;
    }
    out += severity == Severity::Error ? u"error: "_s : u"warning: "_s;
    out += message;
    if (!hint.isEmpty())
        out += u" ("_s + hint + u')';
    return out;
}

bool hasErrors(const Problems &problems)
{
    return std::any_of(problems.cbegin(), problems.cend(),
                       [](const Problem &p) { return p.severity == Problem::Severity::Error; });
}

} // namespace passerelle
