// The content compiler: content/ in, a pack out, or a clear error and nothing written.
#include "contentchecker.h"
#include "contentloader.h"
#include "copytree.h"
#include "pack.h"
#include "packbuilder.h"
#include "repository.h"
#include "sha256.h"

#include <QDirIterator>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

QMap<QString, QByteArray> readTree(const QString &dir)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (f.open(QIODevice::ReadOnly))
            files.insert(f.fileName().mid(dir.size()), f.readAll());
    }
    return files;
}

void editFile(const QString &path, const QByteArray &from, const QByteArray &to)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QByteArray data = f.readAll();
    f.close();
    QVERIFY2(data.contains(from), from.constData());
    data.replace(from, to);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(data);
}

struct CliResult
{
    int exitCode = -1;
    QString output;
};

CliResult runTool(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"SOURCE_DATE_EPOCH"_s, u"1767225600"_s);
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(PASSERELLE_PACK_TOOL), args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardError() + p.readAllStandardOutput())};
}

const QDateTime kCreated(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);

} // namespace

class TestContentCompiler : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content;

    ContentSet load(Problems &problems) const { return loadContent(m_content, problems); }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_tmp.isValid());
        m_content = m_tmp.filePath(u"content"_s);
        QDir(m_content).removeRecursively();
        QVERIFY(testing::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
    }

    void theFixtureHasNoErrors()
    {
        Problems problems;
        const ContentSet set = load(problems);
        checkContent(set, problems);
        for (const Problem &p : problems)
            QVERIFY2(p.severity == Problem::Severity::Warning, qPrintable(p.toString()));
        QCOMPARE(set.pack.id, u"test-pack"_s);
        QCOMPARE(set.pack.languages.size(), 3);
        QCOMPARE(set.statuses.size(), 2);
        QCOMPARE(set.pages.size(), 7);
    }

    void mapsMarkdownToBlocks()
    {
        Problems problems;
        const ContentSet set = load(problems);
        auto it = std::find_if(set.pages.cbegin(), set.pages.cend(),
                               [](const PageFile &p) { return p.id == u"amu" && p.lang == u"fr"; });
        QVERIFY(it != set.pages.cend());
        QStringList kinds;
        for (const BlockSource &b : it->blocks)
            kinds.append(b.kind);
        QCOMPARE(kinds, (QStringList{u"text"_s, u"step"_s, u"step"_s, u"warning"_s, u"item"_s, u"item"_s, u"service"_s}));
        QCOMPARE(it->blocks[1].pictogram, u"doctor"_s);
        QCOMPARE(it->blocks[1].text, u"Allez chez un médecin."_s);
        QCOMPARE(it->blocks[1].number, 1);
        QCOMPARE(it->blocks[1].line, 14);
        QCOMPARE(it->blocks[2].number, 2);
        QCOMPARE(it->blocks[3].text, u"Le CPAS ne prévient pas la police."_s);
        QCOMPARE(it->blocks[6].target, u"cpas-test"_s);
        QCOMPARE(it->blocks[6].line, 22);
    }

    void buildsAPackWhoseObjectsAreNamedByTheirHash()
    {
        Problems problems;
        const ContentSet set = load(problems);
        const QString out = m_tmp.filePath(u"out"_s);
        const Problems built = buildPack(set, out, {kCreated});
        QVERIFY(!hasErrors(built));
        Result<std::shared_ptr<Pack>> pack = Pack::openDirectory(out);
        QVERIFY2(pack.ok(), qPrintable(pack.problem().toString()));
        QCOMPARE(pack.value()->manifest().version, 3);
        QCOMPARE(pack.value()->manifest().expires, kCreated.addDays(30));
        for (const PackObject &o : pack.value()->manifest().objects)
            QCOMPARE(sha256HexOfFile(out + u"/objects/"_s + o.sha256), o.sha256);
    }

    void sameInputGivesIdenticalBytes()
    {
        Problems problems;
        const ContentSet set = load(problems);
        QVERIFY(!hasErrors(buildPack(set, m_tmp.filePath(u"a"_s), {kCreated})));
        QVERIFY(!hasErrors(buildPack(loadContent(m_content, problems), m_tmp.filePath(u"b"_s), {kCreated})));
        const auto a = readTree(m_tmp.filePath(u"a"_s));
        QVERIFY(a.size() > 10);
        QCOMPARE(a, readTree(m_tmp.filePath(u"b"_s)));
    }

    void brokenContentNamesFileAndLineAndWritesNothing_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("expected");
        QTest::newRow("broken yaml") << u"statuses/asylum_seeker.yaml"_s << QByteArray("order: 1")
                                     << QByteArray("order: [1") << u"statuses/asylum_seeker.yaml:3: error: invalid YAML"_s;
        QTest::newRow("unknown topic") << u"pages/health/amu.fr.md"_s << QByteArray("topic: health")
                                       << QByteArray("topic: helth") << u"pages/health/amu.fr.md:3: error: unknown topic \"helth\""_s;
        QTest::newRow("unknown status") << u"pages/health/amu.fr.md"_s << QByteArray("[undocumented]")
                                        << QByteArray("[undocumentd]") << u"pages/health/amu.fr.md:5: error: unknown status"_s;
        QTest::newRow("step without pictogram") << u"pages/health/amu.fr.md"_s << QByteArray("2. ![Calendrier](picto:calendar) ")
                                                << QByteArray("2. ") << u"pages/health/amu.fr.md:15: error: step 2 has no pictogram"_s;
        QTest::newRow("unknown pictogram") << u"pages/health/amu.fr.md"_s << QByteArray("picto:doctor")
                                           << QByteArray("picto:docter") << u"pages/health/amu.fr.md:14: error: this block uses pictogram \"docter\""_s;
        QTest::newRow("unknown service") << u"pages/health/amu.fr.md"_s << QByteArray("service:cpas-test")
                                         << QByteArray("service:cpas-nope") << u"pages/health/amu.fr.md:22: error: unknown service"_s;
        QTest::newRow("translation lost a step") << u"pages/health/amu.en.md"_s
                                                 << QByteArray("2. ![Calendar](picto:calendar) The CPAS decides within 30 days.\n")
                                                 << QByteArray() << u"pages/health/amu.en.md:1: error: 6 blocks, the French page has 7"_s;
        QTest::newRow("translation changed a pictogram") << u"pages/health/amu.en.md"_s << QByteArray("picto:calendar")
                                                         << QByteArray("picto:doctor") << u"pages/health/amu.en.md:9: error: block 3 has pictogram \"doctor\""_s;
        QTest::newRow("bad date") << u"pages/health/amu.fr.md"_s << QByteArray("verified: 2026-01-15")
                                  << QByteArray("verified: 2026-13-15") << u"pages/health/amu.fr.md:9: error: \"verified\" is not a valid date"_s;
        QTest::newRow("bad phone") << u"services/cpas-test.yaml"_s << QByteArray("+32 81 00 00 00")
                                   << QByteArray("+32 81 CPAS") << u"services/cpas-test.yaml:5: error: phone number"_s;
    }

    void brokenContentNamesFileAndLineAndWritesNothing()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, expected);

        const QString out = m_tmp.filePath(u"published"_s);
        QDir(out).removeRecursively();
        const CliResult first = runTool({u"build"_s, m_content, out});
        QVERIFY2(first.exitCode == 0, qPrintable(first.output));
        const auto before = readTree(out);

        editFile(m_content + u'/' + file, from, to);
        const CliResult broken = runTool({u"build"_s, m_content, out});
        QCOMPARE(broken.exitCode, 1);
        QVERIFY2(broken.output.contains(expected), qPrintable(broken.output));
        QVERIFY2(broken.output.contains(u"is unchanged"_s), qPrintable(broken.output));
        QCOMPARE(readTree(out), before);
        const QStringList leftovers = QDir(m_tmp.path()).entryList({u"published.*"_s}, QDir::AllEntries | QDir::NoDotAndDotDot);
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(u' ')));
    }

    void anEditedFrenchBlockMakesTranslationsOutdated()
    {
        CliResult check = runTool({u"check"_s, m_content});
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(!check.output.contains(u"emergency.en.md:7: warning: block 1 is outdated"_s), qPrintable(check.output));

        editFile(m_content + u"/pages/health/emergency.fr.md"_s, "Appelez le 112.", "Appelez tout de suite le 112.");
        check = runTool({u"check"_s, m_content});
        QCOMPARE(check.exitCode, 0);
        QVERIFY2(check.output.contains(u"emergency.en.md:7: warning: block 1 is outdated"_s), qPrintable(check.output));
        QVERIFY(!check.output.contains(u"block 2 is outdated"_s));
    }

    void overlappingVersionsOfAPageAreAnError()
    {
        editFile(m_content + u"/pages/work/four-months-old.fr.md"_s, "valid_until: 2025-08-17", "valid_until: 2025-08-18");
        const CliResult check = runTool({u"check"_s, m_content});
        QCOMPARE(check.exitCode, 1);
        QVERIFY2(check.output.contains(u"page id \"four-months\" is also used"_s), qPrintable(check.output));
    }

    void searchListsTitleMatchesBeforeTextMatches()
    {
        // "amu" comes first in the pack; after this edit its text says "travaillez", and the later
        // page "four-months" has "Travailler" in its title.
        editFile(m_content + u"/pages/health/amu.fr.md"_s, "Allez chez un médecin.", "Allez chez un médecin, même si vous travaillez.");
        Problems problems;
        const QString out = m_tmp.filePath(u"searched"_s);
        QVERIFY(!hasErrors(buildPack(load(problems), out, {kCreated})));
        Result<std::shared_ptr<Pack>> pack = Pack::openDirectory(out);
        QVERIFY2(pack.ok(), qPrintable(pack.problem().toString()));
        QStringList ids;
        for (const PageSummary &p : Repository(pack.value()).search(u"travail"_s, u"fr"_s, QDate(2026, 6, 1)))
            ids.append(p.id);
        QCOMPARE(ids, (QStringList{u"four-months"_s, u"amu"_s}));
    }
};

QTEST_GUILESS_MAIN(TestContentCompiler)
#include "tst_contentcompiler.moc"
