// Recording codes (unitcodes), the recording log (recordinglog) and passerelle-pack script,
// on the demo content, with real Ogg Opus recordings (espeak-ng and ffmpeg) and the real tool.
#include "contentchecker.h"
#include "contentloader.h"
#include "packtestutil.h"
#include "recordinglog.h"
#include "recordingscript.h"
#include "unitcodes.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

/** The codes of the rows of a script page, in order. */
QStringList scriptCodes(const QByteArray &html)
{
    static const QRegularExpression code(u"<td class=\"code\">([A-Za-z0-9-]+)"_s);
    QStringList out;
    auto it = code.globalMatch(QString::fromUtf8(html));
    while (it.hasNext())
        out.append(it.next().captured(1));
    return out;
}

ContentSet load(const QString &root)
{
    Problems problems;
    ContentSet set = loadContent(root, problems);
    for (const Problem &p : std::as_const(problems)) {
        if (p.severity == Problem::Severity::Error)
            qWarning("%s", qPrintable(p.toString()));
    }
    return set;
}

} // namespace

class TestPackScript : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content;
    QString m_opus; // a real Ogg Opus recording
    ContentSet m_demo;

    /** m_content becomes a copy of the demo content (init() leaves it empty: copying takes seconds). */
    bool copyDemo() { return packtest::copyTree(QStringLiteral(PASSERELLE_DEMO_CONTENT), m_content); }

    /** A recording of ti for code, as import-audio would write it; returns its path. */
    QString record(const QString &code, const QString &frenchHash = {})
    {
        const ContentSet set = load(m_content);
        const QList<CodedUnit> units = codedUnits(set, u"ti"_s);
        const CodedUnit *c = findCode(units, code);
        if (!c)
            return {};
        const QString path = m_content + u"/audio/ti/"_s + c->unit.recording;
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile::remove(path);
        if (!QFile::copy(m_opus, path))
            return {};
        if (!frenchHash.isEmpty()) {
            Result<RecordingLog> log = RecordingLog::read(m_content, u"ti"_s);
            if (!log)
                return {};
            log->set(c->unit.recording, frenchHash, QDate(2026, 12, 1));
            if (!log->write(m_content, u"ti"_s))
                return {};
        }
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_demo = load(QStringLiteral(PASSERELLE_DEMO_CONTENT));
        QVERIFY(m_demo.pack.languages.size() >= 2);
        const QString wav = m_tmp.filePath(u"voice.wav"_s);
        m_opus = m_tmp.filePath(u"voice.opus"_s);
        QCOMPARE(QProcess::execute(u"espeak-ng"_s, {u"-v"_s, u"en"_s, u"-w"_s, wav, u"one two three"_s}), 0);
        QCOMPARE(QProcess::execute(u"ffmpeg"_s, {u"-loglevel"_s, u"error"_s, u"-y"_s, u"-i"_s, wav, u"-c:a"_s,
                                                 u"libopus"_s, u"-b:a"_s, u"24k"_s, m_opus}), 0);
    }

    void init()
    {
        m_content = m_tmp.filePath(u"content"_s);
        QDir(m_content).removeRecursively();
        QVERIFY(QDir().mkpath(m_content));
    }

    void codesAreUniqueAndTheSameInEveryLanguage()
    {
        static const QRegularExpression form(u"^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$"_s);
        QHash<QString, QString> codeOfKey;
        for (const LanguageDecl &l : m_demo.pack.languages) {
            const QList<CodedUnit> units = codedUnits(m_demo, l.code);
            QCOMPARE(units.size(), textUnits(m_demo, l.code).size());
            QSet<QString> seen;
            for (const CodedUnit &c : units) {
                QVERIFY2(form.match(c.code).hasMatch(), qPrintable(c.code));
                QVERIFY2(!seen.contains(c.code.toLower()), qPrintable(l.code + u": "_s + c.code + u" twice"_s));
                seen.insert(c.code.toLower());
                const auto known = codeOfKey.constFind(c.unit.key);
                if (known == codeOfKey.cend())
                    codeOfKey.insert(c.unit.key, c.code);
                else
                    QCOMPARE(c.code, *known);
                QCOMPARE(c.french.key, c.unit.key);
            }
        }
        // And the codes do not depend on which language is asked first.
        QCOMPARE(codedUnits(m_demo, u"ti"_s).first().code, codedUnits(m_demo, u"fr"_s).first().code);
    }

    void codesNameTheText_data()
    {
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("key");
        QTest::newRow("block") << u"S5-3"_s << u"page/health/amu-steps/3"_s;
        QTest::newRow("title") << u"S5-T"_s << u"page/health/amu-steps/title"_s;
        QTest::newRow("label") << u"UI-home"_s << u"ui/home"_s;
        QTest::newRow("topic") << u"T-health"_s << u"topic/health"_s;
        QTest::newRow("status") << u"P-refugee"_s << u"status/refugee/title"_s;
        QTest::newRow("status hint") << u"P-refugee-H"_s << u"status/refugee/hint"_s;
        QTest::newRow("status with _") << u"P-asylum-seeker"_s << u"status/asylum_seeker/title"_s;
        QTest::newRow("pictogram") << u"PIC-doctor"_s << u"pictogram/doctor"_s;
        QTest::newRow("service") << u"SRV-cpas-namur"_s << u"service/cpas-namur"_s;
        QTest::newRow("endonym") << u"LANG"_s << u"language"_s;
        QTest::newRow("greeting") << u"HELLO"_s << u"greeting"_s;
        // Two versions of R4 (rules before and after 2025-08-18): the older keeps the kiosk's code.
        QTest::newRow("R4 before") << u"R4-1"_s << u"page/family/housing-insurance-until-2025-08-17/1"_s;
        QTest::newRow("R4 after") << u"R4b-1"_s << u"page/family/housing-insurance/1"_s;
    }

    void codesNameTheText()
    {
        QFETCH(QString, code);
        QFETCH(QString, key);
        int found = 0;
        for (const QString &lang : {u"fr"_s, u"en"_s, u"ti"_s, u"ar"_s}) {
            const QList<CodedUnit> units = codedUnits(m_demo, lang);
            const bool written = std::any_of(units.cbegin(), units.cend(), [&](const CodedUnit &c) { return c.unit.key == key; });
            const CodedUnit *c = findCode(units, code);
            QCOMPARE(bool(c), written); // services are named in fr and en only: shown in French elsewhere
            if (!c)
                continue;
            ++found;
            QCOMPARE(c->unit.key, key);
            QCOMPARE(c->unit.lang, lang);
            QCOMPARE(c->french.lang, u"fr"_s);
            QVERIFY(!c->french.text.isEmpty());
        }
        QVERIFY(found >= 2);
    }

    void lookupIgnoresCase()
    {
        const QList<CodedUnit> units = codedUnits(m_demo, u"ti"_s);
        QCOMPARE(findCode(units, u"s5-3"_s), findCode(units, u"S5-3"_s));
        QVERIFY(findCode(units, u"s5-3"_s));
        QCOMPARE(findCode(units, u"ui-HOME"_s)->unit.key, u"ui/home"_s);
        QCOMPARE(findCode(units, u" hello "_s)->unit.key, u"greeting"_s);
        QCOMPARE(findCode(units, u"S5-999"_s), nullptr);
        QCOMPARE(findCode(units, u"S5"_s), nullptr);
        QCOMPARE(findCode(units, QString()), nullptr);
    }

    void unitsComeInVisitorOrderWithTheirFrench()
    {
        const QList<CodedUnit> units = codedUnits(m_demo, u"ti"_s);
        QStringList codes;
        for (const CodedUnit &c : units)
            codes.append(c.code);
        QCOMPARE(codes.first(), u"HELLO"_s);
        const auto at = [&](const QString &code) { return codes.indexOf(code); };
        QVERIFY(at(u"HELLO"_s) < at(u"LANG"_s));
        QVERIFY(at(u"LANG"_s) < at(u"UI-which-paper-do-you-have"_s));
        QVERIFY(at(u"UI-which-paper-do-you-have"_s) < at(u"P-refugee"_s));
        QCOMPARE(at(u"P-refugee-H"_s), at(u"P-refugee"_s) + 1);
        QVERIFY(at(u"P-refugee"_s) < at(u"T-health"_s));
        QVERIFY(at(u"T-work"_s) < at(u"UI-home"_s));
        QVERIFY(at(u"UI-home"_s) < at(u"S1-T"_s));
        QCOMPARE(at(u"S1-1"_s), at(u"S1-T"_s) + 1);
        QVERIFY(at(u"S1-9"_s) < at(u"S2-T"_s));
        QVERIFY(at(u"S12-T"_s) < at(u"L1-T"_s)); // topics in pack order, pages by order (not S1, S10, S11...)
        QVERIFY(at(u"S2-T"_s) < at(u"S10-T"_s));
        QVERIFY(at(u"T10-T"_s) < at(u"PIC-doctor"_s));
        QVERIFY(at(u"PIC-doctor"_s) < at(u"UI-listen"_s));
        QStringList en;
        for (const CodedUnit &c : codedUnits(m_demo, u"en"_s))
            en.append(c.code);
        QVERIFY(en.indexOf(u"T10-T"_s) < en.indexOf(u"SRV-cpas-namur"_s));
        QVERIFY(en.indexOf(u"SRV-cpas-namur"_s) < en.indexOf(u"PIC-doctor"_s));

        // The French beside each text, and the hash of its French (the translated_from hash for blocks).
        const CodedUnit *block = findCode(units, u"S5-3"_s);
        const PageFile *french = nullptr;
        for (const PageFile &p : m_demo.pages) {
            if (p.lang == u"fr" && p.stem == u"amu-steps")
                french = &p;
        }
        QVERIFY(french);
        QCOMPARE(block->french.text, french->blocks[2].text);
        QCOMPARE(block->frenchHash, french->blocks[2].hash());
        const CodedUnit *title = findCode(units, u"S5-T"_s);
        QCOMPARE(title->french.text, french->title);
        QCOMPARE(title->frenchHash, frenchTextHash(m_demo, title->french));
        QVERIFY(!title->frenchHash.isEmpty());
        QVERIFY(title->frenchHash != block->frenchHash);
    }

    void logRoundTrips()
    {
        // A missing file is an empty log.
        const Result<RecordingLog> empty = RecordingLog::read(m_content, u"ti"_s);
        QVERIFY(empty);
        QVERIFY(empty->entries.isEmpty());
        QCOMPARE(empty->frenchHash(u"amu-steps/3.opus"_s), QString());

        RecordingLog log;
        log.set(u"amu-steps/3.opus"_s, u"0123456789ab"_s, QDate(2026, 12, 7));
        log.set(u"_ui/home.opus"_s, u"ba9876543210"_s, QDate(2026, 11, 30));
        QVERIFY(log.write(m_content, u"ti"_s));
        const QByteArray bytes = packtest::readFile(RecordingLog::path(m_content, u"ti"_s));
        // Sorted by recording, so the same log always gives the same bytes.
        QVERIFY2(bytes.indexOf("\"_ui/home.opus\"") < bytes.indexOf("\"amu-steps/3.opus\""), bytes.constData());

        const Result<RecordingLog> read = RecordingLog::read(m_content, u"ti"_s);
        QVERIFY2(read, qPrintable(read.problem().toString()));
        QCOMPARE(read->recordings(), (QStringList{u"_ui/home.opus"_s, u"amu-steps/3.opus"_s}));
        QCOMPARE(read->frenchHash(u"amu-steps/3.opus"_s), u"0123456789ab"_s);
        QCOMPARE(read->date(u"_ui/home.opus"_s), QDate(2026, 11, 30));
        QVERIFY(read->write(m_content, u"ti"_s));
        QCOMPARE(packtest::readFile(RecordingLog::path(m_content, u"ti"_s)), bytes);
    }

    void logIsStrict_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("expected"); // ":line: error: ..."
        QTest::newRow("twice") << QByteArray("a/1.opus: {french: \"0123456789ab\", date: 2026-12-01}\n"
                                             "b/1.opus: {french: \"0123456789ab\", date: 2026-12-01}\n"
                                             "a/1.opus: {french: \"ba9876543210\", date: 2026-12-02}\n")
                               << u":3: error: \"a/1.opus\" is given twice (first on line 1)"_s;
        QTest::newRow("field") << QByteArray("a/1.opus: {french: \"0123456789ab\", when: 2026-12-01}\n")
                               << u":1: error: unknown field \"when\""_s;
        QTest::newRow("date") << QByteArray("# log\n\na/1.opus: {french: \"0123456789ab\", date: 2026-02-30}\n")
                              << u":3: error: \"date\" is not a valid date"_s;
        QTest::newRow("hash") << QByteArray("a/1.opus: {french: \"not a hash\"}\n")
                              << u":1: error: \"not a hash\" is not a text hash"_s;
        QTest::newRow("no hash") << QByteArray("a/1.opus: {date: 2026-12-01}\n")
                                 << u":1: error: missing field \"french\""_s;
        QTest::newRow("not a map") << QByteArray("- a/1.opus\n") << u":1: error: expected a YAML map"_s;
        QTest::newRow("entry") << QByteArray("a/1.opus: 0123456789ab\n")
                               << u":1: error: the entry of \"a/1.opus\" must be {french: <hash>, date: YYYY-MM-DD}"_s;
        QTest::newRow("outside") << QByteArray("../fr/a.opus: {french: \"0123456789ab\"}\n")
                                 << u":1: error: \"../fr/a.opus\" is not a recording of content/audio/ti/"_s;
        QTest::newRow("syntax") << QByteArray("a/1.opus: {french: \"0123\n") << u": error: invalid YAML"_s;
    }

    void logIsStrict()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, expected);
        const QString path = RecordingLog::path(m_content, u"ti"_s);
        QVERIFY(packtest::writeFile(path, yaml));
        const Result<RecordingLog> log = RecordingLog::read(m_content, u"ti"_s);
        QVERIFY(!log);
        const QString message = log.problem().toString();
        QVERIFY2(message.startsWith(path + u':'), qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message + u"\nexpected: "_s + expected));

        // check reports it as an error, with the file and line (once: check takes seconds).
        if (QByteArray(QTest::currentDataTag()) != "twice")
            return;
        QVERIFY(copyDemo());
        QVERIFY(packtest::writeFile(path, yaml));
        const auto result = packtest::run({u"check"_s, m_content});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }

    void checkWarnsOnRecordingsOfAnOlderFrench()
    {
        QVERIFY(copyDemo());
        const ContentSet set = load(m_content);
        const QList<CodedUnit> units = codedUnits(set, u"ti"_s);
        const QString current = findCode(units, u"S5-3"_s)->frenchHash;
        const QString changed = record(u"S5-3"_s, u"0123456789ab"_s); // made from another French
        const QString same = record(u"S5-4"_s, findCode(units, u"S5-4"_s)->frenchHash);
        const QString unlogged = record(u"S5-5"_s);
        QVERIFY(!changed.isEmpty() && !same.isEmpty() && !unlogged.isEmpty());

        const auto result = packtest::run({u"check"_s, m_content});
        QCOMPARE(result.exitCode, 0);
        QStringList warnings;
        for (const QString &line : result.err.split(u'\n')) {
            if (line.contains(u"older French"_s))
                warnings.append(line);
        }
        QCOMPARE(warnings.size(), 1);
        QVERIFY2(warnings.first().startsWith(changed + u": warning: S5-3 "_s), qPrintable(warnings.first()));
        QVERIFY2(warnings.first().contains(u"recorded from an older French text: record it again"_s),
                 qPrintable(warnings.first()));
        // The log is not a recording: no "matches no text" and no "not Ogg Opus" for it.
        QVERIFY2(!result.err.contains(u"recordings.yaml"_s), qPrintable(result.err));

        // After recording it again from the current French, no warning.
        QVERIFY(!record(u"S5-3"_s, current).isEmpty());
        const auto again = packtest::run({u"check"_s, m_content});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(!again.err.contains(u"older French"_s), qPrintable(again.err));
    }

    void scriptListsExactlyWhatIsMissingOrOutdated()
    {
        QVERIFY(copyDemo());
        const ContentSet set = load(m_content);
        const QList<CodedUnit> units = codedUnits(set, u"ti"_s);
        QVERIFY(!record(u"S5-3"_s, findCode(units, u"S5-3"_s)->frenchHash).isEmpty()); // up to date
        QVERIFY(!record(u"UI-home"_s).isEmpty());                                         // predates the log
        QVERIFY(!record(u"S5-T"_s, u"0123456789ab"_s).isEmpty());                        // older French

        QStringList expected;
        QStringList all;
        for (const CodedUnit &c : units) {
            if (c.unit.speech().trimmed().isEmpty())
                continue;
            all.append(c.code);
            if (c.code != u"S5-3" && c.code != u"UI-home")
                expected.append(c.code);
        }
        QVERIFY(expected.size() > 300);

        const QString out = m_tmp.filePath(u"ti.html"_s);
        const auto result = packtest::run({u"script"_s, u"--lang"_s, u"ti"_s, m_content, out});
        QCOMPARE(result.exitCode, 0);
        const QByteArray html = packtest::readFile(out);
        QCOMPARE(scriptCodes(html), expected);
        QVERIFY(html.contains(QString(u"%1 textes à enregistrer, environ"_s).arg(expected.size()).toUtf8()));
        QCOMPARE(html.count("à refaire</span>"), 1);
        QVERIFY(html.contains("<td class=\"code\">S5-T<span class=\"state redo\">à refaire</span>"));
        QCOMPARE(QProcess::execute(u"xmllint"_s, {u"--noout"_s, out}), 0);

        const auto full = packtest::run({u"script"_s, u"--lang"_s, u"ti"_s, m_content, out, u"--all"_s});
        QCOMPARE(full.exitCode, 0);
        const QByteArray allHtml = packtest::readFile(out);
        QCOMPARE(scriptCodes(allHtml), all);
        QCOMPARE(allHtml.count("enregistré</span>"), 2);
        QCOMPARE(QProcess::execute(u"xmllint"_s, {u"--noout"_s, out}), 0);
    }

    void scriptIsWellFormedEscapedAndDirected()
    {
        QVERIFY(copyDemo());
        // A French text with markup characters, shown beside an Arabic text.
        const QString page = m_content + u"/pages/health/amu-steps.fr.md"_s;
        const ContentSet before = load(m_content);
        const QString text = findCode(codedUnits(before, u"fr"_s), u"S5-T"_s)->unit.text;
        QVERIFY(packtest::editFile(page, (u"title: \""_s + text).toUtf8(), (u"title: \"<b>A & B</b> "_s + text).toUtf8()));

        const QString out = m_tmp.filePath(u"ar.html"_s);
        const auto result = packtest::run({u"script"_s, u"--lang"_s, u"ar"_s, m_content, out});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QByteArray html = packtest::readFile(out);
        QCOMPARE(QProcess::execute(u"xmllint"_s, {u"--noout"_s, out}), 0);
        QCOMPARE(QProcess::execute(u"tidy"_s, {u"-q"_s, u"-e"_s, out}), 0);
        QVERIFY(html.contains("&lt;b&gt;A &amp; B&lt;/b&gt; "));
        QVERIFY(!html.contains("<b>A & B</b>"));
        QVERIFY(html.contains("<td class=\"text\" lang=\"ar\" dir=\"rtl\">"));
        QVERIFY(html.contains("<td class=\"fr\" lang=\"fr\" dir=\"ltr\">"));
        // Self-contained: nothing fetched from elsewhere.
        QVERIFY(!html.contains("src="));
        QVERIFY(!html.contains("<link"));
        QVERIFY(!html.contains("@import"));

        // A language that is not in the pack is refused, naming pack.yaml.
        const auto unknown = packtest::run({u"script"_s, u"--lang"_s, u"xx"_s, m_content, out});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(u"pack.yaml: error: \"xx\" is not a language of the pack"_s), qPrintable(unknown.err));
    }
};

QTEST_GUILESS_MAIN(TestPackScript)
#include "tst_packscript.moc"
