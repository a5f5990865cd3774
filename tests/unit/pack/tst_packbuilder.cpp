// How passerelle-pack build puts a finished pack in place: replaceDirectory() swaps the
// staged folder in, keeping nothing of the old one, and never deletes through a link.
#include "packbuilder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

bool write(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray read(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
}

} // namespace

class TestPackBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replacesTheOutputFolder()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(u"out"_s);
        const QString staged = dir.filePath(u"out.partial-1"_s);
        QVERIFY(QDir().mkpath(out) && QDir().mkpath(staged));
        QVERIFY(write(out + u"/manifest.json"_s, "old"));
        QVERIFY(write(staged + u"/manifest.json"_s, "new"));
        QString error;
        QVERIFY2(replaceDirectory(staged, out, &error), qPrintable(error));
        QCOMPARE(read(out + u"/manifest.json"_s), QByteArray("new"));
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot), QStringList{u"out"_s});
    }

    void neverDeletesThroughALink_data()
    {
        QTest::addColumn<QString>("linkName");
        QTest::newRow("planted at out.old") << u"out.old"_s;
        QTest::newRow("the output folder is a link") << u"out"_s;
    }

    void neverDeletesThroughALink()
    {
        // QDir::removeRecursively() on a link to a folder deletes what is in the target.
        QFETCH(QString, linkName);
        QTemporaryDir dir;
        const QString victim = dir.filePath(u"someone-else"_s);
        QVERIFY(QDir().mkpath(victim));
        QVERIFY(write(victim + u"/precious"_s, "precious"));
        const QString out = dir.filePath(u"out"_s);
        const QString staged = dir.filePath(u"out.partial-1"_s);
        QVERIFY(QDir().mkpath(staged));
        QVERIFY(write(staged + u"/manifest.json"_s, "new"));
        if (linkName != u"out"_s)
            QVERIFY(QDir().mkpath(out));
        QVERIFY(QFile::link(victim, dir.filePath(linkName)));
        QString error;
        QVERIFY2(replaceDirectory(staged, out, &error), qPrintable(error));
        QCOMPARE(read(victim + u"/precious"_s), QByteArray("precious"));
        QCOMPARE(read(out + u"/manifest.json"_s), QByteArray("new"));
        QVERIFY(!QFileInfo(out).isSymLink());
    }
};

QTEST_GUILESS_MAIN(TestPackBuilder)
#include "tst_packbuilder.moc"
