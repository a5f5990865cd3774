// ContentWatcher on a real folder (inotify): the ways editors and their tools save.
#include "contentwatcher.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

constexpr int kQuietMs = 100;
constexpr int kTimeoutMs = 5000;

bool writeInPlace(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

/** As most editors save: a new file beside the old one, renamed over it. */
bool writeByRename(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

class TestContentWatcher : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<ContentWatcher> m_watcher;
    std::unique_ptr<QSignalSpy> m_changed;

    [[nodiscard]] QString path(const QString &relative) const { return m_dir.filePath(relative); }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void init()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir(m_dir.path()).mkpath(u"pages/health"_s));
        QVERIFY(writeInPlace(path(u"pack.yaml"_s), "id: test\n"));
        QVERIFY(writeInPlace(path(u"pages/health/amu.fr.md"_s), "---\ntitle: A\n---\n"));
        m_watcher = std::make_unique<ContentWatcher>(m_dir.path(), kQuietMs);
        m_changed = std::make_unique<QSignalSpy>(m_watcher.get(), &ContentWatcher::changed);
    }

    void cleanup()
    {
        m_changed.reset();
        m_watcher.reset();
        QVERIFY(QDir(m_dir.path()).removeRecursively());
        QVERIFY(QDir().mkpath(m_dir.path()));
    }

    void watchesEveryFolderAndFile()
    {
        const QStringList watched = m_watcher->watchedPaths();
        for (const QString &p : {m_dir.path(), path(u"pages"_s), path(u"pages/health"_s), path(u"pack.yaml"_s),
                                 path(u"pages/health/amu.fr.md"_s)})
            QVERIFY2(watched.contains(p), qPrintable(p));
    }

    void seesEachWayOfSaving_data()
    {
        QTest::addColumn<bool>("byRename");
        QTest::addColumn<QString>("file");
        QTest::newRow("in place, deep") << false << u"pages/health/amu.fr.md"_s;
        QTest::newRow("by rename, deep") << true << u"pages/health/amu.fr.md"_s;
        QTest::newRow("in place, top") << false << u"pack.yaml"_s;
        QTest::newRow("by rename, top") << true << u"pack.yaml"_s;
    }

    void seesEachWayOfSaving()
    {
        QFETCH(bool, byRename);
        QFETCH(QString, file);
        // Three saves in a row, each after the last was seen: the watch survives each one.
        for (int i = 1; i <= 3; ++i) {
            const QByteArray bytes = "version " + QByteArray::number(i) + '\n';
            QVERIFY(byRename ? writeByRename(path(file), bytes) : writeInPlace(path(file), bytes));
            QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), i, kTimeoutMs);
        }
    }

    void burstIsOneChange()
    {
        for (int i = 0; i < 5; ++i)
            QVERIFY(writeByRename(path(u"pages/health/amu.fr.md"_s), QByteArray::number(i)));
        QVERIFY(writeInPlace(path(u"pack.yaml"_s), "id: other\n"));
        QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), 1, kTimeoutMs);
        QVERIFY(m_changed->first().first().toLongLong() >= kQuietMs);
    }

    void seesNewFoldersAndTheirFiles()
    {
        QVERIFY(QDir(m_dir.path()).mkpath(u"pages/work/old"_s));
        QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), 1, kTimeoutMs);
        QVERIFY(m_watcher->watchedPaths().contains(path(u"pages/work/old"_s)));
        // A file in the new folder, then an edit of it in place (only its own watch sees that).
        QVERIFY(writeInPlace(path(u"pages/work/old/rule.fr.md"_s), "a"));
        QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), 2, kTimeoutMs);
        QVERIFY(writeInPlace(path(u"pages/work/old/rule.fr.md"_s), "b"));
        QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), 3, kTimeoutMs);
    }

    void seesRemovals()
    {
        QVERIFY(QFile::remove(path(u"pages/health/amu.fr.md"_s)));
        QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), 1, kTimeoutMs);
        QVERIFY(!m_watcher->watchedPaths().contains(path(u"pages/health/amu.fr.md"_s)));
        QVERIFY(QDir(path(u"pages/health"_s)).removeRecursively());
        QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), 2, kTimeoutMs);
    }

    void hiddenFilesAreNotContent()
    {
        // An editor's swap file comes and goes: no change. The real save after it is one.
        QVERIFY(writeInPlace(path(u"pages/health/.amu.fr.md.swp"_s), "swap"));
        QVERIFY(writeInPlace(path(u"pages/health/.amu.fr.md.swp"_s), "swap again"));
        QVERIFY(QDir(m_dir.path()).mkpath(u".git/objects"_s));
        // Absence can only be waited for: several quiet periods, then nothing came.
        QTest::qWait(kQuietMs * 5);
        QCOMPARE(m_changed->count(), 0);
        QVERIFY(!m_watcher->watchedPaths().contains(path(u".git"_s)));
        QVERIFY(writeByRename(path(u"pages/health/amu.fr.md"_s), "saved"));
        QTRY_COMPARE_WITH_TIMEOUT(m_changed->count(), 1, kTimeoutMs);
    }
};

QTEST_GUILESS_MAIN(TestContentWatcher)
#include "tst_contentwatcher.moc"
