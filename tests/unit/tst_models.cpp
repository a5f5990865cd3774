// The QML-facing layer: list models over a real pack, the session, the narrator's volume (the navigator: tst_navigator).
#include "contentcatalog.h"
#include "kioskservices.h"
#include "languagelistmodel.h"
#include "narrator.h"
#include "pagelistmodel.h"
#include "pagemodel.h"
#include "servicemodel.h"
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

    void pageModelSaysWhenItFallsBackToFrench()
    {
        PageModel page;
        page.setContent(&m_services->content());
        page.setPageId(u"amu"_s);
        page.setLanguage(u"en"_s);
        QVERIFY(page.found());
        QVERIFY(!page.untranslated());
        page.setLanguage(u"ar"_s); // amu has no Arabic text: shown in French
        QCOMPARE(page.textLanguage(), u"fr"_s);
        QVERIFY(page.untranslated());
        page.setLanguage(u"fr"_s);
        QVERIFY(!page.untranslated());
        page.setPageId(u"nowhere"_s);
        QVERIFY(!page.found());
        QVERIFY(!page.untranslated());
    }

    void serviceModelShowsOneServiceCard()
    {
        ServiceModel service;
        QAbstractItemModelTester tester(&service, QAbstractItemModelTester::FailureReportingMode::QtTest);
        service.setContent(&m_services->content());
        service.setLanguage(u"fr"_s);
        service.setServiceId(u"cpas-test"_s);
        QVERIFY(service.found());
        QCOMPARE(service.rowCount(), 1);
        QVERIFY(!service.name().isEmpty());
        QCOMPARE(value(service, 0, "kind").toString(), u"service"_s);
        QCOMPARE(value(service, 0, "serviceName").toString(), service.name());
        QVERIFY(value(service, 0, "serviceContact").toString().startsWith(u"MECARD:"_s));
        service.setServiceId(u"nowhere"_s);
        QVERIFY(!service.found());
        QCOMPARE(service.rowCount(), 0);
    }

    void narratorVolumeStaysWithinItsSteps()
    {
        Narrator &narrator = m_services->narrator();
        QVERIFY(narrator.canVolumeUp());
        QVERIFY(narrator.canVolumeDown());
        while (narrator.canVolumeUp())
            narrator.volumeUp();
        QCOMPARE(narrator.volumeStep(), narrator.volumeSteps());
        narrator.volumeUp();
        QCOMPARE(narrator.volumeStep(), narrator.volumeSteps());
        while (narrator.canVolumeDown())
            narrator.volumeDown();
        QCOMPARE(narrator.volumeStep(), 1); // the quietest step is never silence
        narrator.volumeDown();
        QCOMPARE(narrator.volumeStep(), 1);
        QVERIFY(narrator.canVolumeUp());
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
