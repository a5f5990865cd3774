// passerelle-pack publish, run for real while kiosks poll a real nginx on loopback:
// a kiosk never catches a publish half done, --prune keeps what kiosks may still be
// fetching, and nothing is written through a link planted in the served tree.
#include "httpsource.h"
#include "nginxserver.h"
#include "packsignature.h"
#include "sha256.h"
#include "synctesthelpers.h"
#include "workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLoggingCategory>
#include <QMetaEnum>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace passerelle;
using namespace passerelle::sync;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

namespace {

/**
 * A settled kiosk's manifest check in a loop, with the kiosk's own transport and
 * verification but without the Syncer's second fetch of a pair that does not verify, so
 * that it tests publish's order alone: HttpSource fetches manifest.json (If-None-Match:
 * the ETag of the manifest last settled on), then manifest.json.minisig;
 * verifySignedManifest() judges them. A verified manifest is settled (manifestHandled(),
 * as the Syncer does once it has dealt with it); a refused one is not, so the next check
 * fetches both again.
 */
class PollingKiosk : public QObject
{
public:
    PollingKiosk(const QString &baseUrl, QList<MinisignPublicKey> keys)
        : m_source(QUrl(baseUrl), options()), m_keys(std::move(keys))
    {
    }

    /** One attempt per request, 5 s without a byte fails it. */
    static HttpSource::Options options()
    {
        HttpSource::Options o;
        o.transferTimeoutMs = 5000;
        o.maxAttempts = 1;
        o.retryBaseDelayMs = 100;
        o.retryMaxDelayMs = 100;
        return o;
    }

    void start()
    {
        m_running = true;
        check();
    }
    void stop() { m_running = false; }
    [[nodiscard]] bool idle() const { return !m_busy; }

    int checks = 0;
    int fetched = 0;
    int failures = 0;
    QStringList refusals;
    QList<qint64> versionsSeen;

private:
    void check()
    {
        if (!m_running)
            return;
        m_busy = true;
        m_source.fetchManifest([this](ManifestFetch fetch) {
            ++checks;
            if (fetch.status == ManifestFetch::Status::Failed) {
                ++failures;
            } else if (fetch.status == ManifestFetch::Status::Fetched) {
                ++fetched;
                Result<VerifiedManifest> verified =
                    verifySignedManifest(fetch.fetched.manifest, fetch.fetched.signature, m_keys, m_source.name());
                if (verified) {
                    m_source.manifestHandled();
                    if (versionsSeen.isEmpty() || versionsSeen.last() != verified->manifest.version)
                        versionsSeen.append(verified->manifest.version);
                } else {
                    refusals.append(verified.problem().toString());
                }
            }
            m_busy = false;
            QTimer::singleShot(0, this, [this] { check(); });
        });
    }

    HttpSource m_source;
    QList<MinisignPublicKey> m_keys;
    bool m_running = false;
    bool m_busy = false;
};

/**
 * A kiosk that restarts before every check: the kiosk's own Syncer, a new one on the same
 * store for each check, so that every check is a first one, with no ETag to send (as after
 * a restart or a failed check), which is the kiosk a publish can hand a manifest and a
 * signature that do not belong together. Its store has v1 active and v2 staged, so every
 * check that gets a published version's pair ends "up to date"; any other outcome is kept
 * in refusals with the Syncer's reason.
 */
class RestartingKiosk : public QObject
{
public:
    explicit RestartingKiosk(SyncConfig config) : m_config(std::move(config)) {}

    void start()
    {
        m_running = true;
        check();
    }
    void stop() { m_running = false; }
    [[nodiscard]] bool idle() const { return !m_syncer; }

    int checks = 0;
    QStringList refusals;

private:
    void check()
    {
        if (!m_running)
            return;
        m_syncer = makeSyncer(m_config);
        if (!m_syncer) {
            // The store's lock is an flock, and the test forks passerelle-pack: a child
            // holds a copy of the lock's descriptor until its exec closes it (O_CLOEXEC).
            // Only this test's process forks beside a store; open again a moment later.
            if (++m_openFailures > 100) {
                refusals.append(u"the Syncer could not be opened"_s);
                m_running = false;
                return;
            }
            QTimer::singleShot(10, this, [this] { check(); });
            return;
        }
        m_openFailures = 0;
        connect(m_syncer.get(), &Syncer::checkFinished, this, [this](Syncer::Outcome outcome) {
            ++checks;
            if (outcome != Syncer::Outcome::UpToDate)
                refusals.append(u"%1: %2"_s.arg(QString::fromLatin1(QMetaEnum::fromType<Syncer::Outcome>().valueToKey(int(outcome))),
                                                m_syncer->lastError()));
            // Not from inside the Syncer's own signal: the next check restarts from the event loop.
            QTimer::singleShot(0, this, [this] {
                m_syncer.reset();
                check();
            });
        });
        m_syncer->syncNow();
    }

