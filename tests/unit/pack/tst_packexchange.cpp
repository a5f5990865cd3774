// Translation exchange: XLIFF 2.0 and PO out, a translator's file back in, on real files.
#include "contentchecker.h"
#include "contentloader.h"
#include "packtestutil.h"
#include "textunits.h"
#include "translationexchange.h"

#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

ContentSet load(const QString &root, Problems *out = nullptr)
{
    Problems problems;
    ContentSet set = loadContent(root, problems);
    checkContent(set, problems);
    if (out)
        *out = problems;
    return set;
}

const PageFile *page(const ContentSet &set, const QString &stem, const QString &lang)
{
    for (const PageFile &p : set.pages) {
        if (p.stem == stem && p.lang == lang)
            return &p;
    }
    return nullptr;
}

QString errorsOf(const Problems &problems)
{
    QStringList out;
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            out.append(p.toString());
    }
    return out.join(u'\n');
}

} // namespace

class TestPackExchange : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content;

private Q_SLOTS:
    void init()
    {
        m_content = m_tmp.filePath(u"content"_s);
        QDir(m_content).removeRecursively();
        QVERIFY(packtest::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
    }

    void unitsCarrySourceContextAndState()
    {
        const ContentSet set = load(m_content);
        const QList<TranslationUnit> units = translationUnits(set, u"en"_s);
        QHash<QString, TranslationUnit> byKey;
        for (const TranslationUnit &u : units)
            byKey.insert(u.key, u);
        // amu.en.md has no translated_from: its blocks are outdated; its title follows the page's review.
        const TranslationUnit step = byKey.value(u"page/health/amu/2"_s);
        QCOMPARE(step.source, u"Allez chez un médecin."_s);
        QCOMPARE(step.target, u"Go to a doctor."_s);
        QCOMPARE(step.state, TranslationState::Outdated);
        QCOMPARE(step.file, u"pages/health/amu.fr.md"_s);
        QCOMPARE(step.line, 14);
        QVERIFY2(step.context.contains(u"page amu (S2)"_s) && step.context.contains(u"step 1"_s)
                     && step.context.contains(u"pictogram doctor"_s), qPrintable(step.context));
        QCOMPARE(byKey.value(u"page/health/amu/title"_s).state, TranslationState::Machine);
        // four-months has no English page: missing.
        QCOMPARE(byKey.value(u"page/work/four-months/title"_s).state, TranslationState::Missing);
        // YAML texts: status titles, hints, topic titles; no endonyms.
        QCOMPARE(byKey.value(u"status/asylum_seeker/hint"_s).target, u"You have an orange card."_s);
        QVERIFY(byKey.contains(u"topic/work"_s));
        QVERIFY(!byKey.contains(u"language"_s));
        // The same unit list for ar says hint missing.
        for (const TranslationUnit &u : translationUnits(set, u"ar"_s)) {
            if (u.key == u"status/asylum_seeker/hint")
                QCOMPARE(u.state, TranslationState::Missing);
        }
    }

    void xliffRoundTripWritesTheTranslation()
    {
        ContentSet set = load(m_content);
        const QByteArray xliff = writeXliff(translationUnits(set, u"en"_s), u"fr"_s, u"en"_s);
        QVERIFY(xliff.contains("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"fr\" trgLang=\"en\">"));
        QVERIFY(xliff.contains("<segment state=\"initial\" subState=\"passerelle:outdated\">"));
        QVERIFY(xliff.contains("<segment state=\"translated\" subState=\"passerelle:machine\">"));
        QVERIFY(xliff.contains("<note category=\"location\">pages/health/amu.fr.md:14</note>"));

        // The translator confirms every outdated unit, rewrites one step, and translates
        // the missing page and a missing topic title.
        QByteArray returned = xliff;
        returned.replace("state=\"initial\" subState=\"passerelle:outdated\"", "state=\"translated\"");
        returned.replace("<target>Go to a doctor.</target>", "<target>See a doctor.</target>");
        returned.replace("<target>Work</target>", "<target>Work!</target>");
        QVERIFY(packtest::writeFile(m_tmp.filePath(u"en.xlf"_s), returned));

        Problems problems;
        const auto file = readTranslationFile(m_tmp.filePath(u"en.xlf"_s), problems);
        QVERIFY(file);
        QCOMPARE(file->format, u"XLIFF 2.0"_s);
        QCOMPARE(file->targetLang, u"en"_s);
        const ImportSummary summary = importTranslations(set, *file, m_tmp.filePath(u"en.xlf"_s), problems);
        QVERIFY2(!hasErrors(problems), qPrintable(errorsOf(problems)));
        QVERIFY(summary.written.contains(u"pages/health/amu.en.md"_s));

        Problems after;
        set = load(m_content, &after);
        QVERIFY2(!hasErrors(after), qPrintable(errorsOf(after)));
        const PageFile *en = page(set, u"amu"_s, u"en"_s);
        const PageFile *fr = page(set, u"amu"_s, u"fr"_s);
        QVERIFY(en && fr);
        QCOMPARE(en->blocks.size(), fr->blocks.size());
        QCOMPARE(en->blocks[1].text, u"See a doctor."_s);
        QCOMPARE(en->blocks[1].pictogram, u"doctor"_s);
        QCOMPARE(en->blocks[1].pictogramLabel, u"Doctor"_s); // the translation's alt text is kept
        QCOMPARE(en->blocks[4].kind, u"item"_s);
        QCOMPARE(en->review, u"machine"_s); // the title is still a machine translation
        QStringList hashes;
        for (const BlockSource &b : fr->blocks)
            hashes.append(b.hash());
        QCOMPARE(en->translatedFrom, hashes);
        // No more "outdated" or "no translated_from" for amu.en.md (its "CPAS" still has no
        // pronunciation in the fixture: not a translation matter).
        for (const Problem &p : after)
            QVERIFY2(!p.file.endsWith(u"amu.en.md"_s) || p.message.contains(u"no pronunciation"_s), qPrintable(p.toString()));
        // The YAML flow map got the new text in pack order.
        QVERIFY(packtest::readFile(m_content + u"/pack.yaml"_s).contains("title: {fr: \"Travail\", en: \"Work!\"}"));
        QCOMPARE(set.pack.topic(u"work"_s)->titles.value(u"en"_s), u"Work!"_s);
    }

    void anUnchangedFileChangesNothing()
    {
        const ContentSet set = load(m_content);
        QVERIFY(packtest::writeFile(m_tmp.filePath(u"same.xlf"_s), writeXliff(translationUnits(set, u"en"_s), u"fr"_s, u"en"_s)));
        const auto before = packtest::readTree(m_content);
        Problems problems;
        const auto file = readTranslationFile(m_tmp.filePath(u"same.xlf"_s), problems);
        QVERIFY(file);
        const ImportSummary summary = importTranslations(set, *file, m_tmp.filePath(u"same.xlf"_s), problems);
        QVERIFY(!hasErrors(problems));
        QCOMPARE(summary.updatedUnits, 0);
        QCOMPARE(packtest::readTree(m_content), before);
    }

    void poRoundTripAndBlockStyleYaml()
    {
        // A status written in block style gets a new line under its siblings.
        QVERIFY(packtest::writeFile(m_content + u"/statuses/undocumented.yaml"_s,
                                    "id: undocumented\norder: 2\npictogram: doc-none\ndocuments: [doc-none]\ntitle:\n"
                                    "  fr: \"Sans titre de séjour\"\n  en: \"No residence permit\"\n# the end\n"));
        ContentSet set = load(m_content);
        QByteArray po = writePo(translationUnits(set, u"ar"_s), u"fr"_s, u"ar"_s, u"test-pack 3"_s);
        QVERIFY(po.contains("\"Language: ar\\n\""));
        QVERIFY(po.contains("msgctxt \"status/undocumented/title\"\nmsgid \"Sans titre de séjour\"\nmsgstr \"\"\n"));
        po.replace("msgctxt \"status/undocumented/title\"\nmsgid \"Sans titre de séjour\"\nmsgstr \"\"\n",
                   "msgctxt \"status/undocumented/title\"\nmsgid \"Sans titre de séjour\"\nmsgstr \"بدون إقامة\"\n");
        // A flow map (hint: {fr: ..., en: ...}) gets the new language in pack order.
        QVERIFY(po.contains("msgid \"Vous avez une carte orange.\"\nmsgstr \"\"\n"));
        po.replace("msgid \"Vous avez une carte orange.\"\nmsgstr \"\"\n", "msgid \"Vous avez une carte orange.\"\nmsgstr \"لديك بطاقة برتقالية.\"\n");
        QVERIFY(packtest::writeFile(m_tmp.filePath(u"ar.po"_s), po));
        Problems problems;
        const auto file = readTranslationFile(m_tmp.filePath(u"ar.po"_s), problems);
        QVERIFY(file);
        QCOMPARE(file->format, u"PO"_s);
        QCOMPARE(file->targetLang, u"ar"_s);
        const ImportSummary summary = importTranslations(set, *file, m_tmp.filePath(u"ar.po"_s), problems);
        QVERIFY2(!hasErrors(problems), qPrintable(errorsOf(problems)));
        QCOMPARE(summary.updatedUnits, 2);
        QVERIFY(packtest::readFile(m_content + u"/statuses/asylum_seeker.yaml"_s)
                    .contains("hint: {fr: \"Vous avez une carte orange.\", en: \"You have an orange card.\", ar: \"لديك بطاقة برتقالية.\"}\n"));
        QCOMPARE(packtest::readFile(m_content + u"/statuses/undocumented.yaml"_s),
                 QByteArray("id: undocumented\norder: 2\npictogram: doc-none\ndocuments: [doc-none]\ntitle:\n"
                            "  fr: \"Sans titre de séjour\"\n  en: \"No residence permit\"\n  ar: \"بدون إقامة\"\n# the end\n"));
    }

    void importRefusesAFileMadeFromOlderFrench()
    {
        ContentSet set = load(m_content);
        QVERIFY(packtest::writeFile(m_tmp.filePath(u"old.xlf"_s), writeXliff(translationUnits(set, u"en"_s), u"fr"_s, u"en"_s)));
        // The French changes after the export.
        QVERIFY(packtest::editFile(m_content + u"/pages/health/amu.fr.md"_s, "Allez chez un médecin.", "Allez chez un dentiste."));
        QVERIFY(packtest::editFile(m_content + u"/statuses/asylum_seeker.yaml"_s, "Vous avez une carte orange.",
                                   "Vous avez une annexe 26."));
        set = load(m_content);
        const auto before = packtest::readTree(m_content);
        const auto result = packtest::run({u"import"_s, m_content, m_tmp.filePath(u"old.xlf"_s)});
        QCOMPARE(result.exitCode, 1);
        // Each stale unit is named, with the line of the returned file.
        QVERIFY2(result.err.contains(u"old.xlf:"_s) && result.err.contains(u": error: unit page/health/amu/2: the French text changed"_s),
                 qPrintable(result.err));
        QVERIFY2(result.err.contains(u"unit status/asylum_seeker/hint: the French text changed"_s), qPrintable(result.err));
        QVERIFY2(result.err.contains(u"2 unit(s) were made from an older French text; nothing was imported"_s), qPrintable(result.err));
        QCOMPARE(packtest::readTree(m_content), before);
    }

    void writtenPagesReadBackAsTheSameBlocks_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << u"Plain text."_s;
        QTest::newRow("looks like a list") << u"1. Not a list"_s;
        QTest::newRow("looks like a heading") << u"# not a heading"_s;
        QTest::newRow("markup characters") << u"a *b* _c_ [d](e) <f> & \\ `g`"_s;
        QTest::newRow("looks like a quote") << u"> not a quote"_s;
    }

    void writtenPagesReadBackAsTheSameBlocks()
    {
        QFETCH(QString, text);
        const ContentSet set = load(m_content);
        const PageFile *fr = page(set, u"amu"_s, u"fr"_s);
        QStringList texts, hashes;
        for (const BlockSource &b : fr->blocks) {
            texts.append(text);
            hashes.append(b.hash());
        }
        const QString path = m_tmp.filePath(u"amu.en.md"_s);
        QVERIFY(packtest::writeFile(path, renderTranslationPage(set, *fr, u"en"_s, text, texts, hashes, u"draft"_s)));
        Problems problems;
        const auto back = loadPageFile(path, u"health"_s, problems);
        QVERIFY2(back && !hasErrors(problems), qPrintable(errorsOf(problems)));
        QCOMPARE(back->title, text);
        QCOMPARE(back->blocks.size(), fr->blocks.size());
        for (qsizetype i = 0; i < fr->blocks.size(); ++i) {
            QCOMPARE(back->blocks[i].kind, fr->blocks[i].kind);
            QCOMPARE(back->blocks[i].text, text);
            QCOMPARE(back->blocks[i].pictogram, fr->blocks[i].pictogram);
            QCOMPARE(back->blocks[i].target, fr->blocks[i].target);
        }
    }

    void aBrokenFileIsReportedAtItsLine()
    {
        QVERIFY(packtest::writeFile(m_tmp.filePath(u"broken.xlf"_s),
                                    "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\">\n<file>\n</xliff>\n"));
        Problems problems;
        QVERIFY(!readTranslationFile(m_tmp.filePath(u"broken.xlf"_s), problems));
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().line, 4);
        QVERIFY(packtest::writeFile(m_tmp.filePath(u"broken.po"_s), "msgid \"\"\nmsgstr \"\"\n\nmsgctxt \"x\"\nmsgid \"unclosed\nmsgstr \"\"\n"));
        problems.clear();
        QVERIFY(!readTranslationFile(m_tmp.filePath(u"broken.po"_s), problems));
        QCOMPARE(problems.first().line, 5);
        QVERIFY(packtest::writeFile(m_tmp.filePath(u"v12.xlf"_s),
                                    "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n</xliff>\n"));
        problems.clear();
        QVERIFY(!readTranslationFile(m_tmp.filePath(u"v12.xlf"_s), problems));
        QVERIFY(problems.first().message.contains(u"XLIFF 1.2"_s));
    }
};

QTEST_MAIN(TestPackExchange)
#include "tst_packexchange.moc"
