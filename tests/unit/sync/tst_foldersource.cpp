// A pack folder (USB stick): the tree check refuses symlinks, devices, FIFOs and odd
// names before anything is read; objects are cut at their declared size.
#include "foldersource.h"
#include "objectwriter.h"
#include "packstore.h"
#include "workspace.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestFolderSource : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_pack;
    int m_count = 0;
    QList<QByteArray> m_cleanup;

    /** A fresh published copy of the pack. */
    QString freshTree()
    {
        const QString tree = m_ws->path(u"tree-%1"_s.arg(++m_count));
        if (!Workspace::publish(m_pack, tree))
            return {};
        return tree;
    }

    QString someObject(const QString &tree)
    {
        const PackManifest m = Workspace::manifest(m_pack);
        for (const PackObject &o : m.objects) {
            if (o.role != u"database")
                return tree + u"/objects/"_s + o.sha256;
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        m_pack = m_ws->buildPack(u"pack"_s, Workspace::options(1, 2));
        QVERIFY(!m_pack.isEmpty());
    }

    void cleanupTestCase()
    {
        for (const QByteArray &path : std::as_const(m_cleanup))
            ::unlink(path.constData());
    }

    void goodTreeAccepted()
    {
        const QString tree = freshTree();
        QCOMPARE(FolderSource::checkTree(tree), std::nullopt);
        // What macOS leaves on a FAT stick is ignored.
        Workspace::write(tree + u"/._manifest.json"_s, "apple double");
        Workspace::write(tree + u"/objects/.DS_Store"_s, "finder");
        QCOMPARE(FolderSource::checkTree(tree), std::nullopt);
    }

    void badTreesRejected_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::newRow("symlinked manifest") << u"symlink-manifest"_s;
        QTest::newRow("object symlink to /dev/zero") << u"symlink-object"_s;
        QTest::newRow("object symlink to a file outside") << u"symlink-outside"_s;
        QTest::newRow("objects folder is a symlink") << u"symlink-objects"_s;
        QTest::newRow("pack folder is a symlink") << u"symlink-root"_s;
        QTest::newRow("FIFO as object") << u"fifo"_s;
        QTest::newRow("device as object") << u"device"_s;
        QTest::newRow("upper-case hex name") << u"upper"_s;
        QTest::newRow("short name") << u"short"_s;
        QTest::newRow("object name with an extension") << u"extension"_s;
        QTest::newRow("sub-folder in objects") << u"subfolder"_s;
        QTest::newRow("extra file at the top") << u"extra"_s;
        QTest::newRow("no objects folder") << u"no-objects"_s;
        QTest::newRow("name that is not UTF-8") << u"latin1"_s;
    }

    void badTreesRejected()
    {
        QFETCH(QString, damage);
        QString tree = freshTree();
        const QString object = someObject(tree);
        const QByteArray objectName = QFile::encodeName(object);
        const QString objects = tree + u"/objects"_s;
        const QString hexName = QString(64, u'a');
        if (damage == u"symlink-manifest") {
            QFile::rename(tree + u"/manifest.json"_s, tree + u"/real.json"_s);
            QVERIFY(QFile::link(u"real.json"_s, tree + u"/manifest.json"_s));
        } else if (damage == u"symlink-object") {
            QFile::remove(object);
            QVERIFY(QFile::link(u"/dev/zero"_s, object));
        } else if (damage == u"symlink-outside") {
            QFile::remove(object);
            QVERIFY(QFile::link(m_pack + u"/manifest.json"_s, object));
        } else if (damage == u"symlink-objects") {
            QVERIFY(QDir(objects).removeRecursively());
            QVERIFY(QFile::link(m_pack + u"/objects"_s, objects));
        } else if (damage == u"symlink-root") {
            const QString link = m_ws->path(u"link-%1"_s.arg(m_count));
            QVERIFY(QFile::link(tree, link));
            tree = link;
        } else if (damage == u"fifo") {
            QFile::remove(object);
            QCOMPARE(::mkfifo(objectName.constData(), 0644), 0);
        } else if (damage == u"device") {
            QFile::remove(object);
            if (::mknod(objectName.constData(), S_IFCHR | 0644, makedev(1, 5)) != 0) // /dev/zero
                QSKIP("creating a device node needs CAP_MKNOD (root); the FIFO row covers special files");
        } else if (damage == u"upper") {
            QVERIFY(QFile::rename(object, objects + u'/' + QFileInfo(object).fileName().toUpper()));
        } else if (damage == u"short") {
            Workspace::write(objects + u"/abc123"_s, "x");
        } else if (damage == u"extension") {
            QVERIFY(QFile::rename(object, object + u".svg"_s));
        } else if (damage == u"subfolder") {
            QVERIFY(QDir().mkpath(objects + u'/' + hexName));
        } else if (damage == u"extra") {
            Workspace::write(tree + u"/run-me.sh"_s, "#!/bin/sh");
        } else if (damage == u"no-objects") {
            QVERIFY(QDir(objects).removeRecursively());
        } else if (damage == u"latin1") {
            const QByteArray raw = QFile::encodeName(objects) + "/caf\xe9";
            FILE *file = std::fopen(raw.constData(), "w");
            QVERIFY(file);
            std::fclose(file);
            // QDir cannot name it to remove it later; unlink it once checked.
            m_cleanup.append(raw);
        }
        const std::optional<Problem> problem = FolderSource::checkTree(tree);
        QVERIFY2(problem.has_value(), qPrintable(damage));

        // And through the source: the manifest is refused as "rejected", nothing read.
        FolderSource source(tree);
        std::optional<ManifestFetch> answer;
        source.fetchManifest([&](ManifestFetch f) { answer = f; });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(int(answer->status), int(ManifestFetch::Status::Failed));
        QCOMPARE(int(answer->failure.kind), int(SourceFailure::Kind::Rejected));
    }

    void missingFolderIsUnavailable()
    {
        FolderSource source(m_ws->path(u"no-such-stick"_s));
        std::optional<ManifestFetch> answer;
        source.fetchManifest([&](ManifestFetch f) { answer = f; });
        QTRY_VERIFY(answer.has_value());
        QCOMPARE(int(answer->failure.kind), int(SourceFailure::Kind::Unavailable));
    }

    void objectCutAtDeclaredSize()
    {
        const QString tree = freshTree();
        const QString object = someObject(tree);
        const PackObject declared = [&] {
            for (const PackObject &o : Workspace::manifest(m_pack).objects) {
                if (object.endsWith(o.sha256))
                    return o;
            }
            return PackObject{};
        }();
        // The file on the stick goes on and on (32 MB where a few hundred bytes are declared).
        QFile f(object);
        QVERIFY(f.open(QIODevice::Append));
        QVERIFY(f.resize(32 * 1024 * 1024));
        f.close();
        auto store = PackStore::open(m_ws->path(u"store-cut"_s));
        QVERIFY(store.ok());
        auto writer = store.value()->createObjectWriter(declared);
        QVERIFY(writer.ok());
        FolderSource source(tree);
        QSignalSpy received(&source, &PackSource::bytesReceived);
        std::optional<std::optional<SourceFailure>> answer;
        source.fetchObject(writer.value().get(), [&](std::optional<SourceFailure> f) { answer = f; });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(answer->has_value());
        QCOMPARE(int((*answer)->kind), int(SourceFailure::Kind::Rejected));
        QVERIFY((*answer)->problem.message.contains(u"longer than"_s));
        qint64 total = 0;
        for (const QList<QVariant> &args : received)
            total += args.at(0).toLongLong();
        QVERIFY(total <= declared.size);
        QVERIFY(writer.value()->written() <= declared.size);
    }

    void objectFetched()
    {
        const QString tree = freshTree();
        auto store = PackStore::open(m_ws->path(u"store-ok"_s));
        QVERIFY(store.ok());
        FolderSource source(tree);
        for (const PackObject &o : Workspace::manifest(m_pack).objects) {
            auto writer = store.value()->createObjectWriter(o);
            QVERIFY(writer.ok());
            std::optional<std::optional<SourceFailure>> answer;
            source.fetchObject(writer.value().get(), [&](std::optional<SourceFailure> f) { answer = f; });
            QTRY_VERIFY(answer.has_value());
            QVERIFY(!answer->has_value());
            QCOMPARE(writer.value()->commit(), std::nullopt);
        }
    }
};

QTEST_GUILESS_MAIN(TestFolderSource)
#include "tst_foldersource.moc"
