#pragma once

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace passerelle {

/**
 * Owns the route stack. A route is "home", "language", "status", "topic/<id>",
 * "page/<id>" or "service/<id>"; it is what --screenshot renders, what a jump code
 * resolves to and what a web link points at.
 */
class Navigator : public QObject
{
    Q_OBJECT
    Q_PROPERTY(QString route READ route NOTIFY routeChanged FINAL)
    Q_PROPERTY(QString kind READ kind NOTIFY routeChanged FINAL)
    Q_PROPERTY(QString argument READ argument NOTIFY routeChanged FINAL)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY routeChanged FINAL)
    Q_PROPERTY(int depth READ depth NOTIFY routeChanged FINAL)

public:
    explicit Navigator(QString homeRoute, QObject *parent = nullptr);

    [[nodiscard]] QString route() const { return m_stack.last(); }
    [[nodiscard]] QString kind() const;
    [[nodiscard]] QString argument() const;
    [[nodiscard]] bool canGoBack() const { return m_stack.size() > 1; }
    [[nodiscard]] int depth() const { return int(m_stack.size()); }

    /** True for a route of a known kind with a well-formed argument. */
    [[nodiscard]] static bool isValidRoute(const QString &route);

    /** Opens a route on top of the current one; invalid routes are ignored (and logged). */
    Q_INVOKABLE bool go(const QString &route);
    Q_INVOKABLE void back();
    /** Back to the home route, keeping nothing above it. */
    Q_INVOKABLE void home();
    /** Starts over at the given route (the attract screen for a new visitor). */
    Q_INVOKABLE void reset(const QString &route);

    /** The routes from the first (bottom) to the current one: what back() goes through. */
    [[nodiscard]] QStringList stack() const { return m_stack; }
    /** Puts back a stack saved with stack(), without its invalid routes; home if none is left. */
    void restore(const QStringList &stack);

Q_SIGNALS:
    void routeChanged();

private:
    QString m_home;
    QStringList m_stack;
};

} // namespace passerelle
