// The streaming SHA-256 (libcrypto) agrees with libsodium's on every length and however
// the bytes are split into chunks.
#include "sha256.h"
#include "sha256stream.h"

#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace Qt::StringLiterals;

class TestSha256Stream : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void knownAnswers()
    {
        QCOMPARE(Sha256Stream::hex({}), u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s);
        QCOMPARE(Sha256Stream::hex("abc"), u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s);
    }

    void agreesWithLibsodium_data()
    {
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("chunk");
        for (int length : {1, 55, 56, 63, 64, 65, 127, 128, 1000, 65536, 1000003})
            for (int chunk : {1, 7, 64, 4096})
                if (length / chunk < 200000)
                    QTest::addRow("%d bytes in chunks of %d", length, chunk) << length << chunk;
    }

    void agreesWithLibsodium()
    {
        QFETCH(int, length);
        QFETCH(int, chunk);
        QByteArray data(length, Qt::Uninitialized);
        QRandomGenerator random(quint32(length * 31 + chunk));
        for (char &c : data)
            c = char(random.bounded(256));
        Sha256Stream stream;
        for (int i = 0; i < length; i += chunk)
            stream.update(data.constData() + i, std::min(chunk, length - i));
        QCOMPARE(stream.finishHex(), sha256Hex(data));
        stream.reset();
        stream.update(data.constData(), data.size());
        QCOMPARE(stream.finishHex(), sha256Hex(data));
    }
};

QTEST_GUILESS_MAIN(TestSha256Stream)
#include "tst_sha256stream.moc"
