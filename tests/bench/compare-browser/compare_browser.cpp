// compare-browser: the native kiosk (passerelle --screenshot) against the usual
// alternative, a browser in kiosk mode showing the pack's web copy (headless Chromium
// --screenshot), on the same pack, route, language and window size.
//
// Rounds over every screen: in each, a pair of runs per screen, the program going first
// alternating from round to round; a warm-up round is discarded, so both programs read
// their files from the page cache. Per run:
//   time to screen  process start (just before posix_spawn) to the PNG closed after
//                   writing (inotify IN_CLOSE_WRITE / IN_MOVED_TO on its folder);
//   peak tree RSS   the largest sum of VmRSS over the process and all its descendants,
//                   sampled every few milliseconds from /proc (children files of every
//                   thread); pages shared between Chromium's processes count once per
//                   process, as RSS does;
//   largest process the largest ru_maxrss of any one process of the tree (wait4; the
//                   bench is a child subreaper, so orphans are reaped here too).
// Medians over the runs, and the kiosk/browser ratios, are printed as Markdown tables.
// Linux only. Not part of the default test run (ctest label "bench").

#include "scaledcontent.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <csignal>
#include <optional>
#include <string>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

using namespace Qt::StringLiterals;

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

constexpr int kSampleMs = 5;
constexpr int kTreeEvery = 4;
constexpr int kPssEvery = 10;
constexpr qint64 kTimeoutMs = 180000;

struct Measurement
{
    bool ok = false;
    QString error;
    double screenMs = 0;      // start to PNG written
    double exitMs = 0;        // start to the last process of the tree gone
    double peakTreeMiB = 0;   // largest sampled sum of RSS over the tree
    double peakTreePssMiB = 0; // largest sampled sum of PSS over the tree (sampled less often)
    double largestMiB = 0;    // largest ru_maxrss of one process
    int maxProcesses = 0;     // most processes alive at one sample
    double samplingMs = 0;    // CPU time this bench spent sampling /proc during the run
};

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly | QIODevice::Unbuffered) ? file.read(65536) : QByteArray();
}

/** A /proc file read with plain system calls: the sampler runs often and must stay light. */
std::string readProc(const std::string &path)
{
    std::string text;
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return text;
    char buffer[4096];
    ssize_t n = 0;
    while ((n = ::read(fd, buffer, sizeof buffer)) > 0)
        text.append(buffer, std::size_t(n));
    ::close(fd);
    return text;
}

/** The process and its descendants (through every thread's children file). */
std::vector<pid_t> processTree(pid_t root)
{
    std::vector<pid_t> tree;
    std::vector<pid_t> pending{root};
    while (!pending.empty()) {
        const pid_t pid = pending.back();
        pending.pop_back();
        tree.push_back(pid);
        const std::string taskDir = "/proc/" + std::to_string(pid) + "/task";
        DIR *dir = opendir(taskDir.c_str());
        if (!dir)
            continue;
        while (const dirent *task = readdir(dir)) {
            if (task->d_name[0] == '.')
                continue;
            const std::string children = readProc(taskDir + '/' + task->d_name + "/children");
            const char *p = children.c_str();
            char *end = nullptr;
            for (long c = std::strtol(p, &end, 10); end != p; c = std::strtol(p, &end, 10)) {
                p = end;
                if (std::find(tree.begin(), tree.end(), pid_t(c)) == tree.end()
                    && std::find(pending.begin(), pending.end(), pid_t(c)) == pending.end())
                    pending.push_back(pid_t(c));
            }
        }
        closedir(dir);
    }
    return tree;
}

/** Resident pages of one process, in bytes (/proc/PID/statm, second field). */
qint64 residentBytes(pid_t pid)
{
    const std::string statm = readProc("/proc/" + std::to_string(pid) + "/statm");
    const std::size_t space = statm.find(' ');
    return space == std::string::npos ? 0 : std::atoll(statm.c_str() + space + 1) * sysconf(_SC_PAGESIZE);
}

