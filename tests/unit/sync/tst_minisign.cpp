// The minisign formats and libsodium signing: parse, write, sign, verify, refuse.
#include "minisign.h"
#include "packsignature.h"

#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace Qt::StringLiterals;

class TestMinisign : public QObject
{
    Q_OBJECT

private:
    const MinisignSecretKey m_key = MinisignSecretKey::generate();
    const MinisignSecretKey m_otherKey = MinisignSecretKey::generate();
    const QByteArray m_data = "{\"pack\": \"demo\"}\n";

    QByteArray signedFile(const QByteArray &trusted = "passerelle pack=demo version=1") const
    {
        return minisignSign(m_key, m_data, trusted, "signature from the tests").value().toFileText();
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void publicKeyRoundTrip()
    {
        const MinisignPublicKey pk = m_key.publicKey();
        Result<MinisignPublicKey> parsed = MinisignPublicKey::parse(pk.toFileText(), u"k.pub"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.problem().toString()));
        QCOMPARE(parsed.value(), pk);
        QCOMPARE(parsed->idText().size(), 16);
        QVERIFY(pk.toFileText().startsWith(QByteArray("untrusted comment: minisign public key " + pk.idText().toLatin1() + '\n')));
        QVERIFY(pk.toBase64().startsWith("RW")); // "Ed" in base64, as minisign keys begin
    }

