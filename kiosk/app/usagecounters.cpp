#include "usagecounters.h"

#include "fsutil.h"
#include "navigator.h"
#include "repository.h"
#include "session.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>

#include <algorithm>

namespace passerelle {

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcUsage, "passerelle.usage")

namespace {

// Schema steps, one per version; each runs in a transaction with its user_version.
const char *const kMigrations[] = {
    // 1: counts per day, topic and language. Nothing else may ever be added here that
    // could tell one visitor from another (tests/unit/ops/tst_usagecounters checks it).
    "CREATE TABLE usage_counts ("
    "  day TEXT NOT NULL,"
    "  topic TEXT NOT NULL,"
    "  language TEXT NOT NULL,"
    "  count INTEGER NOT NULL CHECK (count >= 0),"
    "  PRIMARY KEY (day, topic, language)"
    ") WITHOUT ROWID;",
};

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n') && !value.contains(u'\r'))
        return value;
    QString quoted = value;
    quoted.replace(u"\""_s, u"\"\""_s);
    return u'"' + quoted + u'"';
}

} // namespace

QString UsageCounters::databasePath(const QString &stateDirectory)
{
    return QDir(stateDirectory).filePath(u"kiosk-state.sqlite"_s);
}

Result<std::unique_ptr<UsageCounters>> UsageCounters::open(const QString &path)
{
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Problem{path, 0, u"cannot create the folder of the state database"_s, {}};
    Result<SqliteDatabase> db = SqliteDatabase::open(path, SqliteDatabase::Mode::ReadWriteCreate);
    if (!db)
        return db.problem();
    int current = 0;
    {
        // Finalized at once: an unfinished statement keeps a read transaction open.
        SqliteStatement version = db->prepare(u"PRAGMA user_version"_s);
        current = version.next() ? int(version.integer(0)) : 0;
    }
    if (current > kSchemaVersion)
        return Problem{path, 0,
                       u"the state database has schema %1, newer than this kiosk's %2"_s.arg(current).arg(
                           kSchemaVersion),
                       u"install the newer kiosk again, or move the file away"_s};
    if (auto problem = db->exec(u"PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=2000;"_s))
        return *problem;
    for (int step = current; step < kSchemaVersion; ++step) {
        const QString sql = u"BEGIN; "_s + QString::fromLatin1(kMigrations[step])
            + u" PRAGMA user_version = %1; COMMIT;"_s.arg(step + 1);
        if (auto problem = db->exec(sql)) {
            (void)db->exec(u"ROLLBACK"_s);
            return *problem;
        }
    }
    return std::unique_ptr<UsageCounters>(new UsageCounters(std::move(db.value())));
}

bool UsageCounters::record(const QDate &day, const QString &topic, const QString &language)
{
    if (!day.isValid() || topic.isEmpty() || language.isEmpty())
        return false;
    SqliteStatement insert = m_db.prepare(
        u"INSERT INTO usage_counts (day, topic, language, count) VALUES (?1, ?2, ?3, 1) "
        "ON CONFLICT (day, topic, language) DO UPDATE SET count = count + 1"_s);
    if (!insert.isValid() || !insert.bind(1, day.toString(Qt::ISODate)).bind(2, topic).bind(3, language).exec()) {
        qCWarning(lcUsage) << "cannot count a view of" << topic << "in" << m_db.path() << ":" << m_db.lastError();
        return false;
    }
    return true;
}

QList<UsageCount> UsageCounters::query(const QString &sql, const QDate &from, const QDate &to) const
{
    QList<UsageCount> out;
    SqliteStatement select = m_db.prepare(sql);
    if (!select.isValid())
        return out;
    if (from.isValid())
        select.bind(1, from.toString(Qt::ISODate)).bind(2, to.toString(Qt::ISODate));
    while (select.next())
        out.append(UsageCount{QDate::fromString(select.text(0), Qt::ISODate), select.text(1), select.text(2),
                              select.integer(3)});
    return out;
}

