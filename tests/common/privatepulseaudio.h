#pragma once

// A PulseAudio server of the test's own (tst_audiooutput, tst_studio): the machine's
// sound is never touched, and the sinks and sources are the ones the test describes.

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

#include <signal.h>
#include <sys/prctl.h>

namespace passerelle::testing {

/** A PulseAudio server of the test's own, on a socket in dir: the lines of serverConfig (null sinks, sources) after the native protocol; Qt Multimedia reaches it through PULSE_SERVER. Stopped with the object (and with the test process, even when it crashes). */
class PrivatePulseAudio
{
public:
    PrivatePulseAudio() = default;
    PrivatePulseAudio(const PrivatePulseAudio &) = delete;
    PrivatePulseAudio &operator=(const PrivatePulseAudio &) = delete;
    ~PrivatePulseAudio() { stop(); }

    /** Starts it and waits until pactl answers; false with *error when it cannot. */
    bool start(const QString &dir, const QString &serverConfig, QString *error)
    {
        using namespace Qt::StringLiterals;
        if (!QDir().mkpath(dir))
            return fail(error, u"cannot create the folder %1"_s.arg(dir));
        const QString socket = dir + u"/native"_s;
        const QByteArray lines =
            (u"load-module module-native-protocol-unix socket=%1 auth-anonymous=1\n"_s.arg(socket) + serverConfig)
                .toUtf8();
        QFile config(dir + u"/server.pa"_s);
        if (!config.open(QIODevice::WriteOnly) || config.write(lines) != lines.size() || !config.flush())
            return fail(error, u"cannot write %1: %2"_s.arg(config.fileName(), config.errorString()));
        config.close();

        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"HOME"_s, dir);
        env.insert(u"XDG_RUNTIME_DIR"_s, dir);
        env.insert(u"XDG_CONFIG_HOME"_s, dir);
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::ForwardedChannels);
        // The server goes with the test, even when the test crashes.
        m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
        m_process.start(u"pulseaudio"_s, {u"-n"_s, u"--daemonize=no"_s, u"--exit-idle-time=-1"_s,
                                          u"--use-pid-file=no"_s, u"--system=no"_s, u"--disallow-exit"_s,
                                          u"--log-target=stderr"_s, u"-F"_s, config.fileName()});
        if (!m_process.waitForStarted(kStartMs))
            return fail(error, u"pulseaudio does not start"_s);

        // Ready when it answers.
        m_server = u"unix:"_s + socket;
        QElapsedTimer waited;
        waited.start();
        bool answered = false;
        while (!answered && waited.elapsed() < kStartMs && m_process.state() == QProcess::Running) {
            QProcess info;
            info.start(u"pactl"_s, {u"-s"_s, m_server, u"info"_s});
            answered = info.waitForFinished(10000) && info.exitCode() == 0;
            if (!answered)
                QTest::qWait(100);
        }
        if (!answered)
            return fail(error, u"the private PulseAudio server does not answer"_s);
        // Qt Multimedia and the processes the test starts reach it through the environment,
        // as a desktop session's would.
        qputenv("PULSE_SERVER", m_server.toUtf8());
        qputenv("PULSE_RUNTIME_PATH", dir.toUtf8());
        return true;
    }

    /** "unix:/…/native", for pactl -s; empty before start(). */
    [[nodiscard]] QString server() const { return m_server; }

    /** Terminates it and waits (kills it after 10 s). */
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(10000))
                m_process.kill();
        }
    }

private:
    // A loaded two-core machine: generous, and only ever waited for through a condition.
    static constexpr int kStartMs = 30000;

    static bool fail(QString *error, const QString &message)
    {
        if (error)
            *error = message;
        return false;
    }

    QProcess m_process;
    QString m_server;
};

} // namespace passerelle::testing
