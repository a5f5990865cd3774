// Soak (issue 15, item 10): the real kiosk binary (offscreen, --config, its state
// directory a store with a pack) runs while its in-process syncer meets, in a loop, a
// valid source (a real nginx on loopback serving signed packs of increasing version), a
// tampered one, a trickling one (500, then one byte a second) and a vanished one (nginx
// stopped, nothing listening), while USB sticks appear and disappear in the folder its
// mount watcher watches. Prints the kiosk's memory, descriptors and threads at the start
// and the end against the targets, in the style of tests/bench/kiosk; exits non-zero when
// a target is missed.
//
//   bench_soak [--seconds N]     N: 60..540, default 120 (a quick run)
//
// The kiosk starts at "home" with a long idle time, so a staged pack is never switched
// to: the switch ends in an exec of a fresh image (tested elsewhere), and a fresh image
// would hide a leak. The stick folder: the kiosk watches /media (not configurable), so
// it runs in its own mount namespace (unshare) where a temporary folder is bound there.
#include "nginxserver.h"
#include "soakfront.h"
#include "soaklog.h"
#include "workspace.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <functional>

using namespace passerelle;
using namespace passerelle::bench;
using namespace passerelle::synctest;
using namespace Qt::StringLiterals;

namespace {

QTextStream out(stdout);
int missed = 0;

void line(const QString &what, double value, const QString &unit, const QString &target = {}, bool ok = true)
{
    out << qSetFieldWidth(58) << Qt::left << what << qSetFieldWidth(0) << QString::number(value, 'f', 1).rightJustified(9)
        << ' ' << unit.leftJustified(4);
    if (!target.isEmpty()) {
        out << "  target " << target << (ok ? "   ok" : "   MISSED");
        missed += ok ? 0 : 1;
    }
    out << Qt::endl;
}

struct ProcSample
{
    double rssMiB = 0;
    int fds = 0;
    int threads = 0;
};

ProcSample sample(qint64 pid)
{
    ProcSample s;
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (status.open(QIODevice::ReadOnly)) {
        for (const QByteArray &l : status.readAll().split('\n')) {
            const QList<QByteArray> f = l.simplified().split(' ');
            if (f.size() >= 2 && f[0] == "VmRSS:")
                s.rssMiB = f[1].toDouble() / 1024.0;
            else if (f.size() >= 2 && f[0] == "Threads:")
                s.threads = f[1].toInt();
        }
    }
    s.fds = int(QDir(u"/proc/%1/fd"_s.arg(pid)).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size());
    return s;
}

/** Process start time (field 22 of /proc/pid/stat): the same across an exec, gone at an exit. */
QByteArray startTime(qint64 pid)
{
    QFile stat(u"/proc/%1/stat"_s.arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return {};
    const QByteArray text = stat.readAll();
    const QList<QByteArray> f = text.mid(text.lastIndexOf(')') + 2).split(' ');
    return f.value(19);
}

/** Waits, keeping this thread's events going (the kiosk's QProcess). */
void waitMs(qint64 ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(std::min<qint64>(50, std::max<qint64>(1, ms - t.elapsed())));
    }
}

/** A USB stick: a folder with passerelle/ (a published tree) renamed into the media folder and out. */
class Stick
{
public:
    Stick(QString media, QString staging) : m_media(std::move(media)), m_staging(std::move(staging)) {}
    bool plug(const QString &pack)
    {
        const QString name = u"stick-%1"_s.arg(++m_count);
        const QString built = QDir(m_staging).filePath(name);
        if (!Workspace::publish(pack, built + u"/passerelle"_s))
            return false;
        m_plugged = QDir(m_media).filePath(name);
        return QDir().rename(built, m_plugged);
    }
    void unplug()
    {
        if (m_plugged.isEmpty())
            return;
        const QString gone = QDir(m_staging).filePath(u"gone"_s);
        QDir(gone).removeRecursively();
        QDir().rename(m_plugged, gone);
        QDir(gone).removeRecursively();
        m_plugged.clear();
    }
    [[nodiscard]] int count() const { return m_count; }

private:
    QString m_media, m_staging, m_plugged;
    int m_count = 0;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    int seconds = 120;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(u"--seconds"_s); i >= 0)
        seconds = args.value(i + 1).toInt();
    if (seconds < 60 || seconds > 540) {
        out << "bench_soak: --seconds must be 60..540 (the whole run stays under 10 minutes)" << Qt::endl;
        return 2;
    }
    constexpr int kPhaseMs = 12000;
    const QString kiosk = QStringLiteral(PASSERELLE_KIOSK);

