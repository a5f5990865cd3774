// Translation files against tools nobody here wrote: translate-toolkit (pocount,
// po2xliff, xliff2po), GNU gettext (msgfmt) and Qt's lconvert read what passerelle-pack
// exports, and passerelle-pack imports what they write.
#include "contentloader.h"
#include "packtestutil.h"

#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

class TestPackInterop : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;
    QString m_content;

    QString tool(const QString &name)
    {
        const QString path = name == u"lconvert" ? QStringLiteral(PASSERELLE_LCONVERT) : QStandardPaths::findExecutable(name);
        if (path.isEmpty() || !QFileInfo(path).isExecutable())
            qWarning("%s is missing: run deploy/install-deps.sh", qPrintable(name));
        return path;
    }

    QString exportPo(const QString &lang)
    {
        const QString po = m_tmp.filePath(lang + u".po"_s);
        const auto r = packtest::run({u"export"_s, u"--lang"_s, lang, m_content, po});
        return r.exitCode == 0 ? po : QString();
    }

    QString enStep()
    {
        Problems problems;
        const ContentSet set = loadContent(m_content, problems);
        for (const PageFile &p : set.pages) {
            if (p.stem == u"amu" && p.lang == u"en")
                return p.blocks.value(1).text;
        }
        return {};
    }

private Q_SLOTS:
    void init()
    {
        m_content = m_tmp.filePath(u"content"_s);
        QDir(m_content).removeRecursively();
        QVERIFY(packtest::copyTree(QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, m_content));
    }

    void gettextAndPocountReadOurPo()
    {
        const QString po = exportPo(u"en"_s);
        QVERIFY(!po.isEmpty());
        const auto msgfmt = packtest::run({u"--check"_s, u"-o"_s, u"/dev/null"_s, po}, tool(u"msgfmt"_s));
        QVERIFY2(msgfmt.exitCode == 0, qPrintable(msgfmt.err));
        // pocount (translate-toolkit) counts what we wrote: as many strings as units.
        const auto count = packtest::run({u"--csv"_s, po}, tool(u"pocount"_s));
        QVERIFY2(count.exitCode == 0, qPrintable(count.err));
        const int units = int(packtest::readFile(po).count("\nmsgctxt "));
        QVERIFY(units > 20);
        // CSV: Filename, Translated Messages, Translated Source Words, Translated Target Words,
        //      Fuzzy Messages, Fuzzy Source Words, Untranslated Messages, ...
        const QStringList row = count.out.trimmed().split(u'\n').last().split(u',');
        QVERIFY2(row.size() >= 7, qPrintable(count.out));
        const int translated = row[1].trimmed().toInt(), fuzzy = row[4].trimmed().toInt(), untranslated = row[6].trimmed().toInt();
        QCOMPARE(translated + fuzzy + untranslated, units);
        QVERIFY(fuzzy > 0);        // outdated and machine texts
        QVERIFY(untranslated > 0); // the page without an English version
    }

    void weImportWhatTranslateToolkitWrites()
    {
        // The translator's round trip through XLIFF 1.2 and back with translate-toolkit.
        const QString po = exportPo(u"en"_s);
        QVERIFY(!po.isEmpty());
        QVERIFY(packtest::editFile(po, "msgstr \"Go to a doctor.\"", "msgstr \"Visit a doctor.\""));
        const QString xlf = m_tmp.filePath(u"en-tt.xlf"_s);
        const QString back = m_tmp.filePath(u"en-tt.po"_s);
        const auto toXliff = packtest::run({u"--progress=none"_s, po, xlf}, tool(u"po2xliff"_s));
        QVERIFY2(toXliff.exitCode == 0, qPrintable(toXliff.err));
        const auto toPo = packtest::run({u"--progress=none"_s, xlf, back}, tool(u"xliff2po"_s));
        QVERIFY2(toPo.exitCode == 0, qPrintable(toPo.err));
        QVERIFY(packtest::readFile(back) != packtest::readFile(po)); // translate-toolkit wrote it its own way
        // xliff2po drops the header: the language is then given by the file's name? No: we need it.
        QByteArray data = packtest::readFile(back);
        if (!data.contains("Language: en"))
            QVERIFY(packtest::writeFile(back, "msgid \"\"\nmsgstr \"\"\n\"Language: en\\n\"\n\n" + data));
        const auto imported = packtest::run({u"import"_s, m_content, back});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));
        QCOMPARE(enStep(), u"Visit a doctor."_s);
    }

    void weImportWhatLconvertWrites()
    {
        const QString po = exportPo(u"en"_s);
        QVERIFY(!po.isEmpty());
        // Qt's lconvert reads our PO and writes its own (wrapped lines, its header).
        QVERIFY(packtest::editFile(po, "msgstr \"Go to a doctor.\"",
                                   "msgstr \"Go to a doctor, a dentist or the emergency service of a hospital near you.\""));
        const QString back = m_tmp.filePath(u"en-lconvert.po"_s);
        const auto converted = packtest::run({u"-if"_s, u"po"_s, u"-of"_s, u"po"_s, u"-i"_s, po, u"-o"_s, back}, tool(u"lconvert"_s));
        QVERIFY2(converted.exitCode == 0, qPrintable(converted.err));
        // lconvert also reads it as an XLIFF source: it understood every unit.
        const QString xlf = m_tmp.filePath(u"en-lconvert.xlf"_s);
        const auto toXlf = packtest::run({u"-if"_s, u"po"_s, u"-of"_s, u"xlf"_s, u"-i"_s, po, u"-o"_s, xlf}, tool(u"lconvert"_s));
        QVERIFY2(toXlf.exitCode == 0, qPrintable(toXlf.err));
        QCOMPARE(packtest::readFile(xlf).count("<trans-unit "), packtest::readFile(po).count("\nmsgctxt "));
        const auto imported = packtest::run({u"import"_s, m_content, back});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err + imported.out));
        QCOMPARE(enStep(), u"Go to a doctor, a dentist or the emergency service of a hospital near you."_s);
    }
};

QTEST_MAIN(TestPackInterop)
#include "tst_packinterop.moc"
