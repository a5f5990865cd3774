// fs:: writes: atomic, durable, and never through a symlink someone planted in a folder
// others may write (a USB stick, node-exporter's textfile folder, a published pack tree).
#include "fsutil.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace passerelle;
using namespace passerelle::sync;
using namespace Qt::StringLiterals;

namespace {

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

bool plantLink(const QString &target, const QString &link)
{
    return ::symlink(QFile::encodeName(target).constData(), QFile::encodeName(link).constData()) == 0;
}

mode_t permissions(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : 0;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

/** Sets the process umask for a scope. */
struct Umask
{
    explicit Umask(mode_t mask) : old(::umask(mask)) {}
    ~Umask() { ::umask(old); }
    mode_t old;
};

} // namespace

class TestFsUtil : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    int m_count = 0;

    /** A fresh shared folder, and beside it (outside it) a victim file the attacker aims at. */
    QString freshFolder(QString *victim)
    {
        const QString base = m_dir.filePath(u"case-%1"_s.arg(++m_count));
        QDir().mkpath(base + u"/shared"_s);
        *victim = base + u"/victim"_s;
        write(*victim, "precious");
        return base + u"/shared"_s;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void writesReplacesAndLeavesNothingBehind()
    {
        QString victim;
        const QString dir = freshFolder(&victim);
        QVERIFY(!fs::writeFileAtomically(dir, u"a.prom"_s, "one\n"));
        QVERIFY(!fs::writeFileAtomically(dir, u"a.prom"_s, "two\n"));
        QCOMPARE(read(dir + u"/a.prom"_s), QByteArray("two\n"));
        QCOMPARE(entries(dir), QStringList{u"a.prom"_s});
        QVERIFY(fs::writeFileAtomically(dir + u"/missing"_s, u"a.prom"_s, "x").has_value());
        QVERIFY(fs::writeFileAtomically(dir, u"../escape"_s, "x").has_value());
    }

    void modeIsExactWhateverTheUmask()
    {
        // The kiosk's unit sets a strict UMask; node-exporter (another user) must still read.
        QString victim;
        const QString dir = freshFolder(&victim);
        Umask strict(077);
        QVERIFY(!fs::writeFileAtomically(dir, u"public"_s, "x", 0644));
        QCOMPARE(permissions(dir + u"/public"_s), mode_t(0644));
        QVERIFY(!fs::writeFileAtomically(dir, u"private"_s, "x", 0600));
        QCOMPARE(permissions(dir + u"/private"_s), mode_t(0600));
    }

    void refusesALinkPlantedAtTheFinalName_data()
    {
        QTest::addColumn<bool>("dangling");
        QTest::newRow("to a file") << false;
        QTest::newRow("to a name that does not exist yet") << true;
    }

    void refusesALinkPlantedAtTheFinalName()
    {
        QFETCH(bool, dangling);
        QString victim;
        const QString dir = freshFolder(&victim);
        if (dangling)
            QVERIFY(QFile::remove(victim));
        QVERIFY(plantLink(victim, dir + u"/out.csv"_s));
        const std::optional<Problem> problem = fs::writeFileAtomically(dir, u"out.csv"_s, "attacker wins");
        QVERIFY(problem.has_value());
        QVERIFY2(problem->message.contains(u"symlink"_s), qPrintable(problem->toString()));
        if (dangling)
            QVERIFY(!QFileInfo::exists(victim));
        else
            QCOMPARE(read(victim), QByteArray("precious"));
        QCOMPARE(fs::entryKind(dir + u"/out.csv"_s), fs::EntryKind::Symlink);
        QCOMPARE(entries(dir), QStringList{u"out.csv"_s}); // the temporary file is gone
    }

    void refusesAFolderAtTheFinalName()
    {
        QString victim;
        const QString dir = freshFolder(&victim);
        QVERIFY(QDir().mkdir(dir + u"/out.csv"_s));
        const std::optional<Problem> problem = fs::writeFileAtomically(dir, u"out.csv"_s, "x");
        QVERIFY(problem.has_value());
        QVERIFY2(problem->message.contains(u"folder"_s), qPrintable(problem->toString()));
    }

    void exclusiveCreationNeverFollowsALinkPlantedAtItsName_data()
    {
        QTest::addColumn<bool>("dangling");
        QTest::newRow("to a file") << false;
        QTest::newRow("to a name that does not exist yet") << true;
    }

    void exclusiveCreationNeverFollowsALinkPlantedAtItsName()
    {
        // Every temporary file of fs:: is made by createExclusively(); its names are random,
        // so here the link is planted at the name the test asks for.
        QFETCH(bool, dangling);
        QString victim;
        const QString dir = freshFolder(&victim);
        if (dangling)
            QVERIFY(QFile::remove(victim));
        QVERIFY(plantLink(victim, dir + u"/.out.csv.tmp"_s));
        Result<fs::FileDescriptor> folder = fs::openDirectory(dir);
        QVERIFY(folder);
        const int fd = fs::createExclusively(folder->get(), ".out.csv.tmp", 0644);
        const int err = errno;
        if (fd >= 0)
            ::close(fd);
        QCOMPARE(fd, -1);
        QCOMPARE(err, EEXIST);
        if (dangling)
            QVERIFY(!QFileInfo::exists(victim));
        else
            QCOMPARE(read(victim), QByteArray("precious"));
    }

    void refusesAFolderThatIsALink()
    {
        QString victim;
        const QString dir = freshFolder(&victim);
        const QString elsewhere = QFileInfo(victim).absolutePath() + u"/elsewhere"_s;
        QVERIFY(QDir().mkdir(elsewhere));
        QVERIFY(QDir().rmdir(dir));
        QVERIFY(plantLink(elsewhere, dir));
        const std::optional<Problem> problem = fs::writeFileAtomically(dir, u"passerelle.prom"_s, "x");
        QVERIFY(problem.has_value());
        QVERIFY2(problem->message.contains(u"symlink"_s), qPrintable(problem->toString()));
        QVERIFY(entries(elsewhere).isEmpty());
    }

    void ownFoldersMayBeLinksAnAdministratorMade()
    {
        // writeFileDurably is for the kiosk's own folders (systemd's DynamicUser= makes
        // /var/lib/passerelle a link); only what is inside the folder is never followed.
        QString victim;
        const QString dir = freshFolder(&victim);
        const QString link = QFileInfo(victim).absolutePath() + u"/state"_s;
        QVERIFY(plantLink(dir, link));
        QVERIFY(!fs::writeFileDurably(link + u"/running"_s, "42\n"));
        QCOMPARE(read(dir + u"/running"_s), QByteArray("42\n"));
        QVERIFY(plantLink(victim, dir + u"/last-crash"_s));
        QVERIFY(fs::writeFileDurably(link + u"/last-crash"_s, "1\n").has_value());
        QCOMPARE(read(victim), QByteArray("precious"));
    }

    void pendingFileIsInvisibleUntilCommitAndGoneWithoutIt()
    {
        QString victim;
        const QString dir = freshFolder(&victim);
        {
            Result<fs::PendingFile> pending = fs::PendingFile::write(dir, u"manifest.json"_s, "{}", 0644, 1'700'000'000);
            QVERIFY(pending);
            QVERIFY(!QFileInfo::exists(dir + u"/manifest.json"_s));
            QVERIFY(!pending->commit());
            QCOMPARE(read(dir + u"/manifest.json"_s), QByteArray("{}"));
            QCOMPARE(QFileInfo(dir + u"/manifest.json"_s).lastModified().toSecsSinceEpoch(), 1'700'000'000);
        }
        {
            Result<fs::PendingFile> abandoned = fs::PendingFile::write(dir, u"other"_s, "x");
            QVERIFY(abandoned);
        }
        QCOMPARE(entries(dir), QStringList{u"manifest.json"_s});
    }

    void removeTreeNeverEntersALink()
    {
        QString victim;
        const QString dir = freshFolder(&victim);
        const QString victimFolder = QFileInfo(victim).absolutePath();
        QVERIFY(QDir().mkpath(dir + u"/tree/sub"_s));
        QVERIFY(write(dir + u"/tree/sub/file"_s, "x"));
        QVERIFY(plantLink(victimFolder, dir + u"/tree/sub/link"_s));
        QVERIFY(plantLink(victimFolder, dir + u"/link"_s));
        QVERIFY(fs::removeTree(dir + u"/tree"_s));
        QVERIFY(fs::removeTree(dir + u"/link"_s));
        QCOMPARE(entries(dir), QStringList());
        QCOMPARE(read(victim), QByteArray("precious"));
        QVERIFY(fs::removeTree(dir + u"/missing"_s));
    }

    void replacesASymlinkNeverFollowingIt()
    {
        QString victim;
        const QString dir = freshFolder(&victim);
        const QString link = dir + u"/current"_s;
        QVERIFY(!fs::replaceSymlink(link, u"packs/1"_s));
        QVERIFY(!fs::replaceSymlink(link, u"packs/2"_s));
        QCOMPARE(fs::readSymlink(link), u"packs/2"_s);
        QCOMPARE(entries(dir), QStringList{u"current"_s});

        // A link planted at the name, to a file outside: replaced, its target untouched.
        const QString previous = dir + u"/previous"_s;
        QVERIFY(plantLink(victim, previous));
        QVERIFY(!fs::replaceSymlink(previous, u"packs/1"_s));
        QCOMPARE(fs::readSymlink(previous), u"packs/1"_s);
        QCOMPARE(read(victim), QByteArray("precious"));

        const QString folder = dir + u"/staged"_s;
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(fs::replaceSymlink(folder, u"packs/1"_s).has_value());
        QCOMPARE(fs::entryKind(folder), fs::EntryKind::Directory);
        QCOMPARE(entries(dir), (QStringList{u"current"_s, u"previous"_s, u"staged"_s}));
    }
};

QTEST_GUILESS_MAIN(TestFsUtil)
#include "tst_fsutil.moc"
