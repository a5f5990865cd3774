// The kiosk binary under a fake systemd: a Unix datagram socket as $NOTIFY_SOCKET and a
// WatchdogSec of 0.3 s. The kiosk must say READY=1 once its window has drawn, then
// WATCHDOG=1 every 100 ms from its GUI thread, and fall silent when that thread is
// frozen (--freeze-after-ready, a hidden test option), which is what makes systemd
// restart a hung kiosk. The killed run leaves its crash marker, which the next run
// reports in its health file; SIGTERM makes a clean exit (passerelle_up 0).
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

class FakeSystemd
{
public:
    explicit FakeSystemd(const QString &path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray p = path.toLocal8Bit();
        std::memcpy(address.sun_path, p.constData(), size_t(p.size()));
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    }
    ~FakeSystemd() { ::close(m_fd); }
    [[nodiscard]] bool isBound() const { return m_bound; }
    QList<QByteArray> receive()
    {
        QList<QByteArray> out;
        char buffer[4096];
        for (ssize_t n; (n = ::recv(m_fd, buffer, sizeof buffer, 0)) >= 0;)
            out.append(QByteArray(buffer, int(n)));
        return out;
    }

private:
    int m_fd = -1;
    bool m_bound = false;
};

QString metric(const QString &file, const QString &name)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QRegularExpression line(u"^"_s + name + u"(\\{[^}]*\\})? (\\S+)$"_s, QRegularExpression::MultilineOption);
    return line.match(QString::fromUtf8(f.readAll())).captured(2);
}

} // namespace

class TestWatchdog : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    void startKiosk(QProcess &kiosk, const QString &socket, const QStringList &extra)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"NOTIFY_SOCKET"_s, socket);
        env.insert(u"WATCHDOG_USEC"_s, u"300000"_s);
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        env.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
        kiosk.setProcessEnvironment(env);
        kiosk.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        kiosk.start(QStringLiteral(PASSERELLE_KIOSK),
                    QStringList{u"--config"_s, m_config, u"--pack"_s, QStringLiteral(PASSERELLE_TEST_PACK),
                                u"--windowed"_s, u"--size"_s, u"1280x720"_s}
                        + extra);
        QVERIFY(kiosk.waitForStarted());
    }

    static bool waitForReady(FakeSystemd &systemd, QList<QByteArray> *rest)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000) {
            const QList<QByteArray> got = systemd.receive();
            for (qsizetype i = 0; i < got.size(); ++i) {
                if (got[i].startsWith("READY=1\n")) {
                    *rest = got.mid(i + 1);
                    return true;
                }
            }
            QTest::qWait(20);
        }
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_config = m_dir.filePath(u"passerelle.conf"_s);
        QFile conf(m_config);
        QVERIFY(conf.open(QIODevice::WriteOnly));
        conf.write(u"[kiosk]\nname = Watchdog test\n[storage]\nstate_directory = %1\n"
                   "[health]\ntextfile = %2\n"_s.arg(m_dir.filePath(u"state"_s), m_dir.filePath(u"health.prom"_s))
                       .toUtf8());
    }

    void heartbeatStopsWhenTheGuiThreadFreezes()
    {
        const QString socket = m_dir.filePath(u"notify-1"_s);
        FakeSystemd systemd(socket);
        QVERIFY(systemd.isBound());
        QProcess kiosk;
        startKiosk(kiosk, socket, {u"--freeze-after-ready"_s, u"1500"_s});

        QList<QByteArray> early;
        QVERIFY2(waitForReady(systemd, &early), "no READY=1 within 30 s");
        // Heartbeats while the UI runs (the freeze comes 1.5 s after READY).
        QTest::qWait(1000);
        QList<QByteArray> beats = early + systemd.receive();
        QVERIFY2(beats.count("WATCHDOG=1") >= 5, qPrintable(u"%1 heartbeats in 1 s"_s.arg(beats.count("WATCHDOG=1"))));
        for (const QByteArray &message : std::as_const(beats))
            QVERIFY2(!message.startsWith("READY=1"), "READY=1 sent twice");
        // Let the freeze begin (and drain what came before it), then listen.
        QTest::qWait(1500);
        systemd.receive();
        QTest::qWait(1500);
        const QList<QByteArray> frozen = systemd.receive();
        QCOMPARE(frozen.count("WATCHDOG=1"), 0);
        QCOMPARE(kiosk.state(), QProcess::Running); // hung, not dead: only the watchdog can tell

        // What systemd does then: kill it. Its crash marker stays behind.
        kiosk.kill();
        QVERIFY(kiosk.waitForFinished());
        QVERIFY(QFile::exists(m_dir.filePath(u"state/running"_s)));
        QCOMPARE(metric(m_dir.filePath(u"health.prom"_s), u"passerelle_up"_s), u"1"_s);
    }

    void nextRunReportsTheCrashAndExitsCleanlyOnSigterm()
    {
        const QString socket = m_dir.filePath(u"notify-2"_s);
        FakeSystemd systemd(socket);
        QProcess kiosk;
        startKiosk(kiosk, socket, {});
        QList<QByteArray> rest;
        QVERIFY(waitForReady(systemd, &rest));
        const QString health = m_dir.filePath(u"health.prom"_s);
        QVERIFY(metric(health, u"passerelle_last_crash_timestamp_seconds"_s).toLongLong() > 0);
        QCOMPARE(metric(health, u"passerelle_pack_version"_s), u"3"_s);

        kiosk.terminate(); // SIGTERM, as systemctl stop sends
        QVERIFY(kiosk.waitForFinished(10000));
        QCOMPARE(kiosk.exitStatus(), QProcess::NormalExit);
        QCOMPARE(kiosk.exitCode(), 0);
        QVERIFY(systemd.receive().contains("STOPPING=1"));
        QCOMPARE(metric(health, u"passerelle_up"_s), u"0"_s);
        QVERIFY(!QFile::exists(m_dir.filePath(u"state/running"_s)));
    }
};

QTEST_GUILESS_MAIN(TestWatchdog)
#include "tst_watchdog.moc"
