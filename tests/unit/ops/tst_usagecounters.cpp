// Anonymous usage counts: per day, topic and language, and nothing else (the schema is
// checked column by column); counted when a visitor goes forward to a topic or a page;
// exported as CSV with small cells suppressed; charted by a model.
#include "kioskservices.h"
#include "navigator.h"
#include "repository.h"
#include "session.h"
#include "sqlitedatabase.h"
#include "usagecounters.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

class TestUsageCounters : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<UsageCounters> openCounters(const QString &name)
    {
        auto counters = UsageCounters::open(m_dir.filePath(name));
        if (!counters)
            qWarning() << counters.problem().toString();
        return counters ? std::move(counters.value()) : nullptr;
    }

private Q_SLOTS:
    void countsPerDayTopicLanguage()
    {
        auto counters = openCounters(u"a/kiosk-state.sqlite"_s); // the folder is created
        QVERIFY(counters);
        const QDate d1(2026, 3, 1), d2(2026, 3, 2);
        QVERIFY(counters->record(d1, u"health"_s, u"ar"_s));
        QVERIFY(counters->record(d1, u"health"_s, u"ar"_s));
        QVERIFY(counters->record(d1, u"health"_s, u"fr"_s));
        QVERIFY(counters->record(d2, u"work"_s, u"uk"_s));
        QVERIFY(!counters->record(d2, u""_s, u"uk"_s));
        QVERIFY(!counters->record(QDate(), u"work"_s, u"uk"_s));

        const QList<UsageCount> expected = {{d1, u"health"_s, u"ar"_s, 2}, {d1, u"health"_s, u"fr"_s, 1},
                                            {d2, u"work"_s, u"uk"_s, 1}};
        QCOMPARE(counters->allCounts(), expected);
        QCOMPARE(counters->counts(d2, d2), QList<UsageCount>{expected.last()});
        QCOMPARE(counters->counts(QDate(2026, 4, 1), QDate(2026, 4, 30)), QList<UsageCount>{});

        // Counts survive a reopen.
        const QString path = counters->path();
        counters.reset();
        auto again = UsageCounters::open(path);
        QVERIFY(again);
        QCOMPARE(again.value()->allCounts(), expected);
    }

    // Nothing that could tell one visitor from another: one table, four columns.
    void schemaHasOnlyDayTopicLanguageCount()
    {
        auto counters = openCounters(u"schema.sqlite"_s);
        QVERIFY(counters);
        const QString path = counters->path();
        counters.reset();
        auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadOnly);
        QVERIFY(db);
        QStringList tables;
        SqliteStatement t = db->prepare(u"SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name"_s);
        while (t.next())
            tables.append(t.text(0));
        QCOMPARE(tables, QStringList{u"usage_counts"_s});
        QStringList columns;
        SqliteStatement c = db->prepare(u"SELECT name, type FROM pragma_table_info('usage_counts') ORDER BY cid"_s);
        while (c.next())
            columns.append(c.text(0) + u' ' + c.text(1));
        QCOMPARE(columns, (QStringList{u"day TEXT"_s, u"topic TEXT"_s, u"language TEXT"_s, u"count INTEGER"_s}));
        SqliteStatement v = db->prepare(u"PRAGMA user_version"_s);
        QVERIFY(v.next());
        QCOMPARE(v.integer(0), qint64(UsageCounters::kSchemaVersion));
    }

    void refusesNewerSchema()
    {
        const QString path = m_dir.filePath(u"newer.sqlite"_s);
        {
            auto db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate);
            QVERIFY(db);
            QVERIFY(!db->exec(u"PRAGMA user_version = 99"_s));
        }
        auto counters = UsageCounters::open(path);
        QVERIFY(!counters);
        QVERIFY(counters.problem().message.contains(u"newer"_s));
    }

    void exportsCsv()
    {
        auto counters = openCounters(u"csv.sqlite"_s);
        QVERIFY(counters);
        for (int i = 0; i < 5; ++i) {
            counters->record(QDate(2026, 3, 1), u"health"_s, u"ar"_s);
            counters->record(QDate(2026, 3, 1), u"odd,topic"_s, u"fr"_s);
        }
        const QString file = m_dir.filePath(u"export.csv"_s);
        QVERIFY(!counters->exportCsv(file));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), QByteArray("day,topic,language,count\r\n"
                                           "2026-03-01,health,ar,5\r\n"
                                           "2026-03-01,\"odd,topic\",fr,5\r\n"));
        QVERIFY(counters->exportCsv(u"/nonexistent/folder/export.csv"_s).has_value());
    }

    void exportNeverWritesThroughALinkOnTheStick()
    {
        // A stick passes through many hands: a symlink on it named like today's export,
        // pointing at a file of the kiosk (here a stand-in outside the stick's folder).
        auto counters = openCounters(u"links.sqlite"_s);
        QVERIFY(counters);
        counters->record(QDate(2026, 3, 1), u"health"_s, u"ar"_s);
        const QString stick = m_dir.filePath(u"stick"_s);
        QVERIFY(QDir().mkpath(stick));
        const QString victim = m_dir.filePath(u"kiosk.conf"_s);
        {
            QFile file(victim);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        const QString file = QDir(stick).filePath(u"passerelle-usage-hall-2026-03-02.csv"_s);
        QVERIFY(QFile::link(victim, file));
        const std::optional<Problem> problem = counters->exportCsv(file);
        QVERIFY(problem.has_value());
        QVERIFY2(problem->message.contains(u"symlink"_s), qPrintable(problem->toString()));
        QFile check(victim);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("precious"));
        QCOMPARE(QFileInfo(file).isSymLink(), true);
        QCOMPARE(QDir(stick).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot),
                 QStringList{QFileInfo(file).fileName()});
    }

    // A count that leaves the kiosk below k (5, or more if configured) is written "<k":
    // one visitor in a rare language on a given day and topic is not singled out.
    void exportSuppressesSmallCells_data()
    {
        QTest::addColumn<int>("minCount");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray header = "day,topic,language,count\r\n";
        QTest::newRow("default 5") << int(UsageCounters::kMinExportedCount)
                                   << header + "2026-03-01,health,fr,12\r\n2026-03-01,health,ti,<5\r\n"
                                               "2026-03-01,work,ar,<5\r\n2026-03-02,health,ti,5\r\n";
        QTest::newRow("raised to 10") << 10
                                      << header + "2026-03-01,health,fr,12\r\n2026-03-01,health,ti,<10\r\n"
                                                  "2026-03-01,work,ar,<10\r\n2026-03-02,health,ti,<10\r\n";
        // Below 5 is never honoured, whoever calls.
        QTest::newRow("asked for 1") << 1
                                     << header + "2026-03-01,health,fr,12\r\n2026-03-01,health,ti,<5\r\n"
                                                 "2026-03-01,work,ar,<5\r\n2026-03-02,health,ti,5\r\n";
    }

    void exportSuppressesSmallCells()
    {
        QFETCH(int, minCount);
        QFETCH(QByteArray, expected);
        auto counters = openCounters(u"small-%1.sqlite"_s.arg(minCount));
        QVERIFY(counters);
        const QDate d1(2026, 3, 1), d2(2026, 3, 2);
        for (int i = 0; i < 12; ++i)
            QVERIFY(counters->record(d1, u"health"_s, u"fr"_s));
        QVERIFY(counters->record(d1, u"health"_s, u"ti"_s));
        for (int i = 0; i < 4; ++i)
            QVERIFY(counters->record(d1, u"work"_s, u"ar"_s));
        for (int i = 0; i < 5; ++i)
            QVERIFY(counters->record(d2, u"health"_s, u"ti"_s));
        const QString file = m_dir.filePath(u"small-%1.csv"_s.arg(minCount));
        QVERIFY(!counters->exportCsv(file, minCount));
        QFile csv(file);
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readAll(), expected);
        // On the kiosk itself the counts stay exact (the staff screen's charts).
        QCOMPARE(counters->counts(d1, d1).at(1).count, qint64(1));
    }

    // Going forward to a topic or a page counts one for its topic in the session's
    // language; going back, home or a reset counts nothing.
    void recorderCountsForwardNavigation()
    {
        KioskServices::Options options;
        options.packDir = QStringLiteral(PASSERELLE_TEST_PACK);
        options.today = QDate(2026, 6, 1);
        auto services = KioskServices::open(options);
        QVERIFY2(services, qPrintable(services.problem().toString()));
        KioskServices &s = *services.value();
        auto counters = openCounters(u"recorder.sqlite"_s);
        QVERIFY(counters);
        const QDate day(2026, 6, 1);
        UsageRecorder recorder(*counters, s.repository(), s.navigator(), s.session(), [day] { return day; });
        QSignalSpy recorded(&recorder, &UsageRecorder::recorded);

        s.session().setLanguage(u"ar"_s);
        QVERIFY(s.navigator().go(u"topic/health"_s));
        QVERIFY(s.navigator().go(u"page/amu"_s));
        s.navigator().back();               // back to topic/health: not counted
        s.navigator().go(u"status"_s);      // not a topic
        s.navigator().home();
        s.session().setLanguage(u"fr"_s);
        QVERIFY(s.navigator().go(u"page/four-months"_s));
        s.navigator().reset(u"topic/work"_s); // a reset is not a visit
        QCOMPARE(recorded.count(), 3);

        const QList<UsageCount> expected = {{day, u"health"_s, u"ar"_s, 2}, {day, u"work"_s, u"fr"_s, 1}};
        QCOMPARE(counters->allCounts(), expected);
    }

    void chartModel()
    {
        UsageChartModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setBars({{u"a"_s, 2}, {u"b"_s, 8}, {u"c"_s, 0}});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.total(), 10);
        QCOMPARE(model.data(model.index(0), UsageChartModel::LabelRole).toString(), u"a"_s);
        QCOMPARE(model.data(model.index(1), UsageChartModel::ShareRole).toDouble(), 1.0);
        QCOMPARE(model.data(model.index(0), UsageChartModel::ShareRole).toDouble(), 0.25);
        QCOMPARE(model.data(model.index(2), UsageChartModel::CountRole).toLongLong(), 0);
        model.setBars({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestUsageCounters)
#include "tst_usagecounters.moc"
