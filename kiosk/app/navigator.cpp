#include "navigator.h"

#include "contentcatalog.h"
#include "session.h"

#include <QLoggingCategory>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNavigation, "passerelle.navigation")

Navigator::Navigator(Route home, QObject *parent) : QObject(parent), m_home(std::move(home))
{
    m_stack.append(m_home);
}

QString Navigator::id() const
{
    return current().kind() == Route::Kind::Emergency ? Route::emergencyPageId() : current().id();
}

bool Navigator::isAvailable(const Route &route) const { return !m_content || m_content->hasRoute(route); }

bool Navigator::open(const Route &route)
{
    if (!isAvailable(route)) {
        qCWarning(lcNavigation).noquote() << "refused the route" << route.format() << "- the pack has no"
                                          << route.kindName() << route.id();
        return false;
    }
    if (route == current())
        return true;
    m_stack.append(route);
    Q_EMIT routeChanged();
    return true;
}

bool Navigator::openParsed(const std::optional<Route> &route, const QString &written)
{
    if (!route) {
        qCWarning(lcNavigation).noquote() << "refused the malformed route" << written;
        return false;
    }
    return open(*route);
}

bool Navigator::go(const QString &route) { return openParsed(Route::parse(route), route); }
bool Navigator::openTopic(const QString &id) { return openParsed(Route::make(Route::Kind::Topic, id), u"topic/"_s + id); }
bool Navigator::openPage(const QString &id) { return openParsed(Route::make(Route::Kind::Page, id), u"page/"_s + id); }
bool Navigator::openService(const QString &id)
{
    return openParsed(Route::make(Route::Kind::Service, id), u"service/"_s + id);
}

bool Navigator::openCode(const QString &code)
{
    const std::optional<Route> route = m_content ? m_content->routeForCode(code) : std::nullopt;
    return route && open(*route);
}

void Navigator::back()
{
    if (!canGoBack())
        return;
    m_stack.removeLast();
    Q_EMIT routeChanged();
}

void Navigator::home()
{
    if (m_stack == QList<Route>{m_home})
        return;
    m_stack = {m_home};
    Q_EMIT routeChanged();
}

void Navigator::chooseLanguage(const QString &code)
{
    if (m_session)
        m_session->setLanguage(code);
    if (m_session && m_session->status().isEmpty())
        openStatus();
    else
        back();
}

void Navigator::chooseStatus(const QString &status)
{
    if (m_session)
        m_session->setStatus(status);
    home();
}

void Navigator::reset(const Route &route)
{
    Route start = route;
    if (!isAvailable(route)) {
        qCWarning(lcNavigation).noquote() << "cannot start at" << route.format() << "- the pack has no"
                                          << route.kindName() << route.id() << "; starting at" << m_home.format();
        start = m_home;
    }
    if (m_stack == QList<Route>{start})
        return;
    m_stack = {start};
    Q_EMIT routeChanged();
}

void Navigator::reset(const QString &route)
{
    const std::optional<Route> parsed = Route::parse(route);
    if (!parsed) {
        qCWarning(lcNavigation).noquote() << "cannot start at the malformed route" << route << "; starting at"
                                          << m_home.format();
    }
    reset(parsed.value_or(m_home));
}

void Navigator::restore(const QList<Route> &stack)
{
    QList<Route> kept;
    for (const Route &route : stack) {
        if (isAvailable(route) && (kept.isEmpty() || kept.last() != route))
            kept.append(route);
    }
    if (kept.isEmpty())
        kept.append(m_home);
    if (kept == m_stack)
        return;
    m_stack = kept;
    Q_EMIT routeChanged();
}

} // namespace passerelle
