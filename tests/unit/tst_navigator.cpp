// Routes as values and the visitor's way through them: the Route type, the Navigator's
// stack, its refusal of what the pack lacks, and the flow rules QML used to decide.
#include "contentcatalog.h"
#include "kioskservices.h"
#include "navigator.h"
#include "repository.h"
#include "route.h"
#include "session.h"

#include <QSignalSpy>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

Q_DECLARE_METATYPE(passerelle::Route::Kind)

namespace QTest {
template<> char *toString(const passerelle::Route &route) { return qstrdup(qPrintable(route.format())); }
} // namespace QTest

class TestNavigator : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KioskServices> m_services;

    Navigator &nav() { return m_services->navigator(); }
    Session &session() { return m_services->session(); }

private Q_SLOTS:
    void init()
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_TEST_PACK);
        options.today = QDate(2026, 6, 1);
        options.startRoute = u"home"_s;
        auto services = KioskServices::open(options);
        QVERIFY2(services.ok(), qPrintable(services.problem().toString()));
        m_services = std::move(services.value());
    }

    void parseAndFormat_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<Route::Kind>("kind");
        QTest::addColumn<QString>("id");
        QTest::newRow("attract") << u"attract"_s << true << Route::Kind::Attract << QString();
        QTest::newRow("home") << u"home"_s << true << Route::Kind::Home << QString();
        QTest::newRow("language") << u"language"_s << true << Route::Kind::Language << QString();
        QTest::newRow("status") << u"status"_s << true << Route::Kind::Status << QString();
        QTest::newRow("emergency") << u"emergency"_s << true << Route::Kind::Emergency << QString();
        QTest::newRow("staff") << u"staff"_s << true << Route::Kind::Staff << QString();
        QTest::newRow("topic") << u"topic/health"_s << true << Route::Kind::Topic << u"health"_s;
        QTest::newRow("page") << u"page/amu-steps"_s << true << Route::Kind::Page << u"amu-steps"_s;
        QTest::newRow("service") << u"service/cpas-namur"_s << true << Route::Kind::Service << u"cpas-namur"_s;
        QTest::newRow("empty") << QString() << false << Route::Kind::Home << QString();
        QTest::newRow("unknown kind") << u"nowhere"_s << false << Route::Kind::Home << QString();
        QTest::newRow("page without id") << u"page"_s << false << Route::Kind::Home << QString();
        QTest::newRow("page with empty id") << u"page/"_s << false << Route::Kind::Home << QString();
        QTest::newRow("home with id") << u"home/x"_s << false << Route::Kind::Home << QString();
        QTest::newRow("path") << u"page/../etc"_s << false << Route::Kind::Home << QString();
        QTest::newRow("two levels") << u"page/a/b"_s << false << Route::Kind::Home << QString();
        QTest::newRow("upper case") << u"page/AMU"_s << false << Route::Kind::Home << QString();
        QTest::newRow("kind in capitals") << u"HOME"_s << false << Route::Kind::Home << QString();
    }

    void parseAndFormat()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(Route::Kind, kind);
        QFETCH(QString, id);
        const std::optional<Route> route = Route::parse(text);
        QCOMPARE(route.has_value(), valid);
        if (!route)
            return;
        QCOMPARE(route->kind(), kind);
        QCOMPARE(route->id(), id);
        QCOMPARE(route->format(), text);
        QCOMPARE(Route::parse(route->format()), route);
        QCOMPARE(Route::make(kind, id), route);
    }

    void existsInThePack_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<bool>("exists");
        QTest::newRow("home") << u"home"_s << true;
        QTest::newRow("staff") << u"staff"_s << true;
        QTest::newRow("topic") << u"topic/health"_s << true;
        QTest::newRow("missing topic") << u"topic/housing"_s << false;
        QTest::newRow("page") << u"page/amu"_s << true;
        QTest::newRow("page only in French") << u"page/four-months"_s << true;
        QTest::newRow("missing page") << u"page/amu-steps"_s << false;
        QTest::newRow("service") << u"service/cpas-test"_s << true;
        QTest::newRow("missing service") << u"service/cpas-namur"_s << false;
    }

    void existsInThePack()
    {
        QFETCH(QString, route);
        QFETCH(bool, exists);
        const std::optional<Route> r = Route::parse(route);
        QVERIFY(r);
        QCOMPARE(r->existsIn(m_services->repository()), exists);
        QCOMPARE(m_services->content().hasRoute(*r), exists);
    }

    void catalogRoutesAreThePacksAndAllExist()
    {
        const QList<Route> routes = m_services->content().routes();
        QVERIFY(routes.contains(Route(Route::Kind::Home)));
        QVERIFY(routes.contains(Route::topic(u"health"_s)));
        QVERIFY(routes.contains(Route::page(u"amu"_s)));
        QVERIFY(routes.contains(Route::service(u"cpas-test"_s)));
        for (const Route &route : routes)
            QVERIFY2(m_services->content().hasRoute(route), qPrintable(route.format()));
        QCOMPARE(m_services->content().routeForCode(u"s2"_s), std::optional(Route::page(u"amu"_s)));
        QCOMPARE(m_services->content().routeForCode(u"Z9"_s), std::nullopt);
    }

    void keepsAStackOfRoutes()
    {
        QSignalSpy changed(&nav(), &Navigator::routeChanged);
        QCOMPARE(nav().route(), u"home"_s);
        QCOMPARE(nav().screen(), u"home"_s);
        QVERIFY(!nav().canGoBack());
        QVERIFY(nav().openTopic(u"health"_s));
        QVERIFY(nav().openPage(u"amu"_s));
        QCOMPARE(nav().screen(), u"page"_s);
        QCOMPARE(nav().id(), u"amu"_s);
        QCOMPARE(nav().current(), Route::page(u"amu"_s));
        QCOMPARE(nav().depth(), 3);
        QVERIFY(nav().openService(u"cpas-test"_s));
        QCOMPARE(nav().route(), u"service/cpas-test"_s);
        QCOMPARE(nav().screen(), u"service"_s);
        nav().back();
        nav().back();
        QCOMPARE(nav().route(), u"topic/health"_s);
        nav().openEmergency();
        QCOMPARE(nav().route(), u"emergency"_s);
        // QML shows the emergency numbers by the page id the navigator gives.
        QCOMPARE(nav().screen(), u"emergency"_s);
        QCOMPARE(nav().id(), u"emergency-numbers"_s);
        nav().home();
        QCOMPARE(nav().route(), u"home"_s);
        QVERIFY(!nav().canGoBack());
        QCOMPARE(changed.count(), 7);
    }

    void refusesWhatThePackLacks_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("warning");
        QTest::newRow("missing page") << u"page/amu-steps"_s << u"refused the route page/amu-steps - the pack has no page amu-steps"_s;
        QTest::newRow("missing topic") << u"topic/housing"_s << u"refused the route topic/housing - the pack has no topic housing"_s;
        QTest::newRow("missing service") << u"service/nope"_s << u"refused the route service/nope - the pack has no service nope"_s;
        QTest::newRow("malformed") << u"page/../etc"_s << u"refused the malformed route page/../etc"_s;
        QTest::newRow("unknown kind") << u"nowhere"_s << u"refused the malformed route nowhere"_s;
    }

    void refusesWhatThePackLacks()
    {
        QFETCH(QString, route);
        QFETCH(QString, warning);
        QVERIFY(nav().openTopic(u"health"_s));
        QSignalSpy changed(&nav(), &Navigator::routeChanged);
        QTest::ignoreMessage(QtWarningMsg, qPrintable(warning));
        QVERIFY(!nav().go(route));
        QCOMPARE(nav().route(), u"topic/health"_s); // stays where it was, not home
        QCOMPARE(changed.count(), 0);
    }

    void opensAPageByItsCode()
    {
        QVERIFY(nav().openCode(u" s2 "_s));
        QCOMPARE(nav().route(), u"page/amu"_s);
        QVERIFY(!nav().openCode(u"Z9"_s));
        QCOMPARE(nav().route(), u"page/amu"_s);
    }

    void resetToWhatThePackLacksStartsHomeWithAWarning()
    {
        nav().reset(Route(Route::Kind::Attract));
        QCOMPARE(nav().route(), u"attract"_s);
        QTest::ignoreMessage(QtWarningMsg, "cannot start at page/amu-steps - the pack has no page amu-steps ; starting at home");
        nav().reset(u"page/amu-steps"_s);
        QCOMPARE(nav().route(), u"home"_s);
        QTest::ignoreMessage(QtWarningMsg, "cannot start at the malformed route x/y ; starting at home");
        nav().reset(u"x/y"_s);
        QCOMPARE(nav().route(), u"home"_s);
    }

    void restoresAStackWithoutWhatIsGone()
    {
        QSignalSpy changed(&nav(), &Navigator::routeChanged);
        nav().restore({Route(), Route::topic(u"health"_s), Route::page(u"amu"_s)});
        QCOMPARE(nav().stack(), (QList<Route>{Route(), Route::topic(u"health"_s), Route::page(u"amu"_s)}));
        QCOMPARE(changed.count(), 1);
        // A page the pack lacks goes, and so does a route repeated once it is gone.
        nav().restore({Route(), Route::page(u"gone"_s), Route(), Route(Route::Kind::Status)});
        QCOMPARE(nav().stack(), (QList<Route>{Route(), Route(Route::Kind::Status)}));
        nav().restore({});
        QCOMPARE(nav().stack(), QList<Route>{Route()});
        QCOMPARE(changed.count(), 3);
    }

    // Flow rules: what follows the visitor's choices.
    void afterTheLanguageANewVisitorIsAskedForTheirPaper()
    {
        nav().reset(Route(Route::Kind::Attract));
        nav().start();
        QCOMPARE(nav().route(), u"language"_s);
        nav().chooseLanguage(u"ar"_s);
        QCOMPARE(session().language(), u"ar"_s);
        QCOMPARE(nav().route(), u"status"_s);
        nav().chooseStatus(u"undocumented"_s);
        QCOMPARE(session().status(), u"undocumented"_s);
        QCOMPARE(nav().route(), u"home"_s);
        QVERIFY(!nav().canGoBack());
    }

    void aVisitorWithAPaperGoesBackAfterTheLanguage()
    {
        session().setStatus(u"undocumented"_s);
        QVERIFY(nav().openPage(u"amu"_s));
        nav().openLanguage();
        nav().chooseLanguage(u"en"_s);
        QCOMPARE(session().language(), u"en"_s);
        QCOMPARE(nav().route(), u"page/amu"_s);
    }

    void sideBySideOnlyForAWorkerInAnotherLanguage()
    {
        QSignalSpy changed(&session(), &Session::sideBySideChanged);
        QVERIFY(!session().sideBySide());
        session().setWorkerMode(true);
        QVERIFY(!session().sideBySide()); // French beside French: no
        session().setLanguage(u"ar"_s);
        QVERIFY(session().sideBySide());
        session().setWorkerMode(false);
        QVERIFY(!session().sideBySide());
        QVERIFY(changed.count() >= 3);
        session().setWorkerMode(true);
        session().reset();
        QVERIFY(!session().sideBySide());
    }
};

QTEST_MAIN(TestNavigator)
#include "tst_navigator.moc"
