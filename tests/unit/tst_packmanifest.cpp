#include "packmanifest.h"

#include <QTest>

using namespace passerelle;
using namespace Qt::StringLiterals;

class TestPackManifest : public QObject
{
    Q_OBJECT

private:
    static QByteArray valid()
    {
        return R"({"format": 1, "pack": "namur-demo", "version": 7,
            "created": "2026-01-01T00:00:00Z", "expires": "2027-01-01T00:00:00Z",
            "schema": 1, "min_kiosk": "0.1.0", "objects": [
            {"sha256": "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", "size": 10,
             "type": "image/svg+xml", "role": "pictogram"},
            {"sha256": "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "size": 4096,
             "type": "application/vnd.sqlite3", "role": "database"}]})";
    }

private Q_SLOTS:
    void parsesAValidManifest()
    {
        const Result<PackManifest> m = PackManifest::parse(valid(), u"manifest.json"_s);
        QVERIFY2(m.ok(), qPrintable(m.problem().toString()));
        QCOMPARE(m->packId, u"namur-demo"_s);
        QCOMPARE(m->version, 7);
        QCOMPARE(m->created, QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC));
        QCOMPARE(m->objects.size(), 2);
        QCOMPARE(m->objects.first().sha256.left(1), u"a"_s); // sorted by hash
        QVERIFY(m->database());
        QCOMPARE(m->database()->size, 4096);
        QCOMPARE(m->totalSize(), 4106);
    }

    void serializeRoundTripsAndIsStable()
    {
        const Result<PackManifest> m = PackManifest::parse(valid(), u"m"_s);
        QVERIFY(m.ok());
        const QByteArray bytes = m->serialize();
        const Result<PackManifest> again = PackManifest::parse(bytes, u"m"_s);
        QVERIFY(again.ok());
        QCOMPARE(again->serialize(), bytes);
        QCOMPARE(again->objects, m->objects);
    }

    void rejects_data()
    {
        QTest::addColumn<QByteArray>("from");
        QTest::addColumn<QByteArray>("to");
        QTest::addColumn<QString>("reason");
        QTest::newRow("unknown key") << QByteArray(R"("format": 1,)") << QByteArray(R"("format": 1, "extra": 2,)") << u"unknown key"_s;
        QTest::newRow("newer format") << QByteArray(R"("format": 1)") << QByteArray(R"("format": 2)") << u"not supported"_s;
        QTest::newRow("bad hash") << QByteArray("bbbbbbbb") << QByteArray("BBBBBBBB") << u"sha256"_s;
        QTest::newRow("path in hash") << QByteArray("bbbbbbbb") << QByteArray("../../bb") << u"sha256"_s;
        QTest::newRow("two databases") << QByteArray(R"("role": "pictogram")") << QByteArray(R"("role": "database")") << u"exactly one database"_s;
        QTest::newRow("upper-case type") << QByteArray("image/svg+xml") << QByteArray("Image/svg+xml") << u"type or role"_s;
        QTest::newRow("type starting with /") << QByteArray("image/svg+xml") << QByteArray("/image/svg") << u"type or role"_s;
        QTest::newRow("space in role") << QByteArray(R"("role": "pictogram")") << QByteArray(R"("role": "picto gram")") << u"type or role"_s;
        QTest::newRow("empty role") << QByteArray(R"("role": "pictogram")") << QByteArray(R"("role": "")") << u"type or role"_s;
        QTest::newRow("role of 101 characters") << QByteArray(R"("role": "pictogram")")
                                                << QByteArray(R"("role": ")") + QByteArray(101, 'a') + QByteArray(R"(")")
                                                << u"type or role"_s;
        QTest::newRow("negative size") << QByteArray(R"("size": 10)") << QByteArray(R"("size": -10)") << u"size"_s;
        QTest::newRow("fractional version") << QByteArray(R"("version": 7)") << QByteArray(R"("version": 7.5)") << u"version"_s;
        QTest::newRow("local time") << QByteArray("2026-01-01T00:00:00Z") << QByteArray("2026-01-01T00:00:00+01:00") << u"UTC"_s;
        QTest::newRow("not json") << QByteArray("{") << QByteArray("[") << u"not valid JSON"_s;
    }

    void rejects()
    {
        QFETCH(QByteArray, from);
        QFETCH(QByteArray, to);
        QFETCH(QString, reason);
        QByteArray json = valid();
        QVERIFY(json.contains(from));
        json.replace(json.indexOf(from), from.size(), to);
        const Result<PackManifest> m = PackManifest::parse(json, u"manifest.json"_s);
        QVERIFY(!m.ok());
        QVERIFY2(m.problem().message.contains(reason), qPrintable(m.problem().message));
        QCOMPARE(m.problem().file, u"manifest.json"_s);
    }

    void comparesVersions()
    {
        QCOMPARE(compareVersions(u"0.1.0"_s, u"0.1"_s), 0);
        QVERIFY(compareVersions(u"0.2.0"_s, u"0.10.0"_s) < 0);
        QVERIFY(compareVersions(u"1.0"_s, u"0.9.9"_s) > 0);
    }
};

QTEST_GUILESS_MAIN(TestPackManifest)
#include "tst_packmanifest.moc"
