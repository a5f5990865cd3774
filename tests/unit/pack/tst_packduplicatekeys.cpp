// A key given twice in any YAML file of a content folder fails `passerelle-pack check`
// with the file and the line of the second one. yaml-cpp keeps both and a lookup
// silently returns one of them, so without this check an editor who adds a second
// "valid_until:" instead of changing the first never learns which date the kiosk shows.
#include "packtestutil.h"

#include <QRegularExpression>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

class TestPackDuplicateKeys : public QObject
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

    void theTestContentHasNone()
    {
        const auto result = packtest::run({u"check"_s, m_content});
        QVERIFY2(!result.err.contains(u"given twice"_s), qPrintable(result.err));
    }

    void duplicateKeyIsAnError_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("expected"); // ":line: error: message start"
        const QString page = u"pages/health/emergency.en.md"_s;
        QTest::newRow("page title") << page << QByteArray("review: reviewed\n")
                                    << QByteArray("review: reviewed\ntitle: \"Numbers\"\n")
                                    << u":5: error: \"title\" is given twice (first on line 3)"_s;
        QTest::newRow("page valid_until") << page << QByteArray("review: reviewed\n")
                                          << QByteArray("review: reviewed\nvalid_until: 2030-01-01\n"
                                                        "valid_until: 2027-01-01\n")
                                          << u":6: error: \"valid_until\" is given twice (first on line 5)"_s;
        QTest::newRow("pack.yaml") << u"pack.yaml"_s << QByteArray("valid_days: 30\n")
                                   << QByteArray("valid_days: 30\nversion: 2\n")
                                   << u":5: error: \"version\" is given twice (first on line 3)"_s;
        QTest::newRow("pack.yaml topic title") << u"pack.yaml"_s << QByteArray("title: {fr: \"Travail\", en: \"Work\"}")
                                               << QByteArray("title: {fr: \"Travail\", en: \"Work\", fr: \"Emploi\"}")
                                               << u":18: error: \"fr\" is given twice on this line"_s;
        QTest::newRow("status") << u"statuses/asylum_seeker.yaml"_s << QByteArray("order: 1\n")
                                << QByteArray("order: 1\norder: 7\n")
                                << u":3: error: \"order\" is given twice (first on line 2)"_s;
        QTest::newRow("service") << u"services/cpas-test.yaml"_s << QByteArray("verified: 2026-01-15")
                                 << QByteArray("verified: 2026-01-15\nverified: 2020-01-01")
                                 << u":10: error: \"verified\" is given twice (first on line 9)"_s;
        QTest::newRow("service address") << u"services/cpas-test.yaml"_s << QByteArray("commune: \"Namur\"}")
                                         << QByteArray("commune: \"Namur\",\n  commune: \"Jambes\"}")
                                         << u":5: error: \"commune\" is given twice (first on line 4)"_s;
    }

    void duplicateKeyIsAnError()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, expected);
        QVERIFY(packtest::editFile(m_content + u'/' + file, from, to));
        expectOneError(file, expected);
    }

    // The pictogram names are not in the test content: a names.yaml of two pictograms.
    void duplicatePictogramName_data()
    {
        QTest::addColumn<QByteArray>("names");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pictogram") << QByteArray("# names\nhealth: {fr: \"Santé\", en: \"Health\"}\n"
                                                 "work: {fr: \"Travail\"}\nhealth: {fr: \"Soins\"}\n")
                                   << u":4: error: \"health\" is given twice (first on line 2)"_s;
        QTest::newRow("language") << QByteArray("health:\n  fr: \"Santé\"\n  en: \"Health\"\n  fr: \"Soins\"\n")
                                  << u":4: error: \"fr\" is given twice (first on line 2)"_s;
    }

    void duplicatePictogramName()
    {
        QFETCH(QByteArray, names);
        QFETCH(QString, expected);
        QVERIFY(packtest::writeFile(m_content + u"/pictograms/names.yaml"_s, names));
        expectOneError(u"pictograms/names.yaml"_s, expected);
    }

    // An anchor used twice is one map seen twice, not a duplicate.
    void anAliasIsNotADuplicate()
    {
        QVERIFY(packtest::writeFile(m_content + u"/pictograms/names.yaml"_s,
                                    "health: &h {fr: \"Santé\", en: \"Health\"}\nwork: *h\n"));
        const auto result = packtest::run({u"check"_s, m_content});
        QVERIFY2(!result.err.contains(u"given twice"_s), qPrintable(result.err));
    }

private:
    void expectOneError(const QString &file, const QString &expected)
    {
        const auto result = packtest::run({u"check"_s, m_content});
        QCOMPARE(result.exitCode, 1);
        QStringList errors;
        for (const QString &line : result.err.split(u'\n')) {
            if (line.contains(u"given twice"_s))
                errors.append(line);
        }
        QVERIFY2(errors.size() == 1, qPrintable(result.err));
        const QString error = errors.first();
        QVERIFY2(error.startsWith(m_content + u'/' + file + u':'), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error + u"\nexpected: "_s + expected));
        QVERIFY2(error.contains(u"delete"_s), qPrintable(error)); // says what to do
    }
};

QTEST_MAIN(TestPackDuplicateKeys)
#include "tst_packduplicatekeys.moc"
