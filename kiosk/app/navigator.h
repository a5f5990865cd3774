#pragma once

#include "route.h"

#include <QList>
#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

#include <optional>

namespace passerelle {

class ContentCatalog;
class Session;

/**
 * Owns the stack of routes (see Route) and the visitor's way through them: QML asks to
 * open a topic, a page, a service, and is told which screen to show (screen, id); it
 * never builds or splits route strings. A route to something the pack lacks is refused
 * with a warning.
 */
class Navigator : public QObject
{
    Q_OBJECT
    /** The current route, written as Route::format() ("page/amu-steps"). */
    Q_PROPERTY(QString route READ route NOTIFY routeChanged FINAL)
    /** The kind of the current route, written as in a route: "home", "topic", "service"... */
    Q_PROPERTY(QString screen READ screen NOTIFY routeChanged FINAL)
    /** The topic, page or service id of the current route, the emergency screen's page; empty for the other screens. */
    Q_PROPERTY(QString id READ id NOTIFY routeChanged FINAL)
    Q_PROPERTY(bool canGoBack READ canGoBack NOTIFY routeChanged FINAL)
    Q_PROPERTY(int depth READ depth NOTIFY routeChanged FINAL)

public:
    explicit Navigator(Route home = Route(), QObject *parent = nullptr);

    /** Where routes are checked against the pack and page codes resolved; none: every well-formed route is taken. */
    void setContent(const ContentCatalog *content) { m_content = content; }
    /** The session the visitor's choices (language, paper) go to. */
    void setSession(Session *session) { m_session = session; }

    [[nodiscard]] Route current() const { return m_stack.last(); }
    [[nodiscard]] QString route() const { return current().format(); }
    [[nodiscard]] QString screen() const { return current().kindName(); }
    [[nodiscard]] QString id() const;
    [[nodiscard]] bool canGoBack() const { return m_stack.size() > 1; }
    [[nodiscard]] int depth() const { return int(m_stack.size()); }

    /** True when the pack has what the route shows (always, without content). */
    [[nodiscard]] bool isAvailable(const Route &route) const;

    /** Opens a route on top of the current one; false, with a warning, when the pack lacks it. */
    bool open(const Route &route);
    /** Parses and opens a written route (tests, the command line); false when malformed or absent. */
    Q_INVOKABLE bool go(const QString &route);
    Q_INVOKABLE bool openTopic(const QString &id);
    Q_INVOKABLE bool openPage(const QString &id);
    Q_INVOKABLE bool openService(const QString &id);
    /** The page with a short code such as "S2"; false when no page has it. */
    Q_INVOKABLE bool openCode(const QString &code);
    Q_INVOKABLE void openLanguage() { open(Route(Route::Kind::Language)); }
    Q_INVOKABLE void openStatus() { open(Route(Route::Kind::Status)); }
    Q_INVOKABLE void openEmergency() { open(Route(Route::Kind::Emergency)); }
    Q_INVOKABLE void openStaff() { open(Route(Route::Kind::Staff)); }
    Q_INVOKABLE void back();
    /** Back to the home route, keeping nothing above it. */
    Q_INVOKABLE void home();

    /** A visitor touched the attract screen: they choose their language first. */
    Q_INVOKABLE void start() { openLanguage(); }
    /**
     * The visitor confirmed a language: the session takes it; a new visitor (no paper yet)
     * goes on to say which paper they hold, one who came to change the language goes back.
     */
    Q_INVOKABLE void chooseLanguage(const QString &code);
    /** The visitor showed their paper: the session takes it and the four topics follow. */
    Q_INVOKABLE void chooseStatus(const QString &status);

    /** Starts over at a route (the attract screen for a new visitor); home when the pack lacks it. */
    void reset(const Route &route);
    /** The same from a written route; home, with a warning, when it is malformed or absent. */
    Q_INVOKABLE void reset(const QString &route);

    /** The routes from the first (bottom) to the current one: what back() goes through. */
    [[nodiscard]] QList<Route> stack() const { return m_stack; }
    /** Puts back a stack saved with stack(), without the routes the pack lacks; home if none is left. */
    void restore(const QList<Route> &stack);

Q_SIGNALS:
    void routeChanged();

private:
    bool openParsed(const std::optional<Route> &route, const QString &written);

    Route m_home;
    QList<Route> m_stack;
    const ContentCatalog *m_content = nullptr;
    Session *m_session = nullptr;
};

} // namespace passerelle
