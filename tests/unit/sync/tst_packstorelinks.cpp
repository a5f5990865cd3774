// The store never writes through a symlink planted in it: its lock, its objects (the
// temporary files are fs::createExclusively's, tested in tst_fsutil), its status file.
// Each link points at a "victim" outside the store, which must stay as it was.
#include "objectwriter.h"
#include "packstore.h"
#include "sha256.h"
#include "syncstatus.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace Qt::StringLiterals;

class TestPackStoreLinks : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    /** A fresh store folder, and beside it a victim file (or only its name, when dangling). */
    QString freshRoot(QString *victim, bool dangling = false)
    {
        const QString base = m_dir.filePath(u"case-%1"_s.arg(++m_count));
        QDir().mkpath(base + u"/store"_s);
        *victim = base + u"/victim"_s;
        if (!dangling) {
            QFile file(*victim);
            if (file.open(QIODevice::WriteOnly))
                file.write("precious");
        }
        return base + u"/store"_s;
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void lockLinkIsNotFollowed_data()
    {
        QTest::addColumn<bool>("dangling");
        QTest::newRow("to a file") << false;
        QTest::newRow("to a name that does not exist yet") << true;
    }

    void lockLinkIsNotFollowed()
    {
        QFETCH(bool, dangling);
        QString victim;
        const QString root = freshRoot(&victim, dangling);
        QVERIFY(QFile::link(victim, root + u"/lock"_s));
        Result<std::unique_ptr<PackStore>> store = PackStore::open(root);
        QVERIFY(!store);
        QVERIFY2(store.problem().message.contains(u"symlink"_s), qPrintable(store.problem().toString()));
        if (dangling)
            QVERIFY2(!QFileInfo::exists(victim), "O_CREAT followed the link and created its target");
        else
            QCOMPARE(read(victim), QByteArray("precious"));
    }

    void objectArrivesOverALinkWithoutFollowingIt()
    {
        QString victim;
        const QString root = freshRoot(&victim);
        Result<std::unique_ptr<PackStore>> store = PackStore::open(root);
        QVERIFY(store);
        const QByteArray bytes = "an object of the pack";
        const PackObject object{sha256Hex(bytes), bytes.size(), u"image/svg+xml"_s, u"pictogram"_s};
        const QString final = store.value()->objectPath(object.sha256);
        QVERIFY(QFile::link(victim, final));
        QVERIFY(!store.value()->hasObject(object));
        Result<std::unique_ptr<ObjectWriter>> writer = store.value()->createObjectWriter(object);
        QVERIFY(writer);
        QVERIFY(!writer.value()->write(bytes.constData(), bytes.size()));
        QVERIFY(!writer.value()->commit());
        QVERIFY(store.value()->hasObject(object));
        QCOMPARE(read(final), bytes);
        QCOMPARE(read(victim), QByteArray("precious"));
    }

    void objectsAreNeverReceivedThroughALinkedTmpFolder()
    {
        QString victim;
        const QString root = freshRoot(&victim);
        Result<std::unique_ptr<PackStore>> store = PackStore::open(root);
        QVERIFY(store);
        const QString elsewhere = QFileInfo(victim).absolutePath() + u"/elsewhere"_s;
        QVERIFY(QDir().mkpath(elsewhere));
        QVERIFY(QDir(root).rmdir(u"tmp"_s));
        QVERIFY(QFile::link(elsewhere, root + u"/tmp"_s));
        const QByteArray bytes = "an object of the pack";
        const PackObject object{sha256Hex(bytes), bytes.size(), u"image/svg+xml"_s, u"pictogram"_s};
        Result<std::unique_ptr<ObjectWriter>> writer = store.value()->createObjectWriter(object);
        QVERIFY(!writer);
        QVERIFY2(writer.problem().message.contains(u"symlink"_s), qPrintable(writer.problem().toString()));
        QVERIFY(QDir(elsewhere).isEmpty());
    }

    void statusFileLinkIsRefused()
    {
        QString victim;
        const QString root = freshRoot(&victim);
        const QString path = root + u"/status.json"_s;
        QVERIFY(QFile::link(victim, path));
        SyncStatus status;
        status.activeVersion = 3;
        const std::optional<Problem> problem = status.write(path);
        QVERIFY(problem.has_value());
        QVERIFY2(problem->message.contains(u"symlink"_s), qPrintable(problem->toString()));
        QCOMPARE(read(victim), QByteArray("precious"));
    }
};

QTEST_GUILESS_MAIN(TestPackStoreLinks)
#include "tst_packstorelinks.moc"