    Workspace ws;
    const QString v1 = ws.buildPack(u"v1"_s, Workspace::options(1, 1, u"soak v1"_s));
    const QString served = ws.path(u"served"_s), media = ws.path(u"media"_s), staging = ws.path(u"sticks"_s);
    for (const QString &dir : {media, staging})
        QDir().mkpath(dir);
    NginxServer nginx;
    if (v1.isEmpty() || !Workspace::publish(v1, served) || !nginx.start(served)) {
        out << "bench_soak: cannot build the first pack or start nginx: " << nginx.errorString() << Qt::endl;
        return 1;
    }
    SoakFront front;
    const quint16 frontPort = front.listen();
    front.setUpstream(nginx.port());
    QThread frontThread;
    front.moveToThread(&frontThread);
    frontThread.start();
    auto setMode = [&](SoakFront::Mode mode) {
        QMetaObject::invokeMethod(&front, [&front, mode] { front.setMode(mode); }, Qt::BlockingQueuedConnection);
    };
    auto setUpstream = [&](quint16 port) {
        QMetaObject::invokeMethod(&front, [&front, port] { front.setUpstream(port); }, Qt::BlockingQueuedConnection);
    };

    const QString config = ws.path(u"passerelle.conf"_s);
    Workspace::write(config, u"[kiosk]\nname = Soak\n[session]\nidle_warning_seconds = 3600\nidle_reset_seconds = 600\n"
                              "[sync]\nsources = http://127.0.0.1:%1/\ninterval_seconds = 60\njitter_seconds = 0\n"
                              "trusted_keys = %2\n[storage]\nstate_directory = %3\nfirst_pack = %4\n"
                              "[health]\ntextfile = %5\ninterval_seconds = 10\n"_s
                                  .arg(frontPort)
                                  .arg(ws.publicKeyFile(), ws.path(u"state"_s), v1, ws.path(u"health/passerelle.prom"_s))
                                  .toUtf8());
    QDir().mkpath(ws.path(u"health"_s));

    QProcess proc;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
    env.insert(u"QT_QUICK_BACKEND"_s, u"software"_s);
    env.insert(u"QT_MESSAGE_PATTERN"_s, u"%{time process} %{category}: %{message}"_s);
    env.remove(u"INVOCATION_ID"_s);
    proc.setProcessEnvironment(env);
    const QString log = ws.path(u"kiosk.log"_s);
    proc.setStandardOutputFile(log);
    proc.setStandardErrorFile(log, QIODevice::Append);
    // Its own mount namespace, /media bound to our folder; the same PID all the way down.
    QElapsedTimer clock; // the kiosk's log times count from about here
    clock.start();
    proc.start(u"unshare"_s, {u"--user"_s, u"--map-root-user"_s, u"--mount"_s, u"sh"_s, u"-c"_s,
                              u"mount --bind \"$0\" /media && exec \"$@\""_s, media, kiosk, u"--config"_s, config,
                              u"--route"_s, u"home"_s, u"--windowed"_s});
    if (!proc.waitForStarted(5000)) {
        out << "bench_soak: cannot start the kiosk: " << proc.errorString() << Qt::endl;
        return 1;
    }
    const qint64 pid = proc.processId();
    const QByteArray started = startTime(pid);
    out << "Passerelle soak: the kiosk (pid " << pid << ", offscreen, --config) for " << seconds
        << " s; source and sticks change every " << kPhaseMs / 1000 << " s; state " << ws.path() << Qt::endl;

    // Ready: the UI is up and the first check (1 s after start) has run.
    for (int i = 0; i < 200 && !SoakLog::read(log).hasCheck(); ++i)
        waitMs(100);
    waitMs(2000);
    if (proc.state() != QProcess::Running) {
        out << "bench_soak: the kiosk stopped at start:\n" << Workspace::read(log) << Qt::endl;
        return 1;
    }
    const ProcSample first = sample(pid);
    ProcSample peak = first;
    auto watch = [&] {
        const ProcSample s = sample(pid);
        peak.rssMiB = std::max(peak.rssMiB, s.rssMiB);
        peak.fds = std::max(peak.fds, s.fds);
        peak.threads = std::max(peak.threads, s.threads);
    };
    // One phase: its start, then sticks plugged and pulled at set times, sampling meanwhile.
    Stick stick(media, staging);
    QList<SoakPhase> phases;
    auto phase = [&](const QString &name, const std::function<void()> &begin, const QString &stickPack) {
        const qint64 t0 = clock.elapsed();
        phases.append({name, t0, t0 + kPhaseMs});
        begin();
        const QList<std::pair<double, bool>> events{{0.1, true}, {0.45, false}, {0.55, true}, {0.9, false}};
        for (const auto &[at, plug] : events) {
            while (clock.elapsed() < t0 + qint64(at * kPhaseMs)) {
                watch();
                waitMs(250);
            }
            if (plug)
                stick.plug(stickPack);
            else
                stick.unplug();
        }
        while (clock.elapsed() < t0 + kPhaseMs) {
            watch();
            waitMs(250);
        }
    };

