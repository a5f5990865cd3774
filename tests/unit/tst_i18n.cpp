#include "bidi.h"
#include "dateformat.h"
#include "localeid.h"
#include "openinghours.h"

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
        QVERIFY2(ar.contains(u"نوفمبر"_s) && ar.contains(u"2026"_s), qPrintable(ar));
        QVERIFY(!longDate(QDate(2026, 11, 1), u"prs"_s).isEmpty());
        QCOMPARE(localeIdForLanguage(u"prs"_s), u"fa_AF@calendar=gregorian;numbers=latn"_s);
        QVERIFY2(longDate(QDate(2026, 11, 1), u"ps"_s).contains(u"2026"_s), qPrintable(longDate(QDate(2026, 11, 1), u"ps"_s)));
    }

    void openingHours_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("hours");
        QTest::addColumn<QString>("expected");
        QTest::newRow("fr") << u"fr"_s << u"mo-fr 09:30-13:00"_s << u"lundi – vendredi: 09:30 – 13:00"_s;
        QTest::newRow("en") << u"en"_s << u"mo-fr 09:30-13:00"_s << u"Monday – Friday: 9:30\u202fAM – 1:00\u202fPM"_s;
        QTest::newRow("one day") << u"tr"_s << u"sa 08:00-22:00"_s << u"Cumartesi: 08:00 – 22:00"_s;
        QTest::newRow("day and night, 12-hour locale") << u"en"_s << u"mo-su 00:00-24:00"_s
                                                       << u"Monday – Sunday: 00:00 – 24:00"_s;
        QTest::newRow("day and night, ar") << u"ar"_s << u"mo-su 00:00-24:00"_s
                                           << formatOpeningHours(u"mo-su 00:00-01:00"_s, u"ar"_s).section(u':', 0, 0)
                                                  + u": 00:00 – 24:00"_s;
        QTest::newRow("unreadable kept") << u"fr"_s << u"sur rendez-vous"_s << u"sur rendez-vous"_s;
    }

    void openingHours()
    {
        QFETCH(QString, language);
        QFETCH(QString, hours);
        QFETCH(QString, expected);
        QCOMPARE(formatOpeningHours(hours, language), expected);
    }

    void arabicHoursUseArabicDayNamesAndWesternDigits()
    {
        const QString ar = formatOpeningHours(u"mo-fr 09:30-13:00"_s, u"ar"_s);
        QVERIFY2(ar.contains(u"الاثنين"_s) && ar.contains(u"9:30"_s), qPrintable(ar));
    }

    void baseDirection()
    {
        QCOMPARE(withBaseDirection(u"Unia répond"_s, false), u"Unia répond"_s);
        QCOMPARE(withBaseDirection(u"Unia تجيب"_s, true), QString(QChar(0x200f) + u"Unia تجيب"_s));
        QCOMPARE(withBaseDirection(QString(), true), QString());
        // A French fallback shown in an Arabic screen keeps its own direction.
        QCOMPARE(withBaseDirection(u"Vous êtes malade."_s, true), u"Vous êtes malade."_s);
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