QList<UsageCount> UsageCounters::counts(const QDate &from, const QDate &to) const
{
    return query(u"SELECT day, topic, language, count FROM usage_counts WHERE day BETWEEN ?1 AND ?2 "
                 "ORDER BY day, topic, language"_s,
                 from, to);
}

QList<UsageCount> UsageCounters::allCounts() const
{
    return query(u"SELECT day, topic, language, count FROM usage_counts ORDER BY day, topic, language"_s, {}, {});
}

std::optional<Problem> UsageCounters::exportCsv(const QString &file, int minCount) const
{
    // The floor holds whoever calls: a count that leaves the kiosk is never under 5.
    const int k = std::max(minCount, kMinExportedCount);
    const QString hidden = u"<%1"_s.arg(k);
    QByteArray bytes = "day,topic,language,count\r\n";
    for (const UsageCount &c : allCounts())
        bytes += (c.day.toString(Qt::ISODate) + u',' + csvField(c.topic) + u',' + csvField(c.language) + u','
                  + (c.count < k ? hidden : QString::number(c.count)) + u"\r\n"_s)
                     .toUtf8();
    // A stick passes through many hands: a symlink on it named like the export must not
    // make the kiosk overwrite one of its own files (QSaveFile writes to a link's target).
    // fs:: never follows one, and fsyncs file and folder: the stick may be pulled right
    // after the screen says "done".
    const QFileInfo info(file);
    if (std::optional<Problem> problem = sync::fs::writeFileAtomically(info.absolutePath(), info.fileName(), bytes, 0644)) {
        if (problem->hint.isEmpty())
            problem->hint = u"is the USB stick mounted, and not full?"_s;
        return problem;
    }
    return std::nullopt;
}

UsageRecorder::UsageRecorder(UsageCounters &counters, const Repository &repository, const Navigator &navigator,
                             const Session &session, Today today, QObject *parent)
    : QObject(parent)
    , m_counters(counters)
    , m_repository(repository)
    , m_navigator(navigator)
    , m_session(session)
    , m_today(std::move(today))
    , m_depth(navigator.depth())
{
    if (!m_today)
        m_today = [] { return QDate::currentDate(); };
    connect(&navigator, &Navigator::routeChanged, this, &UsageRecorder::onRouteChanged);
}

void UsageRecorder::onRouteChanged()
{
    const int depth = m_navigator.depth();
    const bool forward = depth > m_depth;
    m_depth = depth;
    if (!forward)
        return;
    QString topic;
    const Route route = m_navigator.current();
    if (route.kind() == Route::Kind::Topic) {
        topic = route.id();
    } else if (route.kind() == Route::Kind::Page) {
        const QDate today = m_today();
        if (const auto page = m_repository.page(route.id(), m_repository.sourceLanguage(), today))
            topic = page->topic;
    }
    if (topic.isEmpty())
        return;
    if (m_counters.record(m_today(), topic, m_session.language()))
        Q_EMIT recorded();
}

UsageChartModel::UsageChartModel(QObject *parent) : QAbstractListModel(parent) {}

void UsageChartModel::setBars(const QList<Bar> &bars)
{
    beginResetModel();
    m_bars = bars;
    m_max = 0;
    for (const Bar &b : m_bars)
        m_max = std::max(m_max, b.count);
    endResetModel();
    Q_EMIT countChanged();
}

qint64 UsageChartModel::total() const
{
    qint64 sum = 0;
    for (const Bar &b : m_bars)
        sum += b.count;
    return sum;
}

int UsageChartModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_bars.size());
}

QVariant UsageChartModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Bar &bar = m_bars.at(index.row());
    switch (role) {
    case LabelRole:
        return bar.label;
    case CountRole:
        return bar.count;
    case ShareRole:
        return m_max > 0 ? double(bar.count) / double(m_max) : 0.0;
    default:
        return {};
    }
}

QHash<int, QByteArray> UsageChartModel::roleNames() const
{
    return {{LabelRole, "label"}, {CountRole, "count"}, {ShareRole, "share"}};
}

} // namespace passerelle