    const qint64 endAt = clock.elapsed() + qint64(seconds) * 1000 - 10000; // 10 s to settle at the end
    qint64 version = 1;
    QString next = ws.buildPack(u"v2"_s, Workspace::options(++version, 1, u"soak v2"_s));
    for (int cycle = 0; clock.elapsed() + 4 * kPhaseMs <= endAt && proc.state() == QProcess::Running; ++cycle) {
        // Valid: nginx serves the next signed version; the sticks carry the active one.
        const QString valid = next;
        phase(u"valid"_s, [&] { Workspace::publish(valid, served); }, v1);
        // Tampered: the version after it, its database object changed on the server (even
        // cycles) or its manifest changed after signing (odd cycles).
        const QString usb = ws.buildPack(u"v%1"_s.arg(version + 1), Workspace::options(version + 1, 1, u"soak usb"_s));
        ++version;
        phase(u"tampered"_s, [&] {
            Workspace::publish(usb, served);
            if (cycle % 2 == 0) {
                const QString object = QDir(served).filePath(u"objects/"_s + QFileInfo(Workspace::databaseObject(usb)).fileName());
                QByteArray bytes = Workspace::read(object);
                bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
                QFile::remove(object);
                Workspace::write(object, bytes);
            } else {
                QByteArray manifest = Workspace::read(QDir(served).filePath(u"manifest.json"_s));
                manifest.replace("\"min_kiosk\"", "\"min_kiosk\" ");
                QFile::remove(QDir(served).filePath(u"manifest.json"_s));
                Workspace::write(QDir(served).filePath(u"manifest.json"_s), manifest);
            }
        }, v1);
        // Trickling: 500 and one byte a second, until the phase ends.
        phase(u"trickling"_s, [&] { setMode(SoakFront::Mode::Trickle); }, v1);
        // Vanishing: nginx stopped, nothing listens; a stick brings the tampered version, intact.
        phase(u"vanishing"_s, [&] {
            setMode(SoakFront::Mode::Gone);
            nginx.stop();
        }, usb);
        if (!nginx.start(served)) {
            out << "bench_soak: nginx did not start again: " << nginx.errorString() << Qt::endl;
            ++missed;
            break;
        }
        setUpstream(nginx.port());
        setMode(SoakFront::Mode::Relay);
        next = ws.buildPack(u"v%1"_s.arg(version + 1), Workspace::options(version + 1, 1, u"soak http"_s));
        ++version;
    }
    // Settle: the valid source, no stick, no sync in flight.
    while (clock.elapsed() < endAt + 10000) {
        watch();
        waitMs(250);
    }
    const bool running = proc.state() == QProcess::Running;
    const ProcSample last = running ? sample(pid) : ProcSample{};
    const bool sameProcess = running && startTime(pid) == started;
    const SoakLog kioskLog = SoakLog::read(log);

    out << "ran " << clock.elapsed() / 1000 << " s: " << phases.size() << " source phases (" << phases.size() / 4
        << " cycles), " << stick.count() << " sticks plugged and pulled" << Qt::endl;
    line(u"kiosk RSS at start"_s, first.rssMiB, u"MiB"_s);
    line(u"kiosk RSS at end (peak %1 MiB)"_s.arg(peak.rssMiB, 0, 'f', 1), last.rssMiB, u"MiB"_s);
    line(u"RSS growth, start to end"_s, last.rssMiB - first.rssMiB, u"MiB"_s, u"<= 5 MiB"_s,
         running && last.rssMiB - first.rssMiB <= 5);
    line(u"open file descriptors at start"_s, first.fds, u""_s);
    line(u"open file descriptors at end (peak %1)"_s.arg(peak.fds), last.fds, u""_s, u"<= %1 (flat)"_s.arg(first.fds),
         running && last.fds <= first.fds);
    line(u"threads at start"_s, first.threads, u""_s);
    line(u"threads at end (peak %1)"_s.arg(peak.threads), last.threads, u""_s, u"<= %1 (flat)"_s.arg(first.threads),
         running && last.threads <= first.threads);
    const int restarts = (sameProcess ? 0 : 1) + kioskLog.restarts();
    line(u"restarts (exits or execs of the kiosk)"_s, restarts, u""_s, u"0"_s, restarts == 0);
    kioskLog.printSyncFigures(out, phases);
    const QString kept = QDir::current().filePath(u"soak-kiosk.log"_s);
    QFile::remove(kept);
    if (QFile::copy(log, kept))
        out << "the kiosk's log: " << kept << Qt::endl;
    out << (missed == 0 ? u"all targets met"_s : u"%1 target(s) missed"_s.arg(missed)) << Qt::endl;

    proc.terminate();
    if (!proc.waitForFinished(10000))
        proc.kill();
    proc.waitForFinished(2000);
    frontThread.quit();
    frontThread.wait();
    return missed == 0 ? 0 : 1;
}