/** CPU time this thread has used, in ms: what the sampling costs, whatever the load. */
double threadCpuMs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return double(t.tv_sec) * 1e3 + double(t.tv_nsec) / 1e6;
}

/** Proportional set size of one process, in bytes (/proc/PID/smaps_rollup). */
qint64 proportionalBytes(pid_t pid)
{
    const std::string rollup = readProc("/proc/" + std::to_string(pid) + "/smaps_rollup");
    const std::size_t at = rollup.find("\nPss:");
    return at == std::string::npos ? 0 : std::atoll(rollup.c_str() + at + 5) * 1024;
}

/**
 * Runs argv with env added to the environment, until every process it starts is gone,
 * and measures it (see the header). output is the PNG it is expected to write.
 */
Measurement measure(const QStringList &argv, const QStringList &env, const QString &output, const QString &log)
{
    Measurement m;
    QFile::remove(output);
    const QString folder = QFileInfo(output).absolutePath();
    const QByteArray name = QFileInfo(output).fileName().toUtf8();
    const int watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (watch < 0 || inotify_add_watch(watch, QFile::encodeName(folder).constData(), IN_CLOSE_WRITE | IN_MOVED_TO) < 0) {
        m.error = u"inotify on %1 failed"_s.arg(folder);
        return m;
    }

    std::vector<std::string> args;
    for (const QString &a : argv)
        args.push_back(a.toStdString());
    std::vector<char *> cargs;
    for (std::string &a : args)
        cargs.push_back(a.data());
    cargs.push_back(nullptr);
    std::vector<std::string> envStrings;
    for (char **e = environ; *e; ++e)
        envStrings.emplace_back(*e);
    for (const QString &e : env)
        envStrings.push_back(e.toStdString());
    std::vector<char *> cenv;
    for (std::string &e : envStrings)
        cenv.push_back(e.data());
    cenv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string logPath = log.toStdString();
    posix_spawn_file_actions_addopen(&actions, 1, logPath.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&attributes, 0);

    QElapsedTimer clock;
    clock.start();
    pid_t root = 0;
    const int spawned = posix_spawn(&root, cargs[0], &actions, &attributes, cargs.data(), cenv.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    if (spawned != 0) {
        m.error = u"cannot start %1"_s.arg(argv.first());
        ::close(watch);
        return m;
    }

    qint64 peak = 0, peakPss = 0;
    int samples = 0;
    std::vector<pid_t> tree;
    long largestKiB = 0;
    bool written = false, rootExited = false, rootOk = false;
    for (;;) {
        pollfd p{watch, POLLIN, 0};
        if (poll(&p, 1, kSampleMs) > 0) {
            alignas(inotify_event) char buffer[4096];
            const ssize_t n = read(watch, buffer, sizeof buffer);
            for (ssize_t i = 0; i < n;) {
                const auto *event = reinterpret_cast<const inotify_event *>(buffer + i);
                if (!written && event->len > 0 && name == QByteArray(event->name)) {
                    m.screenMs = double(clock.nsecsElapsed()) / 1e6;
                    written = true;
                }
                i += ssize_t(sizeof(inotify_event) + event->len);
            }
        }
        // Everything still alive that we started: the root's tree, and orphans we adopted.
        // Looking for new processes costs more than reading the known ones' sizes, and
        // processes are started early: every kTreeEvery-th sample.
        const double sampleStart = threadCpuMs();
        if (samples % kTreeEvery == 0) {
            tree = processTree(getpid());
            tree.erase(std::remove(tree.begin(), tree.end(), getpid()), tree.end());
        }
        qint64 sum = 0, pss = 0;
        // PSS walks every mapping: every kPssEvery-th sample only.
        const bool withPss = samples % kPssEvery == 0;
        ++samples;
        for (const pid_t pid : tree) {
            sum += residentBytes(pid);
            if (withPss)
                pss += proportionalBytes(pid);
        }
        peak = std::max(peak, sum);
        peakPss = std::max(peakPss, pss);
        m.maxProcesses = std::max(m.maxProcesses, int(tree.size()));
        m.samplingMs += threadCpuMs() - sampleStart;

        int status = 0;
        rusage usage{};
        pid_t reaped = 0;
        while ((reaped = wait4(-1, &status, WNOHANG, &usage)) > 0) {
            largestKiB = std::max(largestKiB, usage.ru_maxrss);
            if (reaped == root) {
                rootExited = true;
                rootOk = WIFEXITED(status) && WEXITSTATUS(status) == 0;
            }
        }
        if (reaped < 0 && errno == ECHILD)
            break;
        if (clock.elapsed() > kTimeoutMs) {
            kill(-root, SIGKILL);
            m.error = u"timed out"_s;
        }
    }
    m.exitMs = double(clock.nsecsElapsed()) / 1e6;
    ::close(watch);
    m.peakTreeMiB = double(peak) / (1024.0 * 1024.0);
    m.peakTreePssMiB = double(peakPss) / (1024.0 * 1024.0);
    m.largestMiB = double(largestKiB) / 1024.0;
    if (m.error.isEmpty() && !(rootExited && rootOk))
        m.error = u"%1 failed (see %2)"_s.arg(QFileInfo(argv.first()).fileName(), log);
    if (m.error.isEmpty() && (!written || QFileInfo(output).size() < 10000))
        m.error = u"no screenshot, or an empty one: %1"_s.arg(output);
    m.ok = m.error.isEmpty();
    return m;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

/** Runs a tool and waits; its output goes to the log. */
bool run(const QString &program, const QStringList &args, const QStringList &env, const QString &log, double *seconds = nullptr)
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &e : env)
        environment.insert(e.section(u'=', 0, 0), e.section(u'=', 1));
    process.setProcessEnvironment(environment);
    process.setStandardOutputFile(log, QIODevice::Append);
    process.setStandardErrorFile(log, QIODevice::Append);
    QElapsedTimer clock;
    clock.start();
    process.start(program, args);
    if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        err() << "failed: " << program << ' ' << args.join(u' ') << " (see " << log << ")\n";
        err().flush();
        return false;
    }
    if (seconds)
        *seconds = double(clock.elapsed()) / 1000.0;
    return true;
}

