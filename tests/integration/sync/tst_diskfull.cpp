// A full disk (SYNC.md test 8): the store lives on a small tmpfs mounted in a private
// mount namespace (`unshare -Urm`, which needs no root where unprivileged user
// namespaces are allowed; the test is skipped with the reason where they are not).
// passerelle-sync runs there, then `passerelle-sync --check` verifies the active pack.
// Three ways to run out: the up-front space check refuses; small objects whose pages
// take more room than their bytes fill the disk mid-sync (write() fails); the filesystem
// runs out of inodes (creating a file fails). Each time: clean abort, v1 still active and
// complete, nothing left in tmp/ or half-staged in packs/.
#include "synctesthelpers.h"
#include "workspace.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestDiskFull : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_template, m_stick;
    qint64 m_templateBytes = 0;
    int m_templateInodes = 0;
    qint64 m_missingBytes = 0;

    static QString run(const QString &script, int *code)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(u"unshare"_s, {u"-Urm"_s, u"sh"_s, u"-c"_s, script});
        if (!p.waitForFinished(120000)) {
            *code = -1;
            return u"timeout"_s;
        }
        *code = p.exitCode();
        return QString::fromUtf8(p.readAll());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (QStandardPaths::findExecutable(u"unshare"_s).isEmpty())
            QSKIP("unshare (util-linux) is not installed");
        int code = 0;
        const QString probe = run(u"mkdir -p /tmp/.ns-probe && mount -t tmpfs -o size=1m tmpfs /tmp/.ns-probe"_s, &code);
        if (code != 0)
            QSKIP(qPrintable(u"cannot mount a tmpfs in a user namespace here (%1); disk-full is then covered only by "
                             "tst_packstore's RLIMIT_FSIZE test"_s.arg(probe.trimmed())));
        m_ws = std::make_unique<Workspace>();
        const QString v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 2));
        // 300 small objects: about 40 KB of bytes, but 300 pages (1.2 MB) on disk.
        Workspace::PackOptions o2 = Workspace::options(2, 300, u"Nouvelle règle."_s);
        const QString v2 = m_ws->buildPack(u"v2"_s, o2);
        QVERIFY(!v1.isEmpty() && !v2.isEmpty());
        m_stick = m_ws->path(u"stick"_s);
        QVERIFY(Workspace::publish(v1, m_stick));
        m_template = m_ws->path(u"template"_s);
        QProcess first;
        first.start(syncTool(), {u"--store"_s, m_template, u"--source"_s, m_stick, u"--key"_s, m_ws->publicKeyFile(),
                                 u"--once"_s, u"--activate"_s, u"--reserve-mb"_s, u"0"_s});
        QVERIFY(first.waitForFinished(30000));
        QCOMPARE(first.exitCode(), 0);
        QVERIFY(Workspace::publish(v2, m_stick));
        const PackManifest m1 = Workspace::manifest(v1);
        for (const PackObject &o : Workspace::manifest(v2).objects) {
            if (!m1.objects.contains(o))
                m_missingBytes += o.size;
        }
        // The space check also counts the manifest and its signature twice (staged, then in
        // place): a pack with more objects has a longer manifest.
        for (const QString &name : {u"manifest.json"_s, u"manifest.json.minisig"_s})
            m_missingBytes += 2 * QFileInfo(QDir(v2).filePath(name)).size();
        QProcess du;
        du.start(u"du"_s, {u"-s"_s, u"-B1"_s, m_template});
        QVERIFY(du.waitForFinished());
        m_templateBytes = du.readAll().split('\t').first().toLongLong();
        QDirIterator it(m_template, QDir::AllEntries | QDir::System | QDir::Hidden | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            ++m_templateInodes;
        }
        qInfo("template store: %lld bytes on disk, %d inodes; v2 needs %lld bytes more", m_templateBytes, m_templateInodes,
              m_missingBytes);
    }

    void diskFull_data()
    {
        QTest::addColumn<QString>("mountOptions");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QString>("problem");
        const qint64 k = 1024;
        // Room for v1 and a little more: the space check sees v2 cannot fit.
        QTest::newRow("refused by the space check")
            << u"size=%1k"_s.arg((m_templateBytes + 64 * k) / k) << u"not enough disk space"_s << u"space"_s;
        // Room for v2's bytes as counted, not for the pages they take: write() fails.
        QTest::newRow("disk fills mid-sync")
            << u"size=%1k"_s.arg((m_templateBytes + m_missingBytes + 160 * k) / k) << u"disk is full"_s << u"write"_s;
        // Bytes to spare, but only a few files more: creating an object fails.
        QTest::newRow("out of inodes")
            << u"size=64m,nr_inodes=%1"_s.arg(m_templateInodes + 12) << u"disk is full"_s << u"inodes"_s;
    }

    void diskFull()
    {
        QFETCH(QString, mountOptions);
        QFETCH(QString, reason);
        QFETCH(QString, problem);
        const QString mnt = m_ws->path(u"mnt-"_s + problem);
        const QString out = m_ws->path(u"out-"_s + problem);
        QDir().mkpath(mnt);
        QDir().mkpath(out);
        const QString sync = syncTool();
        const QString script = uR"(set -u
mount -t tmpfs -o %1 tmpfs '%2' || exit 90
cp -a '%3' '%2/store' || exit 91
'%4' --store '%2/store' --source '%5' --key '%6' --once --activate --reserve-mb 0 --attempts 1 > '%7/sync.txt' 2>&1
echo "exit=$?" >> '%7/sync.txt'
df -k '%2' >> '%7/sync.txt'
'%4' --store '%2/store' --check > '%7/check.txt' 2>&1
echo "exit=$?" >> '%7/check.txt'
ls -A '%2/store/tmp' > '%7/tmp.txt'
ls -A '%2/store/packs' > '%7/packs.txt'
readlink '%2/store/current' > '%7/current.txt'
)"_s.arg(mountOptions, mnt, m_template, sync, m_stick, m_ws->publicKeyFile(), out);
        int code = 0;
        const QString output = run(script, &code);
        QVERIFY2(code == 0, qPrintable(output));
        const QString syncOut = QString::fromUtf8(Workspace::read(out + u"/sync.txt"_s));
        const QString checkOut = QString::fromUtf8(Workspace::read(out + u"/check.txt"_s));
        qInfo().noquote() << syncOut.split(u'\n').filter(u"failed:"_s).join(u'\n');
        QVERIFY2(syncOut.contains(u"exit=1"_s), qPrintable(syncOut));
        QVERIFY2(syncOut.contains(reason), qPrintable(syncOut));
        QVERIFY2(checkOut.contains(u"version 1 complete"_s) && checkOut.contains(u"exit=0"_s), qPrintable(checkOut));
        QCOMPARE(Workspace::read(out + u"/tmp.txt"_s), QByteArray());
        QCOMPARE(Workspace::read(out + u"/packs.txt"_s), "1\n"_ba);
        QCOMPARE(Workspace::read(out + u"/current.txt"_s), "packs/1\n"_ba);
    }
};

QTEST_GUILESS_MAIN(TestDiskFull)
#include "tst_diskfull.moc"
