// content/speech/<lang>.yaml: pronunciations applied before espeak-ng (the real passerelle-speak
// and libopus, a real cache folder), check's warning on capital words, strict YAML.
#include "contentchecker.h"
#include "contentloader.h"
#include "packtestutil.h"
#include "pronunciation.h"
#include "speechaudio.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

QString errorsOf(const Problems &problems)
{
    QStringList lines;
    for (const Problem &p : problems) {
        if (p.severity == Problem::Severity::Error)
            lines.append(p.toString());
    }
    return lines.join(u'\n');
}

} // namespace

class TestPackPronunciation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content;

    [[nodiscard]] Pronunciations table(const QByteArray &yaml, Problems &problems)
    {
        packtest::writeFile(Pronunciations::path(m_content, u"fr"_s), yaml);
        return Pronunciations::read(m_content, u"fr"_s, problems);
    }

private Q_SLOTS:
    void init()
    {
        m_content = m_tmp.filePath(u"content"_s);
        QDir(m_content).removeRecursively();
        QVERIFY(packtest::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
    }

    void replacesWholeWordsOnly_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("spoken");
        QTest::newRow("word") << u"Le CPAS décide."_s << u"Le cé pé a esse décide."_s;
        QTest::newRow("twice") << u"CPAS, CPAS"_s << u"cé pé a esse, cé pé a esse"_s;
        QTest::newRow("case") << u"Le cpas, le Cpas."_s << u"Le cpas, le Cpas."_s;
        QTest::newRow("inside a word") << u"CPASX XCPAS CPAS2"_s << u"CPASX XCPAS CPAS2"_s;
        QTest::newRow("accented neighbour") << u"ÉCPAS CPASé"_s << u"ÉCPAS CPASé"_s;
        QTest::newRow("punctuation") << u"(CPAS) «CPAS» CPAS's"_s << u"(cé pé a esse) «cé pé a esse» cé pé a esse's"_s;
        QTest::newRow("longest first") << u"SPF Intérieur et SPF"_s << u"Service public fédéral Intérieur et esse pé èf"_s;
        QTest::newRow("mixed case entry") << u"Le FOREm, le FOREM"_s << u"Le forème, le FOREM"_s;
        QTest::newRow("cyrillic neighbour") << u"ЖCPAS"_s << u"ЖCPAS"_s;
        QTest::newRow("no entry") << u"Bonjour."_s << u"Bonjour."_s;
    }

    void replacesWholeWordsOnly()
    {
        QFETCH(QString, text);
        QFETCH(QString, spoken);
        Problems problems;
        const Pronunciations t = table("# fr\nCPAS: \"cé pé a esse\"\nSPF: \"esse pé èf\"\n"
                                       "SPF Intérieur: \"Service public fédéral Intérieur\"\nFOREm: forème\n",
                                       problems);
        QVERIFY2(problems.isEmpty(), qPrintable(errorsOf(problems)));
        QCOMPARE(t.entries().size(), 4);
        QCOMPARE(t.apply(text), spoken);
        TextUnit step;
        step.kind = u"step"_s;
        step.number = 2;
        step.text = text;
        QCOMPARE(spokenForm(step, t), u"2. "_s + spoken);
    }

    void aMissingFileIsAnEmptyTable()
    {
        Problems problems;
        const Pronunciations t = Pronunciations::read(m_content, u"fr"_s, problems);
        QVERIFY(problems.isEmpty());
        QVERIFY(t.isEmpty());
        QCOMPARE(t.apply(u"Le CPAS"_s), u"Le CPAS"_s);
    }

    void mistakesAreErrorsAtTheirLine_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected");
        QTest::newRow("twice") << QByteArray("CPAS: \"cé pé a esse\"\nAMU: \"a èm u\"\nCPAS: \"cépas\"\n")
                               << u"fr.yaml:3: error: \"CPAS\" is given twice (first on line 1)"_s;
        QTest::newRow("empty") << QByteArray("# fr\nCPAS:\n") << u"fr.yaml:2: error: \"CPAS\" must be followed by what to say"_s;
        QTest::newRow("list") << QByteArray("CPAS: [cé, pé]\n") << u"fr.yaml:1: error: \"CPAS\" must be followed by what to say"_s;
        QTest::newRow("not a map") << QByteArray("- CPAS\n") << u"fr.yaml:1: error: expected a YAML map"_s;
        QTest::newRow("syntax") << QByteArray("CPAS: \"cé\" pé\n") << u"fr.yaml:1: error: invalid YAML"_s;
    }

    void mistakesAreErrorsAtTheirLine()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        Problems problems;
        (void)table(yaml, problems);
        QVERIFY2(errorsOf(problems).contains(expected), qPrintable(errorsOf(problems) + u"\nexpected: "_s + expected));
        // check says it too, and so the pack is not built.
        const auto result = packtest::run({u"check"_s, m_content});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(expected), qPrintable(result.err));
    }

    void checkWarnsOnCapitalWordsWithoutEntry()
    {
        const auto before = packtest::run({u"check"_s, m_content});
        QCOMPARE(before.exitCode, 0);
        const QString page = m_content + u"/pages/health/amu.fr.md"_s;
        // The first French text with CPAS is step 2 of amu.fr.md (line 15); 4 texts in all
        // (step 2, the warning, the service block, the service's name).
        QVERIFY2(before.err.contains(page + u":15: warning: \"CPAS\" is in capitals and fr has no pronunciation for it (4 text(s))"_s),
                 qPrintable(before.err));
        // Not in a language without a voice; not for one capital letter or a capitalised word.
        QVERIFY(!before.err.contains(u"\"CPAS\" is in capitals and ar"_s));

        // Cyrillic capitals count; an entry silences the word.
        QVERIFY(packtest::editFile(page, "Le CPAS ne prévient pas la police.", "Le CPAS ne prévient pas la police (МВС, A, Police)."));
        QVERIFY(packtest::writeFile(Pronunciations::path(m_content, u"fr"_s), "CPAS: \"cé pé a esse\"\n"));
        const auto after = packtest::run({u"check"_s, m_content});
        QCOMPARE(after.exitCode, 0);
        QVERIFY2(!after.err.contains(u"\"CPAS\" is in capitals and fr"_s), qPrintable(after.err));
        QVERIFY2(after.err.contains(u":17: warning: \"МВС\" is in capitals and fr"_s), qPrintable(after.err));
        QVERIFY(!after.err.contains(u"\"A\" is in capitals"_s));
        QVERIFY(!after.err.contains(u"\"Police\" is in capitals"_s));
        QVERIFY(after.err.contains(u"\"CPAS\" is in capitals and en"_s)); // en has a voice and no entry

        // A file for a language without a voice is not used: say so.
        QVERIFY(packtest::writeFile(Pronunciations::path(m_content, u"ar"_s), "CPAS: \"...\"\n"));
        const auto unused = packtest::run({u"check"_s, m_content});
        QVERIFY2(unused.err.contains(u"speech/ar.yaml: warning: ar has no speech voice, so these pronunciations are not used"_s),
                 qPrintable(unused.err));
    }

    void anEntryReSynthesisesExactlyItsTexts()
    {
        const QString cache = m_tmp.filePath(u"cache"_s);
        QDir(cache).removeRecursively();
        AudioOptions options;
        options.speechServer = QStringLiteral(PASSERELLE_SPEECH_SERVER);
        options.cacheDir = cache;
        Problems problems;
        const ContentSet set = loadContent(m_content, problems);
        QVERIFY2(!hasErrors(problems), qPrintable(errorsOf(problems)));
        const AudioCatalog first = prepareAudio(set, options, problems);
        QVERIFY2(!hasErrors(problems), qPrintable(errorsOf(problems)));
        QVERIFY(first.stats.synthesized > 20);

        // The French texts that say CPAS, by their spoken form (two texts may say the same).
        static const QRegularExpression cpas(u"(?<![\\p{L}\\p{N}])CPAS(?![\\p{L}\\p{N}])"_s);
        QSet<QString> changedTexts;
        QStringList changedKeys;
        for (const TextUnit &u : textUnits(set, u"fr"_s)) {
            if (u.speech().contains(cpas)) {
                changedTexts.insert(u.speech());
                changedKeys.append(u.key);
            }
        }
        QVERIFY(changedKeys.size() >= 3);

        QVERIFY(packtest::writeFile(Pronunciations::path(m_content, u"fr"_s),
                                    "# How the synthesiser says these words in French.\nCPAS: \"cé pé a esse\"\n"));
        const ContentSet edited = loadContent(m_content, problems);
        const AudioCatalog second = prepareAudio(edited, options, problems);
        QVERIFY2(!hasErrors(problems), qPrintable(errorsOf(problems)));
        QCOMPARE(second.stats.synthesized, int(changedTexts.size()));
        QCOMPARE(second.stats.cached, first.stats.synthesized - int(changedTexts.size()));

        for (const LanguageDecl &l : edited.pack.languages) {
            for (const TextUnit &u : textUnits(edited, l.code)) {
                const AudioClip *before = first.find(l.code, u.key);
                const AudioClip *after = second.find(l.code, u.key);
                QCOMPARE(bool(before), bool(after));
                if (!before)
                    continue;
                const bool changed = l.code == u"fr" && changedKeys.contains(u.key);
                QVERIFY2((before->sha256 != after->sha256) == changed, qPrintable(l.code + u' ' + u.key));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestPackPronunciation)
#include "tst_packpronunciation.moc"
