// The "sync" settings of a kiosk configuration.
#include "syncconfig.h"

#include <QJsonDocument>
#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace Qt::StringLiterals;

class TestSyncConfig : public QObject
{
    Q_OBJECT

private:
    const MinisignPublicKey m_key = MinisignSecretKey::generate().publicKey();

    QJsonObject parse(const QByteArray &json) const
    {
        QByteArray text = json;
        text.replace("KEY", m_key.toBase64());
        return QJsonDocument::fromJson(text).object();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void good()
    {
        Result<SyncConfig> c = SyncConfig::fromJson(parse("{\"store\": \"/var/lib/passerelle\",\n"
            "            \"sources\": [\"https://packs.example.be/namur/\", \"/srv/mirror\"], \"keys\": [\"KEY\"],\n"
            "            \"check_interval_s\": 900, \"check_jitter_s\": 120, \"usb_mount_parents\": [\"/media\"]}"),
                                                    u"kiosk.json"_s);
        QVERIFY2(c.ok(), qPrintable(c.problem().toString()));
        QCOMPARE(c->sources.size(), 2);
        QCOMPARE(c->trustedKeys, QList<MinisignPublicKey>{m_key});
        QCOMPARE(c->checkIntervalSeconds, 900);
        QCOMPARE(c->checkJitterSeconds, 120);
        QCOMPARE(c->usbMountParents, QStringList{u"/media"_s});
        QCOMPARE(c->kioskVersion, QStringLiteral(PASSERELLE_VERSION));
        QCOMPARE(c->statusFilePath(), u"/var/lib/passerelle/status.json"_s);
    }

    void bad_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("unknown setting") << "{\"keys\": [\"KEY\"], \"colour\": \"blue\"}"_ba;
        QTest::newRow("no key") << "{\"sources\": [\"https://x.be/\"]}"_ba;
        QTest::newRow("bad key") << "{\"keys\": [\"RWQnotakey\"]}"_ba;
        QTest::newRow("relative store") << "{\"keys\": [\"KEY\"], \"store\": \"store\"}"_ba;
        QTest::newRow("ftp source") << "{\"keys\": [\"KEY\"], \"sources\": [\"ftp://x.be/\"]}"_ba;
        QTest::newRow("relative folder") << "{\"keys\": [\"KEY\"], \"sources\": [\"media/usb\"]}"_ba;
        QTest::newRow("interval too short") << "{\"keys\": [\"KEY\"], \"check_interval_s\": 1}"_ba;
        QTest::newRow("fractional") << "{\"keys\": [\"KEY\"], \"attempts\": 2.5}"_ba;
        QTest::newRow("pack folder with slash") << "{\"keys\": [\"KEY\"], \"usb_pack_folder\": \"a/b\"}"_ba;
    }

    void bad()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!SyncConfig::fromJson(parse(json), u"kiosk.json"_s).ok());
    }
};

QTEST_GUILESS_MAIN(TestSyncConfig)
#include "tst_syncconfig.moc"
