// The coverage report: what an editor reads in a browser.
#include "contentchecker.h"
#include "contentloader.h"
#include "coveragereport.h"
#include "packtestutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

class TestPackReport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_tmp;

private Q_SLOTS:
    void coverageOfEachPageAndLanguage()
    {
        Problems problems;
        const QString content = QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s;
        const ContentSet set = loadContent(content, problems);
        const PageFile *amu = nullptr;
        for (const PageFile &p : set.pages) {
            if (p.stem == u"amu" && p.lang == u"fr")
                amu = &p;
        }
        QVERIFY(amu);
        const PageCoverage fr = pageCoverage(set, *amu, u"fr"_s);
        QCOMPARE(fr.text, PageCoverage::Text::UpToDate);
        QCOMPARE(fr.audio, PageCoverage::Audio::Synthetic);
        const PageCoverage en = pageCoverage(set, *amu, u"en"_s);
        QCOMPARE(en.text, PageCoverage::Text::Outdated);
        QVERIFY(!en.tracked);
        QCOMPARE(en.review, u"machine"_s);
        const PageCoverage ar = pageCoverage(set, *amu, u"ar"_s);
        QCOMPARE(ar.text, PageCoverage::Text::Missing);
        QCOMPARE(ar.audio, PageCoverage::Audio::None);
    }

    void theReportSaysEveryStateInWords()
    {
        const QString out = m_tmp.filePath(u"report.html"_s);
        const auto result = packtest::run({u"report"_s, QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s, out});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString html = QString::fromUtf8(packtest::readFile(out));
        QVERIFY(html.startsWith(u"<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">"_s));
        // Language headers carry their language and direction.
        QVERIFY(html.contains(u"<th scope=\"col\"><span lang=\"ar\" dir=\"rtl\">العربية</span> (ar)</th>"_s));
        QVERIFY(html.contains(u"<caption>Pages by language: text, review, audio</caption>"_s));
        QVERIFY(html.contains(u"<th scope=\"row\"><span class=\"code\">S2</span><span lang=\"fr\">Aide médicale urgente</span>"_s));
        for (const QString &words : {u"✓ up to date"_s, u"⚠ outdated (7/7)"_s, u"✗ missing"_s, u"review: machine"_s,
                                     u"audio: synthetic"_s, u"audio: none"_s})
            QVERIFY2(html.contains(words), qPrintable(words));
        // Colour never alone: every coloured cell or label has words in it.
        static const QRegularExpression coloured(u"class=\"(good|fair|warn|bad)\">([^<]*)<"_s);
        int cells = 0;
        for (auto it = coloured.globalMatch(html); it.hasNext();) {
            const auto m = it.next();
            ++cells;
            QVERIFY2(m.captured(2).contains(QRegularExpression(u"\\w"_s)) || html.mid(m.capturedEnd(2), 6) == u"<span>"_s,
                     qPrintable(m.captured(0)));
        }
        QVERIFY(cells > 20);
        // The dated versions of a page say when they apply.
        QVERIFY(html.contains(u"<small>until "_s));
    }
};

QTEST_MAIN(TestPackReport)
#include "tst_packreport.moc"