    SyncConfig m_config;
    std::unique_ptr<Syncer> m_syncer;
    int m_openFailures = 0;
    bool m_running = false;
};

} // namespace

class TestPublish : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<NginxServer> m_nginx;
    QList<MinisignPublicKey> m_keys;
    QString m_v1, m_v2, m_v3;
    int m_count = 0;

    /** A new folder served by nginx, and its URL. */
    QString newTree(QString *url)
    {
        const QString name = u"tree%1"_s.arg(++m_count);
        *url = m_nginx->baseUrl() + name + u'/';
        return m_ws->path(u"www/"_s + name);
    }

    QStringList publishArguments(const QString &pack, const QString &tree, bool prune) const
    {
        QStringList args{u"publish"_s, pack, tree, u"--key"_s, m_ws->publicKeyFile()};
        if (prune)
            args.append(u"--prune"_s);
        return args;
    }

    /** Runs passerelle-pack publish to its end; its stderr in *errors. */
    bool publish(const QString &pack, const QString &tree, bool prune = false, QString *errors = nullptr)
    {
        QProcess tool;
        tool.start(packTool(), publishArguments(pack, tree, prune));
        const bool ok = tool.waitForFinished(60000) && tool.exitStatus() == QProcess::NormalExit && tool.exitCode() == 0;
        const QString stderrText = QString::fromUtf8(tool.readAllStandardError());
        if (errors)
            *errors = stderrText;
        else if (!ok)
            qWarning().noquote() << "passerelle-pack publish failed:" << stderrText;
        return ok;
    }

    /** The HTTP status and body of a GET. */
    static std::pair<int, QByteArray> get(const QString &url)
    {
        QNetworkAccessManager network;
        QNetworkReply *reply = network.get(QNetworkRequest(QUrl(url)));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000))
            return {0, {}};
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        return {status, body};
    }

    static QByteArray read(const QString &path)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<unreadable>");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_ws = std::make_unique<Workspace>();
        // Each version has a pictogram of its own, so --prune has something to remove.
        m_v1 = m_ws->buildPack(u"v1"_s, Workspace::options(1, 1));
        m_v2 = m_ws->buildPack(u"v2"_s, Workspace::options(2, 1, u"Le CPAS répond par écrit."_s));
        m_v3 = m_ws->buildPack(u"v3"_s, Workspace::options(3, 1, u"Le CPAS répond sous huit jours."_s));
        QVERIFY(!m_v1.isEmpty() && !m_v2.isEmpty() && !m_v3.isEmpty());
        Result<QList<MinisignPublicKey>> keys = loadPublicKeys({m_ws->publicKeyFile()});
        QVERIFY(keys);
        m_keys = keys.value();
        QDir().mkpath(m_ws->path(u"www"_s));
        m_nginx = std::make_unique<NginxServer>();
        QVERIFY2(m_nginx->start(m_ws->path(u"www"_s)), qPrintable(m_nginx->errorString()));
    }

    void cleanupTestCase() { m_nginx.reset(); }

    // The publish side of SYNC.md's promise. A kiosk settled on the published manifest
    // asks for it with If-None-Match; publish switches the signature and then, at once, the
    // manifest (signcommands.cpp says why). Over kPublishes publishes between v1 and v2,
    // kPublishIntervalMs apart, a kiosk polling as fast as nginx answers never gets a
    // manifest and a signature that do not belong together, by that order alone. A kiosk
    // with no ETag to send (restarted before every check, with its own Syncer) can: its two
    // requests may straddle the two renames and get the old manifest with the new
    // signature (kiosk/sync/README.md, "Publishing"). The Syncer fetches such a pair once
    // more before refusing it, so that kiosk never records a refusal either.
    void pollingKioskNeverCatchesAPublishHalfDone()
    {
        constexpr int kPublishes = 30;
        constexpr int kRestartingKiosks = 3;
        // The Syncer fetches a pair that does not verify once more a second later
        // (Syncer::kRefetchDelayMs); publishes closer together than that could switch the
        // files under that second fetch too. Real publishes are minutes apart.
        constexpr int kPublishIntervalMs = 1500;
        QString url;
        const QString tree = newTree(&url);
        QVERIFY(publish(m_v1, tree));

        // Thousands of checks: their log lines (and the warning that the fixture pack is
        // past its expiry) would drown the test's output; refusals are kept with reasons.
        QLoggingCategory::setFilterRules(u"passerelle.sync.info=false\npasserelle.sync.warning=false\n"
                                         u"passerelle.pack.info=false"_s);
        // The restarting kiosks' stores: v1 active and v2 staged, from a tree of their own.
        // On tmpfs when there is one: a check that does not wait for fsync comes sooner
        // after the last, so more checks run during the publishes and more of them can
        // straddle a switch (the window itself is the kiosk's, its two requests).
        QString setupUrl;
        const QString setupTree = newTree(&setupUrl);
        QVERIFY(publish(m_v1, setupTree));
        QTemporaryDir shm(u"/dev/shm/tst_publish-XXXXXX"_s);
        const QString storesDir = shm.isValid() ? shm.path() : m_ws->path(u"stores"_s);
        std::vector<std::unique_ptr<RestartingKiosk>> restarting;
        for (int i = 0; i < kRestartingKiosks; ++i) {
            const QString store = storesDir + u"/kiosk%1"_s.arg(i);
            std::unique_ptr<Syncer> syncer = makeSyncer(testConfig(*m_ws, store, {setupUrl}));
            QVERIFY(syncer);
            QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
            QVERIFY(syncer->activateStaged().ok());
            restarting.push_back(std::make_unique<RestartingKiosk>(testConfig(*m_ws, store, {url})));
        }
        QVERIFY(publish(m_v2, setupTree));
        for (int i = 0; i < kRestartingKiosks; ++i) {
            std::unique_ptr<Syncer> syncer = makeSyncer(testConfig(*m_ws, storesDir + u"/kiosk%1"_s.arg(i), {setupUrl}));
            QVERIFY(syncer);
            QCOMPARE(runCheck(*syncer), Syncer::Outcome::Staged);
            QCOMPARE(syncer->activeVersion(), 1);
            QCOMPARE(syncer->stagedVersion(), 2);
        }

        PollingKiosk kiosk(url, m_keys);
        kiosk.start();
        for (const auto &k : restarting)
            k->start();

        int published = 0;
        QProcess tool;
        auto next = [&] {
            tool.start(packTool(), publishArguments(published % 2 == 0 ? m_v2 : m_v1, tree, false));
        };
        QStringList toolErrors;
        connect(&tool, &QProcess::finished, this, [&](int code, QProcess::ExitStatus status) {
            if (code != 0 || status != QProcess::NormalExit)
                toolErrors.append(QString::fromUtf8(tool.readAllStandardError()));
            if (++published < kPublishes)
                QTimer::singleShot(kPublishIntervalMs, this, next);
        });
        next();
        QTRY_VERIFY_WITH_TIMEOUT(published == kPublishes, 200000);
        QTest::qWait(200); // one last poll sees the last manifest
        kiosk.stop();
        for (const auto &k : restarting)
            k->stop();
        const auto allIdle = [&] {
            return kiosk.idle() && std::all_of(restarting.begin(), restarting.end(), [](const auto &k) { return k->idle(); });
        };
        QTRY_VERIFY_WITH_TIMEOUT(allIdle(), 30000);
        QLoggingCategory::setFilterRules({});

        int restartingChecks = 0;
        QStringList restartingRefusals;
        for (const auto &k : restarting) {
            restartingChecks += k->checks;
            restartingRefusals += k->refusals;
        }
        QVERIFY2(toolErrors.isEmpty(), qPrintable(toolErrors.join(u'\n')));
        qInfo("settled kiosk: %d checks, %d fetched, %lld versions seen; %d restarting kiosks: %d checks, "
              "%lld refusals",
              kiosk.checks, kiosk.fetched, qint64(kiosk.versionsSeen.size()), kRestartingKiosks, restartingChecks,
              qint64(restartingRefusals.size()));
        QCOMPARE(kiosk.failures, 0);
        QVERIFY2(kiosk.refusals.isEmpty(), qPrintable(u"%1 refusals, the first: %2"_s.arg(kiosk.refusals.size())
                                                          .arg(kiosk.refusals.value(0))));
        // Not vacuous: the kiosk saw the publishes happen (most of them; the tool may be
        // quicker than a poll now and then).
        QVERIFY2(kiosk.versionsSeen.size() >= kPublishes / 2,
                 qPrintable(u"only %1 version changes seen"_s.arg(kiosk.versionsSeen.size())));
        QCOMPARE(kiosk.versionsSeen.last(), qint64(kPublishes % 2 == 0 ? 1 : 2));
        QVERIFY2(restartingRefusals.isEmpty(),
                 qPrintable(u"%1 refusals over %2 checks, the first: %3"_s.arg(restartingRefusals.size())
                                .arg(restartingChecks)
                                .arg(restartingRefusals.value(0))));
        // Not vacuous: the restarting kiosks checked all along (README "Publishing" gives
        // the refusals counted without the Syncer's second fetch).
        QVERIFY2(restartingChecks >= kPublishes * kRestartingKiosks,
                 qPrintable(u"only %1 checks"_s.arg(restartingChecks)));
    }

    // Kiosks that fetched v2's manifest just before v3 was published may still be
    // downloading v2's objects: --prune keeps them, and removes only older ones.
    void pruneKeepsThePreviouslyPublishedVersion()
    {
        QString url;
        const QString tree = newTree(&url);
        QVERIFY(publish(m_v1, tree));
        QVERIFY(publish(m_v2, tree));
        QVERIFY(publish(m_v3, tree, true));
        QSet<QString> kept;
        for (const QString &pack : {m_v2, m_v3}) {
            for (const PackObject &o : Workspace::manifest(pack).objects) {
                kept.insert(o.sha256);
                const auto [status, body] = get(url + u"objects/"_s + o.sha256);
                QVERIFY2(status == 200, qPrintable(u"%1 of %2: HTTP %3"_s.arg(o.sha256, pack).arg(status)));
                QCOMPARE(sha256Hex(body), o.sha256);
            }
        }
        int removed = 0;
        for (const PackObject &o : Workspace::manifest(m_v1).objects) {
            if (kept.contains(o.sha256))
                continue;
            QCOMPARE(get(url + u"objects/"_s + o.sha256).first, 404);
            ++removed;
        }
        QVERIFY2(removed > 0, "v1 has an object of its own, which --prune removes");
        const auto [status, body] = get(url + u"manifest.json"_s);
        QCOMPARE(status, 200);
        QCOMPARE(body, read(m_v3 + u"/manifest.json"_s));
    }

    // The served tree may be writable by others (a shared web root): a link planted in it
    // is never followed; publish stops and says which.
    void linksPlantedInTheTreeAreNeverFollowed_data()
    {
        QTest::addColumn<QString>("planted");
        QTest::newRow("objects folder") << u"objects"_s;
        QTest::newRow("signature") << u"manifest.json.minisig"_s;
    }

    void linksPlantedInTheTreeAreNeverFollowed()
    {
        QFETCH(QString, planted);
        QString url;
        const QString tree = newTree(&url);
        QVERIFY(QDir().mkpath(tree));
        const QString victim = m_ws->path(u"victims/%1"_s.arg(m_count));
        QVERIFY(QDir().mkpath(victim));
        QVERIFY(Workspace::write(victim + u"/precious"_s, "precious"));
        const QString target = planted == u"objects"_s ? victim : victim + u"/precious"_s;
        QVERIFY(QFile::link(target, tree + u'/' + planted));
        QString errors;
        QVERIFY(!publish(m_v1, tree, false, &errors));
        QVERIFY2(errors.contains(u"symlink"_s), qPrintable(errors));
        QCOMPARE(QDir(victim).entryList(QDir::Files | QDir::Hidden), QStringList{u"precious"_s});
        QCOMPARE(read(victim + u"/precious"_s), QByteArray("precious"));
    }
};

QTEST_GUILESS_MAIN(TestPublish)
#include "tst_publish.moc"
