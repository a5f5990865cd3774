#include "webpaths.h"

namespace passerelle::content {

using namespace Qt::StringLiterals;

bool isWebSafeId(const QString &id)
{
    if (id.isEmpty() || id.size() > 200)
        return false;
    for (const QChar c : id) {
        const char16_t u = c.unicode();
        if (!((u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') || u == u'-' || u == u'_'))
            return false;
    }
    return true;
}

QString webPathForRoute(const QString &route, const QString &lang, const QString &status)
{
    if (!isWebSafeId(lang) || (!status.isEmpty() && !isWebSafeId(status)))
        return {};
    if (route == u"language")
        return u"index.html"_s;
    if (route == u"status")
        return lang + u"/status/index.html"_s;
    if (route == u"home" || route.isEmpty())
        return status.isEmpty() ? QString(lang + u"/index.html"_s) : QString(lang + u"/status/"_s + status + u"/index.html"_s);
    const qsizetype slash = route.indexOf(u'/');
    if (slash < 0)
        return {};
    const QString kind = route.left(slash);
    const QString id = route.mid(slash + 1);
    if (!isWebSafeId(id))
        return {};
    if (kind == u"page")
        return lang + u"/page/"_s + id + u".html"_s;
    if (kind == u"topic")
        return status.isEmpty() ? QString(lang + u"/topic/"_s + id + u".html"_s)
                                : QString(lang + u"/status/"_s + status + u'/' + id + u".html"_s);
    return {};
}

} // namespace passerelle::content
