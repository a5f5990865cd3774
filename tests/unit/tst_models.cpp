// The QML-facing layer: list models over a real pack, the navigator, the session.
#include "contentcatalog.h"
#include "kioskservices.h"
#include "languagelistmodel.h"
#include "navigator.h"
#include "pagelistmodel.h"
#include "pagemodel.h"
#include "session.h"
#include "statuslistmodel.h"
#include "topiclistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {
QVariant value(const QAbstractItemModel &model, int row, const QByteArray &role)
{
    const int r = model.roleNames().key(role, -1);
    return model.data(model.index(row, 0), r);
}
} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<KioskServices> m_services;

private Q_SLOTS:
    void init()
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_TEST_PACK);
        options.today = QDate(2026, 6, 1);
        auto services = KioskServices::open(options);
        QVERIFY2(services.ok(), qPrintable(services.problem().toString()));
        m_services = std::move(services.value());
    }

    void languagesModel()
    {
        LanguageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(&m_services->content());
        model.setLanguage(u"fr"_s);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(value(model, 2, "endonym").toString(), u"العربية"_s);
        QCOMPARE(value(model, 2, "rightToLeft").toBool(), true);
        QCOMPARE(model.get(0).value(u"code"_s).toString(), u"fr"_s);
    }

    void topicsFollowTheLanguage()
    {
        TopicListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(&m_services->content());
        model.setLanguage(u"en"_s);
        QCOMPARE(value(model, 0, "title").toString(), u"Health"_s);
        model.setLanguage(u"ar"_s);
        // Right-to-left titles carry a right-to-left mark, so they read right to left whatever they start with.
        QCOMPARE(value(model, 0, "title").toString(), QString(QChar(0x200f) + u"الصحة"_s));
        QCOMPARE(value(model, 1, "pictogram").toString(), u"work"_s);
    }

    void statusesEndWithIDontKnow()
    {
        StatusListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(&m_services->content());
        model.setLanguage(u"en"_s);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(value(model, 0, "statusId").toString(), u"asylum_seeker"_s);
        QCOMPARE(value(model, 0, "hint").toString(), u"You have an orange card."_s);
        QCOMPARE(value(model, 2, "statusId").toString(), u"unknown"_s);
    }

    void pagesFollowStatusAndDate()
    {
        PageListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &PageListModel::countChanged);
        model.setContent(&m_services->content());
        model.setLanguage(u"fr"_s);
        model.setTopic(u"health"_s);
        QCOMPARE(model.count(), 2);
        model.setStatus(u"asylum_seeker"_s);
        QCOMPARE(model.count(), 1);
        QCOMPARE(value(model, 0, "pageId").toString(), u"emergency-numbers"_s);
        QCOMPARE(value(model, 0, "code").toString(), u"S1"_s);
        QVERIFY(counted.count() >= 2);

        model.setTopic(u"work"_s);
        QCOMPARE(value(model, 0, "title").toString(), u"Travailler après 4 mois"_s);
        m_services->content().setToday(QDate(2025, 1, 1));
        QCOMPARE(value(model, 0, "title").toString(), u"Travailler après 4 mois (anciennes règles)"_s);
    }

    void pageModelDescribesThePage()
    {
        PageModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setContent(&m_services->content());
        model.setLanguage(u"en"_s);
        model.setPageId(u"amu"_s);
        QVERIFY(model.found());
        QCOMPARE(model.title(), u"Urgent medical aid"_s);
        QVERIFY(model.machineTranslated());
        QCOMPARE(model.verifiedText(), u"January 15, 2026"_s);
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(value(model, 6, "kind").toString(), u"service"_s);
        QCOMPARE(value(model, 6, "serviceName").toString(), u"Test CPAS"_s);
        QCOMPARE(value(model, 6, "serviceAddress").toString(), u"Rue de l'Essai 1, 5000 Namur"_s);
        QVERIFY(value(model, 6, "servicePhones").toString().contains(u"+32 81 00 00 00"_s));

        QSignalSpy reloaded(&model, &PageModel::reloaded);
        model.setPageId(u"emergency-numbers"_s);
        QCOMPARE(reloaded.count(), 1);
        QCOMPARE(model.title(), u"Emergency numbers"_s);
        QVERIFY(!model.machineTranslated());
        QVERIFY(model.reviewed());
        // The phone number stays left to right inside right-to-left text.
        model.setLanguage(u"ar"_s);
        QCOMPARE(value(model, 1, "text").toString(), QString(QChar(0x2066) + u"112"_s + QChar(0x2069)));

        model.setPageId(u"nope"_s);
        QVERIFY(!model.found());
        QCOMPARE(model.rowCount(), 0);
    }

    void navigatorKeepsAStackOfRoutes()
    {
        Navigator nav(u"home"_s);
        QSignalSpy changed(&nav, &Navigator::routeChanged);
        QCOMPARE(nav.route(), u"home"_s);
        QVERIFY(!nav.canGoBack());
        QVERIFY(nav.go(u"topic/health"_s));
        QVERIFY(nav.go(u"page/amu"_s));
        QCOMPARE(nav.kind(), u"page"_s);
        QCOMPARE(nav.argument(), u"amu"_s);
        QCOMPARE(nav.depth(), 3);
        nav.back();
        QCOMPARE(nav.route(), u"topic/health"_s);
        QVERIFY(!nav.go(u"page/../etc"_s));
        QVERIFY(!nav.go(u"nowhere"_s));
        QCOMPARE(nav.route(), u"topic/health"_s);
        nav.home();
        QCOMPARE(nav.route(), u"home"_s);
        QVERIFY(!nav.canGoBack());
        nav.reset(u"language"_s);
        QCOMPARE(nav.route(), u"language"_s);
        QCOMPARE(changed.count(), 5);
    }

    void navigatorRestoresAStack()
    {
        Navigator nav(u"home"_s);
        QSignalSpy changed(&nav, &Navigator::routeChanged);
        nav.restore({u"home"_s, u"topic/health"_s, u"page/amu"_s});
        QCOMPARE(nav.stack(), (QStringList{u"home"_s, u"topic/health"_s, u"page/amu"_s}));
        QCOMPARE(changed.count(), 1);
        nav.back();
        QCOMPARE(nav.route(), u"topic/health"_s);
        // Invalid routes go, and so does a route repeated once they are gone.
        nav.restore({u"home"_s, u"page/../x"_s, u"home"_s, u"status"_s});
        QCOMPARE(nav.stack(), (QStringList{u"home"_s, u"status"_s}));
        nav.restore({});
        QCOMPARE(nav.stack(), QStringList{u"home"_s});
        QCOMPARE(changed.count(), 4);
        nav.restore({u"home"_s});
        QCOMPARE(changed.count(), 4);
    }

    void sessionResetForgetsTheVisitor()
    {
        Session &session = m_services->session();
        QCOMPARE(session.language(), u"fr"_s);
        session.setLanguage(u"ar"_s);
        QVERIFY(session.rightToLeft());
        QCOMPARE(session.fontFamily(), u"Noto Naskh Arabic"_s);
        session.setLanguage(u"xx"_s); // not a pack language: ignored
        QCOMPARE(session.language(), u"ar"_s);
        session.setStatus(u"undocumented"_s);
        session.setLargeText(true);
        session.setHighContrast(true);
        session.reset();
        QCOMPARE(session.language(), u"fr"_s);
        QVERIFY(!session.rightToLeft());
        QCOMPARE(session.status(), QString());
        QVERIFY(!session.largeText());
        QVERIFY(!session.highContrast());
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
