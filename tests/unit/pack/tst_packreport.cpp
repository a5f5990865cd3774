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

    void theReportShowsAudioPerLanguageFromTheBuild()
    {
        // A real build of the fixture (fr and en have voices, ar none), then its report.
        const QString content = QStringLiteral(PASSERELLE_TEST_DATA) + u"/content"_s;
        const QString cache = m_tmp.filePath(u"cache"_s), out = m_tmp.filePath(u"audio.html"_s);
        const auto built = packtest::run({u"build"_s, content, m_tmp.filePath(u"pack"_s), u"--audio-cache"_s, cache});
        QVERIFY2(built.exitCode == 0, qPrintable(built.err));
        const auto result = packtest::run({u"report"_s, content, out, u"--audio-cache"_s, cache});
        QVERIFY2(result.exitCode == 0, qPrintable(result.err));
        const QString html = QString::fromUtf8(packtest::readFile(out));
        QVERIFY(html.contains(u"<caption>Audio per language: texts heard from a human recording, from the synthetic voice, or not at all</caption>"_s));
        // en: every text synthetic, with its minutes; ar: none.
        static const QRegularExpression en(u"\\(en\\)</th><td>(\\d+)</td><td class=\"\">0 \\(0 %\\)<br>0\\.0 min</td>"
                                           "<td class=\"fair\">(\\d+) \\(100 %\\)<br>(\\d+\\.\\d) min</td><td class=\"good\">0 \\(0 %\\)</td>"
                                           "<td>(-[\\d.]+)</td><td>(-[\\d.]+) to (-[\\d.]+)</td><td>(-[\\d.]+)</td><td>([\\d.]+) LU"_s);
        const QRegularExpressionMatch m = en.match(html);
        QVERIFY2(m.hasMatch(), qPrintable(html.mid(html.indexOf(u"(en)</th><td>"_s), 400)));
        QCOMPARE(m.captured(1), m.captured(2));
        QVERIFY(m.captured(3).toDouble() > 0.5); // about 130 texts of a few seconds
        QVERIFY(m.captured(4).toDouble() > -21 && m.captured(7).toDouble() < -16);
        QVERIFY(m.captured(8).toDouble() < 3);
        static const QRegularExpression ar(u"\\(ar\\)</th><td>(\\d+)</td><td class=\"\">0 \\(0 %\\)<br>0\\.0 min</td>"
                                           "<td class=\"\">0 \\(0 %\\)<br>0\\.0 min</td><td class=\"bad\">(\\d+) \\(100 %\\)</td>"_s);
        const QRegularExpressionMatch a = ar.match(html);
        QVERIFY2(a.hasMatch(), qPrintable(html.mid(html.indexOf(u"(ar)</th><td>"_s), 300)));
        QCOMPARE(a.captured(1), a.captured(2));
        QVERIFY(html.contains(u"<th scope=\"row\">All clips ("_s));
        QVERIFY(html.contains(u"<caption>The clips farthest from -18 LUFS</caption>"_s));
        QVERIFY(!html.contains(u"no measured clip yet"_s));
        // The report synthesized nothing and changed nothing in the cache.
        QCOMPARE(packtest::readTree(cache).size(), QDir(cache).entryList(QDir::Files).size() + QDir(cache + u"/loudness-1"_s).entryList(QDir::Files).size());

        // Without the build's cache: the texts are counted, their minutes wait for a build.
        const auto cold = packtest::run({u"report"_s, content, out, u"--audio-cache"_s, m_tmp.filePath(u"nowhere"_s)});
        QVERIFY2(cold.exitCode == 0, qPrintable(cold.err));
        const QString coldHtml = QString::fromUtf8(packtest::readFile(out));
        QVERIFY(coldHtml.contains(u"have no measured clip yet"_s));
        QVERIFY(!QFileInfo::exists(m_tmp.filePath(u"nowhere"_s)));
    }

    void theLoudnessSpreadHasItsQuartiles_data()
    {
        QTest::addColumn<QList<double>>("lufs");
        QTest::addColumn<QList<double>>("expected"); // min q1 median q3 max
        QTest::newRow("none") << QList<double>{} << QList<double>{0, 0, 0, 0, 0};
        QTest::newRow("one") << QList<double>{-18} << QList<double>{-18, -18, -18, -18, -18};
        QTest::newRow("five, unsorted") << QList<double>{-17, -21, -18, -19, -18.5}
                                        << QList<double>{-21, -19, -18.5, -18, -17};
        QTest::newRow("four, interpolated") << QList<double>{-20, -19, -18, -17}
                                            << QList<double>{-20, -19.25, -18.5, -17.75, -17};
    }

    void theLoudnessSpreadHasItsQuartiles()
    {
        QFETCH(QList<double>, lufs);
        QFETCH(QList<double>, expected);
        const LoudnessSpread s = loudnessSpread(lufs);
        QCOMPARE(s.clips, lufs.size());
        QCOMPARE((QList<double>{s.min, s.q1, s.median, s.q3, s.max}), expected);
    }
};

QTEST_MAIN(TestPackReport)
#include "tst_packreport.moc"
