// The UI reading the active pack while syncs stage, switch and collect garbage behind it
// (SYNC.md test 10): no crash, no torn read. A reader thread opens the active pack over
// and over, as the kiosk does at its attract screen, queries its database and reads its
// objects, while the main thread syncs seven versions one after the other.
#include "sha256.h"
#include "sqlitedatabase.h"
#include "synctesthelpers.h"
#include "workspace.h"

#include <QAtomicInt>
#include <QStandardPaths>
#include <QTest>
#include <QThread>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

namespace {

/** Reads like the kiosk: open the active pack, query, read pictograms; checks every byte. */
class Reader : public QThread
{
public:
    explicit Reader(QString store) : m_store(std::move(store)) {}
    QAtomicInt stop = 0;
    int reads = 0;
    QSet<qint64> versionsSeen;
    QStringList errors;

protected:
    void run() override
    {
        while (!stop.loadRelaxed()) {
            Result<std::shared_ptr<Pack>> opened = PackStore::openActivePack(m_store);
            if (!opened) {
                errors.append(opened.problem().toString());
                continue;
            }
            const std::shared_ptr<Pack> pack = opened.value();
            const qint64 version = pack->manifest().version;
            versionsSeen.insert(version);
            // The database is the one the manifest names: same version inside.
            SqliteStatement meta = pack->database().prepare(u"SELECT value FROM meta WHERE key = 'version'"_s);
            if (!meta.next() || meta.text(0).toLongLong() != version)
                errors.append(u"database of another version under manifest %1"_s.arg(version));
            SqliteStatement pages = pack->database().prepare(u"SELECT count(*) FROM pages, blocks WHERE blocks.page = pages.key"_s);
            if (!pages.next() || pages.integer(0) <= 0)
                errors.append(u"no pages in version %1"_s.arg(version));
            SqliteStatement pictos = pack->database().prepare(u"SELECT object FROM pictograms"_s);
            while (pictos.next()) {
                const QString hash = pictos.text(0);
                const QString path = pack->objectPath(hash);
                if (path.isEmpty() || sha256HexOfFile(path) != hash)
                    errors.append(u"pictogram %1 of version %2 unreadable or torn"_s.arg(hash).arg(version));
            }
            ++reads;
        }
    }

private:
    QString m_store;
};

} // namespace

class TestConcurrentReads : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void readWhileSyncing()
    {
        Workspace ws;
        QStringList packs;
        for (int v = 1; v <= 8; ++v) {
            Workspace::PackOptions o = Workspace::options(v, 6, u"Version %1."_s.arg(v));
            o.pictogramPadding = 30000;
            packs.append(ws.buildPack(u"v%1"_s.arg(v), o));
            QVERIFY(!packs.last().isEmpty());
        }
        const QString store = ws.path(u"store"_s);
        const QString stick = ws.path(u"stick"_s);
        QVERIFY(Workspace::publish(packs[0], stick));
        auto syncer = makeSyncer(testConfig(ws, store, {stick}));
        QVERIFY(syncer);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
        QVERIFY(syncer->activateStaged().ok());

        Reader reader(store);
        reader.start();
        for (int v = 2; v <= 8; ++v) {
            QVERIFY(Workspace::publish(packs[v - 1], stick));
            QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
            QTest::qWait(30);
            QVERIFY(syncer->activateStaged().ok()); // the switch, then garbage collection
            QTest::qWait(30);
        }
        reader.stop.storeRelaxed(1);
        QVERIFY(reader.wait(30000));
        QVERIFY2(reader.errors.isEmpty(), qPrintable(reader.errors.mid(0, 5).join(u'\n')));
        QVERIFY(reader.reads > 10);
        QVERIFY2(reader.versionsSeen.size() >= 2, "the reader saw only one version");
    }
};

QTEST_GUILESS_MAIN(TestConcurrentReads)
#include "tst_concurrentreads.moc"
