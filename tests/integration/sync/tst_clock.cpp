// The clock at 1970 or 2099 (SYNC.md test 11): the same packs meet the same decisions;
// only the expiry warning follows the clock.
#include "synctesthelpers.h"
#include "workspace.h"

#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestClock : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_v1, m_v2, m_v3;

    /** The decisions met by a fixed sequence of publishes, at a given time. */
    QList<Syncer::Outcome> scenario(const QDateTime &now, bool *expired)
    {
        auto clock = std::make_shared<FixedClock>(now);
        static int n = 0;
        const QString store = m_ws->path(u"store%1"_s.arg(++n));
        const QString stick = m_ws->path(u"stick%1"_s.arg(n));
        auto syncer = makeSyncer(testConfig(*m_ws, store, {stick}), clock);
        if (!syncer)
            return {};
        QList<Syncer::Outcome> outcomes;
        auto step = [&](const QString &pack) {
            Workspace::publish(pack, stick);
            outcomes.append(runCheck(*syncer).value_or(Syncer::Outcome::Failed));
            if (syncer->hasStagedPack())
                (void)syncer->activateStaged();
        };
        step(m_v1); // staged
        step(m_v3); // staged (a jump is fine)
        step(m_v2); // rollback: rejected
        step(m_v3); // same: nothing to fetch, the rollback stays reported (no newer pack yet)
        *expired = syncer->isActivePackExpired();
        if (syncer->status().lastCheck != now.toUTC())
            outcomes.append(Syncer::Outcome::Failed); // the status is dated by the clock given
        return outcomes;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 1));
        m_v2 = m_ws->buildPack(u"v2"_s, Workspace::options(2, 1));
        m_v3 = m_ws->buildPack(u"v3"_s, Workspace::options(3, 1));
        QVERIFY(!m_v1.isEmpty() && !m_v2.isEmpty() && !m_v3.isEmpty());
    }

    void sameDecisions_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("expired");
        // The packs are created in January 2026 and valid 30 days.
        QTest::newRow("1970") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC) << false;
        QTest::newRow("2026, while valid") << QDateTime(QDate(2026, 1, 10), QTime(12, 0), Qt::UTC) << false;
        QTest::newRow("2099") << QDateTime(QDate(2099, 12, 31), QTime(23, 59), Qt::UTC) << true;
    }

    void sameDecisions()
    {
        QFETCH(QDateTime, now);
        QFETCH(bool, expired);
        bool isExpired = !expired;
        const QList<Syncer::Outcome> outcomes = scenario(now, &isExpired);
        const QList<Syncer::Outcome> expected{Syncer::Outcome::Staged, Syncer::Outcome::Staged, Syncer::Outcome::Rejected,
                                              Syncer::Outcome::Rejected};
        QCOMPARE(outcomes, expected);
        QCOMPARE(isExpired, expired); // only the warning follows the clock
    }
};

QTEST_GUILESS_MAIN(TestClock)
#include "tst_clock.moc"
