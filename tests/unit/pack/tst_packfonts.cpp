// No "tofu": the check draws every character with the real fonts of each language's stack.
#include "contentchecker.h"
#include "contentloader.h"
#include "fontcoverage.h"
#include "packtestutil.h"

#include <QGuiApplication>
#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

class TestPackFonts : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content;

    Problems fontProblems()
    {
        Problems problems;
        const ContentSet set = loadContent(m_content, problems);
        problems.clear();
        checkFonts(set, problems);
        return problems;
    }

private Q_SLOTS:
    void init()
    {
        m_content = m_tmp.filePath(u"content"_s);
        QDir(m_content).removeRecursively();
        QVERIFY(packtest::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
    }

    void theStackUsesTheLanguageFontFirst_data()
    {
        QTest::addColumn<QString>("primary");
        QTest::addColumn<uint>("codePoint");
        QTest::addColumn<QString>("family");
        QTest::newRow("Latin in Noto Sans") << u"Noto Sans"_s << 0xe9u << u"Noto Sans"_s;
        QTest::newRow("Arabic in Noto Naskh Arabic") << u"Noto Naskh Arabic"_s << 0x0627u << u"Noto Naskh Arabic"_s;
        QTest::newRow("Pashto letter in Noto Naskh Arabic") << u"Noto Naskh Arabic"_s << 0x06bcu << u"Noto Naskh Arabic"_s;
        QTest::newRow("Ge'ez in Noto Sans Ethiopic") << u"Noto Sans Ethiopic"_s << 0x1275u << u"Noto Sans Ethiopic"_s;
        QTest::newRow("Ge'ez falls back from Noto Sans") << u"Noto Sans"_s << 0x1275u << u"Noto Sans Ethiopic"_s;
        QTest::newRow("private use: nobody") << u"Noto Sans"_s << 0x10fffdu << QString();
    }

    void theStackUsesTheLanguageFontFirst()
    {
        QFETCH(QString, primary);
        QFETCH(uint, codePoint);
        QFETCH(QString, family);
        FontStack fonts;
        QVERIFY2(fonts.isInstalled(primary), "fonts-noto-core must be installed (deploy/install-deps.sh)");
        const QString found = fonts.familyFor(char32_t(codePoint), primary);
        if (family == u"Noto Sans Ethiopic" && primary != family)
            QVERIFY2(found.startsWith(u"Noto Sans Ethiopic"_s) || found.startsWith(u"Noto Serif Ethiopic"_s), qPrintable(found));
        else
            QCOMPARE(found, family);
    }

    void theDemoContentHasNoTofu()
    {
        m_content = QStringLiteral(PASSERELLE_DEMO_CONTENT);
        const Problems problems = fontProblems();
        QStringList errors;
        for (const Problem &p : problems) {
            if (p.severity == Problem::Severity::Error)
                errors.append(p.toString());
        }
        QVERIFY2(errors.isEmpty(), qPrintable(errors.join(u'\n')));
    }

    void aCharacterNoFontHasIsAnErrorAtItsLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("lang");
        // U+10FFFD: a private-use code point, in no font.
        QTest::newRow("French block") << u"pages/health/amu.fr.md"_s << QByteArray("Allez chez un médecin.")
                                      << QByteArray("Allez chez un médecin \xf4\x8f\xbf\xbd.") << 14 << u"fr"_s;
        QTest::newRow("English title") << u"pages/health/amu.en.md"_s << QByteArray("Urgent medical aid")
                                       << QByteArray("Urgent \xf4\x8f\xbf\xbd aid") << 3 << u"en"_s;
        QTest::newRow("Arabic status title (YAML)") << u"statuses/asylum_seeker.yaml"_s << QByteArray("طالب لجوء")
                                                    << QByteArray("طالب \xf4\x8f\xbf\xbd لجوء") << 5 << u"ar"_s;
    }

    void aCharacterNoFontHasIsAnErrorAtItsLine()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(int, line);
        QFETCH(QString, lang);
        QVERIFY(packtest::editFile(m_content + u'/' + file, from, to));
        const Problems problems = fontProblems();
        QCOMPARE(problems.size(), 1);
        const Problem &p = problems.first();
        QCOMPARE(p.severity, Problem::Severity::Error);
        QVERIFY2(p.file.endsWith(file), qPrintable(p.file));
        QCOMPARE(p.line, line);
        QVERIFY2(p.message.startsWith(u"U+10FFFD cannot be drawn in "_s + lang), qPrintable(p.message));
    }

    void aNamedCharacterIsNamed()
    {
        // A Linear B syllable is in Noto Sans Linear B (fonts-noto-core); an emoji is in none
        // of the Noto core fonts, and the message gives its Unicode name.
        QVERIFY(packtest::editFile(m_content + u"/pages/health/amu.fr.md"_s, "Soins préventifs",
                                   "Soins \xf0\x90\x80\x80 \xf0\x9f\x98\x80 préventifs"));
        const Problems problems = fontProblems();
        QCOMPARE(problems.size(), 1);
        QVERIFY2(problems.first().message.startsWith(u"U+1F600 GRINNING FACE cannot be drawn in fr"_s),
                 qPrintable(problems.first().toString()));
    }

    void spacesAndBidiMarksNeedNoGlyph()
    {
        for (const char32_t c : {U' ', U'\u00a0', U'\u202f', U'\u200c', U'\u200d', U'\u200f', U'\u2068', U'\ufe0f'})
            QVERIFY2(FontStack::needsNoGlyph(c), qPrintable(QString::number(uint(c), 16)));
        QVERIFY(!FontStack::needsNoGlyph(U'a'));
    }

    void aMissingFontIsAWarning()
    {
        QVERIFY(packtest::editFile(m_content + u"/pack.yaml"_s, "font: \"Noto Naskh Arabic\"", "font: \"Nowhere Sans\""));
        const Problems problems = fontProblems();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().severity, Problem::Severity::Warning);
        QCOMPARE(problems.first().line, 9);
        QVERIFY(problems.first().message.contains(u"Nowhere Sans"_s));
    }
};

QTEST_MAIN(TestPackFonts)
#include "tst_packfonts.moc"
