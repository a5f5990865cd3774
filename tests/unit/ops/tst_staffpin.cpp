// The staff PIN: the right PIN opens, wrong ones wait 1 s, 2 s, 4 s, ... (capped), a
// try during the wait is refused without being checked, and a right PIN clears it all.
#include "staffpin.h"

#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

class TestStaffPin : public QObject
{
    Q_OBJECT

private:
    // Hashing is slow on purpose (Argon2id): one hash for the whole test.
    QString m_hash;

private Q_SLOTS:
    void initTestCase()
    {
        m_hash = StaffPin::hash(u"246810"_s);
        QVERIFY(m_hash.startsWith(u"$argon2id$"_s));
    }

    void hashIsSaltedAndVerifies()
    {
        QVERIFY(StaffPin::matches(u"246810"_s, m_hash));
        QVERIFY(!StaffPin::matches(u"246811"_s, m_hash));
        QVERIFY(!StaffPin::matches(u""_s, m_hash));
        QVERIFY(!StaffPin::matches(u"246810"_s, u"not a hash"_s));
        QVERIFY(StaffPin::hash(u"246810"_s) != m_hash); // a new salt every time
    }

    void delays_data()
    {
        QTest::addColumn<int>("failures");
        QTest::addColumn<qint64>("delayMs");
        QTest::newRow("none") << 0 << qint64(0);
        QTest::newRow("1") << 1 << qint64(1000);
        QTest::newRow("2") << 2 << qint64(2000);
        QTest::newRow("3") << 3 << qint64(4000);
        QTest::newRow("4") << 4 << qint64(8000);
        QTest::newRow("9") << 9 << qint64(256000);
        QTest::newRow("10 capped") << 10 << StaffPin::kMaxDelayMs;
        QTest::newRow("1000 capped") << 1000 << StaffPin::kMaxDelayMs;
    }

    void delays()
    {
        QFETCH(int, failures);
        QFETCH(qint64, delayMs);
        QCOMPARE(StaffPin::delayAfterFailures(failures), delayMs);
    }

    void wrongPinsWaitLongerAndLonger()
    {
        qint64 now = 1'000'000;
        StaffPin pin(m_hash, [&now] { return now; });
        QVERIFY(pin.isConfigured());

        QCOMPARE(pin.attempt(u"111111"_s), StaffPin::Outcome::Rejected);
        QCOMPARE(pin.msUntilNextAttempt(), 1000);
        // Even the right PIN is refused during the wait, and the wait does not grow.
        QCOMPARE(pin.attempt(u"246810"_s), StaffPin::Outcome::TooSoon);
        QCOMPARE(pin.failures(), 1);
        now += 999;
        QCOMPARE(pin.attempt(u"246810"_s), StaffPin::Outcome::TooSoon);
        now += 1;
        QCOMPARE(pin.attempt(u"222222"_s), StaffPin::Outcome::Rejected);
        QCOMPARE(pin.msUntilNextAttempt(), 2000);
        now += 2000;
        QCOMPARE(pin.attempt(u"333333"_s), StaffPin::Outcome::Rejected);
        QCOMPARE(pin.msUntilNextAttempt(), 4000);
        QCOMPARE(pin.failures(), 3);
        now += 4000;
        QCOMPARE(pin.attempt(u"246810"_s), StaffPin::Outcome::Accepted);
        QCOMPARE(pin.failures(), 0);
        QCOMPARE(pin.msUntilNextAttempt(), 0);
        // After a right PIN, a wrong one starts again at 1 s.
        QCOMPARE(pin.attempt(u"444444"_s), StaffPin::Outcome::Rejected);
        QCOMPARE(pin.msUntilNextAttempt(), 1000);
    }

    void notConfigured()
    {
        StaffPin pin(QString{});
        QVERIFY(!pin.isConfigured());
        QCOMPARE(pin.attempt(u""_s), StaffPin::Outcome::NotConfigured);
        QCOMPARE(pin.attempt(u"246810"_s), StaffPin::Outcome::NotConfigured);
    }

    void pinForm_data()
    {
        QTest::addColumn<QString>("pin");
        QTest::addColumn<bool>("ok");
        QTest::newRow("6 digits") << "123456" << true;
        QTest::newRow("12 digits") << "123456789012" << true;
        QTest::newRow("5 digits") << "12345" << false;
        QTest::newRow("13 digits") << "1234567890123" << false;
        QTest::newRow("letters") << "12345a" << false;
        QTest::newRow("arabic-indic digits") << u"\u0661\u0662\u0663\u0664\u0665\u0666"_s << false;
    }

    void pinForm()
    {
        QFETCH(QString, pin);
        QFETCH(bool, ok);
        QCOMPARE(!StaffPin::checkForm(pin).has_value(), ok);
    }
};

QTEST_GUILESS_MAIN(TestStaffPin)
#include "tst_staffpin.moc"
