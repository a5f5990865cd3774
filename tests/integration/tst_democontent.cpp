// The demo content says the right thing to the right person: its applicability matrix,
// checked on the demo pack as built from content/.
#include "repository.h"

#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

class TestDemoContent : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Repository> m_repo;

    bool shows(const QString &topic, const QString &status, const QString &page) const
    {
        for (const PageSummary &p : m_repo->pages(topic, status, u"fr"_s, QDate(2026, 11, 30)))
            if (p.id == page)
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto pack = Pack::openDirectory(QStringLiteral(PASSERELLE_DEMO_PACK));
        QVERIFY2(pack.ok(), qPrintable(pack.problem().toString()));
        m_repo = std::make_unique<Repository>(pack.value());
        QCOMPARE(m_repo->languages().size(), 10);
        QCOMPARE(m_repo->statuses(u"fr"_s).size(), 11);
        QVERIFY(m_repo->pageIds().size() >= 24);
    }

    void matrix_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("page");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("shown");
        QTest::newRow("AMU for undocumented") << u"health"_s << u"amu-who"_s << u"undocumented"_s << true;
        QTest::newRow("no AMU for asylum seekers") << u"health"_s << u"amu-who"_s << u"asylum_seeker"_s << false;
        QTest::newRow("Fedasil care for asylum seekers") << u"health"_s << u"asylum-care"_s << u"asylum_seeker"_s << true;
        QTest::newRow("emergency numbers for everyone") << u"health"_s << u"emergency-numbers"_s << u"unknown"_s << true;
        QTest::newRow("4-month rule for asylum seekers") << u"work"_s << u"asylum-seeker-4-months"_s << u"asylum_seeker"_s << true;
        QTest::newRow("no 4-month rule for refugees") << u"work"_s << u"asylum-seeker-4-months"_s << u"refugee"_s << false;
        QTest::newRow("20 hours for students") << u"work"_s << u"student-20-hours"_s << u"student"_s << true;
        QTest::newRow("not for single-permit workers") << u"work"_s << u"student-20-hours"_s << u"worker_single_permit"_s << false;
        QTest::newRow("undocumented workers' rights") << u"work"_s << u"undocumented-work"_s << u"undocumented"_s << true;
        QTest::newRow("refugee window for refugees") << u"family"_s << u"refugee-window"_s << u"refugee"_s << true;
        QTest::newRow("not for subsidiary protection") << u"family"_s << u"refugee-window"_s << u"subsidiary"_s << false;
        QTest::newRow("rental guarantee for everyone") << u"housing"_s << u"rental-guarantee"_s << u"undocumented"_s << true;
    }

    void matrix()
    {
        QFETCH(QString, topic);
        QFETCH(QString, page);
        QFETCH(QString, status);
        QFETCH(bool, shown);
        QCOMPARE(shows(topic, status, page), shown);
    }

    void datedFamilyRules()
    {
        // Income conditions changed on 18 August 2025: the kiosk shows the version in force.
        const auto before = m_repo->page(u"income"_s, u"fr"_s, QDate(2025, 8, 17));
        const auto after = m_repo->page(u"income"_s, u"fr"_s, QDate(2025, 8, 18));
        QVERIFY(before && after);
        QVERIFY(before->key != after->key);
    }
};

QTEST_GUILESS_MAIN(TestDemoContent)
#include "tst_democontent.moc"
