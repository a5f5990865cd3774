#include "healthreport.h"

#include "fsutil.h"
#include "packstartup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <fcntl.h>
#include <sys/stat.h>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcHealth, "passerelle.health")

namespace {

QByteArray labelValue(const QString &value)
{
    QByteArray out = value.toUtf8();
    out.replace('\\', "\\\\").replace('"', "\\\"").replace('\n', "\\n");
    return out;
}

QByteArray seconds(const QDateTime &time)
{
    return QByteArray::number(time.isValid() ? time.toSecsSinceEpoch() : 0);
}

void metric(QByteArray &out, const char *name, const char *help, const QByteArray &labels, const QByteArray &value)
{
    out += "# HELP ";
    out += name;
    out += ' ';
    out += help;
    out += "\n# TYPE ";
    out += name;
    out += " gauge\n";
    out += name;
    if (!labels.isEmpty())
        out += '{' + labels + '}';
    out += ' ' + value + '\n';
}

} // namespace

QByteArray renderHealthTextfile(const HealthSnapshot &s)
{
    QByteArray out;
    metric(out, "passerelle_up", "1 while the kiosk runs, 0 after a clean exit.", {}, s.up ? "1" : "0");
    metric(out, "passerelle_build_info", "The kiosk's version and name.",
           "version=\"" + labelValue(s.version) + "\",kiosk=\"" + labelValue(s.kioskName) + '"', "1");
    metric(out, "passerelle_pack_version", "Version of the active content pack.",
           "pack_id=\"" + labelValue(s.packId) + '"', QByteArray::number(s.packVersion));
    metric(out, "passerelle_pack_expiry_timestamp_seconds", "When the active pack expires (Unix time).", {},
           seconds(s.packExpires));
    metric(out, "passerelle_last_sync_timestamp_seconds", "When the last sync check ended (Unix time; 0: never).",
           {}, seconds(s.lastSync));
    metric(out, "passerelle_last_sync_success", "1 when the last sync check ended well.", {},
           s.lastSync.isValid() && s.lastSyncSucceeded ? "1" : "0");
    metric(out, "passerelle_uptime_seconds", "Seconds since the kiosk started.", {},
           QByteArray::number(s.uptimeSeconds));
    metric(out, "passerelle_last_crash_timestamp_seconds",
           "When a run last ended without a clean exit (Unix time; 0: never).", {}, seconds(s.lastCrash));
    out += "# HELP passerelle_pack_fallback 1 when the kiosk did not show its active pack at start, for this reason.\n"
           "# TYPE passerelle_pack_fallback gauge\n";
    for (const PackFallbackReason reason : allPackFallbackReasons()) {
        const QString name = packFallbackReasonName(reason);
        out += "passerelle_pack_fallback{reason=\"" + labelValue(name) + "\"} "
            + (s.packFallbacks.contains(name) ? "1" : "0") + '\n';
    }
    metric(out, "passerelle_out_of_service", "1 when no pack is usable and the out-of-service screen shows.", {},
           s.outOfService ? "1" : "0");
    return out;
}

std::optional<Problem> writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    // The textfile folder is writable by the prometheus user too: fs:: never writes through
    // a link planted in it, nor through the folder if it was swapped for a link (its
    // parent is the prometheus user's). The temporary name is a dot file: node-exporter
    // reads *.prom only. 0644 whatever the umask: node-exporter must read it.
    const QFileInfo info(path);
    return sync::fs::writeFileAtomically(info.absolutePath(), info.fileName(), bytes, 0644);
}

CrashMarker::CrashMarker(QString stateDirectory)
    : m_marker(QDir(stateDirectory).filePath(u"running"_s))
    , m_lastCrash(QDir(stateDirectory).filePath(u"last-crash"_s))
{
}

void CrashMarker::start()
{
    const QFileInfo marker(m_marker);
    if (marker.exists()) {
        const QDateTime when = marker.lastModified().toUTC();
        qCWarning(lcHealth) << "the previous run did not exit cleanly; it was last seen at"
                            << when.toString(Qt::ISODate);
        if (auto problem = sync::fs::writeFileDurably(m_lastCrash, QByteArray::number(when.toSecsSinceEpoch()) + '\n'))
            qCWarning(lcHealth).noquote() << problem->toString();
    }
    if (auto problem = sync::fs::writeFileDurably(m_marker, QByteArray::number(QCoreApplication::applicationPid()) + '\n'))
        qCWarning(lcHealth).noquote() << problem->toString() << "(crashes will not be noticed)";
}

void CrashMarker::touch()
{
    ::utimensat(AT_FDCWD, QFile::encodeName(m_marker).constData(), nullptr, AT_SYMLINK_NOFOLLOW);
}

void CrashMarker::finish()
{
    QFile::remove(m_marker);
}

QDateTime CrashMarker::lastCrash() const
{
    QFile file(m_lastCrash);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    bool ok = false;
    const qint64 secs = file.readLine(64).trimmed().toLongLong(&ok);
    return ok && secs > 0 ? QDateTime::fromSecsSinceEpoch(secs, Qt::UTC) : QDateTime();
}

HealthReporter::HealthReporter(QString path, int intervalSeconds, Snapshot snapshot, QObject *parent)
    : QObject(parent), m_path(std::move(path)), m_snapshot(std::move(snapshot))
{
    m_timer.setInterval(std::max(1, intervalSeconds) * 1000);
    connect(&m_timer, &QTimer::timeout, this, &HealthReporter::writeNow);
}

bool HealthReporter::writeNow()
{
    if (m_path.isEmpty())
        return false;
    const std::optional<Problem> problem = writeFileAtomically(m_path, renderHealthTextfile(m_snapshot()));
    if (problem) {
        if (!m_failing)
            qCWarning(lcHealth).noquote() << problem->toString()
                                          << "(see deploy/README.md, \"Fleet monitoring\"; retried every interval)";
        m_failing = true;
        return false;
    }
    if (m_failing)
        qCInfo(lcHealth) << "health textfile written again:" << m_path;
    m_failing = false;
    Q_EMIT written();
    return true;
}

void HealthReporter::start()
{
    writeNow();
    m_timer.start();
}

void HealthReporter::writeFinal()
{
    m_timer.stop();
    if (m_path.isEmpty())
        return;
    HealthSnapshot last = m_snapshot();
    last.up = false;
    (void)writeFileAtomically(m_path, renderHealthTextfile(last));
}

} // namespace passerelle
