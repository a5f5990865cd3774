// Honest health (issue 15, item 3): a refused pack never looks healthy. A rollback served
// behind an ETag stays reported refused (status.json, the staff screen's SyncState, the
// Prometheus textfile) until a valid newer pack is accepted; the store's version floor
// refuses older packs even after `current` is lost; a pinned or remembered pack id refuses
// another pack signed by a trusted key. Real nginx on loopback, real signatures.
#include "healthreport.h"
#include "nginxserver.h"
#include "syncstate.h"
#include "versionfloor.h"
#include "synctesthelpers.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestSyncHealth : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<NginxServer> m_nginx;
    QString m_v1, m_v2, m_v3;
    int m_count = 0;
    int m_publishes = 0;

    QString unique(const QString &prefix) { return m_ws->path(prefix + QString::number(++m_count)); }

    /**
     * Publishes pack into tree with a manifest dated later than any earlier publish, so
     * nginx's ETag (mtime and size) differs even within one second, as it would on a
     * real server.
     */
    void publish(const QString &pack, const QString &tree)
    {
        QVERIFY(Workspace::publish(pack, tree));
        QFile manifest(tree + u"/manifest.json"_s);
        QVERIFY(manifest.open(QIODevice::ReadWrite));
        QVERIFY(manifest.setFileTime(QDateTime::currentDateTimeUtc().addSecs(10 * ++m_publishes),
                                     QFileDevice::FileModificationTime));
    }

    /** What the kiosk's health textfile says of sync, read from the store's status.json. */
    static QByteArray syncSuccessMetric(const QString &store)
    {
        const SyncStatusFile file(store + u"/status.json"_s);
        HealthSnapshot snapshot;
        snapshot.lastSync = file.state().lastCheck;
        snapshot.lastSyncSucceeded = file.state().succeeded();
        for (const QByteArray &line : renderHealthTextfile(snapshot).split('\n')) {
            if (line.startsWith("passerelle_last_sync_success "))
                return line;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 1));
        m_v2 = m_ws->buildPack(u"v2"_s, Workspace::options(2, 1, u"Une phrase de plus."_s));
        m_v3 = m_ws->buildPack(u"v3"_s, Workspace::options(3, 1, u"Et une autre."_s));
        QVERIFY(!m_v1.isEmpty() && !m_v2.isEmpty() && !m_v3.isEmpty());
        QDir().mkpath(m_ws->path(u"www"_s));
        m_nginx = std::make_unique<NginxServer>();
        QVERIFY2(m_nginx->start(m_ws->path(u"www"_s)), qPrintable(m_nginx->errorString()));
    }

    void rollbackBehindEtag()
    {
        // A running syncer on v2; nginx then serves v1, validly signed (a stale mirror or
        // an attack). Refused, and still refused on every later check, although nginx
        // answers the later ones "304 not modified".
        const QString tree = unique(u"www/site"_s);
        const QString url = m_nginx->baseUrl() + QFileInfo(tree).fileName() + u'/';
        const QString store = unique(u"store"_s);
        publish(m_v2, tree);
        std::unique_ptr<Syncer> syncer = makeSyncer(testConfig(*m_ws, store, {url}));
        QVERIFY(syncer);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
        QVERIFY(syncer->activateStaged().ok());
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::UpToDate);
        QCOMPARE(syncSuccessMetric(store), "passerelle_last_sync_success 1"_ba);

        publish(m_v1, tree);
        for (int check = 1; check <= 3; ++check) {
            QCOMPARE(runCheck(*syncer), Syncer::Outcome::Rejected);
            QCOMPARE(syncer->lastResult(), u"rejected"_s);
            QVERIFY2(syncer->lastError().contains(u"rollback"_s), qPrintable(syncer->lastError()));
            Result<SyncStatus> status = SyncStatus::read(store + u"/status.json"_s);
            QVERIFY(status.ok());
            QCOMPARE(status->result, u"rejected"_s);
            QVERIFY2(status->lastError.contains(u"rollback"_s), qPrintable(status->lastError));
            QCOMPARE(SyncStatusFile(store + u"/status.json"_s).state().succeeded(), false);
            QCOMPARE(syncSuccessMetric(store), "passerelle_last_sync_success 0"_ba);
            QCOMPARE(syncer->activeVersion(), 2);
        }

        // The server goes back to v2: still reported, until a newer pack is accepted.
        publish(m_v2, tree);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Rejected);
        QVERIFY2(syncer->lastError().contains(u"rollback"_s), qPrintable(syncer->lastError()));
        QCOMPARE(syncSuccessMetric(store), "passerelle_last_sync_success 0"_ba);
        // A restarted syncer still knows.
        syncer.reset();
        syncer = makeSyncer(testConfig(*m_ws, store, {url}));
        QVERIFY(syncer);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Rejected);

        publish(m_v3, tree);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
        QVERIFY(syncer->activateStaged().ok());
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::UpToDate);
        QCOMPARE(syncer->lastError(), QString());
        QCOMPARE(syncSuccessMetric(store), "passerelle_last_sync_success 1"_ba);
    }

    void floorSurvivesLossOfCurrent_data()
    {
        QTest::addColumn<bool>("pinned");
        QTest::newRow("pack id remembered by the floor") << false;
        QTest::newRow("pack id pinned") << true;
    }

    void floorSurvivesLossOfCurrent()
    {
        // v2 was active; `current`, `previous` and the packs are lost. A validly signed v1
        // is still a rollback, and so is another pack id signed by the same key.
        QFETCH(bool, pinned);
        const QString tree = unique(u"www/site"_s);
        const QString url = m_nginx->baseUrl() + QFileInfo(tree).fileName() + u'/';
        const QString store = unique(u"store"_s);
        publish(m_v2, tree);
        SyncConfig config = testConfig(*m_ws, store, {url});
        if (pinned)
            config.packId = u"test-pack"_s;
        {
            std::unique_ptr<Syncer> syncer = makeSyncer(config);
            QVERIFY(syncer);
            QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
            QVERIFY(syncer->activateStaged().ok());
        }
        const QByteArray floor = Workspace::read(VersionFloor::filePath(store));
        QVERIFY2(floor.contains("\"test-pack\": 2"), floor.constData());
        QVERIFY(QFile::remove(store + u"/current"_s));
        QFile::remove(store + u"/previous"_s);
        QVERIFY(QDir(store + u"/packs"_s).removeRecursively());

        std::unique_ptr<Syncer> syncer = makeSyncer(config);
        QVERIFY(syncer);
        QCOMPARE(syncer->activeVersion(), 0);
        publish(m_v1, tree);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Rejected);
        QVERIFY2(syncer->lastError().contains(u"older than version 2, the newest this kiosk accepted"_s),
                 qPrintable(syncer->lastError()));
        QCOMPARE(syncer->stagedVersion(), 0);

        const QString other = m_ws->buildPack(u"other%1"_s.arg(++m_count), [] {
            Workspace::PackOptions o = Workspace::options(7, 1);
            o.packId = u"other-pack"_s;
            return o;
        }());
        QVERIFY(!other.isEmpty());
        publish(other, tree);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Rejected);
        QVERIFY2(syncer->lastError().contains(u"\"other-pack\" is not this kiosk's pack \"test-pack\""_s),
                 qPrintable(syncer->lastError()));
        QCOMPARE(syncer->stagedVersion(), 0);

        // The version it had is welcome back.
        publish(m_v2, tree);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
        QVERIFY(syncer->activateStaged().ok());
        QCOMPARE(syncer->activeVersion(), 2);
    }

    void pinnedPackIdOnAnEmptyStore()
    {
        // [sync] pack_id: a store that never had a pack refuses another pack id.
        const QString tree = unique(u"www/site"_s);
        const QString url = m_nginx->baseUrl() + QFileInfo(tree).fileName() + u'/';
        publish(m_v1, tree);
        SyncConfig config = testConfig(*m_ws, unique(u"store"_s), {url});
        config.packId = u"namur"_s;
        std::unique_ptr<Syncer> syncer = makeSyncer(config);
        QVERIFY(syncer);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Rejected);
        QVERIFY2(syncer->lastError().contains(u"\"test-pack\" is not this kiosk's pack \"namur\""_s),
                 qPrintable(syncer->lastError()));
        QCOMPARE(syncer->stagedVersion(), 0);
    }

    void damagedFloorStopsSync()
    {
        // A floor that cannot be read is not taken as "no floor".
        const QString store = unique(u"store"_s);
        QVERIFY(QDir().mkpath(store));
        QVERIFY(Workspace::write(VersionFloor::filePath(store), "{\"test-pack\": "));
        Result<std::unique_ptr<Syncer>> syncer = Syncer::create(testConfig(*m_ws, store, {m_nginx->baseUrl()}));
        QVERIFY(!syncer.ok());
        QVERIFY2(syncer.problem().toString().contains(u"version-floor.json"_s), qPrintable(syncer.problem().toString()));
    }
};

QTEST_GUILESS_MAIN(TestSyncHealth)
#include "tst_synchealth.moc"
