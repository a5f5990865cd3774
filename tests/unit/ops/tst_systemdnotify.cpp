// The sd_notify protocol, spoken without libsystemd: datagrams on $NOTIFY_SOCKET (a path
// or an abstract "@name"), READY=1 then WATCHDOG=1 every WatchdogSec/3 from the timer of
// the thread that owns the notifier.
#include "systemdnotify.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstring>

using namespace passerelle;
using namespace Qt::StringLiterals;

namespace {

/** A fake systemd: a Unix datagram socket that collects what it is told. */
class FakeNotifySocket
{
public:
    explicit FakeNotifySocket(const QString &name)
    {
        m_fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray path = name.toLocal8Bit();
        std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
        socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(path.size()));
        if (path.startsWith('@'))
            address.sun_path[0] = '\0';
        else
            length += 1;
        m_bound = ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), length) == 0;
    }
    ~FakeNotifySocket() { ::close(m_fd); }
    [[nodiscard]] bool isBound() const { return m_bound; }

    QList<QByteArray> receive()
    {
        QList<QByteArray> out;
        char buffer[4096];
        for (;;) {
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n < 0)
                break;
            out.append(QByteArray(buffer, int(n)));
        }
        return out;
    }

private:
    int m_fd = -1;
    bool m_bound = false;
};

} // namespace

class TestSystemdNotify : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readyThenHeartbeat()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"notify"_s);
        FakeNotifySocket systemd(path);
        QVERIFY(systemd.isBound());

        SystemdNotifier notifier(path, 300'000); // WatchdogSec=0.3s
        QVERIFY(notifier.isActive());
        QCOMPARE(notifier.heartbeatIntervalMs(), 100);
        QVERIFY(!notifier.isHeartbeatRunning());
        QSignalSpy beats(&notifier, &SystemdNotifier::heartbeat);
        notifier.ready(u"showing pack test version 3"_s);
        QCOMPARE(systemd.receive(), QList<QByteArray>{"READY=1\nSTATUS=showing pack test version 3"});
        QVERIFY(notifier.isHeartbeatRunning());
        QTRY_VERIFY_WITH_TIMEOUT(beats.count() >= 3, 5000);
        const QList<QByteArray> got = systemd.receive();
        QVERIFY(got.size() >= 3);
        for (const QByteArray &message : got)
            QCOMPARE(message, QByteArray("WATCHDOG=1"));

        notifier.stopping();
        QVERIFY(!notifier.isHeartbeatRunning());
        QCOMPARE(systemd.receive().value(0), QByteArray("STOPPING=1"));
    }

    void abstractNamespace()
    {
        const QString name = u"@passerelle-test-%1"_s.arg(::getpid());
        FakeNotifySocket systemd(name);
        QVERIFY(systemd.isBound());
        SystemdNotifier notifier(name, 0);
        QVERIFY(notifier.notify("READY=1"));
        QCOMPARE(systemd.receive(), QList<QByteArray>{"READY=1"});
        // No watchdog configured: READY without a heartbeat.
        notifier.ready(u"x"_s);
        QVERIFY(!notifier.isHeartbeatRunning());
    }

    void withoutSystemdNothingHappens()
    {
        SystemdNotifier notifier(QString(), 0);
        QVERIFY(!notifier.isActive());
        QVERIFY(!notifier.notify("READY=1"));
        notifier.ready(u"x"_s);
        QVERIFY(!notifier.isHeartbeatRunning());
        QCOMPARE(notifier.heartbeatIntervalMs(), 0);
    }

    void socketGoneIsReportedNotFatal()
    {
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(u"cannot notify systemd"_s));
        SystemdNotifier notifier(u"/nonexistent/notify"_s, 0);
        QVERIFY(!notifier.notify("READY=1"));
    }

    void readsTheEnvironment()
    {
        qputenv("NOTIFY_SOCKET", "@from-env");
        qputenv("WATCHDOG_USEC", "30000000");
        SystemdNotifier notifier;
        qunsetenv("NOTIFY_SOCKET");
        qunsetenv("WATCHDOG_USEC");
        QVERIFY(notifier.isActive());
        QCOMPARE(notifier.heartbeatIntervalMs(), 10000);
    }
};

QTEST_GUILESS_MAIN(TestSystemdNotify)
#include "tst_systemdnotify.moc"
