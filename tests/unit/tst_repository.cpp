// What the kiosk asks of a pack: topics, pages per status and date, blocks, fallbacks.
#include "repository.h"
#include "searchfold.h"

#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

class TestRepository : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Repository> m_repo;
    const QDate m_today{2026, 6, 1};

    QStringList pageIds(const QString &topic, const QString &status, const QDate &date) const
    {
        QStringList ids;
        for (const PageSummary &p : m_repo->pages(topic, status, u"fr"_s, date))
            ids.append(p.id);
        return ids;
    }

private Q_SLOTS:
    void initTestCase()
    {
        Result<std::shared_ptr<Pack>> pack = Pack::openDirectory(QStringLiteral(PASSERELLE_TEST_PACK));
        QVERIFY2(pack.ok(), qPrintable(pack.problem().toString()));
        m_repo = std::make_unique<Repository>(pack.value());
    }

    void languagesInPackOrder()
    {
        const QList<LanguageInfo> languages = m_repo->languages();
        QCOMPARE(languages.size(), 3);
        QCOMPARE(languages[0].code, u"fr"_s);
        QCOMPARE(languages[2].code, u"ar"_s);
        QVERIFY(languages[2].rightToLeft);
        QVERIFY(!languages[0].rightToLeft);
        QCOMPARE(languages[2].font, u"Noto Naskh Arabic"_s);
        QCOMPARE(m_repo->sourceLanguage(), u"fr"_s);
    }

    void topicsInTheirLanguageWithFrenchFallback()
    {
        const QList<TopicInfo> ar = m_repo->topics(u"ar"_s);
        QCOMPARE(ar.size(), 2);
        QCOMPARE(ar[0].title, u"الصحة"_s);
        QCOMPARE(ar[1].title, u"Travail"_s); // no Arabic title: French
        QCOMPARE(ar[1].code, u"T"_s);
    }

    void pagesFollowTheStatus_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("no status chosen: everything") << u"health"_s << QString() << QStringList{u"emergency-numbers"_s, u"amu"_s};
        QTest::newRow("undocumented: AMU") << u"health"_s << u"undocumented"_s << QStringList{u"emergency-numbers"_s, u"amu"_s};
        QTest::newRow("asylum seeker: no AMU") << u"health"_s << u"asylum_seeker"_s << QStringList{u"emergency-numbers"_s};
        QTest::newRow("unknown paper: general only") << u"health"_s << u"unknown"_s << QStringList{u"emergency-numbers"_s};
        QTest::newRow("asylum seeker: 4 months") << u"work"_s << u"asylum_seeker"_s << QStringList{u"four-months"_s};
        QTest::newRow("undocumented: not 4 months") << u"work"_s << u"undocumented"_s << QStringList{};
    }

    void pagesFollowTheStatus()
    {
        QFETCH(QString, topic);
        QFETCH(QString, status);
        QFETCH(QStringList, expected);
        QCOMPARE(pageIds(topic, status, m_today), expected);
    }

    void datedRulesShowTheVersionInForce_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<QString>("title");
        QTest::newRow("before the reform") << QDate(2025, 8, 17) << u"Travailler après 4 mois (anciennes règles)"_s;
        QTest::newRow("the day it changed") << QDate(2025, 8, 18) << u"Travailler après 4 mois"_s;
        QTest::newRow("long after") << QDate(2099, 1, 1) << u"Travailler après 4 mois"_s;
    }

    void datedRulesShowTheVersionInForce()
    {
        QFETCH(QDate, date);
        QFETCH(QString, title);
        const auto page = m_repo->page(u"four-months"_s, u"fr"_s, date);
        QVERIFY(page);
        QCOMPARE(page->title, title);
        QCOMPARE(m_repo->pages(u"work"_s, u"asylum_seeker"_s, u"fr"_s, date).size(), 1);
    }

    void blocksInTheLanguageOrInFrench()
    {
        const auto en = m_repo->page(u"amu"_s, u"en"_s, m_today);
        QVERIFY(en);
        QCOMPARE(en->language, u"en"_s);
        QCOMPARE(en->review, u"machine"_s);
        QCOMPARE(en->code, u"S2"_s);
        QCOMPARE(en->verified, QDate(2026, 1, 15));
        const QList<Block> blocks = m_repo->blocks(en->key, u"en"_s);
        QCOMPARE(blocks.size(), 7);
        QCOMPARE(blocks[1].kind, u"step"_s);
        QCOMPARE(blocks[1].text, u"Go to a doctor."_s);
        QCOMPARE(blocks[1].pictogram, u"doctor"_s);

        const auto ar = m_repo->page(u"amu"_s, u"ar"_s, m_today);
        QVERIFY(ar);
        QCOMPARE(ar->language, u"fr"_s); // no Arabic translation of this page
        QCOMPARE(m_repo->blocks(ar->key, u"ar"_s).first().text, u"Vous n'avez pas de titre de séjour. Vous êtes malade."_s);
    }

    void findsPagesByCode()
    {
        QCOMPARE(m_repo->pageIdForCode(u"s2"_s), u"amu"_s);
        QCOMPARE(m_repo->pageIdForCode(u"T1"_s), u"four-months"_s);
        QCOMPARE(m_repo->pageIdForCode(u"X9"_s), QString());
        QCOMPARE(m_repo->pageIds(), (QStringList{u"emergency-numbers"_s, u"amu"_s, u"four-months"_s}));
    }

    void searchIgnoresAccentsCaseAndDiacritics_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("accented") << u"médicale"_s << u"fr"_s << QStringList{u"amu"_s};
        QTest::newRow("unaccented, upper case") << u"MEDICALE"_s << u"fr"_s << QStringList{u"amu"_s};
        QTest::newRow("prefix") << u"médic"_s << u"fr"_s << QStringList{u"amu"_s};
        QTest::newRow("English text, French titles") << u"doctor"_s << u"fr"_s << QStringList{u"amu"_s};
        QTest::newRow("two words, both needed") << u"police cpas"_s << u"fr"_s << QStringList{u"amu"_s};
        QTest::newRow("after an apostrophe") << u"urgence"_s << u"fr"_s << QStringList{u"emergency-numbers"_s};
        QTest::newRow("Arabic") << u"الطوارئ"_s << u"ar"_s << QStringList{u"emergency-numbers"_s};
        QTest::newRow("Arabic with diacritics") << u"الطَّوَارِئ"_s << u"ar"_s << QStringList{u"emergency-numbers"_s};
        QTest::newRow("Arabic alef with hamza written plain") << u"ارقام"_s << u"ar"_s << QStringList{u"emergency-numbers"_s};
        QTest::newRow("FTS syntax is just text") << u"\"NEAR( OR *"_s << u"fr"_s << QStringList{};
        QTest::newRow("nothing") << u"zzzz"_s << u"fr"_s << QStringList{};
    }

    void searchIgnoresAccentsCaseAndDiacritics()
    {
        QFETCH(QString, query);
        QFETCH(QString, lang);
        QFETCH(QStringList, expected);
        QStringList ids;
        for (const PageSummary &p : m_repo->search(foldForSearch(query), lang, m_today))
            ids.append(p.id);
        QCOMPARE(ids, expected);
    }

    void searchFindsOnlyTheVersionInForce()
    {
        QCOMPARE(m_repo->search(foldForSearch(u"ancienne"_s), u"fr"_s, QDate(2025, 1, 1)).size(), 1);
        QCOMPARE(m_repo->search(foldForSearch(u"ancienne"_s), u"fr"_s, m_today).size(), 0);
    }

    void servicesAndPictograms()
    {
        const auto s = m_repo->service(u"cpas-test"_s, u"en"_s);
        QVERIFY(s);
        QCOMPARE(s->name, u"Test CPAS"_s);
        QCOMPARE(s->commune, u"Namur"_s);
        QCOMPARE(s->phones, QStringList{u"+32 81 00 00 00"_s});
        QCOMPARE(s->hours, QStringList{u"mo-fr 09:00-12:00"_s});
        QCOMPARE(s->unverified, QStringList{u"phones"_s});
        QVERIFY(!s->hasGeo);
        QVERIFY(QFile::exists(m_repo->pictogramPath(u"doctor"_s)));
        QCOMPARE(m_repo->pictogramPath(u"nope"_s), QString());
    }
};

QTEST_GUILESS_MAIN(TestRepository)
#include "tst_repository.moc"
