// The kiosk's start path, end to end (issue 15, item 1): the real `passerelle` binary
// starts with --config on a real store (current = v2, previous = v1, both synced by the
// real passerelle-sync and signed), after one kind of damage to `current`. It must
// show the previous pack (or the bundled first pack, or the out-of-service screen),
// say why in the journal and in the Prometheus textfile, and exit 0 (it never exits in a
// loop over a damaged pack).
//
// The demonstration of the issue is damagedCurrent("empty manifest"): an empty
// packs/2/manifest.json (what ext4 leaves of an un-fsynced file after a power cut). Before
// the start path existed the kiosk exited with "not valid JSON" on every start.
#include "workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QScopeGuard>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace passerelle;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

class TestStartPath : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    QString m_v1, m_v2, m_template, m_otherKey;
    QTemporaryDir m_run;

    static bool run(const QString &program, const QStringList &args, QString *output = nullptr)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        const bool ok = p.waitForFinished(120000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
        const QString text = QString::fromUtf8(p.readAll());
        if (output)
            *output = text;
        if (!ok)
            qWarning().noquote() << program << args.join(u' ') << "failed:" << text;
        return ok;
    }

    static QString packTool() { return QStringLiteral(PASSERELLE_PACK_TOOL); }

    /** A copy of the template store (current -> packs/2, previous -> packs/1). */
    QString freshStore(const QString &name)
    {
        const QString store = m_run.filePath(name);
        QDir(store).removeRecursively();
        return run(u"cp"_s, {u"-a"_s, m_template, store}) ? store : QString();
    }

    QString writeConfig(const QString &store, const QString &firstPack, const QString &keyFile) const
    {
        const QString path = store + u".conf"_s;
        QFile conf(path);
        if (!conf.open(QIODevice::WriteOnly))
            return {};
        conf.write(u"[kiosk]\nname = Start path test\n[sync]\ntrusted_keys = %1\n[storage]\nstate_directory = %2\n"
                   "first_pack = %3\n[health]\ntextfile = %4\n"_s.arg(keyFile, store, firstPack, store + u".prom"_s)
                       .toUtf8());
        return path;
    }

    struct Started
    {
        int exitCode = -1;
        QString out;
        QString err;
        QString textfile;
    };

    /** The real kiosk, in kiosk mode (not a render), until its first frame is on screen. */
    static Started startKiosk(const QString &config, const QStringList &extra = {})
    {
        QProcess kiosk;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
        env.remove(u"NOTIFY_SOCKET"_s);
        env.remove(u"INVOCATION_ID"_s);
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(PASSERELLE_KIOSK),
                    QStringList{u"--config"_s, config, u"--windowed"_s, u"--report-first-frame"_s} + extra);
        Started s;
        if (!kiosk.waitForFinished(60000)) {
            kiosk.kill();
            kiosk.waitForFinished();
        }
        s.exitCode = kiosk.exitStatus() == QProcess::NormalExit ? kiosk.exitCode() : -1;
        s.out = QString::fromUtf8(kiosk.readAllStandardOutput());
        s.err = QString::fromUtf8(kiosk.readAllStandardError());
        QFile textfile(QString(config).replace(u".conf"_s, u".prom"_s));
        if (textfile.open(QIODevice::ReadOnly))
            s.textfile = QString::fromUtf8(textfile.readAll());
        return s;
    }

    static QString databaseObjectOf(const QString &store, qint64 version)
    {
        const PackManifest m = Workspace::manifest(store + u"/packs/"_s + QString::number(version));
        return m.database() ? store + u"/objects/"_s + m.database()->sha256 : QString();
    }

    /** Replaces one byte in the middle of a file, keeping its size. */
    static bool flipByte(const QString &path)
    {
        QByteArray bytes = Workspace::read(path);
        if (bytes.isEmpty())
            return false;
        bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x5a);
        QFile::remove(path); // objects are read-only files
        return Workspace::write(path, bytes);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_run.isValid());
        m_ws = std::make_unique<Workspace>();
        QVERIFY(m_ws->isValid());
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1));
        m_v2 = m_ws->buildPack(u"v2"_s, Workspace::options(2, 0, u"Edited for version 2."_s));
        QVERIFY(!m_v1.isEmpty() && !m_v2.isEmpty());
        QVERIFY(QFileInfo(Workspace::databaseObject(m_v1)).fileName() != QFileInfo(Workspace::databaseObject(m_v2)).fileName());
        // The template store, made by the real sync: v1, then v2 on top of it.
        m_template = m_run.filePath(u"template"_s);
        for (const QString &pack : {m_v1, m_v2})
            QVERIFY(run(QStringLiteral(PASSERELLE_SYNC_TOOL), {u"--store"_s, m_template, u"--source"_s, pack, u"--key"_s,
                                                               m_ws->publicKeyFile(), u"--once"_s, u"--activate"_s,
                                                               u"--reserve-mb"_s, u"0"_s}));
        QCOMPARE(QFile::symLinkTarget(m_template + u"/current"_s), m_template + u"/packs/2"_s);
        QCOMPARE(QFile::symLinkTarget(m_template + u"/previous"_s), m_template + u"/packs/1"_s);
        // Another editor's key, made by the pack tool: valid signatures the kiosk does not trust.
        m_otherKey = m_run.filePath(u"other"_s);
        QVERIFY(run(packTool(), {u"keygen"_s, m_otherKey + u".pub"_s, m_otherKey + u".key"_s}));
    }

    void healthyStoreShowsCurrent()
    {
        const QString store = freshStore(u"healthy"_s);
        const Started s = startKiosk(writeConfig(store, u"/nonexistent/first-pack"_s, m_ws->publicKeyFile()));
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        QVERIFY(s.out.contains(u"first frame"_s));
        QVERIFY2(s.textfile.contains(u"passerelle_pack_version{pack_id=\"test-pack\"} 2"_s), qPrintable(s.textfile));
        QCOMPARE(s.textfile.count(QRegularExpression(u"passerelle_pack_fallback\\{reason=\"[a-z_]+\"\\} 1\n"_s)), 0);
        QVERIFY2(s.textfile.contains(u"passerelle_out_of_service 0\n"_s), qPrintable(s.textfile));
        QVERIFY2(s.err.contains(u"verified"_s), qPrintable(s.err));
    }

    void damagedCurrent_data()
    {
        QTest::addColumn<QString>("damage");
        QTest::addColumn<QString>("reason");
        QTest::newRow("empty manifest") << u"empty-manifest"_s << u"manifest_invalid"_s;
        QTest::newRow("signature of another key") << u"other-key"_s << u"signature_invalid"_s;
        QTest::newRow("signature bit flipped") << u"signature-flip"_s << u"signature_invalid"_s;
        QTest::newRow("database byte changed, same size") << u"database-flip"_s << u"database_hash_mismatch"_s;
        QTest::newRow("database fails integrity_check, signed") << u"database-index"_s << u"schema_invalid"_s;
        QTest::newRow("database object gone") << u"database-gone"_s << u"missing"_s;
        QTest::newRow("pack folder gone") << u"folder-gone"_s << u"missing"_s;
    }

    void damagedCurrent()
    {
        QFETCH(QString, damage);
        QFETCH(QString, reason);
        const QString store = freshStore(u"damaged-"_s + damage);
        QVERIFY(!store.isEmpty());
        const QString current = store + u"/packs/2"_s;
        if (damage == u"empty-manifest") {
            QVERIFY(Workspace::write(current + u"/manifest.json"_s, {}));
        } else if (damage == u"other-key") {
            QVERIFY(run(packTool(), {u"sign"_s, current, m_otherKey + u".key"_s}));
        } else if (damage == u"signature-flip") {
            QByteArray sig = Workspace::read(current + u"/manifest.json.minisig"_s);
            const qsizetype line = sig.indexOf('\n') + 5; // inside the signature's base64
            sig[line] = sig[line] == 'A' ? 'B' : 'A';
            QVERIFY(Workspace::write(current + u"/manifest.json.minisig"_s, sig));
        } else if (damage == u"database-flip") {
            QVERIFY(flipByte(databaseObjectOf(store, 2)));
        } else if (damage == u"database-index") {
            // A signed pack whose database fails integrity_check (sync would never stage
            // it; here it is what the disk holds): its objects and manifest replace v2's.
            const QString bad = m_run.filePath(u"bad-index"_s);
            QDir(bad).removeRecursively();
            QVERIFY(run(u"cp"_s, {u"-a"_s, m_v2, bad}));
            QVERIFY(Workspace::editDatabase(bad, m_ws->key(), [](QByteArray &db) { Workspace::corruptIndex(db); }));
            const QString object = Workspace::databaseObject(bad);
            QVERIFY(QFile::copy(object, store + u"/objects/"_s + QFileInfo(object).fileName()));
            for (const QString &name : {u"manifest.json"_s, u"manifest.json.minisig"_s}) {
                QFile::remove(current + u'/' + name);
                QVERIFY(QFile::copy(bad + u'/' + name, current + u'/' + name));
            }
        } else if (damage == u"database-gone") {
            QVERIFY(QFile::remove(databaseObjectOf(store, 2)));
        } else if (damage == u"folder-gone") {
            QVERIFY(QDir(current).removeRecursively());
        }

        const Started s = startKiosk(writeConfig(store, u"/nonexistent/first-pack"_s, m_ws->publicKeyFile()));
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        QVERIFY2(s.out.contains(u"first frame"_s), qPrintable(s.err));
        // Shows the previous pack...
        QVERIFY2(s.textfile.contains(u"passerelle_pack_version{pack_id=\"test-pack\"} 1\n"_s), qPrintable(s.textfile));
        // ...and says why: the textfile, and the journal (naming the pack).
        QVERIFY2(s.textfile.contains(u"passerelle_pack_fallback{reason=\"%1\"} 1\n"_s.arg(reason)),
                 qPrintable(s.textfile));
        QCOMPARE(s.textfile.count(u"passerelle_pack_fallback{"_s), 5);
        QCOMPARE(s.textfile.count(QRegularExpression(u"passerelle_pack_fallback\\{reason=\"[a-z_]+\"\\} 1\n"_s)), 1);
        QVERIFY2(s.err.contains(u"passerelle.startpath"_s) || s.err.contains(u"not showing"_s), qPrintable(s.err));
        QVERIFY2(s.err.contains(reason), qPrintable(s.err));

        // The next start does the same: no loop, no worse.
        const Started again = startKiosk(writeConfig(store, u"/nonexistent/first-pack"_s, m_ws->publicKeyFile()));
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY(again.textfile.contains(u"passerelle_pack_version{pack_id=\"test-pack\"} 1\n"_s));
    }

    void bothDamagedShowsTheBundledFirstPack()
    {
        const QString store = freshStore(u"first-pack"_s);
        QVERIFY(Workspace::write(store + u"/packs/2/manifest.json"_s, {}));
        QVERIFY(flipByte(databaseObjectOf(store, 1)));
        // The bundled pack is trusted as installed by the package: the test pack is not
        // signed by the configured key, and shows anyway.
        const Started s = startKiosk(writeConfig(store, QStringLiteral(PASSERELLE_TEST_PACK), m_ws->publicKeyFile()));
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        QVERIFY2(s.textfile.contains(u"passerelle_pack_version{pack_id=\"test-pack\"} 3\n"_s), qPrintable(s.textfile));
        QVERIFY(s.textfile.contains(u"passerelle_pack_fallback{reason=\"manifest_invalid\"} 1\n"_s));
        QVERIFY(s.textfile.contains(u"passerelle_pack_fallback{reason=\"database_hash_mismatch\"} 1\n"_s));
        QVERIFY(s.textfile.contains(u"passerelle_out_of_service 0\n"_s));
    }

    void nothingUsableIsOutOfService()
    {
        const QString store = freshStore(u"nothing"_s);
        QVERIFY(Workspace::write(store + u"/packs/2/manifest.json"_s, {}));
        QVERIFY(QFile::remove(databaseObjectOf(store, 1)));
        const QString config = writeConfig(store, u"/nonexistent/first-pack"_s, m_ws->publicKeyFile());

        // The kiosk stays up, on its out-of-service screen, and tells the fleet.
        const Started s = startKiosk(config);
        QVERIFY2(s.exitCode == 0, qPrintable(s.err));
        QVERIFY2(s.out.contains(u"first frame"_s), qPrintable(s.err));
        QVERIFY2(s.textfile.contains(u"passerelle_out_of_service 1\n"_s), qPrintable(s.textfile));
        QVERIFY(s.textfile.contains(u"passerelle_pack_fallback{reason=\"manifest_invalid\"} 1\n"_s));
        QVERIFY(s.textfile.contains(u"passerelle_pack_fallback{reason=\"missing\"} 1\n"_s));
        QVERIFY2(s.err.contains(u"out of service"_s), qPrintable(s.err));

        // Rendered: exit code 0, and a screen that is not blank.
        const QString png = m_run.filePath(u"out-of-service.png"_s);
        QProcess render;
        render.start(QStringLiteral(PASSERELLE_KIOSK), {u"--config"_s, config, u"--screenshot"_s, png});
        QVERIFY(render.waitForFinished(60000));
        QVERIFY2(render.exitCode() == 0, render.readAllStandardError().constData());
        const QImage image(png);
        QCOMPARE(image.size(), QSize(1920, 1080));
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, "the out-of-service screen is (nearly) blank");
        if (qEnvironmentVariableIsSet("PASSERELLE_KEEP_SCREENSHOT"))
            QFile::copy(png, qEnvironmentVariable("PASSERELLE_KEEP_SCREENSHOT"));
    }

    void outOfServiceFeedsTheWatchdogAndComesBack()
    {
        const QString store = freshStore(u"comeback"_s);
        QVERIFY(Workspace::write(store + u"/packs/2/manifest.json"_s, {}));
        QVERIFY(QFile::remove(databaseObjectOf(store, 1)));
        const QString later = m_run.filePath(u"later-first-pack"_s); // not there yet
        const QString config = writeConfig(store, later, m_ws->publicKeyFile());

        // Under a fake systemd (a datagram socket), as the unit runs it.
        const QString socketPath = m_run.filePath(u"notify"_s);
        const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        auto closeSocket = qScopeGuard([fd] { ::close(fd); });
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        std::memcpy(address.sun_path, socketPath.toLocal8Bit().constData(), size_t(socketPath.toLocal8Bit().size()));
        QVERIFY(::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0);
        auto receive = [fd] {
            QList<QByteArray> out;
            char buffer[4096];
            for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) >= 0;)
                out.append(QByteArray(buffer, int(n)));
            return out;
        };
        QProcess kiosk;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
        env.insert(u"NOTIFY_SOCKET"_s, socketPath);
        env.insert(u"WATCHDOG_USEC"_s, u"300000"_s);
        env.insert(u"INVOCATION_ID"_s, u"test"_s); // systemd restarts it: no exec in place
        kiosk.setProcessEnvironment(env);
        kiosk.start(QStringLiteral(PASSERELLE_KIOSK),
                    {u"--config"_s, config, u"--windowed"_s, u"--out-of-service-retry-ms"_s, u"200"_s});
        QList<QByteArray> messages;
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 30000 && !messages.contains("WATCHDOG=1")) {
            QTest::qWait(50);
            messages += receive();
        }
        QVERIFY2(!messages.isEmpty() && messages.first().startsWith("READY=1")
                     && messages.first().contains("out of service"),
                 messages.isEmpty() ? "nothing from the kiosk" : messages.first().constData());
        QTest::qWait(1000);
        QVERIFY2(receive().count("WATCHDOG=1") >= 5, "the watchdog is not fed while out of service");
        QCOMPARE(kiosk.state(), QProcess::Running);

        // A usable pack appears (here the bundled one, as a reinstalled package would put
        // it): the kiosk ends, for systemd to start it again on that pack.
        QVERIFY(run(u"cp"_s, {u"-a"_s, m_v1, later}));
        if (!kiosk.waitForFinished(30000)) {
            kiosk.terminate();
            kiosk.waitForFinished();
            QFAIL(qPrintable(u"the kiosk did not notice the usable pack:\n"_s + QString::fromUtf8(kiosk.readAllStandardError())));
        }
        QCOMPARE(kiosk.exitStatus(), QProcess::NormalExit);
        QCOMPARE(kiosk.exitCode(), 0);
        const Started again = startKiosk(config);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err));
        QVERIFY2(again.textfile.contains(u"passerelle_pack_version{pack_id=\"test-pack\"} 1\n"_s), qPrintable(again.textfile));
        QVERIFY(again.textfile.contains(u"passerelle_out_of_service 0\n"_s));
    }

    void explicitPackStillFailsLoudly()
    {
        // For developers, --pack DIR shows that pack or says why it cannot: no fallback.
        const QString broken = m_run.filePath(u"broken-pack"_s);
        QVERIFY(run(u"cp"_s, {u"-a"_s, m_v1, broken}));
        QVERIFY(Workspace::write(broken + u"/manifest.json"_s, {}));
        QProcess kiosk;
        kiosk.start(QStringLiteral(PASSERELLE_KIOSK), {u"--pack"_s, broken, u"--self-test"_s});
        QVERIFY(kiosk.waitForFinished(60000));
        QVERIFY(kiosk.exitCode() != 0);
        QVERIFY(kiosk.readAllStandardError().contains("manifest.json"));
    }
};

QTEST_GUILESS_MAIN(TestStartPath)
#include "tst_startpath.moc"
