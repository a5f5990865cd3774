// Bounded sync (issue 15, item 2): a server that answers and then trickles cannot hold a
// check for ever; a hanging HTTP check never holds back a USB stick or the staff's "check
// now"; with no source configured, USB sticks still work; redirects to another host and
// plain http under https_only are refused. Real passerelle-sync processes, a real nginx
// and the fault proxy's trickle on loopback.
#include "faultproxy.h"
#include "nginxserver.h"
#include "synctesthelpers.h"
#include "workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <QUrl>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

using Fault = FaultProxy::Fault;

class TestBoundedSync : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<NginxServer> m_nginx;
    std::unique_ptr<FaultProxy> m_proxy;
    QString m_v1, m_v2;
    int m_count = 0;

    QString unique(const QString &prefix) { return m_ws->path(prefix + QString::number(++m_count)); }

    /** A served tree named site<n> holding pack; returns its name. */
    QString site(const QString &pack)
    {
        const QString name = u"site%1"_s.arg(++m_count);
        Workspace::publish(pack, m_ws->path(u"www/"_s + name));
        return name;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 1));
        m_v2 = m_ws->buildPack(u"v2"_s, Workspace::options(2, 1, u"Une phrase de plus."_s));
        QVERIFY(!m_v1.isEmpty() && !m_v2.isEmpty());
        QDir().mkpath(m_ws->path(u"www"_s));
        m_nginx = std::make_unique<NginxServer>();
        QVERIFY2(m_nginx->start(m_ws->path(u"www"_s)), qPrintable(m_nginx->errorString()));
        m_proxy = std::make_unique<FaultProxy>(QHostAddress::LocalHost, m_nginx->port());
        QVERIFY(m_proxy->listen());
    }

    void init()
    {
        m_proxy->clearRules();
        m_proxy->clearRequests();
    }

    void tricklingServer_data()
    {
        QTest::addColumn<QStringList>("limits");
        QTest::addColumn<int>("boundMs");
        QTest::addColumn<QString>("reason");
        // Issue 15's command as found: only "no byte for 2000 ms", which a byte a second
        // never trips. The default minimum rate (2048 bytes/s over 30 s) ends it.
        QTest::newRow("issue 15's command, default limits") << QStringList{} << 30000 << u"slower than"_s;
        QTest::newRow("a deadline") << QStringList{u"--deadline-s"_s, u"3"_s} << 3000 << u"deadline"_s;
        QTest::newRow("a minimum rate") << QStringList{u"--min-rate"_s, u"100"_s, u"--rate-window-s"_s, u"2"_s} << 2000
                                        << u"slower than 100 bytes/s"_s;
    }

    void tricklingServer()
    {
        // "HTTP/1.1 500", then one byte a second: passerelle-sync --once ends within its
        // limit plus a margin, and says why.
        QFETCH(QStringList, limits);
        QFETCH(int, boundMs);
        QFETCH(QString, reason);
        const QString name = site(m_v1);
        m_proxy->addRule({u"manifest.json"_s, Fault::Trickle500, 1000, -1});
        QProcess sync;
        sync.setProgram(syncTool());
        sync.setArguments(QStringList{u"--store"_s, unique(u"store"_s), u"--source"_s, m_proxy->baseUrl() + name + u'/',
                                      u"--key"_s, m_ws->publicKeyFile(), u"--once"_s, u"--timeout-ms"_s, u"2000"_s,
                                      u"--attempts"_s, u"1"_s}
                          + limits);
        QElapsedTimer clock;
        clock.start();
        sync.start();
        QVERIFY(sync.waitForStarted());
        constexpr int kMarginMs = 8000;
        // The proxy lives in this process: wait with its event loop running.
        QTRY_VERIFY_WITH_TIMEOUT(sync.state() == QProcess::NotRunning, boundMs + kMarginMs);
        const qint64 took = clock.elapsed();
        const QString out = QString::fromUtf8(sync.readAllStandardOutput());
        const QString err = QString::fromUtf8(sync.readAllStandardError());
        qInfo().noquote() << "after" << took << "ms, passerelle-sync said:" << out.trimmed();
        QCOMPARE(sync.exitStatus(), QProcess::NormalExit);
        QVERIFY2(sync.exitCode() == 1, qPrintable(out + err));
        QVERIFY2(out.startsWith(u"failed: "_s) && out.contains(reason) && out.contains(u"HTTP 500"_s), qPrintable(out + err));
        QVERIFY2(took >= boundMs - 500, qPrintable(u"ended after %1 ms, before its limit"_s.arg(took)));
    }

    void errorPageCapped()
    {
        // A 500 with a 4 MiB page: read up to 4 KiB, then the attempt ends.
        const QString name = site(m_v1);
        m_proxy->addRule({u"manifest.json"_s, Fault::HugeError, 4 * 1024 * 1024, -1});
        SyncConfig config = testConfig(*m_ws, unique(u"store"_s), {m_proxy->baseUrl() + name + u'/'});
        config.maxAttempts = 1;
        std::unique_ptr<Syncer> syncer = makeSyncer(config);
        QVERIFY(syncer);
        QCOMPARE(runCheck(*syncer, 20000), Syncer::Outcome::Failed);
        QVERIFY2(syncer->lastError().contains(u"HTTP 500, error page cut at 4096 bytes"_s), qPrintable(syncer->lastError()));
    }

    void usbWhileHttpHangs()
    {
        // A check hangs on a trickling server (within a long deadline); a stick arrives:
        // its pack is staged at once, not after the server gives up.
        const QString name = site(m_v2);
        m_proxy->addRule({u"manifest.json"_s, Fault::Trickle500, 1000, -1});
        const QString media = unique(u"media"_s);
        QVERIFY(QDir().mkpath(media));
        SyncConfig config = testConfig(*m_ws, unique(u"store"_s), {m_proxy->baseUrl() + name + u'/'});
        config.usbMountParents = {media};
        config.requestDeadlineSeconds = 600;
        config.minBytesPerSecond = 0;
        config.maxAttempts = 1;
        std::unique_ptr<Syncer> syncer = makeSyncer(config);
        QVERIFY(syncer);
        syncer->start();
        QTimer::singleShot(0, syncer.get(), &Syncer::syncNow);
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->requests().size(), 1, 10000);
        QCOMPARE(syncer->state(), Syncer::State::Checking);
        // A stick is mounted whole: publish aside, then one rename.
        const QString stick = unique(u"stick"_s);
        QVERIFY(Workspace::publish(m_v1, stick + u"/passerelle"_s));
        QVERIFY(QDir().rename(stick, media + u"/stick"_s));
        QTRY_COMPARE_WITH_TIMEOUT(syncer->stagedVersion(), 1, 15000);
        QCOMPARE(syncer->status().source, media + u"/stick/passerelle"_s);
    }

    void checkNowDuringHangingCheck()
    {
        // The staff's "check now" while a check hangs starts a new check at once instead of
        // waiting behind it: here the server has recovered meanwhile.
        const QString name = site(m_v1);
        m_proxy->addRule({u"manifest.json"_s, Fault::Trickle500, 1000, 1});
        SyncConfig config = testConfig(*m_ws, unique(u"store"_s), {m_proxy->baseUrl() + name + u'/'});
        config.requestDeadlineSeconds = 600;
        config.minBytesPerSecond = 0;
        config.maxAttempts = 1;
        std::unique_ptr<Syncer> syncer = makeSyncer(config);
        QVERIFY(syncer);
        QSignalSpy finished(syncer.get(), &Syncer::checkFinished);
        QTimer::singleShot(0, syncer.get(), &Syncer::syncNow);
        QTRY_COMPARE_WITH_TIMEOUT(m_proxy->requests().size(), 1, 10000);
        QTest::qWait(200);
        QCOMPARE(finished.size(), 0);
        // The status says a check is under way (the staff screen's answer to "check now").
        QVERIFY(SyncStatus::read(config.statusFilePath())->checkStarted.isValid());
        syncer->syncNow();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        QCOMPARE(finished.at(0).at(0).value<Syncer::Outcome>(), Syncer::Outcome::Staged);
        QCOMPARE(syncer->stagedVersion(), 1);
        QVERIFY(!SyncStatus::read(config.statusFilePath())->checkStarted.isValid());
    }

    void redirects_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QStringList>("allowed");
        QTest::addColumn<bool>("followed");
        QTest::newRow("same host and port") << u"proxy"_s << QStringList{} << true;
        QTest::newRow("another host:port, refused") << u"nginx"_s << QStringList{} << false;
        QTest::newRow("another host:port, allowed") << u"nginx"_s << QStringList{u"NGINX"_s} << true;
        QTest::newRow("another host:port, another port allowed") << u"nginx"_s << QStringList{u"127.0.0.1:1"_s} << false;
    }

    void redirects()
    {
        QFETCH(QString, to);
        QFETCH(QStringList, allowed);
        QFETCH(bool, followed);
        const QString from = site(m_v1);
        const QString target = site(m_v1);
        const QString nginxHost = u"127.0.0.1:%1"_s.arg(m_nginx->port());
        const QString base = to == u"proxy"_s ? m_proxy->baseUrl() : m_nginx->baseUrl();
        m_proxy->addRedirect(from + u"/manifest.json"_s, (base + target + u"/manifest.json"_s).toLatin1());
        SyncConfig config = testConfig(*m_ws, unique(u"store"_s), {m_proxy->baseUrl() + from + u'/'});
        config.redirectHosts = allowed.replaceInStrings(u"NGINX"_s, nginxHost);
        std::unique_ptr<Syncer> syncer = makeSyncer(config);
        QVERIFY(syncer);
        const std::optional<Syncer::Outcome> outcome = runCheck(*syncer, 20000);
        if (followed) {
            QCOMPARE(outcome, Syncer::Outcome::Staged);
            return;
        }
        QCOMPARE(outcome, Syncer::Outcome::Failed);
        QVERIFY2(syncer->lastError().contains(u"redirected to another host"_s)
                     && syncer->lastError().contains(nginxHost) && syncer->lastError().contains(u"redirect_hosts"_s),
                 qPrintable(syncer->lastError()));
        QCOMPARE(syncer->stagedVersion(), 0);
        QVERIFY(!m_nginx->accessLog().contains(target + u"/manifest.json"_s));
    }

    void httpsOnly()
    {
        // https_only refuses a plain http source, from the settings and from the command line.
        SyncConfig config = testConfig(*m_ws, unique(u"store"_s), {m_nginx->baseUrl() + site(m_v1) + u'/'});
        config.httpsOnly = true;
        Result<std::unique_ptr<Syncer>> syncer = Syncer::create(config);
        QVERIFY(!syncer.ok());
        QVERIFY2(syncer.problem().message.contains(u"plain http"_s) && syncer.problem().message.contains(m_nginx->baseUrl()),
                 qPrintable(syncer.problem().toString()));
        QProcess sync;
        sync.start(syncTool(), {u"--store"_s, unique(u"store"_s), u"--source"_s, config.sources.constFirst(), u"--key"_s,
                                m_ws->publicKeyFile(), u"--once"_s, u"--https-only"_s});
        QVERIFY(sync.waitForFinished(20000));
        QCOMPARE(sync.exitCode(), 1);
        QVERIFY(QString::fromUtf8(sync.readAllStandardError()).contains(u"https_only"_s));
        QVERIFY(!m_nginx->accessLog().contains(QUrl(config.sources.constFirst()).path()));
    }
};

QTEST_GUILESS_MAIN(TestBoundedSync)
#include "tst_boundedsync.moc"
