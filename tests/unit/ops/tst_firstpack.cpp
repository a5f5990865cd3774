// First start: the bundled pack is installed into an empty state directory in the
// sync store's layout (current -> packs/<v>, objects/) by PackStore::installTree(), as
// choosePackAtStart() does (kiosk/app/packstartup.cpp), and opens from there.
#include "pack.h"
#include "packmanifest.h"
#include "packstore.h"
#include "sha256.h"

#include <QDir>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

struct StorePack
{
    QString packDir;
    QString objectsDir;
};

std::optional<StorePack> activeStorePack(const QString &stateDirectory)
{
    const QDir state(stateDirectory);
    if (!QFileInfo::exists(state.filePath(u"current/manifest.json"_s)))
        return std::nullopt;
    return StorePack{QFileInfo(state.filePath(u"current"_s)).absoluteFilePath(), state.filePath(u"objects"_s)};
}

// The start path's first install: nothing when the store has an active pack.
std::optional<Problem> installFirstPack(const QString &stateDirectory, const QString &packTree)
{
    if (activeStorePack(stateDirectory))
        return std::nullopt;
    if (!QFileInfo::exists(QDir(packTree).filePath(u"manifest.json"_s)))
        return Problem{QDir(packTree).filePath(u"manifest.json"_s), 0, u"the first pack is not there"_s, {}};
    Result<std::unique_ptr<sync::PackStore>> store = sync::PackStore::open(stateDirectory);
    if (!store)
        return store.problem();
    return store.value()->installTree(packTree);
}

} // namespace

class TestFirstPack : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void installsIntoEmptyStateDirectory()
    {
        QTemporaryDir state;
        QVERIFY(!activeStorePack(state.path()));
        QVERIFY(!installFirstPack(state.path(), QStringLiteral(PASSERELLE_TEST_PACK)));
        const auto active = activeStorePack(state.path());
        QVERIFY(active);
        QCOMPARE(QFileInfo(state.filePath(u"current"_s)).symLinkTarget(), state.filePath(u"packs/3"_s));
        QCOMPARE(QFile::symLinkTarget(state.filePath(u"current"_s)), QDir(state.path()).absoluteFilePath(u"packs/3"_s));
        auto pack = Pack::open(QDir(active->packDir).filePath(u"manifest.json"_s), active->objectsDir);
        QVERIFY2(pack, qPrintable(pack.problem().toString()));
        QCOMPARE(pack.value()->manifest().packId, u"test-pack"_s);
        // Every object of the pack is in the store, and no temporary file is left.
        const QStringList objects = QDir(active->objectsDir).entryList(QDir::Files | QDir::Hidden);
        QCOMPARE(objects.size(), pack.value()->manifest().objects.size());
        QVERIFY(QDir(state.filePath(u"packs"_s)).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                == QStringList{u"3"_s});
    }

    void leavesAnActivePackAlone()
    {
        QTemporaryDir state;
        QVERIFY(!installFirstPack(state.path(), QStringLiteral(PASSERELLE_TEST_PACK)));
        // A later start with another bundled pack does nothing: the state has its pack.
        QVERIFY(!installFirstPack(state.path(), u"/nonexistent/pack"_s));
        QVERIFY(activeStorePack(state.path()));
    }

    void missingBundledPackIsAProblem()
    {
        QTemporaryDir state;
        const auto problem = installFirstPack(state.path(), u"/nonexistent/pack"_s);
        QVERIFY(problem);
        QVERIFY(problem->message.contains(u"first pack"_s));
        QVERIFY(!activeStorePack(state.path()));
    }

    void damagedObjectOfTheRightSizeIsReplaced()
    {
        // What a bad sector or a power cut can leave: the database object's name and size,
        // other bytes. The install checks hashes, so it writes the object again.
        QTemporaryDir state;
        QFile manifestFile(QStringLiteral(PASSERELLE_TEST_PACK "/manifest.json"));
        QVERIFY(manifestFile.open(QIODevice::ReadOnly));
        const Result<PackManifest> manifest = PackManifest::parse(manifestFile.readAll(), manifestFile.fileName());
        QVERIFY(manifest);
        const PackObject *database = manifest->database();
        QVERIFY(QDir().mkpath(state.filePath(u"objects"_s)));
        const QString object = state.filePath(u"objects/"_s + database->sha256);
        QFile damaged(object);
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write(QByteArray(database->size, 'x'));
        damaged.close();

        QVERIFY(!installFirstPack(state.path(), QStringLiteral(PASSERELLE_TEST_PACK)));
        QCOMPARE(sha256HexOfFile(object), database->sha256);
        const auto active = activeStorePack(state.path());
        QVERIFY(active);
        auto pack = Pack::open(QDir(active->packDir).filePath(u"manifest.json"_s), active->objectsDir);
        QVERIFY2(pack, qPrintable(pack.problem().toString()));
        // Nothing half written is left behind.
        QCOMPARE(QDir(state.filePath(u"tmp"_s)).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList());
    }

    void installIsRefusedWhileTheStoreIsLocked()
    {
        // A passerelle-sync writing the store: the install waits for the next start.
        QTemporaryDir state;
        Result<std::unique_ptr<sync::PackStore>> writer = sync::PackStore::open(state.path());
        QVERIFY(writer);
        const auto problem = installFirstPack(state.path(), QStringLiteral(PASSERELLE_TEST_PACK));
        QVERIFY(problem);
        QVERIFY2(problem->message.contains(u"another process"_s), qPrintable(problem->toString()));
        QVERIFY(!activeStorePack(state.path()));
    }

    void interruptedInstallIsDoneAgain()
    {
        QTemporaryDir state;
        // What a power cut could leave: a half-copied object, a staging folder.
        QVERIFY(QDir().mkpath(state.filePath(u"objects"_s)));
        QVERIFY(QDir().mkpath(state.filePath(u"packs/.first-3"_s)));
        QFile part(state.filePath(u"objects/deadbeef.part"_s));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.close();
        QVERIFY(!installFirstPack(state.path(), QStringLiteral(PASSERELLE_TEST_PACK)));
        QVERIFY(activeStorePack(state.path()));
        QVERIFY(!QFileInfo::exists(state.filePath(u"packs/.first-3"_s)));
    }
};

QTEST_GUILESS_MAIN(TestFirstPack)
#include "tst_firstpack.moc"
