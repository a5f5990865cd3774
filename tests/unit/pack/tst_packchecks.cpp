// The check's errors for services and statuses name the file and the line of the field.
#include "contentchecker.h"
#include "contentloader.h"
#include "packtestutil.h"

#include <QTemporaryDir>

using namespace passerelle;
using namespace passerelle::content;
using namespace Qt::StringLiterals;

class TestPackChecks : public QObject
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

    void errorsNameTheFieldsLine_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("expected"); // "line: message start"
        const QString service = u"services/cpas-test.yaml"_s;
        QTest::newRow("phone") << service << QByteArray("phones: [") << QByteArray("phones: [\"081 ABC\", ")
                               << u":5: error: phone number \"081 ABC\" is malformed"_s;
        QTest::newRow("hours") << service << QByteArray("hours: [") << QByteArray("hours: [\"lundi 9h\", ")
                               << u":6: error: opening hours \"lundi 9h\" are malformed"_s;
        QTest::newRow("email") << service << QByteArray("kind:") << QByteArray("email: cpas.example.be\nkind:")
                               << u":2: error: e-mail address \"cpas.example.be\" is malformed"_s;
        QTest::newRow("web") << service << QByteArray("kind:") << QByteArray("web: www.example.be\nkind:")
                             << u":2: error: web address \"www.example.be\" does not start with https://"_s;
        QTest::newRow("date") << service << QByteArray("verified: 2026-01-15") << QByteArray("verified: 2026-02-30")
                              << u":9: error: \"verified\" is not a valid date: \"2026-02-30\""_s;
        QTest::newRow("status pictogram") << u"statuses/asylum_seeker.yaml"_s << QByteArray("pictogram: doc-card-a")
                                          << QByteArray("pictogram: doc-nowhere")
                                          << u":3: error: status asylum_seeker uses pictogram \"doc-nowhere\""_s;
    }

    void errorsNameTheFieldsLine()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, expected);
        QVERIFY(packtest::editFile(m_content + u'/' + file, from, to));
        const auto result = packtest::run({u"check"_s, m_content});
        QCOMPARE(result.exitCode, 1);
        QStringList errors;
        for (const QString &line : result.err.split(u'\n')) {
            if (line.contains(u": error: "_s))
                errors.append(line);
        }
        QCOMPARE(errors.size(), 1);
        QVERIFY2(errors.first().startsWith(m_content + u'/' + file + u':'), qPrintable(errors.first()));
        QVERIFY2(errors.first().contains(QRegularExpression(u"^[^:]+:\\d+: error: "_s)), qPrintable(errors.first()));
        QVERIFY2(errors.first().contains(expected), qPrintable(errors.first() + u"\nexpected: "_s + expected));
    }

    // Found by fuzz_packyaml: a pack.yaml without "version" crashed check (yaml-cpp threw).
    void missingVersionIsAnErrorNotACrash()
    {
        QVERIFY(packtest::editFile(m_content + u"/pack.yaml"_s, "version: 3\n", ""));
        const auto result = packtest::run({u"check"_s, m_content});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(result.err.contains(u"pack.yaml:2: error: missing field \"version\""_s), qPrintable(result.err));
        QVERIFY2(!result.err.contains(u"must be 1 or more"_s), qPrintable(result.err));
    }
};

QTEST_MAIN(TestPackChecks)
#include "tst_packchecks.moc"