qint64 folderBytes(const QString &dir)
{
    qint64 total = 0;
    QDirIterator it(dir, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        total += it.fileInfo().size();
    }
    return total;
}

qint64 folderFiles(const QString &dir, const QString &suffix)
{
    qint64 n = 0;
    QDirIterator it(dir, {u"*"_s + suffix}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

struct Scenario
{
    QString label;
    QString packLabel;
    QString pack;
    QString site;
    QString route;
    QString lang;
    QString webPath;
    QList<Measurement> kiosk;
    QList<Measurement> browser;
};

QString ms(double v) { return QString::number(v, 'f', 0); }
QString mib(double v) { return QString::number(v, 'f', 0); }
QString spread(const QList<double> &v)
{
    if (v.isEmpty())
        return u"-"_s;
    return ms(median(v)) + u" ("_s + ms(*std::min_element(v.begin(), v.end())) + u'-'
        + ms(*std::max_element(v.begin(), v.end())) + u')';
}
QString ratio(double a, double b) { return b > 0 ? QString::number(a / b, 'f', 2) : u"-"_s; }

QList<double> values(const QList<Measurement> &runs, double Measurement::*field)
{
    QList<double> out;
    for (const Measurement &m : runs) {
        if (m.ok)
            out.append(m.*field);
    }
    return out;
}

QString loadAverage()
{
    return QString::fromLatin1(readSmallFile(u"/proc/loadavg"_s)).section(u' ', 0, 2);
}

QString firstLine(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    p.waitForFinished(30000);
    return QString::fromUtf8(p.readAllStandardOutput()).section(u'\n', 0, 0).trimmed();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"The native kiosk against headless Chromium on the pack's web copy."_s);
    parser.addHelpOption();
    const QCommandLineOption kioskOption(u"kiosk"_s, u"The passerelle executable."_s, u"path"_s);
    const QCommandLineOption toolOption(u"pack-tool"_s, u"The passerelle-pack executable."_s, u"path"_s);
    const QCommandLineOption contentOption(u"content"_s, u"The demo content folder."_s, u"dir"_s);
    const QCommandLineOption workOption(u"work"_s, u"Where packs, web copies and screenshots go."_s, u"dir"_s);
    const QCommandLineOption runsOption(u"runs"_s, u"Measured pairs per screen (default 7)."_s, u"n"_s, u"7"_s);
    const QCommandLineOption scaleOption(u"scale"_s, u"Size of the large pack, in demo packs (default 100; 0 skips it)."_s,
                                         u"n"_s, u"100"_s);
    const QCommandLineOption chromiumOption(u"chromium"_s, u"The browser (default: chromium on PATH)."_s, u"path"_s);
    const QCommandLineOption sizeOption(u"size"_s, u"Window size (default 1920x1080)."_s, u"WxH"_s, u"1920x1080"_s);
    parser.addOptions({kioskOption, toolOption, contentOption, workOption, runsOption, scaleOption, chromiumOption, sizeOption});
    parser.process(app);
    for (const QCommandLineOption &o : {kioskOption, toolOption, contentOption, workOption}) {
        if (!parser.isSet(o)) {
            err() << "compare-browser: --" << o.names().first() << " is required\n";
            return 2;
        }
    }
    const QString kiosk = parser.value(kioskOption);
    const QString tool = parser.value(toolOption);
    const QString content = parser.value(contentOption);
    const QString work = QDir(parser.value(workOption)).absolutePath();
    const int runs = std::max(1, parser.value(runsOption).toInt());
    const int scale = parser.value(scaleOption).toInt();
    const QString size = parser.value(sizeOption);
    const QString chromium = parser.isSet(chromiumOption) ? parser.value(chromiumOption)
                                                          : QStandardPaths::findExecutable(u"chromium"_s);
    if (chromium.isEmpty()) {
        err() << "compare-browser: chromium is not installed (apt-get install chromium, or deploy/install-deps.sh)\n";
        return 1;
    }
    // Orphans (Chromium's helpers when their parent goes first) are reaped, and measured, here.
    prctl(PR_SET_CHILD_SUBREAPER, 1);

    QDir().mkpath(work);
    const QString log = QDir(work).filePath(u"bench.log"_s);
    QFile::remove(log);
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    const QStringList epoch{u"SOURCE_DATE_EPOCH=1767225600"_s};
    // Both packs have the speech a real build makes; its cache lives with the bench.
    const QString audioCache = QDir(work).filePath(u"audio-cache"_s);

    // The demo pack and its web copy.
    const QString pack1 = QDir(work).filePath(u"pack-1x"_s), site1 = QDir(work).filePath(u"web-1x"_s);
    double build1 = 0, export1 = 0;
    if (!run(tool, {u"build"_s, content, pack1, u"--audio-cache"_s, audioCache}, epoch, log, &build1)
        || !run(tool, {u"export-web"_s, pack1, site1, u"--today"_s, today}, {}, log, &export1))
        return 1;

    // The same content scale times over; rebuilt only when the demo pack's database changed.
    const QString packN = QDir(work).filePath(u"pack-%1x"_s.arg(scale)), siteN = QDir(work).filePath(u"web-%1x"_s.arg(scale));
    double buildN = 0, exportN = 0;
    bool reused = false;
    if (scale > 1) {
        const QByteArray manifest = readSmallFile(QDir(pack1).filePath(u"manifest.json"_s));
        const QByteArray stamp = QCryptographicHash::hash(QByteArray(manifest + QByteArray::number(scale) + today.toUtf8()),
                                                          QCryptographicHash::Sha256).toHex();
        const QString stampFile = QDir(work).filePath(u"pack-%1x.stamp"_s.arg(scale));
        reused = readSmallFile(stampFile) == stamp && QFile::exists(QDir(packN).filePath(u"manifest.json"_s))
            && QFile::exists(QDir(siteN).filePath(u"index.html"_s));
        if (!reused) {
            err() << "compare-browser: building the " << scale << "x pack (minutes)...\n";
            err().flush();
            const QString contentN = QDir(work).filePath(u"content-%1x"_s.arg(scale));
            // Every page copied under new ids (the kiosk benchmark's helper, tests/bench/common).
            const QString problem = passerelle::bench::writeScaledContent(content, contentN, scale);
            if (!problem.isEmpty()) {
                err() << "compare-browser: " << problem << '\n';
                return 1;
            }
            if (!run(tool, {u"build"_s, contentN, packN, u"--audio-cache"_s, audioCache}, epoch, log, &buildN)
                || !run(tool, {u"export-web"_s, packN, siteN, u"--today"_s, today}, {}, log, &exportN))
                return 1;
            QDir(contentN).removeRecursively();
            QFile f(stampFile);
            if (f.open(QIODevice::WriteOnly))
                f.write(stamp);
        }
    }

    QList<Scenario> scenarios{
        {u"home"_s, u"demo"_s, pack1, site1, u"home"_s, u"fr"_s, u"fr/index.html"_s, {}, {}},
        {u"page amu-steps"_s, u"demo"_s, pack1, site1, u"page/amu-steps"_s, u"ar"_s, u"ar/page/amu-steps.html"_s, {}, {}},
        {u"topic health"_s, u"demo"_s, pack1, site1, u"topic/health"_s, u"fr"_s, u"fr/topic/health.html"_s, {}, {}},
    };
    if (scale > 1) {
        const QString label = u"%1x demo"_s.arg(scale);
        scenarios.append({u"home"_s, label, packN, siteN, u"home"_s, u"fr"_s, u"fr/index.html"_s, {}, {}});
        scenarios.append({u"topic health"_s, label, packN, siteN, u"topic/health"_s, u"fr"_s, u"fr/topic/health.html"_s, {}, {}});
    }

    const QString loadBefore = loadAverage();
    const QString shots = QDir(work).filePath(u"shots"_s);
    QDir().mkpath(shots);
    const QString windowSize = QString(size).replace(u'x', u',');
    int failures = 0;
    // Rounds over every screen rather than one screen after the other, so that a change
    // of load on the machine during the bench weighs on every screen alike.
    for (int i = -1; i < runs; ++i) { // round -1 warms the caches and is not counted
        err() << "compare-browser: " << (i < 0 ? u"warm-up"_s : u"round %1/%2"_s.arg(i + 1).arg(runs));
        err().flush();
        for (Scenario &s : scenarios) {
            const QString kioskPng = QDir(shots).filePath(u"kiosk.png"_s);
            const QString browserPng = QDir(shots).filePath(u"browser.png"_s);
            const QStringList kioskArgs{kiosk, u"--pack"_s, s.pack, u"--screenshot"_s, kioskPng, u"--route"_s, s.route,
                                        u"--lang"_s, s.lang, u"--size"_s, size, u"--today"_s, today};
            QTemporaryDir profile(QDir(work).filePath(u"profile-XXXXXX"_s));
            const QStringList browserArgs{chromium, u"--headless"_s, u"--no-sandbox"_s, u"--disable-gpu"_s,
                                          u"--no-first-run"_s, u"--disable-background-networking"_s,
                                          u"--disable-component-update"_s, u"--disable-sync"_s,
                                          u"--user-data-dir="_s + profile.path(), u"--window-size="_s + windowSize,
                                          u"--screenshot="_s + browserPng,
                                          u"file://"_s + QDir(s.site).filePath(s.webPath)};
            Measurement k, b;
            if (i % 2 == 0) {
                k = measure(kioskArgs, {}, kioskPng, log);
                b = measure(browserArgs, {}, browserPng, log);
            } else {
                b = measure(browserArgs, {}, browserPng, log);
                k = measure(kioskArgs, {}, kioskPng, log);
            }
            for (const Measurement *m : {&k, &b}) {
                if (!m->ok) {
                    err() << "\n  " << s.label << ", round " << i << ": " << m->error;
                    ++failures;
                }
            }
            if (i >= 0) {
                s.kiosk.append(k);
                s.browser.append(b);
            } else {
                // Keep the warm-up's pictures: what both programs showed.
                const QString stem = QString(s.label + u'-' + s.lang + u'-' + s.packLabel).replace(u' ', u'-');
                QFile::remove(QDir(shots).filePath(stem + u"-kiosk.png"_s));
                QFile::remove(QDir(shots).filePath(stem + u"-browser.png"_s));
                QFile::copy(kioskPng, QDir(shots).filePath(stem + u"-kiosk.png"_s));
                QFile::copy(browserPng, QDir(shots).filePath(stem + u"-browser.png"_s));
            }
            err() << '.';
            err().flush();
        }
        err() << '\n';
    }

    // The report.
    // Bold lines rather than headings: the report is pasted into other documents as it is.
    out() << "\n**compare-browser, " << QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm"_s) << " UTC**\n\n";
    out() << "- machine: " << firstLine(u"sh"_s, {u"-c"_s, u"grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"_s})
        << ", " << QThread::idealThreadCount() << " cores, " << firstLine(u"uname"_s, {u"-r"_s}) << '\n';
    out() << "- browser: " << firstLine(chromium, {u"--version"_s}) << "; kiosk: passerelle, Qt " << qVersion()
        << " (software renderer, offscreen)\n";
    out() << "- load average before the runs: " << loadBefore << "; after: " << loadAverage()
          << " (the machine is shared; other work there slows both programs)\n";
    double sampling = 0, elapsed = 0;
    for (const Scenario &s : std::as_const(scenarios)) {
        for (const QList<Measurement> *list : {&s.kiosk, &s.browser}) {
            for (const Measurement &m : *list) {
                sampling += m.samplingMs;
                elapsed += m.exitMs;
            }
        }
    }
    out() << "- the sampling of /proc took " << QString::number(elapsed > 0 ? 100 * sampling / elapsed : 0, 'f', 1)
          << "% of one core during the runs (CPU time)\n";
    out() << "- " << runs << " rounds of one pair per screen after a warm-up round, which program goes first "
             "alternating; window " << size
        << "; rules in force on " << today << "\n";
    out() << "- time: process start to the PNG written. Tree RSS: the largest sum of RSS over the process and its "
             "descendants, sampled every "
          << kSampleMs << " ms (shared pages count once per process). Tree PSS: the same with PSS (shared pages split "
             "between the processes sharing them), sampled every "
          << kSampleMs * kPssEvery << " ms. Largest process: the largest ru_maxrss of one process.\n\n";

    out() << "**Time to the first screen** (ms; median, and min-max over the runs)\n\n";
    out() << "| screen | lang | pack | kiosk | browser | kiosk / browser |\n|---|---|---|---:|---:|---:|\n";
    for (const Scenario &s : std::as_const(scenarios)) {
        const QList<double> kt = values(s.kiosk, &Measurement::screenMs), bt = values(s.browser, &Measurement::screenMs);
        out() << "| " << s.label << " | " << s.lang << " | " << s.packLabel << " | " << spread(kt) << " | " << spread(bt)
              << " | " << ratio(median(kt), median(bt)) << " |\n";
    }
    out() << "\n**Peak memory** (MiB; medians)\n\n";
    out() << "| screen | lang | pack | kiosk tree RSS | browser tree RSS | ratio | kiosk tree PSS | browser tree PSS | ratio "
             "| kiosk largest process | browser largest process | ratio | browser processes |\n";
    out() << "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Scenario &s : std::as_const(scenarios)) {
        const double kr = median(values(s.kiosk, &Measurement::peakTreeMiB));
        const double br = median(values(s.browser, &Measurement::peakTreeMiB));
        const double kp = median(values(s.kiosk, &Measurement::peakTreePssMiB));
        const double bp = median(values(s.browser, &Measurement::peakTreePssMiB));
        const double kl = median(values(s.kiosk, &Measurement::largestMiB));
        const double bl = median(values(s.browser, &Measurement::largestMiB));
        QList<double> processes;
        for (const Measurement &m : s.browser)
            processes.append(m.maxProcesses);
        out() << "| " << s.label << " | " << s.lang << " | " << s.packLabel << " | " << mib(kr) << " | " << mib(br) << " | "
              << ratio(kr, br) << " | " << mib(kp) << " | " << mib(bp) << " | " << ratio(kp, bp) << " | " << mib(kl) << " | "
              << mib(bl) << " | " << ratio(kl, bl) << " | " << median(processes) << " |\n";
    }
    out() << "\nTarget: the kiosk at most a quarter (0.25) of the browser's time and memory.\n";

    if (scale > 1) {
        out() << "\n**Scaling with content** (" << scale << "x the demo pack; medians)\n\n";
        out() << "| | demo pack | " << scale << "x demo |\n|---|---:|---:|\n";
        out() << "| page ids | " << folderFiles(QDir(site1).filePath(u"fr/page"_s), u".html"_s) << " | "
            << folderFiles(QDir(siteN).filePath(u"fr/page"_s), u".html"_s) << " |\n";
        out() << "| pack size (MiB) | " << mib(double(folderBytes(pack1)) / 1048576.0) << " | "
            << mib(double(folderBytes(packN)) / 1048576.0) << " |\n";
        out() << "| web copy size (MiB) | " << mib(double(folderBytes(site1)) / 1048576.0) << " | "
            << mib(double(folderBytes(siteN)) / 1048576.0) << " |\n";
        out() << "| web copy files | " << folderFiles(site1, QString()) << " | " << folderFiles(siteN, QString()) << " |\n";
        if (!reused) {
            out() << "| passerelle-pack build (s) | " << QString::number(build1, 'f', 1) << " | " << QString::number(buildN, 'f', 1) << " |\n";
            out() << "| passerelle-pack export-web (s) | " << QString::number(export1, 'f', 1) << " | "
                << QString::number(exportN, 'f', 1) << " |\n";
        }
        for (const QString &screen : {u"home"_s, u"topic health"_s}) {
            const Scenario *small = nullptr, *large = nullptr;
            for (const Scenario &s : std::as_const(scenarios)) {
                if (s.label == screen)
                    (s.pack == pack1 ? small : large) = &s;
            }
            if (!small || !large)
                continue;
            out() << "| " << screen << ", kiosk time (ms) | " << ms(median(values(small->kiosk, &Measurement::screenMs))) << " | "
                << ms(median(values(large->kiosk, &Measurement::screenMs))) << " |\n";
            out() << "| " << screen << ", browser time (ms) | " << ms(median(values(small->browser, &Measurement::screenMs)))
                << " | " << ms(median(values(large->browser, &Measurement::screenMs))) << " |\n";
            out() << "| " << screen << ", kiosk peak tree RSS (MiB) | "
                << mib(median(values(small->kiosk, &Measurement::peakTreeMiB))) << " | "
                << mib(median(values(large->kiosk, &Measurement::peakTreeMiB))) << " |\n";
            out() << "| " << screen << ", browser peak tree RSS (MiB) | "
                << mib(median(values(small->browser, &Measurement::peakTreeMiB))) << " | "
                << mib(median(values(large->browser, &Measurement::peakTreeMiB))) << " |\n";
        }
    }
    out() << "\nScreenshots of the warm-up runs: " << shots << "\n";
    out().flush();
    if (failures > 0) {
        err() << "compare-browser: " << failures << " run(s) failed; see " << log << '\n';
        return 1;
    }
    return 0;
}
