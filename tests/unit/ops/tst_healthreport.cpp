// The health textfile: valid Prometheus text format (parsed back here), written
// atomically; and the crash marker that tells a crashed previous run from a clean one.
#include "healthreport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

struct Sample
{
    QString labels;
    QString value;
};

/**
 * A strict reader of the text exposition format as node-exporter's textfile collector
 * reads it: every sample is preceded by its # HELP and # TYPE lines, names and labels
 * have the allowed form, values are numbers, no sample twice. Fails the test on anything
 * else. A metric's first sample is under its name, further ones under name{labels}.
 */
QHash<QString, Sample> parseExposition(const QByteArray &text)
{
    static const QRegularExpression help(u"^# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) .+$"_s);
    static const QRegularExpression type(u"^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (gauge|counter|untyped)$"_s);
    static const QRegularExpression sample(
        u"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)\\})? "
        "(-?[0-9]+(?:\\.[0-9]+)?(?:e[+-]?[0-9]+)?)$"_s);
    QHash<QString, Sample> out;
    QString helped, typed;
    if (!text.endsWith('\n'))
        qWarning("the file does not end with a newline");
    for (const QByteArray &raw : text.split('\n')) {
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty())
            continue;
        if (auto m = help.match(line); m.hasMatch()) {
            helped = m.captured(1);
            continue;
        }
        if (auto m = type.match(line); m.hasMatch()) {
            typed = m.captured(1);
            continue;
        }
        const auto m = sample.match(line);
        const QString key = out.contains(m.captured(1)) ? m.captured(1) + u'{' + m.captured(3) + u'}' : m.captured(1);
        if (!m.hasMatch() || m.captured(1) != helped || m.captured(1) != typed || out.contains(key)
            || (key != m.captured(1) && out.value(m.captured(1)).labels == m.captured(3))) {
            qWarning() << "bad line:" << line;
            return {};
        }
        out.insert(key, Sample{m.captured(3), m.captured(4)});
    }
    return out;
}

} // namespace

class TestHealthReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatParsesBack()
    {
        HealthSnapshot s;
        s.kioskName = u"CPAS \"Namur\"\\accueil"_s;
        s.version = u"0.1.0"_s;
        s.packId = u"namur"_s;
        s.packVersion = 42;
        s.packExpires = QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC);
        s.lastSync = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        s.lastSyncSucceeded = true;
        s.uptimeSeconds = 3600;
        const QHash<QString, Sample> m = parseExposition(renderHealthTextfile(s));
        QCOMPARE(m.size(), 14); // 8, 5 fallback reasons, out of service
        QCOMPARE(m.value(u"passerelle_up"_s).value, u"1"_s);
        QCOMPARE(m.value(u"passerelle_build_info"_s).labels,
                 u"version=\"0.1.0\",kiosk=\"CPAS \\\"Namur\\\"\\\\accueil\""_s);
        QCOMPARE(m.value(u"passerelle_pack_version"_s).labels, u"pack_id=\"namur\""_s);
        QCOMPARE(m.value(u"passerelle_pack_version"_s).value, u"42"_s);
        QCOMPARE(m.value(u"passerelle_pack_expiry_timestamp_seconds"_s).value, u"1782864000"_s);
        QCOMPARE(m.value(u"passerelle_last_sync_timestamp_seconds"_s).value, u"1772359200"_s);
        QCOMPARE(m.value(u"passerelle_last_sync_success"_s).value, u"1"_s);
        QCOMPARE(m.value(u"passerelle_uptime_seconds"_s).value, u"3600"_s);
        QCOMPARE(m.value(u"passerelle_last_crash_timestamp_seconds"_s).value, u"0"_s);

        s.up = false;
        s.lastSync = {};
        s.lastCrash = QDateTime(QDate(2026, 2, 1), QTime(8, 0), Qt::UTC);
        const QHash<QString, Sample> down = parseExposition(renderHealthTextfile(s));
        QCOMPARE(down.value(u"passerelle_up"_s).value, u"0"_s);
        QCOMPARE(down.value(u"passerelle_last_sync_timestamp_seconds"_s).value, u"0"_s);
        QCOMPARE(down.value(u"passerelle_last_sync_success"_s).value, u"0"_s); // never synced is no success
        QCOMPARE(down.value(u"passerelle_last_crash_timestamp_seconds"_s).value, u"1769932800"_s);
    }

    void packFallbacksAreOneSamplePerReason()
    {
        HealthSnapshot s;
        QHash<QString, Sample> m = parseExposition(renderHealthTextfile(s));
        QCOMPARE(m.value(u"passerelle_pack_fallback"_s).labels, u"reason=\"missing\""_s);
        for (const QString &reason : {u"missing"_s, u"manifest_invalid"_s, u"signature_invalid"_s,
                                      u"database_hash_mismatch"_s, u"schema_invalid"_s}) {
            const QString key = reason == u"missing"_s ? u"passerelle_pack_fallback"_s
                                                        : u"passerelle_pack_fallback{reason=\"%1\"}"_s.arg(reason);
            QVERIFY2(m.contains(key), qPrintable(key));
            QCOMPARE(m.value(key).value, u"0"_s);
        }
        QCOMPARE(m.value(u"passerelle_out_of_service"_s).value, u"0"_s);

        s.packFallbacks = {u"manifest_invalid"_s, u"database_hash_mismatch"_s};
        s.outOfService = true;
        m = parseExposition(renderHealthTextfile(s));
        QCOMPARE(m.value(u"passerelle_pack_fallback"_s).value, u"0"_s);
        QCOMPARE(m.value(u"passerelle_pack_fallback{reason=\"manifest_invalid\"}"_s).value, u"1"_s);
        QCOMPARE(m.value(u"passerelle_pack_fallback{reason=\"database_hash_mismatch\"}"_s).value, u"1"_s);
        QCOMPARE(m.value(u"passerelle_pack_fallback{reason=\"signature_invalid\"}"_s).value, u"0"_s);
        QCOMPARE(m.value(u"passerelle_out_of_service"_s).value, u"1"_s);
    }

    void writesAtomically()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"passerelle.prom"_s);
        QVERIFY(!writeFileAtomically(path, "a 1\n"));
        QVERIFY(!writeFileAtomically(path, "a 2\n"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("a 2\n"));
        // Nothing left behind, and nothing node-exporter would read but the file itself.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{u"passerelle.prom"_s});
        QVERIFY(writeFileAtomically(u"/nonexistent/dir/passerelle.prom"_s, "a 1\n").has_value());
    }

    void neverWritesThroughALinkThePrometheusUserPlanted_data()
    {
        // The textfile folder is writable by the prometheus user. It plants a link where
        // the kiosk will write, pointing at a file of the kiosk (a stand-in outside the folder).
        QTest::addColumn<QString>("plantedAt");
        QTest::addColumn<bool>("writes");
        QTest::newRow("the temporary name") << u".passerelle.prom.tmp"_s << true;
        QTest::newRow("the final name") << u"passerelle.prom"_s << false;
    }

    void neverWritesThroughALinkThePrometheusUserPlanted()
    {
        QFETCH(QString, plantedAt);
        QFETCH(bool, writes);
        QTemporaryDir dir;
        const QString textfiles = dir.filePath(u"node-exporter"_s);
        QVERIFY(QDir().mkpath(textfiles));
        const QString victim = dir.filePath(u"usage.sqlite"_s);
        {
            QFile file(victim);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("precious");
        }
        QVERIFY(QFile::link(victim, QDir(textfiles).filePath(plantedAt)));
        const QString path = QDir(textfiles).filePath(u"passerelle.prom"_s);
        const std::optional<Problem> problem = writeFileAtomically(path, "passerelle_up 1\n");
        QFile check(victim);
        QVERIFY(check.open(QIODevice::ReadOnly));
        QCOMPARE(check.readAll(), QByteArray("precious"));
        if (writes) {
            QVERIFY2(!problem, problem ? qPrintable(problem->toString()) : "");
            QVERIFY(!QFileInfo(path).isSymLink());
        } else {
            QVERIFY(problem.has_value());
            QVERIFY2(problem->message.contains(u"symlink"_s), qPrintable(problem->toString()));
        }
    }

    void textfileIsReadableByNodeExporterWhateverTheUmask()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"passerelle.prom"_s);
        const mode_t old = ::umask(077); // what a hardened unit's UMask= gives
        const std::optional<Problem> problem = writeFileAtomically(path, "passerelle_up 1\n");
        ::umask(old);
        QVERIFY(!problem);
        struct stat st;
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, mode_t(0644));
    }

    void reporterWritesAtStartAndDownAtExit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"passerelle.prom"_s);
        int calls = 0;
        HealthReporter reporter(path, 60, [&calls] {
            ++calls;
            HealthSnapshot s;
            s.version = u"9.9.9"_s;
            s.uptimeSeconds = calls;
            return s;
        });
        reporter.start();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto m = parseExposition(file.readAll());
        file.close();
        QCOMPARE(m.value(u"passerelle_up"_s).value, u"1"_s);
        QCOMPARE(m.value(u"passerelle_uptime_seconds"_s).value, u"1"_s);
        reporter.writeFinal();
        QVERIFY(file.open(QIODevice::ReadOnly));
        m = parseExposition(file.readAll());
        QCOMPARE(m.value(u"passerelle_up"_s).value, u"0"_s);

        HealthReporter nowhere(dir.filePath(u"missing/passerelle.prom"_s), 60, [] { return HealthSnapshot{}; });
        QVERIFY(!nowhere.writeNow());
        HealthReporter disabled(QString(), 60, [] { return HealthSnapshot{}; });
        QVERIFY(!disabled.writeNow());
    }

    void crashMarker()
    {
        QTemporaryDir dir;
        {
            CrashMarker run(dir.path());
            run.start();
            QVERIFY(!run.lastCrash().isValid()); // a first run: no crash before it
            QVERIFY(QFileInfo::exists(dir.filePath(u"running"_s)));
            run.finish();
            QVERIFY(!QFileInfo::exists(dir.filePath(u"running"_s)));
        }
        {
            CrashMarker run(dir.path());
            run.start(); // the previous run exited cleanly
            QVERIFY(!run.lastCrash().isValid());
            // ... and this one dies: no finish().
        }
        // Make the marker look an hour old, like a run that died an hour ago.
        const QDateTime died = QDateTime::currentDateTimeUtc().addSecs(-3600);
        {
            QFile marker(dir.filePath(u"running"_s));
            QVERIFY(marker.open(QIODevice::ReadWrite));
            QVERIFY(marker.setFileTime(died, QFileDevice::FileModificationTime));
        }
        CrashMarker next(dir.path());
        next.start();
        QCOMPARE(next.lastCrash().toSecsSinceEpoch(), died.toSecsSinceEpoch());
        next.finish();
        // The crash is remembered across later clean runs.
        CrashMarker later(dir.path());
        later.start();
        QCOMPARE(later.lastCrash().toSecsSinceEpoch(), died.toSecsSinceEpoch());
        later.finish();
    }
};

QTEST_GUILESS_MAIN(TestHealthReport)
#include "tst_healthreport.moc"
