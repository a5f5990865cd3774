// Interoperability with the real minisign tool (SYNC.md test 13): a pack signed by
// `minisign -S` verifies and syncs here; a pack signed by passerelle-pack verifies with
// `minisign -V -H`; keys go both ways; minisign's legacy signatures are refused here.
#include "packsignature.h"
#include "synctesthelpers.h"
#include "workspace.h"

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestInterop : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_minisign;
    QString m_pack;

    struct Run
    {
        int code = -1;
        QString out;
    };

    static Run run(const QString &program, const QStringList &args, const QString &dir = {})
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        if (!dir.isEmpty())
            p.setWorkingDirectory(dir);
        p.start(program, args);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            return {};
        return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAll())};
    }

    QString copyPack(const QString &name)
    {
        const QString dir = m_ws->path(name);
        QDir().mkpath(dir + u"/objects"_s);
        for (const QString &f : QDir(m_pack + u"/objects"_s).entryList(QDir::Files))
            QFile::copy(m_pack + u"/objects/"_s + f, dir + u"/objects/"_s + f);
        QFile::copy(m_pack + u"/manifest.json"_s, dir + u"/manifest.json"_s);
        return dir;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_minisign = QStandardPaths::findExecutable(u"minisign"_s);
        if (m_minisign.isEmpty())
            QFAIL("minisign is not installed (deploy/install-deps.sh installs it)");
        m_ws = std::make_unique<Workspace>();
        m_pack = m_ws->buildPack(u"pack"_s, Workspace::options(1, 2));
        QVERIFY(!m_pack.isEmpty());
    }

    void signedByMinisign()
    {
        const QString dir = copyPack(u"by-minisign"_s);
        const QString keys = m_ws->path(u"minisign-keys"_s);
        QDir().mkpath(keys);
        Run gen = run(m_minisign, {u"-G"_s, u"-W"_s, u"-f"_s, u"-p"_s, keys + u"/m.pub"_s, u"-s"_s, keys + u"/m.key"_s});
        QVERIFY2(gen.code == 0, qPrintable(gen.out));
        Run sign = run(m_minisign, {u"-S"_s, u"-s"_s, keys + u"/m.key"_s, u"-m"_s, dir + u"/manifest.json"_s, u"-t"_s,
                                    u"passerelle pack=test-pack version=1"_s});
        QVERIFY2(sign.code == 0, qPrintable(sign.out));

        Result<QList<MinisignPublicKey>> key = loadPublicKeys({keys + u"/m.pub"_s});
        QVERIFY2(key.ok(), qPrintable(key.problem().toString()));
        Result<VerifiedManifest> verified =
            verifySignedManifest(Workspace::read(dir + u"/manifest.json"_s), Workspace::read(dir + u"/manifest.json.minisig"_s),
                                 key.value(), dir);
        QVERIFY2(verified.ok(), qPrintable(verified.problem().toString()));
        QCOMPARE(verified->manifest.version, 1);

        // And a kiosk trusting that key syncs it.
        const QString stick = m_ws->path(u"stick-minisign"_s);
        QVERIFY(Workspace::publish(dir, stick));
        SyncConfig config = testConfig(*m_ws, m_ws->path(u"store-minisign"_s), {stick});
        config.trustedKeys = key.value();
        auto syncer = makeSyncer(config);
        QVERIFY(syncer);
        QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);

        // minisign's secret key (made with -W) is usable by passerelle-pack too.
        Result<MinisignSecretKey> secret = MinisignSecretKey::parse(Workspace::read(keys + u"/m.key"_s), u"m.key"_s);
        QVERIFY2(secret.ok(), qPrintable(secret.problem().toString()));
        QCOMPARE(secret->publicKey(), key.value().first());
    }

    void signedByPasserellePack()
    {
        const QString dir = copyPack(u"by-passerelle"_s);
        const QString pub = m_ws->path(u"p.pub"_s);
        const QString sec = m_ws->path(u"p.key"_s);
        Run gen = run(packTool(), {u"keygen"_s, pub, sec});
        QVERIFY2(gen.code == 0, qPrintable(gen.out));
        Run sign = run(packTool(), {u"sign"_s, dir, sec});
        QVERIFY2(sign.code == 0, qPrintable(sign.out));
        // -H: minisign insists on a prehashed signature.
        Run verify = run(m_minisign, {u"-V"_s, u"-H"_s, u"-p"_s, pub, u"-m"_s, dir + u"/manifest.json"_s});
        QVERIFY2(verify.code == 0, qPrintable(verify.out));
        QVERIFY2(verify.out.contains(u"Trusted comment: passerelle pack=test-pack version=1"_s), qPrintable(verify.out));
        Run ours = run(packTool(), {u"verify"_s, dir, pub});
        QVERIFY2(ours.code == 0, qPrintable(ours.out));

        // minisign signs with a passerelle-pack secret key; passerelle verifies.
        const QString other = copyPack(u"by-minisign-with-our-key"_s);
        Run msign = run(m_minisign, {u"-S"_s, u"-s"_s, sec, u"-m"_s, other + u"/manifest.json"_s, u"-t"_s,
                                     u"passerelle pack=test-pack version=1"_s});
        QVERIFY2(msign.code == 0, qPrintable(msign.out));
        Run ours2 = run(packTool(), {u"verify"_s, other, pub});
        QVERIFY2(ours2.code == 0, qPrintable(ours2.out));
    }

    void minisignRefusesWhatWeRefuse()
    {
        // An edited trusted comment: both refuse.
        const QString dir = copyPack(u"edited"_s);
        QVERIFY(Workspace::sign(dir, m_ws->key()));
        QByteArray sig = Workspace::read(dir + u"/manifest.json.minisig"_s);
        sig.replace("version=1", "version=9");
        Workspace::write(dir + u"/manifest.json.minisig"_s, sig);
        QVERIFY(run(m_minisign, {u"-V"_s, u"-p"_s, m_ws->publicKeyFile(), u"-m"_s, dir + u"/manifest.json"_s}).code != 0);
        QVERIFY(run(packTool(), {u"verify"_s, dir, m_ws->publicKeyFile()}).code != 0);
    }

    void legacyFromMinisignRefused()
    {
        const QString dir = copyPack(u"legacy"_s);
        Run sign = run(m_minisign, {u"-S"_s, u"-l"_s, u"-s"_s, m_ws->secretKeyFile(), u"-m"_s, dir + u"/manifest.json"_s,
                                    u"-t"_s, u"passerelle pack=test-pack version=1"_s});
        QVERIFY2(sign.code == 0, qPrintable(sign.out));
        // minisign itself accepts it without -H...
        QCOMPARE(run(m_minisign, {u"-V"_s, u"-p"_s, m_ws->publicKeyFile(), u"-m"_s, dir + u"/manifest.json"_s}).code, 0);
        // ...we never do.
        Result<VerifiedManifest> verified =
            verifySignedManifest(Workspace::read(dir + u"/manifest.json"_s), Workspace::read(dir + u"/manifest.json.minisig"_s),
                                 {m_ws->key().publicKey()}, dir);
        QVERIFY(!verified.ok());
        QVERIFY(verified.problem().message.contains(u"legacy"_s));
    }

    void encryptedKeyRefusedByPasserellePack()
    {
        // minisign without -W writes a password-protected key; feed it a password on stdin.
        const QString keys = m_ws->path(u"encrypted"_s);
        QDir().mkpath(keys);
        QProcess gen;
        gen.setProcessChannelMode(QProcess::MergedChannels);
        gen.start(m_minisign, {u"-G"_s, u"-f"_s, u"-p"_s, keys + u"/e.pub"_s, u"-s"_s, keys + u"/e.key"_s});
        gen.write("secret\nsecret\n");
        gen.closeWriteChannel();
        QVERIFY(gen.waitForFinished(120000));
        if (gen.exitCode() != 0)
            QSKIP("this minisign reads passwords only from a terminal");
        const QString dir = copyPack(u"encrypted-pack"_s);
        Run sign = run(packTool(), {u"sign"_s, dir, keys + u"/e.key"_s});
        QCOMPARE(sign.code, 1);
        QVERIFY2(sign.out.contains(u"password"_s), qPrintable(sign.out));
    }
};

QTEST_GUILESS_MAIN(TestInterop)
#include "tst_interop.moc"