    void badPublicKeys_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QByteArray good = m_key.publicKey().toBase64();
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("key only") << good + '\n';
        QTest::newRow("no comment prefix") << "comment\n" + good + '\n';
        QTest::newRow("three lines") << "untrusted comment: x\n" + good + "\nmore\n";
        QTest::newRow("short") << "untrusted comment: x\n" + good.left(40) + '\n';
        QTest::newRow("not base64") << "untrusted comment: x\n" + QByteArray(56, '!') + '\n';
        QByteArray wrongAlg = QByteArray::fromBase64(good);
        wrongAlg[1] = 'X';
        QTest::newRow("algorithm") << "untrusted comment: x\n" + wrongAlg.toBase64() + '\n';
        QTest::newRow("huge") << QByteArray(10000, 'a');
    }

    void badPublicKeys()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!MinisignPublicKey::parse(text, u"k.pub"_s).ok());
    }

    void secretKeyRoundTrip()
    {
        const QByteArray text = m_key.toFileText();
        Result<MinisignSecretKey> parsed = MinisignSecretKey::parse(text, u"k.key"_s);
        QVERIFY2(parsed.ok(), qPrintable(parsed.problem().toString()));
        QCOMPARE(parsed->publicKey(), m_key.publicKey());
        QCOMPARE(parsed->signDetached("x"), m_key.signDetached("x"));
    }

    void encryptedSecretKeyRefused()
    {
        // Same layout as a password-protected minisign key: kdf "Sc".
        QByteArray blob = QByteArray::fromBase64(m_key.toFileText().split('\n').at(1));
        blob[2] = 'S';
        blob[3] = 'c';
        const QByteArray text = "untrusted comment: minisign encrypted secret key\n" + blob.toBase64() + '\n';
        Result<MinisignSecretKey> parsed = MinisignSecretKey::parse(text, u"k.key"_s);
        QVERIFY(!parsed.ok());
        QVERIFY2(parsed.problem().message.contains(u"password"_s), qPrintable(parsed.problem().toString()));
        QVERIFY(parsed.problem().hint.contains(u"minisign -C -W"_s));
    }

    void damagedSecretKeyRefused()
    {
        QByteArray blob = QByteArray::fromBase64(m_key.toFileText().split('\n').at(1));
        blob[60] = char(blob[60] ^ 1); // inside the secret key: the checksum no longer matches
        const QByteArray text = "untrusted comment: k\n" + blob.toBase64() + '\n';
        QVERIFY(!MinisignSecretKey::parse(text, u"k.key"_s).ok());
    }

    void signAndVerify()
    {
        Result<MinisignSignature> sig = MinisignSignature::parse(signedFile(), u"s"_s);
        QVERIFY2(sig.ok(), qPrintable(sig.problem().toString()));
        QVERIFY(sig->prehashed);
        QCOMPARE(sig->trustedComment, "passerelle pack=demo version=1"_ba);
        Result<MinisignPublicKey> by = minisignVerify(sig.value(), m_data, {m_key.publicKey()}, u"s"_s);
        QVERIFY2(by.ok(), qPrintable(by.problem().toString()));
        QCOMPARE(by.value(), m_key.publicKey());
    }

    void keyRotation()
    {
        // During a rotation the kiosk lists both keys; either signature verifies.
        const QList<MinisignPublicKey> both{m_otherKey.publicKey(), m_key.publicKey()};
        for (const MinisignSecretKey *key : {&m_key, &m_otherKey}) {
            const MinisignSignature sig = minisignSign(*key, m_data, "t", "u").value();
            Result<MinisignPublicKey> by = minisignVerify(sig, m_data, both, u"s"_s);
            QVERIFY(by.ok());
            QCOMPARE(by.value(), key->publicKey());
        }
    }

    void unknownKeyRejected()
    {
        const MinisignSignature sig = MinisignSignature::parse(signedFile(), u"s"_s).value();
        Result<MinisignPublicKey> by = minisignVerify(sig, m_data, {m_otherKey.publicKey()}, u"s"_s);
        QVERIFY(!by.ok());
        QVERIFY(by.problem().message.contains(m_key.publicKey().idText()));
        QVERIFY(by.problem().message.contains(u"not a trusted key"_s));
        QVERIFY(!minisignVerify(sig, m_data, {}, u"s"_s).ok());
    }

    void sameIdOtherKeyRejected()
    {
        // A signature by another key that claims the trusted key's id.
        MinisignSignature sig = minisignSign(m_otherKey, m_data, "t", "u").value();
        sig.keyId = m_key.keyId();
        QVERIFY(!minisignVerify(sig, m_data, {m_key.publicKey()}, u"s"_s).ok());
    }

    void legacyRejected()
    {
        // A legacy signature: "Ed", Ed25519 over the file itself, otherwise valid.
        MinisignSignature sig;
        sig.prehashed = false;
        sig.keyId = m_key.keyId();
        sig.untrustedComment = "legacy";
        sig.trustedComment = "passerelle pack=demo version=1";
        sig.signature = m_key.signDetached(m_data);
        sig.globalSignature = m_key.signDetached(sig.signature + sig.trustedComment);
        Result<MinisignSignature> parsed = MinisignSignature::parse(sig.toFileText(), u"s"_s);
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->prehashed);
        Result<MinisignPublicKey> by = minisignVerify(parsed.value(), m_data, {m_key.publicKey()}, u"s"_s);
        QVERIFY(!by.ok());
        QVERIFY(by.problem().message.contains(u"legacy"_s));
    }

    void flippedBits_data()
    {
        // Every bit of every byte that is signed or that signs: flip one, verification fails.
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("byte");
        QTest::addColumn<int>("bit");
        const QList<QByteArray> lines = signedFile().split('\n');
        for (int line : {1, 3}) {
            const int length = int(QByteArray::fromBase64(lines[line]).size());
            for (int byte = 0; byte < length; byte += 7)
                QTest::addRow("line %d byte %d", line, byte) << line << byte << (byte % 8);
        }
        for (int byte = 0; byte < lines[2].size() - 17; ++byte)
            QTest::addRow("trusted comment byte %d", byte) << 2 << byte << 0;
        for (int byte = 0; byte < m_data.size(); ++byte)
            QTest::addRow("data byte %d", byte) << -1 << byte << 2;
    }

    void flippedBits()
    {
        QFETCH(int, line);
        QFETCH(int, byte);
        QFETCH(int, bit);
        QList<QByteArray> lines = signedFile().split('\n');
        QByteArray data = m_data;
        if (line == -1) {
            data[byte] = char(data[byte] ^ (1 << bit));
        } else if (line == 2) {
            lines[2][17 + byte] = char(lines[2][17 + byte] ^ (1 << bit));
        } else {
            QByteArray blob = QByteArray::fromBase64(lines[line]);
            blob[byte] = char(blob[byte] ^ (1 << bit));
            lines[line] = blob.toBase64();
        }
        Result<MinisignSignature> sig = MinisignSignature::parse(lines.join('\n'), u"s"_s);
        if (!sig.ok())
            return; // refused while parsing: as good as refused while verifying
        QVERIFY(!minisignVerify(sig.value(), data, {m_key.publicKey()}, u"s"_s).ok());
    }

    void malformedSignatures_data()
    {
        QTest::addColumn<QByteArray>("text");
        const QList<QByteArray> good = signedFile().split('\n');
        auto join = [](QList<QByteArray> lines) { return lines.join('\n'); };
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("three lines") << join(good.mid(0, 3));
        QTest::newRow("five lines") << join(good.mid(0, 4)) + "\nextra\n";
        QList<QByteArray> l = good;
        l[0] = "comment: x";
        QTest::newRow("untrusted prefix") << join(l);
        l = good;
        l[2] = "trusted: x";
        QTest::newRow("trusted prefix") << join(l);
        l = good;
        l[1].chop(4);
        QTest::newRow("short signature") << join(l);
        l = good;
        l[3] += "AAAA";
        QTest::newRow("long global signature") << join(l);
        l = good;
        l[1] = " " + l[1];
        QTest::newRow("space in base64") << join(l);
        l = good;
        l[2] += '\x01';
        QTest::newRow("control character") << join(l);
        l = good;
        l[2] += QByteArray(9000, 'a');
        QTest::newRow("long trusted comment") << join(l);
        QTest::newRow("huge") << QByteArray(20000, 'a');
        QByteArray blob = QByteArray::fromBase64(good[1]);
        blob[0] = 'X';
        l = good;
        l[1] = blob.toBase64();
        QTest::newRow("algorithm") << join(l);
    }

    void malformedSignatures()
    {
        QFETCH(QByteArray, text);
        QVERIFY(!MinisignSignature::parse(text, u"s"_s).ok());
    }

    void windowsLineEndings()
    {
        QByteArray text = signedFile();
        text.replace("\n", "\r\n");
        Result<MinisignSignature> sig = MinisignSignature::parse(text, u"s"_s);
        QVERIFY(sig.ok());
        QVERIFY(minisignVerify(sig.value(), m_data, {m_key.publicKey()}, u"s"_s).ok());
    }

    void blake2b()
    {
        // BLAKE2b-512 of the empty string (RFC 7693 test vector family; value from libsodium).
        QCOMPARE(blake2b512({}).toHex(),
                 "786a02f742015903c6c6fd852552d272912f4740e15847618a86e217f71f5419d25e1031afee585313896444934eb04b903a685b1448b755d56f701afe9be2ce"_ba);
    }
};

QTEST_GUILESS_MAIN(TestMinisign)
#include "tst_minisign.moc"
