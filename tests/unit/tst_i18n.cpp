#include "bidi.h"
#include "dateformat.h"
#include "localeid.h"

#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

class TestI18n : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void longDates_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fr") << u"fr"_s << u"1 novembre 2026"_s;
        QTest::newRow("en") << u"en"_s << u"November 1, 2026"_s;
        QTest::newRow("tr") << u"tr"_s << u"1 Kasım 2026"_s;
        QTest::newRow("uk") << u"uk"_s << u"1 листопада 2026\u202fр."_s; // ICU puts a narrow no-break space
    }

    void longDates()
    {
        QFETCH(QString, language);
        QFETCH(QString, expected);
        QCOMPARE(longDate(QDate(2026, 11, 1), language), expected);
    }

    void arabicDatesUseArabicMonthNames()
    {
        const QString ar = longDate(QDate(2026, 11, 1), u"ar"_s);
        QVERIFY2(ar.contains(u"نوفمبر"_s), qPrintable(ar));
        QVERIFY(!longDate(QDate(2026, 11, 1), u"prs"_s).isEmpty());
        QCOMPARE(localeIdForLanguage(u"prs"_s), u"fa_AF"_s);
    }

    void isolatesNumbersInsideText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        const QString lri(QChar(0x2066)), pdi(QChar(0x2069));
        QTest::newRow("phone") << u"اتصل بالرقم +32 2 524 98 89 الآن"_s
                               << u"اتصل بالرقم "_s + lri + u"+32 2 524 98 89"_s + pdi + u" الآن"_s;
        QTest::newRow("hours") << u"de 9:30-13:00"_s << u"de "_s + lri + u"9:30-13:00"_s + pdi;
        QTest::newRow("single digit") << u"2 mois"_s << lri + u"2"_s + pdi + u" mois"_s;
        QTest::newRow("no number") << u"bonjour"_s << u"bonjour"_s;
    }

    void isolatesNumbersInsideText()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(isolateNumbers(text), expected);
    }
};

QTEST_GUILESS_MAIN(TestI18n)
#include "tst_i18n.moc"
