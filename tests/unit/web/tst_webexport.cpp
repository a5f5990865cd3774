// The web copy of a pack (passerelle-pack export-web), exported from the real fixture
// packs: its tree, languages and directions, the status filter, dated rules, notices,
// phone isolation, audio, determinism, atomic replacement, and tidy's verdict.
#include "packmanifest.h"
#include "sha256.h"
#include "sqlitedatabase.h"
#include "webexport.h"
#include "webpaths.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

namespace {

const QDate kToday{2026, 1, 15};

QString readText(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

/** Every file under dir, as sorted relative paths. */
QStringList tree(const QString &dir, const QStringList &filters = {})
{
    QStringList out;
    QDirIterator it(dir, filters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        out.append(QDir(dir).relativeFilePath(it.next()));
    out.sort();
    return out;
}

QString exportOrFail(const QString &pack, const QString &out, const QDate &today)
{
    const WebExportResult result = exportWeb(pack, out, {today});
    QStringList problems;
    for (const Problem &p : result.problems)
        problems.append(p.toString());
    return problems.join(u'\n');
}

bool copyDirectory(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    for (const QString &rel : tree(from)) {
        QDir().mkpath(QFileInfo(QDir(to).filePath(rel)).absolutePath());
        if (!QFile::copy(QDir(from).filePath(rel), QDir(to).filePath(rel)))
            return false;
    }
    return true;
}

/**
 * A copy of the test pack changed by SQL (and given extra objects), with its database
 * renamed to its new hash and its manifest rewritten: what a build would have made.
 */
QString modifiedPack(const QString &dir, const QString &sql, const QList<QByteArray> &extraObjects = {})
{
    if (!copyDirectory(QStringLiteral(PASSERELLE_TEST_PACK), dir))
        return u"cannot copy the test pack"_s;
    QFile manifestFile(QDir(dir).filePath(u"manifest.json"_s));
    if (!manifestFile.open(QIODevice::ReadOnly))
        return u"no manifest"_s;
    Result<PackManifest> manifest = PackManifest::parse(manifestFile.readAll(), manifestFile.fileName());
    manifestFile.close();
    if (!manifest)
        return manifest.problem().toString();
    for (const QByteArray &bytes : extraObjects) {
        const QString hash = sha256Hex(bytes);
        QFile file(QDir(dir).filePath(u"objects/"_s + hash));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return u"cannot write an object"_s;
        manifest->objects.append({hash, bytes.size(), u"audio/ogg"_s, u"audio"_s});
    }
    for (PackObject &o : manifest->objects) {
        if (o.role != u"database")
            continue;
        const QString oldPath = QDir(dir).filePath(u"objects/"_s + o.sha256);
        {
            Result<SqliteDatabase> db = SqliteDatabase::open(oldPath, SqliteDatabase::Mode::ReadWriteCreate);
            if (!db)
                return db.problem().toString();
            if (const auto problem = db->exec(sql))
                return problem->toString();
        }
        o.sha256 = sha256HexOfFile(oldPath);
        o.size = QFileInfo(oldPath).size();
        if (!QFile::rename(oldPath, QDir(dir).filePath(u"objects/"_s + o.sha256)))
            return u"cannot rename the database"_s;
    }
    std::sort(manifest->objects.begin(), manifest->objects.end(),
              [](const PackObject &a, const PackObject &b) { return a.sha256 < b.sha256; });
    if (!manifestFile.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return u"cannot write the manifest"_s;
    manifestFile.write(manifest->serialize());
    return {};
}

} // namespace

class TestWebExport : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_work;
    QString m_site; // the test pack's web copy on kToday
    QString m_demoSite;

    QString page(const QString &path) const { return readText(QDir(m_site).filePath(path)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_work.isValid());
        m_site = m_work.filePath(u"site"_s);
        const QString problems = exportOrFail(QStringLiteral(PASSERELLE_TEST_PACK), m_site, kToday);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        m_demoSite = m_work.filePath(u"demo-site"_s);
        const QString demoProblems = exportOrFail(QStringLiteral(PASSERELLE_DEMO_PACK), m_demoSite, kToday);
        QVERIFY2(demoProblems.isEmpty(), qPrintable(demoProblems));
    }

    void expectedTree()
    {
        QStringList expected{u"index.html"_s};
        for (const QString &lang : {u"ar"_s, u"en"_s, u"fr"_s}) {
            expected << lang + u"/index.html"_s << lang + u"/status/index.html"_s;
            for (const QString &topic : {u"health"_s, u"work"_s})
                expected << lang + u"/topic/"_s + topic + u".html"_s;
            for (const QString &status : {u"asylum_seeker"_s, u"undocumented"_s, u"unknown"_s}) {
                expected << lang + u"/status/"_s + status + u"/index.html"_s;
                for (const QString &topic : {u"health"_s, u"work"_s})
                    expected << lang + u"/status/"_s + status + u'/' + topic + u".html"_s;
            }
            for (const QString &id : {u"amu"_s, u"emergency-numbers"_s, u"four-months"_s})
                expected << lang + u"/page/"_s + id + u".html"_s;
        }
        expected.sort();
        QCOMPARE(tree(m_site, {u"*.html"_s}), expected);
        QVERIFY(QFile::exists(QDir(m_site).filePath(u"passerelle.css"_s)));
        // Nothing but pages, the style sheet and the pictograms the pages show.
        for (const QString &file : tree(m_site)) {
            QVERIFY2(file.endsWith(u".html") || file == u"passerelle.css" || file.startsWith(u"pictograms/"),
                     qPrintable(file));
        }
    }

    void everyDocumentInBothPacks_data()
    {
        QTest::addColumn<QString>("site");
        QTest::addColumn<QStringList>("rightToLeft");
        QTest::newRow("test pack") << m_site << QStringList{u"ar"_s};
        QTest::newRow("demo pack") << m_demoSite << QStringList{u"ar"_s, u"prs"_s, u"ps"_s};
    }

    void everyDocumentInBothPacks()
    {
        // lang and dir on every page, right to left where the language is; every image
        // with its alt text and its file; no script of any kind.
        QFETCH(QString, site);
        QFETCH(QStringList, rightToLeft);
        static const QRegularExpression htmlTag(u"<html lang=\"([a-z]+)\" dir=\"(ltr|rtl)\">"_s);
        static const QRegularExpression langDir(u"lang=\"([a-z]+)\" dir=\"(ltr|rtl)\""_s);
        static const QRegularExpression img(u"<img [^>]*>"_s);
        static const QRegularExpression alt(u" alt=\"[^\"]+\""_s);
        static const QRegularExpression src(u" src=\"([^\"]+)\""_s);
        static const QRegularExpression source(u"<source src=\"([^\"]+)\""_s);
        static const QRegularExpression script(u"<script|javascript:|\\son[a-z]+="_s,
                                               QRegularExpression::CaseInsensitiveOption);
        const QStringList pages = tree(site, {u"*.html"_s});
        QVERIFY(pages.size() > 40);
        int images = 0;
        for (const QString &rel : pages) {
            const QString text = readText(QDir(site).filePath(rel));
            const QRegularExpressionMatch root = htmlTag.match(text);
            QVERIFY2(root.hasMatch(), qPrintable(rel));
            const QString lang = rel.contains(u'/') ? rel.section(u'/', 0, 0) : u"fr"_s;
            QCOMPARE(root.captured(1), lang);
            QCOMPARE(root.captured(2) == u"rtl", rightToLeft.contains(lang));
            for (auto it = langDir.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                QVERIFY2((m.captured(2) == u"rtl") == rightToLeft.contains(m.captured(1)), qPrintable(rel + u": "_s + m.captured()));
            }
            for (auto it = source.globalMatch(text); it.hasNext();) {
                const QString file = QFileInfo(QFileInfo(QDir(site).filePath(rel)).dir().filePath(it.next().captured(1))).canonicalFilePath();
                QVERIFY2(!file.isEmpty(), qPrintable(rel + u": an audio file is missing"_s));
            }
            for (auto it = img.globalMatch(text); it.hasNext();) {
                const QString tag = it.next().captured();
                QVERIFY2(alt.match(tag).hasMatch(), qPrintable(rel + u": "_s + tag));
                const QString file = QFileInfo(QFileInfo(QDir(site).filePath(rel)).dir().filePath(src.match(tag).captured(1))).canonicalFilePath();
                QVERIFY2(!file.isEmpty(), qPrintable(rel + u": "_s + tag));
                ++images;
            }
            QVERIFY2(!script.match(text).hasMatch(), qPrintable(rel + u": "_s + script.match(text).captured()));
        }
        QVERIFY(images > pages.size());
    }

    void arabicPageIsRightToLeftWithPictogramNames()
    {
        const QString text = readText(QDir(m_demoSite).filePath(u"ar/page/amu-steps.html"_s));
        QVERIFY(text.startsWith(u"<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"_s));
        // A step's pictogram is named in Arabic (content/pictograms/names.yaml).
        QVERIFY(text.contains(u"<img src=\"../../pictograms/doctor.svg\" alt=\"طبيب\""_s));
        QVERIFY(text.contains(u"ترجمة آلية"_s)); // machine translation notice
        QVERIFY(text.contains(u"<a href=\"../../fr/page/amu-steps.html\" hreflang=\"fr\"><span lang=\"fr\" dir=\"ltr\">Français</span></a>"_s));
    }

    void demoSpeechWhereAVoiceExists()
    {
        // The demo pack has synthesized speech for languages with an espeak-ng voice; Pashto
        // has none, so its pages have no player at all (never a silent one).
        const QString fr = readText(QDir(m_demoSite).filePath(u"fr/page/amu-steps.html"_s));
        QVERIFY(fr.count(u"<audio controls"_s) > 3);
        QCOMPARE(fr.count(u"Voix de synthèse"_s), 1);
        QVERIFY(!readText(QDir(m_demoSite).filePath(u"ps/page/amu-steps.html"_s)).contains(u"<audio"_s));
        QVERIFY(!tree(QDir(m_demoSite).filePath(u"audio"_s)).isEmpty());
    }

    void statusPagesListOnlyApplicablePages_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("listed");
        QTest::addColumn<QStringList>("absent");
        const QString amu = u"page/amu.html"_s, emergency = u"page/emergency-numbers.html"_s,
                      work = u"page/four-months.html"_s;
        QTest::newRow("undocumented: AMU") << u"fr/status/undocumented/health.html"_s << QStringList{emergency, amu} << QStringList{};
        QTest::newRow("asylum seeker: no AMU") << u"fr/status/asylum_seeker/health.html"_s << QStringList{emergency} << QStringList{amu};
        QTest::newRow("unknown: pages for all") << u"fr/status/unknown/health.html"_s << QStringList{emergency} << QStringList{amu};
        QTest::newRow("asylum seeker: work") << u"fr/status/asylum_seeker/work.html"_s << QStringList{work} << QStringList{};
        QTest::newRow("undocumented: no work") << u"fr/status/undocumented/work.html"_s << QStringList{} << QStringList{work};
        QTest::newRow("topic: every paper") << u"fr/topic/health.html"_s << QStringList{emergency, amu} << QStringList{};
        QTest::newRow("Arabic too") << u"ar/status/asylum_seeker/health.html"_s << QStringList{emergency} << QStringList{amu};
    }

    void statusPagesListOnlyApplicablePages()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, listed);
        QFETCH(QStringList, absent);
        const QString text = page(path);
        QVERIFY(!text.isEmpty());
        for (const QString &p : listed)
            QVERIFY2(text.contains(u"/"_s + p + u'"'), qPrintable(p));
        for (const QString &p : absent)
            QVERIFY2(!text.contains(p), qPrintable(p));
        if (listed.isEmpty())
            QVERIFY(text.contains(u"Rien ici ne correspond à votre papier."_s));
        // In page order: the emergency numbers (order 1) before AMU (order 2).
        if (listed.size() == 2)
            QVERIFY(text.indexOf(listed[0]) < text.indexOf(listed[1]));
    }

    void statusChooserOffersEveryPaper()
    {
        const QString text = page(u"en/status/index.html"_s);
        QVERIFY(text.contains(u"<h1>Which paper do you have?</h1>"_s));
        for (const QString &s : {u"asylum_seeker"_s, u"undocumented"_s, u"unknown"_s})
            QVERIFY(text.contains(u"href=\"../../en/status/"_s + s + u"/index.html\""_s));
        QVERIFY(text.contains(u"I don't know / I have no paper"_s));
        QVERIFY(text.contains(u"<strong>Asylum seeker</strong><span class=\"hint\">You have an orange card.</span>"_s));
        // A status home names the paper and links the topics filtered by it.
        const QString home = page(u"fr/status/undocumented/index.html"_s);
        QVERIFY(home.contains(u"Votre papier\u00a0: Sans titre de séjour"_s));
        QVERIFY(home.contains(u"href=\"../../../fr/status/undocumented/health.html\""_s));
    }

    void datedRulesShowTheVersionInForce_data()
    {
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QString>("title");
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("inForce");
        QTest::newRow("after the change") << kToday << u"Travailler après 4 mois"_s
                                          << u"Cette règle s'applique à partir du 18 août 2025."_s
                                          << u"Informations en vigueur le 15 janvier 2026"_s;
        QTest::newRow("before the change") << QDate(2025, 1, 1) << u"Travailler après 4 mois (anciennes règles)"_s
                                           << u"Cette règle s'applique jusqu'au 17 août 2025."_s
                                           << u"Informations en vigueur le 1 janvier 2025"_s;
    }

    void datedRulesShowTheVersionInForce()
    {
        QFETCH(QDate, today);
        QFETCH(QString, title);
        QFETCH(QString, rule);
        QFETCH(QString, inForce);
        const QString site = m_work.filePath(u"dated-"_s + today.toString(Qt::ISODate));
        const QString problems = exportOrFail(QStringLiteral(PASSERELLE_TEST_PACK), site, today);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QString text = readText(QDir(site).filePath(u"fr/page/four-months.html"_s));
        QVERIFY(text.contains(u"<h1>"_s + title.toHtmlEscaped() + u"</h1>"_s));
        QVERIFY(text.contains(rule));
        QVERIFY(text.contains(u"<p class=\"in-force\">"_s + inForce + u"</p>"_s));
        // Home pages say it too.
        QVERIFY(readText(QDir(site).filePath(u"fr/index.html"_s)).contains(inForce));
    }

    void pageWithoutVersionInForceKeepsItsUrl()
    {
        // A page that starts after the export date: its URL (maybe on a printed QR code)
        // still answers, and says the information is not in force yet.
        const QString pack = m_work.filePath(u"pack-future"_s);
        const QString error = modifiedPack(pack, u"UPDATE pages SET valid_from = '2027-01-01' WHERE id = 'amu'"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QString site = m_work.filePath(u"site-future"_s);
        const WebExportResult result = exportWeb(pack, site, {kToday});
        QVERIFY(result.problems.isEmpty());
        const QString text = readText(QDir(site).filePath(u"fr/page/amu.html"_s));
        QVERIFY(text.contains(u"<p class=\"empty\">Cette information n'est pas en vigueur le 15 janvier 2026.</p>"_s));
        QVERIFY(!readText(QDir(site).filePath(u"fr/topic/health.html"_s)).contains(u"page/amu.html"_s));
        // The editor is told to export again on the day it changes.
        QVERIFY(result.notes.contains(u"page amu changes on 2027-01-01: export the web copy again on that day"_s));
    }

    void verifiedSourcesCodeAndNotices()
    {
        const QString fr = page(u"fr/page/amu.html"_s);
        QVERIFY(fr.contains(u"<p>Vérifié le 15 janvier 2026</p>"_s));
        QVERIFY(fr.contains(u"<a href=\"https://example.org/amu\" dir=\"ltr\">https://example.org/amu</a>"_s));
        QVERIFY(fr.contains(u"Code de la page <bdi dir=\"ltr\">S2</bdi>"_s));
        QVERIFY(!fr.contains(u"Traduction automatique"_s)); // French draft: no notice

        QVERIFY(page(u"en/page/amu.html"_s).contains(u"Machine translation: ask a social worker"_s));
        QVERIFY(!page(u"en/page/emergency-numbers.html"_s).contains(u"Machine translation"_s)); // reviewed
        QVERIFY(page(u"ar/page/emergency-numbers.html"_s).contains(u"ترجمة آلية"_s));
    }

    void missingTranslationIsMarkedInItsLanguage()
    {
        // No Arabic AMU page: the French text, marked as French, in an Arabic page.
        const QString text = page(u"ar/page/amu.html"_s);
        QVERIFY(text.startsWith(u"<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"_s));
        QVERIFY(text.contains(u"<h1 lang=\"fr\" dir=\"ltr\">Aide médicale urgente</h1>"_s));
        QVERIFY(text.contains(u"<div class=\"blocks\" lang=\"fr\" dir=\"ltr\">"_s));
        QVERIFY(text.contains(u"لم تُترجم بعد: تُعرض باللغة Français."_s));
        // ... and in the lists that lead to it.
        QVERIFY(page(u"ar/topic/health.html"_s).contains(u"<strong lang=\"fr\" dir=\"ltr\">Aide médicale urgente</strong>"_s));
    }

    void blocksAsTheKioskDrawsThem()
    {
        const QString text = page(u"fr/page/amu.html"_s);
        QVERIFY(text.contains(u"<ol class=\"steps\">\n<li value=\"1\"><span class=\"number\" aria-hidden=\"true\">1</span>"
                              "<img src=\"../../pictograms/doctor.svg\" alt=\"doctor\""_s));
        QVERIFY(text.contains(u"<p>Le CPAS décide dans les <bdi dir=\"ltr\">30</bdi> jours.</p>"_s));
        QVERIFY(text.contains(u"<div class=\"warning\"><img src=\"../../pictograms/warning.svg\""_s));
        QVERIFY(text.contains(u"<ul class=\"items\">\n<li class=\"bullet\"><div class=\"text\"><p>Soins préventifs</p>"_s));
        // The service card: name, address, the phone as a left-to-right tel: link (unconfirmed),
        // opening hours as the kiosk reads them out.
        QVERIFY(text.contains(u"<p class=\"name\"><bdi>CPAS de Test</bdi></p>"_s));
        QVERIFY(text.contains(u"<p class=\"address\"><bdi>Rue de l'Essai 1</bdi><br><bdi>5000 Namur</bdi></p>"_s));
        QVERIFY(text.contains(u"<p class=\"phones\"><a href=\"tel:+3281000000\" dir=\"ltr\">+32 81 00 00 00</a>"
                              " <span class=\"unverified\">(à vérifier)</span></p>"_s));
        QVERIFY(text.contains(u"<p class=\"hours\">lundi – vendredi: <bdi dir=\"ltr\">09:00 – 12:00</bdi></p>"_s));
        // Phone blocks and numbers in right-to-left text stay left to right.
        QVERIFY(page(u"fr/page/emergency-numbers.html"_s).contains(u"<a href=\"tel:112\" dir=\"ltr\">112</a>"_s));
        QVERIFY(page(u"ar/page/emergency-numbers.html"_s).contains(u"اتصل بالرقم <bdi dir=\"ltr\">112</bdi>."_s));
        // The emergency number is on every page.
        QVERIFY(page(u"ar/status/index.html"_s).contains(u"<a class=\"emergency\" href=\"tel:112\">"_s));
    }

    void languageChooserByEndonym()
    {
        const QString text = page(u"index.html"_s);
        QVERIFY(text.contains(u"<a href=\"fr/index.html\" hreflang=\"fr\"><span lang=\"fr\" dir=\"ltr\">Français</span></a>"_s));
        QVERIFY(text.contains(u"<a href=\"ar/index.html\" hreflang=\"ar\"><span lang=\"ar\" dir=\"rtl\">العربية</span></a>"_s));
        // Every page links the same page in the other languages; its own is not a link.
        const QString en = page(u"en/page/amu.html"_s);
        QVERIFY(en.contains(u"<a href=\"../../ar/page/amu.html\" hreflang=\"ar\"><span lang=\"ar\" dir=\"rtl\">العربية</span></a>"_s));
        QVERIFY(en.contains(u"<strong class=\"current\"><span lang=\"en\" dir=\"ltr\">English</span></strong>"_s));
        // Fonts by family name, per language, as the pack declares them.
        const QString css = page(u"passerelle.css"_s);
        QVERIFY(css.contains(u":lang(ar) { font-family: \"Noto Naskh Arabic\", \"Noto Sans\", sans-serif; }"_s));
        QVERIFY(!css.contains(u"@font-face"_s));
    }

    void sameBytesEveryTime()
    {
        const QString again = m_work.filePath(u"again"_s);
        const QString problems = exportOrFail(QStringLiteral(PASSERELLE_TEST_PACK), again, kToday);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QStringList files = tree(m_site);
        QCOMPARE(tree(again), files);
        for (const QString &f : files)
            QVERIFY2(sha256HexOfFile(QDir(m_site).filePath(f)) == sha256HexOfFile(QDir(again).filePath(f)), qPrintable(f));
    }

    void replacesTheWholeCopyOrNothing()
    {
        const QString out = m_work.filePath(u"replaced"_s);
        QVERIFY(exportOrFail(QStringLiteral(PASSERELLE_TEST_PACK), out, kToday).isEmpty());
        QFile stale(QDir(out).filePath(u"fr/page/removed-page.html"_s));
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.close();
        // A failed export (no pack there) leaves the previous copy as it was.
        QVERIFY(!exportOrFail(m_work.filePath(u"no-such-pack"_s), out, kToday).isEmpty());
        QVERIFY(stale.exists());
        // A successful one replaces it whole: nothing left of the old copy, no staging folder.
        QVERIFY(exportOrFail(QStringLiteral(PASSERELLE_TEST_PACK), out, kToday).isEmpty());
        QVERIFY(!stale.exists());
        QCOMPARE(tree(out), tree(m_site));
        const QStringList siblings = QDir(m_work.path()).entryList({u"replaced*"_s}, QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(siblings, QStringList{u"replaced"_s});
        // Readable by a web server.
        QVERIFY(QFileInfo(out).permissions().testFlag(QFileDevice::ReadOther));
    }

    void audioWhereThePackHasIt()
    {
        // A copy of the test pack whose French AMU title and first block have a (synthetic)
        // recording.
        const QByteArray sound = QByteArrayLiteral("OggS\0not really opus, but bytes to copy");
        const QString soundHash = sha256Hex(sound);
        const QString pack = m_work.filePath(u"pack-with-audio"_s);
        const QString error = modifiedPack(
            pack,
            u"UPDATE blocks SET audio = '"_s + soundHash + u"', audio_synthetic = 1 WHERE lang = 'fr' AND position = "
            "(SELECT MIN(position) FROM blocks b WHERE b.page = blocks.page) AND page IN "
            "(SELECT key FROM pages WHERE id = 'amu'); "
            "UPDATE page_texts SET title_audio = '"_s + soundHash + u"', title_audio_synthetic = 1 WHERE lang = 'fr' "
            "AND page IN (SELECT key FROM pages WHERE id = 'amu')"_s,
            {sound});
        QVERIFY2(error.isEmpty(), qPrintable(error));

        const QString site = m_work.filePath(u"site-with-audio"_s);
        const QString problems = exportOrFail(pack, site, kToday);
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
        const QString text = readText(QDir(site).filePath(u"fr/page/amu.html"_s));
        const QString player = u"<p class=\"listen\"><audio controls preload=\"none\" aria-label=\"Écouter\">"
                               "<source src=\"../../audio/"_s + soundHash + u".ogg\" type=\"audio/ogg\"></audio></p>\n"_s;
        QVERIFY(text.contains(u"<h1>Aide médicale urgente</h1></div>\n"_s + player));
        QVERIFY(text.contains(u"<p>Vous n'avez pas de titre de séjour. Vous êtes malade.</p>\n"_s + player));
        QCOMPARE(text.count(u"<audio"_s), 2);
        // Said once: the voice is synthetic.
        QCOMPARE(text.count(u"Voix de synthèse"_s), 1);
        QVERIFY(text.contains(u"<p class=\"notice\"><img src=\"../../pictograms/speaker.svg\""_s));
        QFile copied(QDir(site).filePath(u"audio/"_s + soundHash + u".ogg"_s));
        QVERIFY(copied.open(QIODevice::ReadOnly));
        QCOMPARE(copied.readAll(), sound);
        // The English page has no audio: no player, never a silent one.
        QVERIFY(!readText(QDir(site).filePath(u"en/page/amu.html"_s)).contains(u"<audio"_s));
    }

    void validatesWithTidy()
    {
        const QString tidy = QStringLiteral(PASSERELLE_TIDY);
        if (!QFileInfo(tidy).isExecutable())
            QFAIL("tidy is not installed: run deploy/install-deps.sh (Debian package tidy)");
        QStringList args{u"-errors"_s, u"-quiet"_s, u"--gnu-emacs"_s, u"yes"_s};
        for (const QString &rel : tree(m_site, {u"*.html"_s}))
            args.append(QDir(m_site).filePath(rel));
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(tidy, args);
        QVERIFY(process.waitForFinished(60000));
        const QByteArray output = process.readAll();
        // 0: no warnings and no errors (1 is warnings, 2 errors).
        QVERIFY2(process.exitCode() == 0, output.constData());
    }

    void urlPathsForKioskRoutes_data()
    {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("path");
        QTest::newRow("home") << u"home"_s << u"fr"_s << QString() << u"fr/index.html"_s;
        QTest::newRow("home for a paper") << u"home"_s << u"ar"_s << u"undocumented"_s << u"ar/status/undocumented/index.html"_s;
        QTest::newRow("topic") << u"topic/health"_s << u"ti"_s << QString() << u"ti/topic/health.html"_s;
        QTest::newRow("topic for a paper") << u"topic/work"_s << u"prs"_s << u"asylum_seeker"_s
                                           << u"prs/status/asylum_seeker/work.html"_s;
        QTest::newRow("page") << u"page/amu-steps"_s << u"ar"_s << u"undocumented"_s << u"ar/page/amu-steps.html"_s;
        QTest::newRow("status") << u"status"_s << u"en"_s << QString() << u"en/status/index.html"_s;
        QTest::newRow("language") << u"language"_s << u"en"_s << QString() << u"index.html"_s;
        QTest::newRow("no web page") << u"emergency"_s << u"en"_s << QString() << QString();
        QTest::newRow("not a path segment") << u"page/../../etc"_s << u"en"_s << QString() << QString();
    }

    void urlPathsForKioskRoutes()
    {
        QFETCH(QString, route);
        QFETCH(QString, lang);
        QFETCH(QString, status);
        QFETCH(QString, path);
        QCOMPARE(webPathForRoute(route, lang, status), path);
        // The demo pack's web copy has every one of them.
        if (!path.isEmpty())
            QVERIFY2(QFile::exists(QDir(m_demoSite).filePath(path)), qPrintable(path));
    }
};

QTEST_GUILESS_MAIN(TestWebExport)
#include "tst_webexport.moc"
