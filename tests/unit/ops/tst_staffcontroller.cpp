// The staff screen's controller over the real test pack, real counters, a fake sync
// source and a PIN on a fake clock.
#include "kioskconfig.h"
#include "kioskservices.h"
#include "navigator.h"
#include "repository.h"
#include "staffcontroller.h"
#include "staffpin.h"
#include "syncstate.h"
#include "usagecounters.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

class FakeSync : public SyncStateSource
{
public:
    SyncState value;
    [[nodiscard]] SyncState state() const override { return value; }
    void set(const SyncState &s)
    {
        value = s;
        Q_EMIT changed();
    }
};

QStringList labels(const UsageChartModel &model)
{
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out.append(model.data(model.index(i), UsageChartModel::LabelRole).toString() + u'='
                   + model.data(model.index(i), UsageChartModel::CountRole).toString());
    return out;
}

} // namespace

class TestStaffController : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<KioskServices> m_services;
    std::unique_ptr<UsageCounters> m_counters;
    KioskConfig m_config;
    FakeSync m_sync;
    qint64 m_now = 0;
    QString m_hash;
    std::unique_ptr<StaffPin> m_pin;
    std::unique_ptr<StaffController> m_staff;
    const QDate m_today{2026, 6, 10};

private Q_SLOTS:
    void initTestCase()
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_TEST_PACK);
        auto services = KioskServices::open(options);
        QVERIFY2(services, qPrintable(services.problem().toString()));
        m_services = std::move(services.value());
        auto counters = UsageCounters::open(m_dir.filePath(u"state/kiosk-state.sqlite"_s));
        QVERIFY(counters);
        m_counters = std::move(counters.value());
        m_config.name = u"CPAS de Liège — accueil"_s;
        m_config.exportFolder = m_dir.filePath(u"usb"_s);
        m_hash = StaffPin::hash(u"135790"_s);
        m_pin = std::make_unique<StaffPin>(m_hash, [this] { return m_now; });

        StaffController::Dependencies deps;
        deps.config = &m_config;
        deps.repository = &m_services->repository();
        deps.counters = m_counters.get();
        deps.sync = &m_sync;
        deps.pin = m_pin.get();
        deps.navigator = &m_services->navigator();
        deps.today = [this] { return m_today; };
        m_staff = std::make_unique<StaffController>(deps);
    }

    void packAndKiosk()
    {
        QCOMPARE(m_staff->kioskName(), m_config.name);
        QCOMPARE(m_staff->appVersion(), QStringLiteral(PASSERELLE_VERSION));
        QCOMPARE(m_staff->packId(), u"test-pack"_s);
        QCOMPARE(m_staff->packVersion(), u"3"_s);
        QVERIFY(!m_staff->packCreated().isEmpty());
        QVERIFY(!m_staff->packExpires().isEmpty());
        QCOMPARE(m_staff->signatureKeyId(), QString()); // the test pack is not signed
    }

    void packFallbackSaysWhyAndWhatShows()
    {
        QVERIFY(!m_staff->hasPackFallback());
        QSignalSpy changed(m_staff.get(), &StaffController::packChanged);
        m_staff->setPackFallbacks({PackFallback{u"current (version 2)"_s, PackFallbackReason::DatabaseHashMismatch,
                                                u"/var/lib/passerelle/objects/ab: error: the database has SHA-256 cd"_s}},
                                  u"previous (version 1)"_s);
        QCOMPARE(changed.count(), 1);
        QVERIFY(m_staff->hasPackFallback());
        QCOMPARE(m_staff->packFallback(),
                 u"current (version 2) non affiché (database_hash_mismatch) : /var/lib/passerelle/objects/ab: error: "
                 "the database has SHA-256 cd\nAffiché à la place : previous (version 1)"_s);
        m_staff->setPackFallbacks({}, u"current (version 2)"_s);
        QVERIFY(!m_staff->hasPackFallback());
    }

    void minisignKeyId()
    {
        // "ED" + key id 1f e8 b4 42 18 0f 62 e7 + a 64-byte signature.
        QByteArray sig = "ED";
        sig += QByteArray::fromHex("1fe8b442180f62e7");
        sig += QByteArray(64, '\x01');
        const QString file = m_dir.filePath(u"manifest.json.minisig"_s);
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("untrusted comment: signature from minisign secret key\n" + sig.toBase64()
                  + "\ntrusted comment: pack test-pack 3\nAAAA\n");
        out.close();
        QCOMPARE(StaffController::minisignKeyId(file), u"E7620F1842B4E81F"_s);
        QCOMPARE(StaffController::minisignKeyId(m_dir.filePath(u"none"_s)), QString());
    }

    void syncState()
    {
        QSignalSpy changed(m_staff.get(), &StaffController::syncChanged);
        QSignalSpy requested(m_staff.get(), &StaffController::syncRequested);
        QVERIFY(!m_staff->hasSynced());
        QCOMPARE(m_staff->lastSyncResult(), u"never"_s);

        m_staff->syncNow();
        QCOMPARE(requested.count(), 1);
        QVERIFY(m_staff->isSyncRequested());

        // The syncer starts the check and says so at once: the request is answered.
        SyncState running;
        running.checkStarted = QDateTime(QDate(2026, 6, 9), QTime(8, 29), Qt::UTC);
        m_sync.set(running);
        QVERIFY(!m_staff->isSyncRequested());
        QVERIFY(m_staff->isSyncRunning());

        SyncState s;
        s.lastCheck = QDateTime(QDate(2026, 6, 9), QTime(8, 30), Qt::UTC);
        s.result = u"rejected"_s;
        s.lastError = u"manifest.json.minisig: signed with an unknown key"_s;
        m_sync.set(s);
        QVERIFY(changed.count() >= 2);
        QVERIFY(!m_staff->isSyncRequested());
        QVERIFY(m_staff->hasSynced());
        QVERIFY(!m_staff->isLastSyncSuccess());
        QCOMPARE(m_staff->lastSyncResult(), u"rejected"_s);
        QCOMPARE(m_staff->lastSyncResultText(), u"refusé"_s);
        QCOMPARE(m_staff->lastSyncError(), s.lastError);
        QCOMPARE(m_staff->lastSync(), s.lastCheck.toLocalTime().toString(u"yyyy-MM-dd HH:mm"_s));
        s.result = u"up-to-date"_s;
        m_sync.set(s);
        QVERIFY(m_staff->isLastSyncSuccess());
    }

    void charts()
    {
        QAbstractItemModelTester t1(m_staff->dayChart(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(m_staff->topicChart(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t3(m_staff->languageChart(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        m_counters->record(m_today, u"health"_s, u"ar"_s);
        m_counters->record(m_today, u"health"_s, u"ar"_s);
        m_counters->record(m_today.addDays(-1), u"work"_s, u"fr"_s);
        m_counters->record(m_today.addDays(-20), u"work"_s, u"ar"_s); // in the 30 days, not in the 14 bars
        m_counters->record(m_today.addDays(-40), u"work"_s, u"en"_s); // outside both
        m_staff->refresh();

        const UsageChartModel &days = *m_staff->dayChart();
        QCOMPARE(days.rowCount(), 14);
        QCOMPARE(labels(days).first(), m_today.addDays(-13).toString(u"dd/MM"_s) + u"=0"_s);
        QCOMPARE(labels(days).at(12), m_today.addDays(-1).toString(u"dd/MM"_s) + u"=1"_s);
        QCOMPARE(labels(days).last(), m_today.toString(u"dd/MM"_s) + u"=2"_s);

        // Topics in the pack's order, by their French title.
        const QList<TopicInfo> topics = m_services->repository().topics(u"fr"_s);
        QCOMPARE(topics.size(), 2);
        QCOMPARE(labels(*m_staff->topicChart()),
                 (QStringList{topics[0].title + u"=2"_s, topics[1].title + u"=2"_s}));
        // Languages by count, by their own name.
        QCOMPARE(labels(*m_staff->languageChart()), (QStringList{u"\u2068العربية\u2069 (ar)=3"_s, u"\u2068Français\u2069 (fr)=1"_s}));
    }

    void exportToUsbFolder()
    {
        QSignalSpy status(m_staff.get(), &StaffController::exportStatusChanged);
        QVERIFY(!m_staff->exportCsv()); // no stick yet
        QVERIFY(m_staff->exportStatus().contains(u"Pas de clé USB"_s));
        QVERIFY(QDir().mkpath(m_config.exportFolder));
        QVERIFY(m_staff->exportCsv());
        const QString file = QDir(m_config.exportFolder).filePath(u"passerelle-usage-cpas-de-liege-accueil-2026-06-10.csv"_s);
        QVERIFY2(QFile::exists(file), qPrintable(m_staff->exportStatus()));
        QVERIFY(m_staff->exportStatus().contains(file));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().startsWith("day,topic,language,count\r\n"));
        QCOMPARE(status.count(), 2);
    }

    // The export uses the configured threshold; the charts on the kiosk stay exact.
    void exportHidesSmallCountsTheChartsShowThem()
    {
        const QDate day = m_today.addDays(-2);
        for (int i = 0; i < 7; ++i)
            m_counters->record(day, u"work"_s, u"uk"_s);
        m_counters->record(day, u"work"_s, u"ti"_s);
        m_config.minExportedCount = 8;
        QVERIFY(QDir().mkpath(m_config.exportFolder));
        QVERIFY(m_staff->exportCsv());
        m_config.minExportedCount = KioskConfig{}.minExportedCount;
        QFile csv(QDir(m_config.exportFolder).filePath(u"passerelle-usage-cpas-de-liege-accueil-2026-06-10.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QByteArray bytes = csv.readAll();
        QVERIFY2(bytes.contains("2026-06-08,work,uk,<8\r\n"), bytes.constData());
        QVERIFY2(bytes.contains("2026-06-08,work,ti,<8\r\n"), bytes.constData());
        QVERIFY2(!bytes.contains(",1\r\n") && !bytes.contains(",2\r\n") && !bytes.contains(",7\r\n"),
                 bytes.constData());
        m_staff->refresh();
        QVERIFY(labels(*m_staff->languageChart()).contains(u"ti=1"_s));
    }

    void exportFileNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("file");
        QTest::newRow("accents") << "CPAS de Liège — accueil" << "passerelle-usage-cpas-de-liege-accueil-2026-01-02.csv";
        QTest::newRow("empty") << "" << "passerelle-usage-kiosk-2026-01-02.csv";
        QTest::newRow("slashes") << "../../etc" << "passerelle-usage-etc-2026-01-02.csv";
    }

    void exportFileNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, file);
        QCOMPARE(StaffController::exportFileName(name, QDate(2026, 1, 2)), file);
    }

    void pinUnlocksAndLeavingLocks()
    {
        QSignalSpy unlocked(m_staff.get(), &StaffController::unlockedChanged);
        QVERIFY(m_staff->isPinConfigured());
        QVERIFY(!m_staff->isUnlocked());
        QVERIFY(!m_staff->unlock(u"000000"_s));
        QCOMPARE(m_staff->failedAttempts(), 1);
        QCOMPARE(m_staff->secondsUntilNextAttempt(), 1);
        QVERIFY(!m_staff->unlock(u"135790"_s)); // too soon, even the right one
        m_now += 1000;
        QCOMPARE(m_staff->secondsUntilNextAttempt(), 0);
        QVERIFY(m_staff->unlock(u"135790"_s));
        QVERIFY(m_staff->isUnlocked());
        QCOMPARE(unlocked.count(), 1);

        Navigator &nav = m_services->navigator();
        nav.go(u"staff"_s);
        QVERIFY(m_staff->isUnlocked());
        nav.home(); // the route leaves the staff screen: locked again
        QVERIFY(!m_staff->isUnlocked());
        QCOMPARE(unlocked.count(), 2);
    }

    void emptyControllerForQmlTests()
    {
        StaffController empty;
        QCOMPARE(empty.packId(), QString());
        QVERIFY(!empty.hasSynced());
        QVERIFY(!empty.isPinConfigured());
        QVERIFY(!empty.unlock(u"135790"_s));
        QVERIFY(!empty.exportCsv());
        QCOMPARE(empty.dayChart()->rowCount(), 0);
    }
};

QTEST_MAIN(TestStaffController)
#include "tst_staffcontroller.moc"
