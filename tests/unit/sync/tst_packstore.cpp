// The store: objects, staging with integrity and schema checks, the atomic switch,
// rollback, recovery after a crash, garbage collection and reader leases.
#include "packschema.h"
#include "objectwriter.h"
#include "packstore.h"
#include "sha256.h"
#include "sqlitedatabase.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestPackStore : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_v1, m_v2, m_v3;
    int m_storeCount = 0;

    QString newStoreRoot() { return m_ws->path(u"store-%1"_s.arg(++m_storeCount)); }

    /** Puts every object of a pack folder into the store, as a sync would. */
    static bool fill(PackStore &store, const QString &packDir)
    {
        const PackManifest m = Workspace::manifest(packDir);
        for (const PackObject &o : m.objects) {
            if (store.hasObject(o))
                continue;
            Result<std::unique_ptr<ObjectWriter>> writer = store.createObjectWriter(o);
            if (!writer)
                return false;
            const QByteArray bytes = Workspace::read(QDir(packDir).filePath(u"objects/"_s + o.sha256));
            if (writer.value()->write(bytes.constData(), bytes.size()) || writer.value()->commit())
                return false;
        }
        return true;
    }

    static std::optional<Problem> stage(PackStore &store, const QString &packDir)
    {
        if (!fill(store, packDir))
            return Problem{packDir, 0, u"fill failed"_s, {}};
        return store.stage(Workspace::read(packDir + u"/manifest.json"_s), Workspace::read(packDir + u"/manifest.json.minisig"_s),
                           Workspace::manifest(packDir));
    }

    static std::unique_ptr<PackStore> openStore(const QString &root)
    {
        Result<std::unique_ptr<PackStore>> store = PackStore::open(root);
        if (!store)
            qWarning().noquote() << store.problem().toString();
        return store ? std::move(store.value()) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        QVERIFY(m_ws->isValid());
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 3));
        m_v2 = m_ws->buildPack(u"v2"_s, Workspace::options(2, 3, u"Une phrase de plus."_s));
        m_v3 = m_ws->buildPack(u"v3"_s, Workspace::options(3, 2));
        QVERIFY(!m_v1.isEmpty() && !m_v2.isEmpty() && !m_v3.isEmpty());
    }

    void stageActivateSwitch()
    {
        const QString root = newStoreRoot();
        auto store = openStore(root);
        QVERIFY(store);
        QCOMPARE(store->activeVersion(), 0);
        QVERIFY(!PackStore::openActivePack(root).ok());

        QCOMPARE(stage(*store, m_v1), std::nullopt);
        QCOMPARE(store->stagedVersion(), 1);
        Result<std::shared_ptr<Pack>> pack = store->activate(1);
        QVERIFY2(pack.ok(), qPrintable(pack.problem().toString()));
        QCOMPARE(pack.value()->manifest().version, 1);
        QCOMPARE(QFile::symLinkTarget(root + u"/current"_s), root + u"/packs/1"_s);
        // `current` is also a pack tree, as `passerelle --pack` reads one.
        QVERIFY(Pack::openDirectory(root + u"/current"_s).ok());
        QCOMPARE(store->activeVersion(), 1);
        QCOMPARE(store->previousVersion(), 0);
        QCOMPARE(store->stagedVersion(), 0);

        QCOMPARE(stage(*store, m_v2), std::nullopt);
        QCOMPARE(store->stagedVersion(), 2);
        QVERIFY(store->activate(2).ok());
        QCOMPARE(store->activeVersion(), 2);
        QCOMPARE(store->previousVersion(), 1);
        QCOMPARE(store->verify(2, true), std::nullopt);
        QCOMPARE(store->verify(1, true), std::nullopt);
    }

    void garbageCollection()
    {
        const QString root = newStoreRoot();
        auto store = openStore(root);
        QVERIFY(store);
        for (const QString &dir : QStringList{m_v1, m_v2, m_v3}) {
            QCOMPARE(stage(*store, dir), std::nullopt);
            QVERIFY(store->activate(Workspace::manifest(dir).version).ok());
        }
        // current = 3, previous = 2: version 1 and the objects only it used go.
        const PackStore::Collected collected = store->collectGarbage();
        QCOMPARE(collected.packs, 1);
        QVERIFY(collected.objects >= 1);
        QCOMPARE(store->versions(), (QList<qint64>{2, 3}));
        QCOMPARE(store->verify(2, true), std::nullopt);
        QCOMPARE(store->verify(3, true), std::nullopt);
        QSet<QString> referenced;
        for (qint64 v : {2, 3}) {
            const PackManifest m = store->manifest(v).value();
            for (const PackObject &o : m.objects)
                referenced.insert(o.sha256);
        }
        const QStringList files = QDir(store->objectsDir()).entryList(QDir::Files);
        QCOMPARE(QSet<QString>(files.begin(), files.end()), referenced);
        // Nothing more to collect.
        QCOMPARE(store->collectGarbage().objects, 0);
    }

    void leasedPackIsKept()
    {
        const QString root = newStoreRoot();
        auto store = openStore(root);
        QVERIFY(store);
        QCOMPARE(stage(*store, m_v1), std::nullopt);
        QVERIFY(store->activate(1).ok());
        Result<std::shared_ptr<Pack>> reader = PackStore::openActivePack(root); // the UI shows v1
        QVERIFY(reader.ok());
        QCOMPARE(stage(*store, m_v2), std::nullopt);
        QVERIFY(store->activate(2).ok());
        QCOMPARE(stage(*store, m_v3), std::nullopt);
        QVERIFY(store->activate(3).ok());
        store->collectGarbage();
        QVERIFY(store->versions().contains(1)); // still read
        const PackManifest &m = reader.value()->manifest();
        for (const PackObject &o : m.objects)
            QCOMPARE(sha256HexOfFile(reader.value()->objectPath(o.sha256)), o.sha256);
        reader.value().reset();
        store->collectGarbage();
        QVERIFY(!store->versions().contains(1));
    }

    void rollbackWhenNewPackDoesNotOpen()
    {
        const QString root = newStoreRoot();
        auto store = openStore(root);
        QVERIFY(store);
        QCOMPARE(stage(*store, m_v1), std::nullopt);
        QVERIFY(store->activate(1).ok());
        QCOMPARE(stage(*store, m_v2), std::nullopt);
        // The staged database is damaged after staging (a failing disk, say).
        const QString db = store->objectPath(store->manifest(2)->database()->sha256);
        QVERIFY(::truncate(QFile::encodeName(db).constData(), 100) == 0);
        Result<std::shared_ptr<Pack>> pack = store->activate(2);
        QVERIFY(!pack.ok());
        QVERIFY2(pack.problem().message.contains(u"switched back to version 1"_s), qPrintable(pack.problem().toString()));
        QCOMPARE(store->activeVersion(), 1);
        QCOMPARE(store->stagedVersion(), 0);
        QVERIFY(PackStore::openActivePack(root).ok());
    }

    void stagingChecksDatabase_data()
    {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("integrity_check fails") << 0 << u"integrity_check"_s;
        QTest::newRow("newer schema (user_version)") << 1 << u"schema"_s;
        QTest::newRow("tables of another schema") << 2 << u"tables"_s;
    }

    void stagingChecksDatabase()
    {
        QFETCH(int, damage);
        QFETCH(QString, expected);
        const QString dir = m_ws->path(u"damaged-%1"_s.arg(damage));
        QDir(dir).removeRecursively();
        QVERIFY(QDir().mkpath(dir + u"/objects"_s));
        for (const QString &name : QDir(m_v2 + u"/objects"_s).entryList(QDir::Files))
            QVERIFY(QFile::copy(m_v2 + u"/objects/"_s + name, dir + u"/objects/"_s + name));
        QVERIFY(QFile::copy(m_v2 + u"/manifest.json"_s, dir + u"/manifest.json"_s));
        QVERIFY(Workspace::editDatabase(dir, m_ws->key(), [&](QByteArray &db) {
            if (damage == 0) {
                Workspace::corruptIndex(db);
            } else {
                QTemporaryDir tmp;
                const QString path = tmp.filePath(u"db"_s);
                Workspace::write(path, db);
                Result<SqliteDatabase> edit = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate);
                QVERIFY(edit.ok());
                QCOMPARE(edit->exec(damage == 1 ? u"PRAGMA user_version = %1"_s.arg(kPackSchemaVersion + 1) : u"CREATE TABLE extra(x)"_s), std::nullopt);
                edit.value() = {};
                db = Workspace::read(path);
            }
        }));
        const QString root = newStoreRoot();
        auto store = openStore(root);
        QVERIFY(store);
        QCOMPARE(stage(*store, m_v1), std::nullopt);
        QVERIFY(store->activate(1).ok());
        std::optional<Problem> problem = stage(*store, dir);
        QVERIFY(problem.has_value());
        QVERIFY2(problem->message.contains(expected), qPrintable(problem->toString()));
        QCOMPARE(store->stagedVersion(), 0);
        QCOMPARE(store->versions(), QList<qint64>{1});
        QVERIFY(QDir(root + u"/packs"_s).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) == QStringList{u"1"_s});
    }

    void recoveryAfterCrash()
    {
        const QString root = newStoreRoot();
        {
            auto store = openStore(root);
            QVERIFY(store);
            QCOMPARE(stage(*store, m_v1), std::nullopt);
            QVERIFY(store->activate(1).ok());
            QCOMPARE(stage(*store, m_v2), std::nullopt);
            QVERIFY(store->activate(2).ok());
        }
        // What a power cut can leave: a partial object, a half-written pack, a new
        // symlink not yet renamed into place.
        Workspace::write(root + u"/tmp/abc.part-1234"_s, "partial");
        QDir().mkpath(root + u"/packs/.staging-3-deadbeef"_s);
        Workspace::write(root + u"/packs/.staging-3-deadbeef/manifest.json"_s, "{");
        QVERIFY(QFile::link(u"packs/3"_s, root + u"/.current.tmp-0001"_s));
        auto store = openStore(root);
        QVERIFY(store);
        QVERIFY(QDir(root + u"/tmp"_s).isEmpty());
        QCOMPARE(store->versions(), (QList<qint64>{1, 2}));
        QVERIFY(!QFileInfo::exists(root + u"/.current.tmp-0001"_s) && !QFileInfo(root + u"/.current.tmp-0001"_s).isSymLink());
        QCOMPARE(store->activeVersion(), 2);

        // A damaged active pack (an object gone): back to the previous one.
        store.reset();
        const QString db = root + u"/objects/"_s + Workspace::manifest(m_v2).database()->sha256;
        QVERIFY(QFile::remove(db));
        store = openStore(root);
        QVERIFY(store);
        QCOMPARE(store->activeVersion(), 1);
        QVERIFY(PackStore::openActivePack(root).ok());
    }

    void oneWriterAtATime()
    {
        const QString root = newStoreRoot();
        auto first = openStore(root);
        QVERIFY(first);
        Result<std::unique_ptr<PackStore>> second = PackStore::open(root);
        QVERIFY(!second.ok());
        QVERIFY(second.problem().message.contains(u"another process"_s));
        first.reset();
        QVERIFY(PackStore::open(root).ok());
    }

    void objectWriter()
    {
        const QString root = newStoreRoot();
        auto store = openStore(root);
        QVERIFY(store);
        const QByteArray data = "hello, objects";
        const PackObject object{sha256Hex(data), data.size(), u"text/plain"_s, u"audio"_s};

        // Endless data: one byte past the declared size is refused.
        auto writer = store->createObjectWriter(object);
        QVERIFY(writer.ok());
        QCOMPARE(writer.value()->write(data.constData(), data.size() - 1), std::nullopt);
        const std::optional<Problem> tooMuch = writer.value()->write("xy", 2);
        QVERIFY(tooMuch.has_value());
        QVERIFY(tooMuch->message.contains(u"more data than"_s));
        writer.value().reset();
        QVERIFY(QDir(root + u"/tmp"_s).isEmpty()); // the temporary file went with the writer
        QVERIFY(!store->hasObject(object));

        // Same size, other bytes: the hash check refuses it.
        writer = store->createObjectWriter(object);
        QByteArray other = data;
        other[0] = 'H';
        QCOMPARE(writer.value()->write(other.constData(), other.size()), std::nullopt);
        const std::optional<Problem> mismatch = writer.value()->commit();
        QVERIFY(mismatch.has_value());
        QVERIFY(mismatch->message.contains(u"SHA-256"_s));
        writer.value().reset();
        QVERIFY(!store->hasObject(object));

        // Short: refused. Then restart and complete: accepted.
        writer = store->createObjectWriter(object);
        QCOMPARE(writer.value()->write(data.constData(), 5), std::nullopt);
        QVERIFY(writer.value()->commit().has_value());
        writer = store->createObjectWriter(object);
        QCOMPARE(writer.value()->write("junk!", 5), std::nullopt);
        QCOMPARE(writer.value()->restart(), std::nullopt);
        QCOMPARE(writer.value()->write(data.constData(), data.size()), std::nullopt);
        QCOMPARE(writer.value()->commit(), std::nullopt);
        QVERIFY(store->hasObject(object));
        QVERIFY(QDir(root + u"/tmp"_s).isEmpty());

        // Names that are not 64 hex digits never become files.
        for (const QString &bad : QStringList{u"../escape"_s, u"/etc/passwd"_s, QString(64, u'G'), QString()})
            QVERIFY(!store->createObjectWriter(PackObject{bad, 1, {}, {}}).ok());
    }

    void writeFailureIsReported()
    {
        // A disk that refuses more bytes: RLIMIT_FSIZE makes write() fail (EFBIG) as a
        // full disk would (ENOSPC); the integration test does the real full disk.
        const QString root = newStoreRoot();
        auto store = openStore(root);
        QVERIFY(store);
        const QByteArray data(64 * 1024, 'z');
        const PackObject object{sha256Hex(data), data.size(), u"x"_s, u"audio"_s};
        auto writer = store->createObjectWriter(object);
        QVERIFY(writer.ok());
        struct rlimit old;
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
        const auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit small = old;
        small.rlim_cur = 4096;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const std::optional<Problem> problem = writer.value()->write(data.constData(), data.size());
        ::setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);
        QVERIFY(problem.has_value());
        QVERIFY2(problem->hint.contains(u"disk is full"_s), qPrintable(problem->toString()));
        writer.value().reset();
        QVERIFY(QDir(root + u"/tmp"_s).isEmpty());
        QVERIFY(!store->hasObject(object));
    }
};

QTEST_GUILESS_MAIN(TestPackStore)
#include "tst_packstore.moc"
