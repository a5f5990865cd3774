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

    void numberOutOfRange_data()
    {
        // The message names the key, the value and the range (issue 15); 1e300 is checked as
        // a double, never converted to int first.
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("interval too short") << "{\"keys\": [\"KEY\"], \"check_interval_s\": 5}"_ba
                                            << u"\"check_interval_s\" is 5; it must be a whole number from 10 to 604800"_s;
        QTest::newRow("1e300") << "{\"keys\": [\"KEY\"], \"attempts\": 1e300}"_ba
                               << u"\"attempts\" is 1e+300; it must be a whole number from 1 to 100"_s;
        QTest::newRow("-1e300") << "{\"keys\": [\"KEY\"], \"timeout_ms\": -1e300}"_ba
                                << u"\"timeout_ms\" is -1e+300; it must be a whole number from 100 to 600000"_s;
        QTest::newRow("fractional") << "{\"keys\": [\"KEY\"], \"attempts\": 2.5}"_ba
                                    << u"\"attempts\" is 2.5; it must be a whole number from 1 to 100"_s;
        QTest::newRow("a string") << "{\"keys\": [\"KEY\"], \"rate_window_s\": \"30\"}"_ba
                                  << u"\"rate_window_s\" must be a whole number from 1 to 3600"_s;
        QTest::newRow("deadline") << "{\"keys\": [\"KEY\"], \"request_deadline_s\": 1}"_ba
                                  << u"\"request_deadline_s\" is 1; it must be a whole number from 5 to 86400"_s;
        QTest::newRow("https_only with an http source")
            << "{\"keys\": [\"KEY\"], \"https_only\": true, \"sources\": [\"http://x.be/\"]}"_ba
            << u"source \"http://x.be/\" is plain http, and \"https_only\" is set"_s;
    }

    void numberOutOfRange()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        Result<SyncConfig> c = SyncConfig::fromJson(parse(json), u"kiosk.json"_s);
        QVERIFY(!c.ok());
        QCOMPARE(c.problem().message, u"sync: "_s + message);
        QCOMPARE(c.problem().file, u"kiosk.json"_s);
    }

    void bounds()
    {
        Result<SyncConfig> c = SyncConfig::fromJson(parse("{\"keys\": [\"KEY\"], \"request_deadline_s\": 60, "
                                                          "\"min_rate_bytes_per_s\": 0, \"rate_window_s\": 10, "
                                                          "\"https_only\": true, \"redirect_hosts\": [\"cdn.example.be\"]}"),
                                                    u"kiosk.json"_s);
        QVERIFY2(c.ok(), qPrintable(c.problem().toString()));
        QCOMPARE(c->requestDeadlineSeconds, 60);
        QCOMPARE(c->minBytesPerSecond, 0);
        QCOMPARE(c->rateWindowSeconds, 10);
        QVERIFY(c->httpsOnly);
        QCOMPARE(c->redirectHosts, QStringList{u"cdn.example.be"_s});
        // The defaults: see SyncConfig (a poor 3G link passes them).
        Result<SyncConfig> d = SyncConfig::fromJson(parse("{\"keys\": [\"KEY\"]}"), u"kiosk.json"_s);
        QCOMPARE(d->requestDeadlineSeconds, 120);
        QCOMPARE(d->minBytesPerSecond, 2048);
        QCOMPARE(d->rateWindowSeconds, 30);
        QVERIFY(!d->httpsOnly);
    }
};

QTEST_GUILESS_MAIN(TestSyncConfig)
#include "tst_syncconfig.moc"
