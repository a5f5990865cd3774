#include "navigator.h"

#include <QLoggingCategory>
#include <QRegularExpression>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcNavigation, "passerelle.navigation")

Navigator::Navigator(QString homeRoute, QObject *parent) : QObject(parent), m_home(std::move(homeRoute))
{
    m_stack.append(m_home);
}

QString Navigator::kind() const { return route().section(u'/', 0, 0); }
QString Navigator::argument() const { return route().section(u'/', 1); }

bool Navigator::isValidRoute(const QString &route)
{
    static const QRegularExpression form(
        u"^(attract|home|language|status|emergency|staff|(topic|page|service)/[a-z0-9][a-z0-9_-]*)$"_s);
    return form.match(route).hasMatch();
}

bool Navigator::go(const QString &route)
{
    if (!isValidRoute(route)) {
        qCWarning(lcNavigation) << "ignored invalid route" << route;
        return false;
    }
    if (route == this->route())
        return true;
    m_stack.append(route);
    Q_EMIT routeChanged();
    return true;
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
    if (m_stack == QStringList{m_home})
        return;
    m_stack = {m_home};
    Q_EMIT routeChanged();
}

void Navigator::reset(const QString &route)
{
    const QString start = isValidRoute(route) ? route : m_home;
    if (m_stack == QStringList{start})
        return;
    m_stack = {start};
    Q_EMIT routeChanged();
}

void Navigator::restore(const QStringList &stack)
{
    QStringList valid;
    for (const QString &route : stack) {
        if (isValidRoute(route) && (valid.isEmpty() || valid.last() != route))
            valid.append(route);
    }
    if (valid.isEmpty())
        valid.append(m_home);
    if (valid == m_stack)
        return;
    m_stack = valid;
    Q_EMIT routeChanged();
}

} // namespace passerelle
