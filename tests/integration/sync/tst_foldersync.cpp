// Sync from folders (USB sticks): a stick pulled mid-sync, a stick noticed when it is
// mounted, a stick with symlinks or devices refused with the reason in the status file
// (SYNC.md tests 6 and 8).
#include "foldersource.h"
#include "synctesthelpers.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <sys/stat.h>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestFolderSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_v1, m_v2;
    int m_count = 0;

    QString name(const QString &prefix) { return m_ws->path(prefix + QString::number(++m_count)); }

    /** A store where v1 is active, synced from a folder. */
    std::unique_ptr<Syncer> storeWithV1(const QString &store, const QStringList &sources)
    {
        const QString stick = name(u"v1-stick"_s);
        Workspace::publish(m_v1, stick);
        auto first = makeSyncer(testConfig(*m_ws, store, {stick}));
        if (!first || runCheck(*first) != Syncer::Outcome::Staged || !first->activateStaged().ok())
            return nullptr;
        first.reset();
        return makeSyncer(testConfig(*m_ws, store, sources));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 2));
        Workspace::PackOptions v2 = Workspace::options(2, 12, u"Une phrase de plus."_s);
        v2.pictogramPadding = 100000;
        m_v2 = m_ws->buildPack(u"v2"_s, v2);
        QVERIFY(!m_v1.isEmpty() && !m_v2.isEmpty());
    }

    void stickPulledMidSync()
    {
        const QString store = name(u"store"_s);
        const QString stick = name(u"stick"_s);
        QVERIFY(Workspace::publish(m_v2, stick));
        auto syncer = storeWithV1(store, {stick});
        QVERIFY(syncer);
        const QString pulled = stick + u"-pulled"_s;
        bool isPulled = false;
        qint64 firstBytes = 0;
        connect(syncer.get(), &Syncer::progress, this, [&](qint64 done, qint64) {
            if (!isPulled && done > 150000) {
                QVERIFY(QDir().rename(stick, pulled)); // the stick leaves, mid-object or between objects
                isPulled = true;
                firstBytes = done;
            }
        });
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Failed);
        QVERIFY(isPulled);
        QVERIFY2(syncer->lastError().contains(u"USB stick"_s) || syncer->lastError().contains(u"not there"_s),
                 qPrintable(syncer->lastError()));
        QCOMPARE(syncer->activeVersion(), 1);
        QCOMPARE(syncer->stagedVersion(), 0);
        QVERIFY(QDir(store + u"/tmp"_s).isEmpty());
        QCOMPARE(QDir(store + u"/packs"_s).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"1"_s});
        QVERIFY(PackStore::openActivePack(store).ok());

        // Plugged in again: the sync completes and does not read again what it kept.
        syncer->disconnect(this);
        QVERIFY(QDir().rename(pulled, stick));
        qint64 secondBytes = 0;
        connect(syncer.get(), &Syncer::progress, this, [&](qint64 done, qint64) { secondBytes = done; });
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
        QVERIFY(secondBytes > 0);
        const PackManifest v2 = Workspace::manifest(m_v2);
        QVERIFY2(secondBytes + firstBytes <= v2.totalSize() + 1024 * 1024,
                 qPrintable(u"%1 + %2"_s.arg(firstBytes).arg(secondBytes)));
        QVERIFY(syncer->activateStaged().ok());
        QCOMPARE(syncer->store().verify(2, true), std::nullopt);
    }

    void stickNoticedWhenMounted()
    {
        const QString store = name(u"store"_s);
        const QString media = name(u"media"_s);
        QVERIFY(QDir().mkpath(media + u"/user"_s));
        SyncConfig config = testConfig(*m_ws, store, {});
        config.usbMountParents = {media};
        config.checkIntervalSeconds = 3600; // only the stick may trigger a check
        auto syncer = makeSyncer(config);
        QVERIFY(syncer);
        QSignalSpy staged(syncer.get(), &Syncer::packStaged);
        syncer->start();
        QTest::qWait(200);
        QCOMPARE(staged.size(), 0);
        // "Mounting": the stick's content appears at once under /media/<user>/<label>.
        const QString prepared = name(u"prepared"_s);
        QVERIFY(Workspace::publish(m_v2, prepared + u"/passerelle"_s));
        QVERIFY(QDir().rename(prepared, media + u"/user/KINGSTON"_s));
        QTRY_COMPARE_WITH_TIMEOUT(staged.size(), 1, 10000);
        QCOMPARE(staged.at(0).at(0).toLongLong(), 2);
        QCOMPARE(syncer->status().source, media + u"/user/KINGSTON/passerelle"_s);
    }

    void periodicChecks()
    {
        // Checks come by themselves once started, every interval (+ jitter).
        const QString store = name(u"store"_s);
        const QString stick = name(u"stick"_s);
        QVERIFY(Workspace::publish(m_v1, stick));
        SyncConfig config = testConfig(*m_ws, store, {stick});
        config.checkIntervalSeconds = 1;
        config.checkJitterSeconds = 0;
        auto syncer = makeSyncer(config);
        QVERIFY(syncer);
        QSignalSpy checks(syncer.get(), &Syncer::checkFinished);
        QTest::qWait(1500);
        QCOMPARE(checks.size(), 0); // not started: nothing happens on its own
        syncer->start();
        QTRY_VERIFY_WITH_TIMEOUT(checks.size() >= 3, 8000);
        QCOMPARE(checks.at(0).at(0).value<Syncer::Outcome>(), Syncer::Outcome::Staged);
        QCOMPARE(checks.at(1).at(0).value<Syncer::Outcome>(), Syncer::Outcome::UpToDate); // already staged
        syncer->stop();
        const qsizetype seen = checks.size();
        QTest::qWait(1500);
        QCOMPARE(checks.size(), seen);
    }

    void stickWithSpecialFilesRefused_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("object is a symlink to /dev/zero") << u"symlink"_s;
        QTest::newRow("object is a FIFO") << u"fifo"_s;
        QTest::newRow("extra file with an odd name") << u"odd"_s;
    }

    void stickWithSpecialFilesRefused()
    {
        QFETCH(QString, damage);
        const QString store = name(u"store"_s);
        const QString stick = name(u"stick"_s);
        QVERIFY(Workspace::publish(m_v2, stick));
        QString object;
        for (const PackObject &o : Workspace::manifest(m_v2).objects) {
            if (o.role == u"pictogram")
                object = stick + u"/objects/"_s + o.sha256;
        }
        if (damage != u"odd")
            QVERIFY(QFile::remove(object));
        if (damage == u"symlink")
            QVERIFY(QFile::link(u"/dev/zero"_s, object));
        else if (damage == u"fifo")
            QCOMPARE(::mkfifo(QFile::encodeName(object).constData(), 0644), 0);
        else
            Workspace::write(stick + u"/objects/%2e%2e%2fetc%2fpasswd"_s, "x");
        auto syncer = storeWithV1(store, {stick});
        QVERIFY(syncer);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Rejected);
        const SyncStatus status = SyncStatus::read(store + u"/status.json"_s).value();
        QCOMPARE(status.result, u"rejected"_s);
        QVERIFY2(status.lastError.contains(u"symlink or a device"_s) || status.lastError.contains(u"not an object"_s),
                 qPrintable(status.lastError));
        QCOMPARE(syncer->activeVersion(), 1);
        QCOMPARE(syncer->stagedVersion(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFolderSync)
#include "tst_foldersync.moc"
